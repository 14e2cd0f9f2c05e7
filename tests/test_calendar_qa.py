"""Adversarial QA of the calendar (SPEC §2 [calendar], §3.1): damaged, contradictory and odd
holiday files and settings, year edges through `duban workdays`. Every date in a made-up file is for
2098/2099 (no real arrangement) unless it says otherwise."""

from __future__ import annotations

import json

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
