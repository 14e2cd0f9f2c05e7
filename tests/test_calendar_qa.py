"""Adversarial QA of the calendar (SPEC §2 [calendar], §3.1): damaged, contradictory and odd
holiday files and settings, year edges through `duban workdays`. Every date in a made-up file is for
2098/2099 (no real arrangement) unless it says otherwise."""

from __future__ import annotations

import json
from datetime import date

import pytest

from scheduler.calendar_notice import next_year_notices
from scheduler.workdays import CalendarYear, WorkCalendar
from tests.calendar_data import package_through
from tests.conftest import SETTINGS, Duban, Project


def setup(project: Project, calendar: str, files: dict[str, bytes] | None = None) -> str:
    project.write("duban.toml", SETTINGS + calendar)
    for name, data in (files or {}).items():
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        (project.root / name).write_bytes(data)
    return str(project.config)


def notice(year: int, *days: tuple[str, str, bool]) -> str:
    return json.dumps({"year": year, "days": [{"name": n, "date": d, "isOffDay": o} for n, d, o in days]},
                      ensure_ascii=False, indent=2)


# -- files in other encodings ---------------------------------------------------------------------

def test_gbk_file_is_an_error_naming_the_file(project: Project, duban: Duban) -> None:
    data = notice(2099, ("元旦", "2099-01-01", True)).encode("gbk")
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": data})
    result = duban("check", "--config", cfg)
    assert result.code == 1
    line = next(x for x in result.out.splitlines() if "h/2099.json" in x)
    assert "UTF-8" in line
    assert "Traceback" not in result.out + result.err


def test_utf8_bom_file_is_read(project: Project, duban: Duban) -> None:
    data = b"\xef\xbb\xbf" + notice(2099, ("元旦", "2099-01-01", True)).encode()
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": data})
    assert duban("workdays", "is", "2099-01-01", "--config", cfg).out == "false\n"


def test_utf16_file_is_an_error_not_a_crash(project: Project, duban: Duban) -> None:
    data = notice(2099, ("元旦", "2099-01-01", True)).encode("utf-16")
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": data})
    result = duban("check", "--config", cfg)
    assert result.code == 1
    assert "h/2099.json" in result.out
    assert "Traceback" not in result.out + result.err


# -- duplicates and contradictions ---------------------------------------------------------------

def test_duplicate_same_day_same_kind_is_accepted(project: Project, duban: Duban) -> None:
    text = notice(2099, ("元旦", "2099-01-01", True), ("元旦", "2099-01-01", True))
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": text.encode()})
    assert duban("check", "--config", cfg).code == 0
    assert duban("workdays", "is", "2099-01-01", "--config", cfg).out == "false\n"


def test_contradicting_duplicate_names_the_line_of_the_second_entry(project: Project, duban: Duban) -> None:
    text = notice(2099, ("元旦", "2099-01-01", True), ("春节", "2099-01-19", True), ("元旦", "2099-01-01", False))
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": text.encode()})
    result = duban("check", "--config", cfg)
    assert result.code == 1
    line = next(x for x in result.out.splitlines() if "重复出现" in x)
    assert "第16行 days[2] → date" in line, line


# -- [calendar.years.Y] dates must belong to Y ----------------------------------------------------

def test_settings_year_with_dates_of_another_year_is_an_error(project: Project, duban: Duban) -> None:
    # the operator copied last year's table and forgot to change the dates (far years, made up)
    cfg = setup(project, '\n[calendar.years.2099]\nholidays = ["2098-12-31", "2098-01-27..2098-02-02"]\n'
                         'workdays = ["2099-01-03", "2097-02-08"]\n')
    result = duban("workdays", "is", "2099-01-01", "--config", cfg)
    assert result.code == 1
    assert ("[calendar.years.2099] → holidays：2098-01-27 等 7 个日期不在 2099 年内（允许前后 31 天）"
            in result.out + result.err), result.out + result.err
    assert "2098-12-31" not in result.out + result.err  # within 31 days of 2099: the turn of the year
    assert "workdays：2097-02-08 不在 2099 年内" in result.out + result.err
    assert "Traceback" not in result.out + result.err


def test_settings_year_accepts_the_turn_of_the_year(project: Project, duban: Duban) -> None:
    cfg = setup(project, '\n[calendar.years.2099]\nholidays = ["2098-12-31..2099-01-02"]\n')
    assert duban("workdays", "is", "2098-12-31", "--config", cfg).out == "false\n"
    assert duban("workdays", "is", "2099-01-02", "--config", cfg).out == "false\n"


# -- several files ------------------------------------------------------------------------------

def test_two_files_contradicting_on_a_date_is_an_error(project: Project, duban: Duban) -> None:
    files = {"h/a.json": notice(2099, ("元旦", "2099-01-02", True)).encode(),
             "h/b.json": notice(2099, ("元旦", "2099-01-02", False), ("春节", "2099-01-19", True)).encode()}
    cfg = setup(project, '\n[calendar]\nfiles = ["h/a.json", "h/b.json"]\n', files)
    result = duban("workdays", "is", "2099-01-02", "--config", cfg)
    assert result.code == 1
    assert ("[calendar] → files[1]：2099-01-02 在 h/a.json 中为放假、在 h/b.json 中为调休上班，两个文件不一致"
            in result.err), result.err
    assert "Traceback" not in result.out + result.err


def test_a_file_listed_twice_is_an_error(project: Project, duban: Duban) -> None:
    files = {"h/a.json": notice(2099, ("元旦", "2099-01-02", True)).encode()}
    cfg = setup(project, '\n[calendar]\nfiles = ["h/a.json", "h/a.json"]\n', files)
    result = duban("workdays", "is", "2099-01-02", "--config", cfg)
    assert result.code == 1
    assert "[calendar] → files[1]：节假日文件“h/a.json”重复列出" in result.err, result.err


def test_two_files_agreeing_on_a_date_are_fine(project: Project, duban: Duban) -> None:
    # a notice of 2099 and one of 2100 would both list the turn of the year; here two of 2099 agree
    files = {"h/a.json": notice(2099, ("元旦", "2099-01-02", True)).encode(),
             "h/b.json": notice(2098, ("元旦", "2099-01-02", True), ("元旦", "2098-12-31", True)).encode()}
    cfg = setup(project, '\n[calendar]\nfiles = ["h/a.json", "h/b.json"]\n', files)
    assert duban("workdays", "is", "2099-01-02", "--config", cfg).out == "false\n"
    assert duban("workdays", "is", "2098-12-31", "--config", cfg).out == "false\n"


# -- damaged or empty content -----------------------------------------------------------------------

def test_null_is_off_day_is_named_once(project: Project, duban: Duban) -> None:
    text = b'{"year": 2099, "days": [{"name": "x", "date": "2099-01-01", "isOffDay": null}]}'
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": text})
    result = duban("workdays", "is", "2099-01-01", "--config", cfg)
    assert result.code == 1
    assert result.err.endswith("isOffDay：应为 true（放假）或 false（调休上班），实际是null\n"), result.err


def test_a_repeated_top_level_key_is_an_error(project: Project, duban: Duban) -> None:
    text = b'{"year": 2099,\n "year": 2098, "days": []}'
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n', {"h/2099.json": text})
    result = duban("workdays", "is", "2099-01-01", "--config", cfg)
    assert result.code == 1
    assert "h/2099.json year：键“year”重复出现" in result.err, result.err


def test_a_file_without_a_rest_day_in_its_year_is_warned(project: Project, duban: Duban) -> None:
    cfg = setup(project, '\n[calendar]\nfiles = ["h/2099.json"]\n',
                {"h/2099.json": notice(2099, ("元旦", "2098-12-31", True)).encode()})
    result = duban("check", "--config", cfg, "--now", "2098-06-01")
    line = next((x for x in result.out.splitlines() if "h/2099.json" in x), result.out)
    assert "days：文件中没有 2099 年的放假日期" in line, line
    assert result.code == 0, result.out


# -- `duban workdays` at the edges of the calendar -------------------------------------------------

EDGES = [
    (("is", "2000-01-01"), 0, "false\n"),  # 元旦 by the statutory rule (no data before 2004)
    (("is", "2000-01-03"), 0, "true\n"),
    (("shift", "2000-01-04", "-1"), 0, "2000-01-03\n"),
    (("shift", "2000-01-04", "-2"), 1, "日期超出日历范围（2000–2099年）"),
    (("is", "1999-12-31"), 1, "日期“1999-12-31”超出支持的日期范围（2000-01-01 至 2099-12-31）"),
    (("count", "2099-12-01", "2100-01-01"), 1, "日期“2100-01-01”超出支持的日期范围"),
    (("shift", "2099-12-31", "1"), 1, "日期超出日历范围（2000–2099年）"),
    (("shift", "2026-12-31", "-100000"), 1, "日期超出日历范围（2000–2099年）"),
    (("is", "2096-02-29"), 0, "true\n"),  # a leap day, a Wednesday, in a far year
    (("is", "2097-02-29"), 1, "日期“2097-02-29”不是日期"),
    (("count", "2096-02-28", "2096-03-01"), 0, "3\n"),
    (("count", "2024-01-01", "2025-12-31"), 0, "499\n"),  # = chinese_calendar.get_workdays over both years
    (("count", "2025-12-31", "2025-01-01"), 0, "0\n"),
    (("year", "2099"), 0, "合计：放假 13 天（其中周一至周五 10 天），调休上班 0 天；全年工作日 251 天\n"),
    (("year", "1999"), 1, "年份“1999”不合理，应为 2000–2099 之间的四位数字"),
    (("year", "２０９９"), 0, "2099年节假日数据来源"),  # full-width digits from a Chinese IME are read
]


@pytest.mark.parametrize(("args", "code", "expected"), EDGES)
def test_workdays_at_the_edges(project: Project, duban: Duban, args: tuple[str, ...], code: int,
                               expected: str) -> None:
    cfg = setup(project, "")
    result = duban("workdays", *args, "--config", cfg)
    assert result.code == code, result
    assert expected in result.out + result.err, result
    assert "Traceback" not in result.out + result.err


# -- the next-year notice --------------------------------------------------------------------------

def test_notice_window_and_years() -> None:
    cal = WorkCalendar(package=package_through(2025))
    due = [date(2026, 3, 1), date(2027, 5, 1)]

    def years(today: date, deadlines: list[date]) -> list[tuple[int, int]]:
        return [(n.year, n.milestones) for n in next_year_notices(cal, deadlines, today)]

    assert years(date(2025, 10, 31), due) == []
    assert years(date(2025, 11, 1), due) == [(2026, 1)]  # 2027 not before 2026-11-01
    assert years(date(2026, 1, 2), due) == [(2026, 1)]
    assert years(date(2026, 11, 1), [date(2027, 5, 1)]) == [(2026, 0), (2027, 1)]
    assert years(date(2025, 11, 1), []) == [(2026, 0)]  # the 60 working days reach 2026


def test_notice_stays_quiet_for_a_year_with_any_data_and_keeps_its_fingerprint() -> None:
    partly = WorkCalendar({2026: CalendarYear(frozenset({date(2026, 1, 1)}))}, package=package_through(2025))
    assert next_year_notices(partly, [date(2026, 3, 1)], date(2025, 11, 3)) == []
    cal = WorkCalendar(package=package_through(2025))
    first = next_year_notices(cal, [date(2026, 3, 1)], date(2025, 11, 1))[0]
    later = next_year_notices(cal, [date(2026, 3, 1)] * 3, date(2025, 12, 20))[0]
    assert (later.milestones, later.fingerprint) == (3, first.fingerprint)
    gap = WorkCalendar(package=package_through(2025), fallback="error")
    assert [n.year for n in next_year_notices(gap, [], date(2025, 11, 3))] == [2026]


def test_notice_at_the_end_of_the_calendar() -> None:
    cal = WorkCalendar(package=package_through(2025))
    assert [n.year for n in next_year_notices(cal, [], date(2099, 11, 3))] == [2099]
    assert [n.year for n in next_year_notices(cal, [date(2099, 12, 31)], date(2098, 11, 3))] == [2098, 2099]
