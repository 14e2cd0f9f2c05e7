"""[calendar] of config/duban.toml → CalendarSettings (SPEC §2.1): the fallback rule, the due rule,
holidays and 调休 workdays year by year, and the holiday files layered under them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from scheduler.load.holiday_files import SLACK, HolidayFile, load_holiday_file
from scheduler.load.schema import BaseDir, Section
from scheduler.workdays import FALLBACKS, CalendarYear


@dataclass(frozen=True, slots=True)
class CalendarSettings:
    fallback: str = "statutory"
    due_rule: str = "on_or_before"
    years: Mapping[int, CalendarYear] = field(default_factory=dict)
    files: tuple[HolidayFile, ...] = ()


def parse_calendar(sec: Section, base: BaseDir) -> CalendarSettings:
    cal = sec.child(sec.table("calendar"), "[calendar]")
    fallback = cal.text("fallback", default="statutory")
    if fallback not in FALLBACKS:
        cal.error("fallback", f"应为 \"statutory\"、\"weekends\" 或 \"error\"，实际是“{fallback}”")
        fallback = "statutory"
    due_rule = cal.text("due_rule", default="on_or_before")
    if due_rule != "on_or_before":
        cal.error("due_rule", f"目前只支持 \"on_or_before\"，实际是“{due_rule}”")
    years: dict[int, CalendarYear] = {}
    for key, table in cal.table("years").items():
        year_sec = cal.child(table if isinstance(table, dict) else {}, f"[calendar.years.{key}]")
        if not (key.isdigit() and 2000 <= int(key) <= 2099):
            year_sec.error("", f"年份“{key}”不合理，应为 2000–2099 之间的四位数字")
        elif not isinstance(table, dict):
            year_sec.error("", "应为表（holidays = [...]，workdays = [...]）")
        else:
            years[int(key)] = _year(year_sec, int(key))
    files = _files(cal, base)
    cal.finish()
    return CalendarSettings(fallback, due_rule, years, files)


def _files(cal: Section, base: BaseDir) -> tuple[HolidayFile, ...]:
    """The listed files, each once; two files may not disagree about a date (like one file may not)."""
    names = cal.texts("files")
    out: list[HolidayFile] = []
    seen: dict[date, tuple[bool, str]] = {}
    for i, name in enumerate(names):
        if name in names[:i]:
            cal.error(f"files[{i}]", f"节假日文件“{name}”重复列出")
        elif (f := _holiday_file(cal, base, i, name)) is not None:
            out.append(f)
            _agree(cal, i, f, seen)
    return tuple(out)


def _agree(cal: Section, i: int, f: HolidayFile, seen: dict[date, tuple[bool, str]]) -> None:
    kind = {True: "放假", False: "调休上班"}
    for day, (off, _) in sorted(f.days.items()):
        before = seen.setdefault(day, (off, f.label))
        if before[0] != off:
            cal.error(f"files[{i}]", f"{day.isoformat()} 在 {before[1]} 中为{kind[before[0]]}、在 {f.label} 中为"
                                     f"{kind[off]}，两个文件不一致")
            return


def _holiday_file(cal: Section, base: BaseDir, i: int, name: str) -> HolidayFile | None:
    path = base / name
    if not path.is_file():
        cal.error(f"files[{i}]", f"找不到节假日文件“{name}”（{path}）")
        return None
    return load_holiday_file(path, name, cal.report)


def _year(sec: Section, year: int) -> CalendarYear:
    holidays = _date_set(sec, "holidays")
    workdays = _date_set(sec, "workdays")
    for key, days in (("holidays", holidays), ("workdays", workdays)):
        _within_year(sec, key, year, days)
    for d in sorted(holidays & workdays):
        sec.error("workdays", f"{d.isoformat()} 同时写在 holidays 和 workdays 中")
    sec.finish()
    return CalendarYear(frozenset(holidays), frozenset(workdays))


def _within_year(sec: Section, key: str, year: int, days: set[date]) -> None:
    """Like a holiday file's dates: the year's own, or within 31 days of it (the turn of the year)."""
    outside = sorted(d for d in days if not date(year, 1, 1) - SLACK <= d <= date(year, 12, 31) + SLACK)
    if outside:
        many = f" 等 {len(outside)} 个日期" if len(outside) > 1 else " "
        sec.error(key, f"{outside[0].isoformat()}{many}不在 {year} 年内（允许前后 31 天）")


def _date_set(sec: Section, key: str) -> set[date]:
    out: set[date] = set()
    for i, item in enumerate(sec.get(key, list) or ()):
        if isinstance(item, date):
            out.add(item)
        elif isinstance(item, str):
            out |= _date_range(sec, f"{key}[{i}]", item)
        else:
            sec.error(f"{key}[{i}]", "应为日期字符串 \"2027-01-01\" 或范围 \"2027-10-01..2027-10-03\"")
    return out


def _date_range(sec: Section, key: str, text: str) -> set[date]:
    parts = [p.strip() for p in text.split("..")]
    try:
        ends = [date.fromisoformat(p) for p in parts]
    except ValueError:
        ends = []
    if len(ends) not in (1, 2) or len(ends) != len(parts):
        sec.error(key, f"“{text}”不是日期或日期范围，应为 \"2027-01-01\" 或 \"2027-10-01..2027-10-03\"")
        return set()
    first, last = ends[0], ends[-1]
    if first > last:
        sec.error(key, f"范围“{text}”的起始日期晚于结束日期")
        return set()
    return {date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)}
