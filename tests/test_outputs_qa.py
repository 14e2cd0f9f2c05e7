"""Adversarial QA of the command outputs (SPEC §4): plan, status, history, feedback with --format.

Text as a coordinator's files and the units' web feedback hold it: commas, quotes, line breaks,
control characters, formula triggers, wide characters. JSON must parse with the right types,
CSV must read back to the same fields, tables must keep one line per row."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from scheduler.feedback.store import Store
from tests.conftest import Duban, Project
from tests.web_support import TZ, web_project

NASTY_TITLE = '=HYPERLINK("http://x"),含"引号"、逗号,\t制表\n换行😀ｗｉｄｅ'
TASKS = """\
[document]
title = "测试工作要点"
issued = 2021-06-02

[[task]]
id = "T-01"
title = '''=HYPERLINK("http://x"),含"引号"、逗号,\t制表
换行😀ｗｉｄｅ'''
lead = ["司法厅"]
responsible = ["各地区"]
deadline = 2021-06-30

[[task]]
id = "+T,02"
title = "@第二项\\u001b[31m红字"
lead = ["省财政厅"]
deadline = 2021-06-30
"""


def _project(project: Project) -> str:
    project.write("tasks.toml", TASKS)
    return str(project.config)


def test_plan_json_parses_with_the_right_types(project: Project, duban: Duban) -> None:
    config = _project(project)
    result = duban("plan", "--from", "2021-06-01", "--to", "2021-07-31", "--format", "json",
                   "--config", config, "--now", "2021-06-01")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert {r["task"] for r in rows} == {"T-01", "+T,02"}
    assert all(isinstance(r["offset"], int) and isinstance(r["repetition"], int) and isinstance(r["channels"], list)
               for r in rows)
    assert sorted({r["unit"] for r in rows if r["task"] == "T-01"}) == ["海东市", "省司法厅", "督查室", "西宁市"]


def test_plan_csv_reads_back_and_never_starts_a_formula(project: Project, duban: Duban) -> None:
    config = _project(project)
    result = duban("plan", "--from", "2021-06-01", "--to", "2021-07-31", "--format", "csv",
                   "--config", config, "--now", "2021-06-01")
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out.lstrip("\ufeff"))))
    assert all(len(r) == len(rows[0]) == 14 for r in rows)
    first = next(r for r in rows[1:] if r[1] == "T-01")
    assert first[3] == "'" + NASTY_TITLE
    second = next(r for r in rows[1:] if r[1] == "'+T,02")
    assert second[3] == "'@第二项[31m红字"  # the escape character dropped, the text kept
    assert [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")] == []


def test_plan_table_keeps_one_line_per_reminder(project: Project, duban: Duban) -> None:
    config = _project(project)
    result = duban("plan", "--from", "2021-06-01", "--to", "2021-07-31", "--config", config, "--now", "2021-06-01")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line.startswith("  ") and "时间" not in line]
    assert len(lines) == int(result.out.rsplit("共", 1)[1].split("条")[0])
    assert all(line.lstrip()[:2].isdigit() for line in lines)
    assert "\x1b" not in result.out and "\t" not in result.out


def test_plan_unit_filter_by_alias_group_and_member(project: Project, duban: Duban) -> None:
    config = _project(project)

    def units(name: str) -> set[str]:
        out = duban("plan", "--from", "2021-06-01", "--to", "2021-07-31", "--unit", name, "--format", "json",
                    "--config", config, "--now", "2021-06-01").out
        return {r["unit"] for r in json.loads(out)}

    assert units("司法厅") == {"省司法厅"}
    assert units("各地区") == {"西宁市", "海东市"}
    assert units("西宁市") == {"西宁市"}


def test_plan_task_filter_and_a_one_day_range(project: Project, duban: Duban) -> None:
    config = _project(project)
    everything = json.loads(duban("plan", "--from", "2021-06-01", "--to", "2021-07-31", "--task", "+T,02",
                                  "--format", "json", "--config", config, "--now", "2021-06-01").out)
    assert {r["task"] for r in everything} == {"+T,02"}
    day = everything[0]["at"][:10]
    one = json.loads(duban("plan", "--from", day, "--to", day, "--task", "+T,02", "--format", "json",
                           "--config", config, "--now", "2021-06-01").out)
    assert one == [r for r in everything if r["at"].startswith(day)]


def test_plan_to_before_from_is_refused(project: Project, duban: Duban) -> None:
    config = _project(project)
    result = duban("plan", "--from", "2021-06-10", "--to", "2021-06-09", "--config", config, "--now", "2021-06-01")
    assert result.code == 1 and "Traceback" not in result.err


def test_status_json_and_table_with_nasty_titles(project: Project, duban: Duban) -> None:
    config = _project(project)
    data = json.loads(duban("status", "--format", "json", "--config", config, "--now", "2021-06-25").out)
    assert {m["task"] for m in data["milestones"]} == {"T-01", "+T,02"}
    assert all(isinstance(m["days"], int) for m in data["milestones"])
    table = duban("status", "--config", config, "--now", "2021-06-25").out
    assert "\x1b" not in table and "\t" not in table
    rows = [line for line in table.splitlines() if line.startswith("  黄") or line.startswith("  红")
            or line.startswith("  绿")]
    assert len(rows) == 2


def _submit(project: Project, note: str) -> None:
    store = Store(project.root / "state" / "duban.db")
    try:
        store.submit(datetime(2021, 6, 28, 10, 0, tzinfo=TZ), "省司法厅", "T-01", "1", "done", "2021-06-25",
                     note, "127.0.0.1")
    finally:
        store.close()


def test_feedback_table_keeps_a_units_note_on_one_line_without_terminal_escapes(
        project: Project, duban: Duban) -> None:
    web_project(project)
    _submit(project, "第一行\r\n第二行\x1b[2J\x07\t完")  # as stored before notes were cleaned on submit
    result = duban("feedback", "--config", str(project.config))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("第一行 第二行 [2J 完")


def test_feedback_json_keeps_the_note_as_written(project: Project, duban: Duban) -> None:
    web_project(project)
    _submit(project, "第一行\r\n第二行\x1b[2J")
    data = json.loads(duban("feedback", "--format", "json", "--config", str(project.config)).out)
    assert data[0]["note"] == "第一行\r\n第二行\x1b[2J" and data[0]["id"] == 1


def _history(project: Project, duban: Duban) -> str:
    config = _project(project)
    result = duban("run", "--once", "--config", config, "--now", "2021-06-30T09:30")
    assert result.code == 0, result.out + result.err
    return config


def test_history_json_filters_by_alias_group_member_task_and_day(project: Project, duban: Duban) -> None:
    config = _history(project, duban)

    def rows(*args: str) -> list[dict[str, object]]:
        result = duban("history", "--format", "json", "--config", config, *args)
        assert result.code == 0, result.err
        found: list[dict[str, object]] = json.loads(result.out)
        return found

    everything = rows()
    assert {(r["task"], r["unit"]) for r in everything if r["stage"] == "到期提醒"} == {
        ("T-01", "省司法厅"), ("T-01", "西宁市"), ("T-01", "海东市"), ("+T,02", "省财政厅")}
    assert all(isinstance(r["repetition"], int) and isinstance(r["channels"], list) for r in everything)
    assert {r["unit"] for r in rows("--unit", "司法厅")} == {"省司法厅"}
    assert {r["unit"] for r in rows("--unit", "各地区")} == {"西宁市", "海东市"}
    assert {r["unit"] for r in rows("--unit", "海东市")} == {"海东市"}
    assert {r["task"] for r in rows("--task", "+T,02")} == {"+T,02"}
    assert rows("--from", "2021-06-30", "--to", "2021-06-30") == [r for r in everything if r["at"] == (
        "2021-06-30T09:00:00+08:00")]
    assert rows("--from", "2021-07-01") == []


def test_history_to_before_from_and_a_bad_date_are_messages(project: Project, duban: Duban) -> None:
    config = _history(project, duban)
    for args in (("--from", "2021-06-30", "--to", "2021-06-29"), ("--from", "2021-02-30"), ("--to", "2100-01-01")):
        result = duban("history", "--config", config, *args)
        assert result.code == 1 and "Traceback" not in result.err and result.err, args
