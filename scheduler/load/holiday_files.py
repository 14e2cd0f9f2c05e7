"""`[calendar] files`: the State Council notice as a holiday-cn style JSON file (SPEC §2.1).

    {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}

isOffDay true = a rest day, false = a 调休 working day. Dates may lie up to 31 days outside the
file's year (notices list the turn of the year). Other top-level keys ($schema, papers, …) and
other keys of a day are ignored. Every problem is reported with the file and the place (line and
column for broken JSON, `days[i] → key` otherwise); a file with an error contributes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from scheduler.errors import Problem, Severity
from scheduler.load.json_text import describe_json_error, json_error_place
from scheduler.load.reader import not_utf8
from scheduler.load.schema import Report, type_name

SLACK = timedelta(days=31)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_Error = Callable[[str, str], None]  # (place, message)


@dataclass(frozen=True, slots=True)
class HolidayFile:
    """One validated notice: its year and, date by date, (is a rest day, name)."""

    label: str  # the path as written in the settings, for messages and `workdays year`
    year: int
    days: Mapping[date, tuple[bool, str]] = field(default_factory=dict)
    path: Path | None = None


def load_holiday_file(path: Path, label: str, report: Report) -> HolidayFile | None:
    """Read and validate one file; None (after reporting) when it cannot be used."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        report(Problem(Severity.ERROR, label, "", f"找不到节假日文件（{path}）"))
        return None
    except UnicodeDecodeError:
        report(Problem(Severity.ERROR, label, "",
                       f"无法读取节假日文件（应为 UTF-8 编码的 JSON）：{not_utf8(data, label)}"))
        return None
    except OSError as err:
        report(Problem(Severity.ERROR, label, "", f"无法读取节假日文件（应为 UTF-8 编码的 JSON）：{err}"))
        return None
    return parse_holiday_json(text, label, report, path)


def parse_holiday_json(text: str, label: str, report: Report, path: Path | None = None) -> HolidayFile | None:
    repeated: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as err:
        line, column, msg = json_error_place(err)
        report(Problem(Severity.ERROR, label, f"第{line}行第{column}列",
                       f"JSON 格式错误：{describe_json_error(msg)}；应为 holiday-cn 格式 "
                       '{"year": 2027, "days": [{"name": …, "date": "YYYY-MM-DD", "isOffDay": true}]}'))
        return None
    errors: list[Problem] = []

    def error(place: str, message: str) -> None:
        errors.append(Problem(Severity.ERROR, label, place, message))

    for key in dict.fromkeys(repeated):
        error(key, f"键“{key}”重复出现（同一对象中每个键只能写一次）")
    if not isinstance(data, dict):
        error("", f"顶层应为对象 {{\"year\": …, \"days\": [...]}}，实际是{_json_type(data)}")
        return _done(errors, report, None)
    year = _year(data, error)
    days = _days(data, year, text, error)
    if year and not errors and not any(off and day.year == year for day, (off, _) in days.items()):
        report(Problem(Severity.WARNING, label, "days",
                       f"文件中没有 {year} 年的放假日期：{year} 年将按此文件计算（春节、国庆等都算作工作日），"
                       "不再按法定节假日推算；请核对文件是否完整"))
    return _done(errors, report, HolidayFile(label, year, days, path) if year else None)


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            repeated.append(key)
        out[key] = value
    return out


def _done(errors: list[Problem], report: Report, result: HolidayFile | None) -> HolidayFile | None:
    for problem in errors:
        report(problem)
    return None if errors else result


def _year(data: dict[str, Any], error: _Error) -> int:
    year = data.get("year")
    if "year" not in data:
        error("year", "缺少必填项（通知所属年份，如 2027）")
    elif not isinstance(year, int) or isinstance(year, bool):
        error("year", f"应为整数年份（如 2027），实际是{_json_type(year)}")
    elif not 2000 <= year <= 2099:
        error("year", f"年份 {year} 不在 2000–2099 之间")
    else:
        return year
    return 0


def _days(data: dict[str, Any], year: int, text: str, error: _Error) -> dict[date, tuple[bool, str]]:
    days = data.get("days")
    if not isinstance(days, list):
        error("days", "缺少必填项（日期数组）" if "days" not in data else
              f"应为数组 [...]，实际是{_json_type(days)}")
        return {}
    lines = _date_lines(text)
    seen: dict[str, int] = {}
    out: dict[date, tuple[bool, str]] = {}
    for i, item in enumerate(days):
        where = f"days[{i}]"
        if isinstance(item, dict) and isinstance(item.get("date"), str) and item["date"] in lines:
            nth = seen[item["date"]] = seen.get(item["date"], -1) + 1
            where = f"第{lines[item['date']][min(nth, len(lines[item['date']]) - 1)]}行 {where}"
        if not isinstance(item, dict):
            error(where, f"应为对象 {{\"name\", \"date\", \"isOffDay\"}}，实际是{_json_type(item)}")
            continue
        entry = _day(item, year, where, error)
        if entry is None:
            continue
        day, value = entry
        if day in out and out[day][0] != value[0]:
            error(f"{where} → date", f"{day.isoformat()} 重复出现且 isOffDay 不一致")
        out[day] = value
    return out


def _day(item: dict[str, Any], year: int, where: str, error: _Error) -> tuple[date, tuple[bool, str]] | None:
    ok = True
    for key, what in (("name", "节日名称"), ("date", "日期 \"YYYY-MM-DD\""), ("isOffDay", "true 或 false")):
        if key not in item:
            error(f"{where} → {key}", f"缺少必填项（{what}）")
            ok = False
    name, text, off = item.get("name"), item.get("date"), item.get("isOffDay")
    if "name" in item and not isinstance(name, str):
        error(f"{where} → name", f"应为文字，实际是{_json_type(name)}")
        ok = False
    if "isOffDay" in item and not isinstance(off, bool):
        shown = "" if off is None else f" {json.dumps(off, ensure_ascii=False)}"
        error(f"{where} → isOffDay", f"应为 true（放假）或 false（调休上班），实际是{_json_type(off)}{shown}")
        ok = False
    day = _date(text, year, where, error) if "date" in item else None
    if not ok or day is None:
        return None
    return day, (bool(off), str(name))


def _date(text: object, year: int, where: str, error: _Error) -> date | None:
    if not isinstance(text, str):
        error(f"{where} → date", f"应为日期字符串 \"YYYY-MM-DD\"，实际是{_json_type(text)}")
        return None
    try:
        day = date.fromisoformat(text) if _DATE.fullmatch(text) else None
    except ValueError:
        day = None
    if day is None:
        error(f"{where} → date", f"“{text}”不是日期，应为 \"YYYY-MM-DD\"，如 \"2027-01-01\"")
        return None
    if year and not date(year, 1, 1) - SLACK <= day <= date(year, 12, 31) + SLACK:
        error(f"{where} → date", f"{text} 不在文件所属的 {year} 年内（允许前后 31 天）")
        return None
    return day


def _date_lines(text: str) -> dict[str, list[int]]:
    """The lines of the `"date": "…"` of each date string, in order, to locate day entries."""
    found: dict[str, list[int]] = {}
    for match in re.finditer(r'"date"\s*:\s*"([^"\\]*)"', text):
        found.setdefault(match[1], []).append(text.count("\n", 0, match.start()) + 1)
    return found


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "数组"
    if isinstance(value, dict):
        return "对象"
    return type_name(value)
