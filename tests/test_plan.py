"""The reminder plan (SPEC §3.2), one test per rule, dates checked by hand against the notices."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from scheduler.model import Reminder, Role
from scheduler.plan import Window
from scheduler.runtime import build_runtime, planner_for
from tests.conftest import SETTINGS, Duban, Project

D = date
POLICY_FAST = """
[policy.fast]
stages = [
  { name = "督办通报", offset = 2, to = ["coordinator"] },
  { name = "配合提醒", offset = -1, to = ["responsible", "cooperating"] },
]
"""


def plan(project: Project, tasks: str, start: date, end: date, settings: str = "") -> list[Reminder]:
    project.write("tasks.toml", tasks)
    if settings:
        project.write("duban.toml", SETTINGS + settings)
    runtime = build_runtime(project.config)
    return planner_for(runtime).plan(runtime.tasks, Window(start, end))


def task(body: str, issued: str = "2021-01-04") -> str:
    return f'[document]\nissued = {issued}\n\n[[task]]\nid = "T-01"\ntitle = "任务"\n{body}\n'


def firings(reminders: list[Reminder], unit: str = "省司法厅") -> list[tuple[date, str, int, int]]:
    return [(r.at.date(), r.stage, r.offset, r.repetition) for r in reminders if r.unit == unit]


def test_deadline_on_national_day_crosses_mid_autumn_and_make_up_days(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-10-01'), D(2021, 9, 1), D(2021, 10, 15))
    assert firings(got) == [
        (D(2021, 9, 16), "提前告知", -10, 0),  # 10 wd back from 9-30: skips 9-19..21, counts 9-18 and 9-26
        (D(2021, 9, 27), "临期提醒", -3, 0),
        (D(2021, 9, 30), "到期提醒", 0, 0),  # due = last working day before National Day
        (D(2021, 10, 8), "逾期催办", 1, 0),
        (D(2021, 10, 14), "逾期催办", 6, 1),  # 10-09 is a make-up Saturday
    ]
    assert {r.due for r in got} == {D(2021, 9, 30)}
    assert got[0].at.isoformat() == "2021-09-16T09:00:00+08:00"


def test_deadline_on_make_up_saturday_is_due_that_saturday(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-10-09'), D(2021, 10, 9), D(2021, 10, 9))
    assert firings(got) == [(D(2021, 10, 9), "到期提醒", 0, 0)]


def test_done_milestone_is_silent_and_open_one_fires(project: Project) -> None:
    body = ('lead = ["省司法厅"]\n[[task.milestone]]\ndeadline = 2021-06-30\ndone = 2021-06-20\n'
            '[[task.milestone]]\nid = "b"\ndeadline = 2021-07-30')
    got = plan(project, task(body), D(2021, 6, 1), D(2021, 7, 30))
    assert {r.milestone for r in got} == {"b"}


def test_stages_before_issued_are_skipped(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-06-30', issued="2021-06-25"),
               D(2021, 6, 1), D(2021, 6, 30))
    assert firings(got) == [(D(2021, 6, 25), "临期提醒", -3, 0), (D(2021, 6, 30), "到期提醒", 0, 0)]


def test_task_start_also_bounds_firings(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-06-30\nstart = 2021-06-29'),
               D(2021, 6, 1), D(2021, 6, 30))
    assert firings(got) == [(D(2021, 6, 30), "到期提醒", 0, 0)]


@pytest.mark.parametrize("status", ["done", "suspended"])
def test_done_and_suspended_tasks_are_silent(project: Project, status: str) -> None:
    got = plan(project, task(f'lead = ["省司法厅"]\ndeadline = 2021-06-30\nstatus = "{status}"'),
               D(2021, 1, 1), D(2022, 12, 31))
    assert got == []


def test_ongoing_task_has_no_firings(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = "持续推进"'), D(2021, 1, 1), D(2022, 12, 31))
    assert got == []


def test_quarterly_rrule_with_done_through(project: Project) -> None:
    body = ('responsible = ["省司法厅"]\nrepeat = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"\n'
            'start = 2021-03-01\nuntil = 2021-12-31\ndone_through = 2021-06-30')
    got = plan(project, task(body), D(2021, 6, 1), D(2021, 10, 1))
    assert {r.milestone for r in got} == {"2021-09-30"}
    assert firings(got)[:3] == [
        (D(2021, 9, 16), "提前告知", -10, 0), (D(2021, 9, 27), "临期提醒", -3, 0), (D(2021, 9, 30), "到期提醒", 0, 0)]
    later = plan(project, task(body), D(2021, 12, 1), D(2021, 12, 31))
    assert {r.milestone for r in later} == {"2021-09-30", "2021-12-31"}  # 09-30 still overdue


# TEST DATA for a far year, made up: no real arrangement.
MADE_UP_2099 = '\n[calendar.years.2099]\nholidays = ["2099-01-01", "2099-02-05..2099-02-13"]\nworkdays = ["2099-02-14"]\n'


def test_far_year_deadline_uses_configured_year(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2099-02-10', issued="2098-11-01"),
               D(2099, 1, 1), D(2099, 2, 28), settings=MADE_UP_2099)
    assert firings(got)[2:4] == [(D(2099, 2, 4), "到期提醒", 0, 0), (D(2099, 2, 14), "逾期催办", 1, 0)]
    assert firings(got)[0] == (D(2099, 1, 21), "提前告知", -10, 0)  # 2099-01-20..23 not guessed: the year has data


def test_unit_in_two_roles_gets_one_reminder_under_the_highest(project: Project) -> None:
    body = 'lead = ["省司法厅"]\nresponsible = ["司法厅", "省财政厅"]\ncooperating = ["省司法厅"]\ndeadline = 2021-06-30'
    got = plan(project, task(body), D(2021, 6, 30), D(2021, 6, 30))
    assert [(r.unit, r.role) for r in got] == [("省司法厅", Role.LEAD), ("省财政厅", Role.RESPONSIBLE)]


def test_role_is_the_highest_the_stage_addresses(project: Project) -> None:
    body = 'lead = ["省司法厅"]\ncooperating = ["省司法厅"]\ndeadline = 2021-06-30\npolicy = "fast"'
    got = plan(project, task(body), D(2021, 6, 29), D(2021, 6, 29), settings=POLICY_FAST)
    assert [(r.unit, r.role, r.stage) for r in got] == [("省司法厅", Role.COOPERATING, "配合提醒")]


def test_group_with_contactless_unit_goes_via_coordinator(project: Project) -> None:
    project.write("units.toml", (project.root / "units.toml").read_text(encoding="utf-8").replace(
        'members = ["西宁市", "海东市"]', 'members = ["西宁市", "省残联"]'))
    got = plan(project, task('responsible = ["各地区"]\ndeadline = 2021-06-30'), D(2021, 6, 30), D(2021, 6, 30))
    routed = {r.unit: (r.channels, r.via) for r in got}
    assert routed == {"西宁市": (("email",), None), "省残联": (("email",), "督查室")}


def test_coordinator_only_stage(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-06-30\npolicy = "fast"'),
               D(2021, 7, 2), D(2021, 7, 2), settings=POLICY_FAST)
    assert [(r.unit, r.role, r.stage, r.offset) for r in got] == [("督查室", Role.COORDINATOR, "督办通报", 2)]


def test_changed_deadline_gives_new_identities(project: Project) -> None:
    before = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-06-30'), D(2021, 6, 1), D(2021, 8, 31))
    after = plan(project, task('lead = ["省司法厅"]\ndeadline = 2021-07-30'), D(2021, 6, 1), D(2021, 8, 31))
    assert not {r.identity for r in before} & {r.identity for r in after}


def test_phrase_deadline_resolves_against_issued_year(project: Project) -> None:
    got = plan(project, task('lead = ["省司法厅"]\ndeadline = "9月底前"', issued="2021-06-02"),
               D(2021, 9, 30), D(2021, 9, 30))
    assert [(r.deadline, r.stage) for r in got] == [(D(2021, 9, 30), "到期提醒")]


def test_repetitions_in_a_far_window_match_a_naive_walk(project: Project) -> None:
    project.write("tasks.toml", task('lead = ["省司法厅"]\ndeadline = 2021-06-30'))
    runtime = build_runtime(project.config)
    planner, cal = planner_for(runtime), runtime.calendar
    rng = random.Random(7)
    for _ in range(30):
        start = D(2021, 7, 1) + timedelta(days=rng.randrange(1500))
        end = start + timedelta(days=rng.randrange(0, 60))
        got = [(r.at.date(), r.repetition) for r in planner.plan(runtime.tasks, Window(start, end))
               if r.unit == "省司法厅"]
        naive, j = [], 0
        while (day := cal.shift(D(2021, 6, 30), 1 + 5 * j)) <= end:
            if day >= start:
                naive.append((day, j))
            j += 1
        assert got == naive


def test_plan_json_has_exactly_the_spec_fields(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", task('lead = ["省司法厅"]\nresponsible = ["省残联"]\ndeadline = 2021-06-30'))
    result = duban("plan", "--config", str(project.config), "--from", "2021-06-01", "--to", "2021-07-31",
                   "--format", "json")
    assert result.code == 0, result.err
    items = json.loads(result.out)
    fields = {"at", "task", "milestone", "deadline", "due", "stage", "offset", "repetition", "role", "unit",
              "channels"}
    assert items
    for item in items:
        assert set(item) - {"via"} == fields
        assert isinstance(item["offset"], int) and isinstance(item["repetition"], int)
        assert item["role"] in {"lead", "responsible", "cooperating", "coordinator"}
        assert all(c in {"email", "wecom", "outbox"} for c in item["channels"])
    keys = [(i["at"], i["task"], i["milestone"], i["stage"], i["unit"]) for i in items]
    assert keys == sorted(keys)
    assert next(i for i in items if i["unit"] == "省残联") == {"at": "2021-06-16T09:00:00+08:00", "task": "T-01", "milestone": "1",
                        "deadline": "2021-06-30", "due": "2021-06-30", "stage": "提前告知", "offset": -10,
                        "repetition": 0, "role": "responsible", "unit": "省残联", "channels": ["email"],
                        "via": "督查室"}


def test_plan_default_window_csv_and_table(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", task('lead = ["省司法厅"]\ndeadline = 2021-06-30'))
    csv_out = duban("plan", "--config", str(project.config), "--now", "2021-06-20", "--format", "csv")
    assert csv_out.code == 0
    lines = csv_out.out.splitlines()
    assert lines[0].startswith("\ufeff时间,任务编号")  # BOM so that Excel reads UTF-8
    assert len(lines) == 1 + 2 + 2 * 3  # 临期, 到期; 逾期 07-01/08/15 to the lead and the coordinator
    table = duban("plan", "--config", str(project.config), "--now", "2021-06-20", "--unit", "司法厅")
    assert "2021-06-25（星期五）" in table.out and "还剩3个工作日" in table.out and "已逾期1个工作日" in table.out


def test_plan_filters_and_bad_values(project: Project, duban: Duban) -> None:
    assert duban("plan", "--config", str(project.config), "--task", "NOPE").code == 1
    unknown = duban("plan", "--config", str(project.config), "--unit", "省司法")
    assert unknown.code == 1 and "省司法厅" in unknown.err


def test_sample_plan_runs(duban: Duban) -> None:
    config = Path(__file__).resolve().parent.parent / "config" / "duban.toml"
    result = duban("plan", "--config", str(config), "--now", "2021-06-15", "--format", "json")
    assert result.code == 0
    firings = json.loads(result.out)
    stages = {stage: sum(f["stage"] == stage for f in firings) for stage in ("提前告知", "临期提醒", "到期提醒", "逾期催办")}
    assert stages == {"提前告知": 38, "临期提醒": 38, "到期提醒": 38, "逾期催办": 117}
    assert len(firings) == 231 and len({f["unit"] for f in firings}) == 39
    assert (firings[0]["at"], firings[-1]["at"]) == ("2021-06-16T09:00:00+08:00", "2021-07-15T09:00:00+08:00")
