"""`duban workdays year Y`: the holidays and make-up workdays in use for a year, and their sources."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from scheduler.errors import CalendarGapError, DubanError
from scheduler.plan_view import pad
from scheduler.workdays import FIRST_YEAR, LAST_YEAR, WorkCalendar

WEEKDAYS = "一二三四五六日"


def parse_year(text: str) -> int:
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise DubanError(f"年份“{text}”不合理，应为 {FIRST_YEAR}–{LAST_YEAR} 之间的四位数字，如 2027")
    return int(text)


def year_listing(cal: WorkCalendar, year: int) -> Iterator[str]:
    days = cal.special_days(year)
    yield f"{year}年节假日数据来源：{cal.year_source(year)}\n"
    if not cal.has_data(year):
        yield (f"（国务院办公厅通知发布后，在 duban.toml 的 [calendar.years.{year}] 中补充，"
               f"或在 [calendar] files 中列出 holiday-cn 格式的 {year}.json）\n")
    yield "\n"
    if days:
        yield f"  日期        星期  {pad('安排', 8)}  {pad('名称', 10)}  来源\n"
    for d in days:
        kind = "放假" if d.off else "调休上班"
        name = pad(d.name or "-", 10)
        yield f"  {d.day.isoformat()}  周{WEEKDAYS[d.day.weekday()]}  {pad(kind, 8)}  {name}  {d.source}\n"
    off = [d for d in days if d.off and d.day.year == year]
    weekday_off = sum(d.day.weekday() < 5 for d in off)
    on = sum(not d.off and d.day.year == year for d in days)
    try:
        total = f"；全年工作日 {cal.count(date(year, 1, 1), date(year, 12, 31))} 天"
    except CalendarGapError:
        total = ""
    yield f"\n合计：放假 {len(off)} 天（其中周一至周五 {weekday_off} 天），调休上班 {on} 天{total}\n"
