"""The tasks-file keys of SPEC §2.3 added for reports: done_by, extended_from, and the shorthand."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.errors import ConfigError
from scheduler.model import Milestone
from scheduler.plan import Window
from scheduler.runtime import build_runtime, planner_for
from tests.conftest import Project

D = date
HEAD = ('[document]\nissued = 2021-06-02\n\n[[task]]\nid = "T-01"\ntitle = "任务"\n'
        'lead = ["省司法厅"]\nresponsible = ["各地区", "省财政厅"]\n')


def milestones(project: Project, body: str) -> tuple[Milestone, ...]:
    project.write("tasks.toml", HEAD + body)
    return build_runtime(project.config).tasks[0].milestones


def errors(project: Project, body: str) -> list[str]:
    project.write("tasks.toml", HEAD + body)
    with pytest.raises(ConfigError) as info:
        build_runtime(project.config)
    return [p.located() for p in info.value.problems if p.severity.name == "ERROR"]


def test_shorthand_carries_done_done_by_and_extended_from(project: Project) -> None:
    got = milestones(project, 'deadline = 2021-07-30\nextended_from = 2021-06-30\ndone_by = ["西宁市"]\n'
                              "done = 2021-07-20\n")
    assert got == (Milestone("1", D(2021, 7, 30), "", D(2021, 7, 20), "", ("西宁市",), D(2021, 6, 30)),)


def test_milestone_tables_carry_done_by_and_extended_from(project: Project) -> None:
    got = milestones(project, '[[task.milestone]]\ndeadline = "9月底前"\nextended_from = 2021-08-31\n'
                              'done_by = ["各地区"]\n')
    assert got == (Milestone("1", D(2021, 9, 30), "", None, "9月底前", ("各地区",), D(2021, 8, 31)),)


@pytest.mark.parametrize(("body", "expected"), [
    ('deadline = 2021-06-30\ndone_by = ["省司法局"]\n', ['id="T-01" → done_by[0]', "没有单位", "省司法厅"]),
    ('deadline = 2021-06-30\ndone_by = ["省财政厅", "省财政厅"]\n', ['id="T-01" → done_by[1]', "重复"]),
    ("deadline = 2021-06-30\nextended_from = 2021-07-30\n", ['id="T-01" → extended_from', "应早于"]),
    ('deadline = 2021-06-30\nextended_from = "6月底前"\n', ['id="T-01" → extended_from', "应为日期"]),
    ("done = 2021-06-30\n", ['id="T-01" → done', "只有用 deadline"]),
    ('[[task.milestone]]\ndeadline = 2021-06-30\n[[task.milestone]]\ndeadline = 2021-09-30\ndone_by = "省残联x"\n',
     ['id="T-01" → milestone[1] → done_by[0]', "没有单位"]),
    ('[[task.milestone]]\ndeadline = 2021-06-30\ndone_by = ["省财政厅"]\ndone_bi = 1\n',
     ["milestone[0] → done_bi", "未知的键", "done_by"]),
])
def test_bad_values_are_named_with_task_and_key(project: Project, body: str, expected: list[str]) -> None:
    found = errors(project, body)
    assert any(all(part in line for part in expected) for line in found), found


def test_done_by_a_unit_outside_the_task_is_a_warning(project: Project) -> None:
    project.write("tasks.toml", HEAD + 'deadline = 2021-06-30\ndone_by = ["省残联"]\n')
    warnings = [p.located() for p in build_runtime(project.config).problems if p.severity.name == "WARNING"]
    assert any('id="T-01" → done_by' in w and "不是本任务" in w for w in warnings), warnings


def test_unit_in_done_by_gets_no_more_reminders_others_do(project: Project) -> None:
    project.write("tasks.toml", HEAD + 'deadline = 2021-06-30\ndone_by = ["各地区", "司法厅"]\n')
    runtime = build_runtime(project.config)
    got = planner_for(runtime).plan(runtime.tasks, Window(D(2021, 6, 30), D(2021, 7, 1)))
    assert [(r.at.date(), r.stage, r.unit) for r in got] == [
        (D(2021, 6, 30), "到期提醒", "省财政厅"),
        (D(2021, 7, 1), "逾期催办", "省财政厅"),
        (D(2021, 7, 1), "逾期催办", "督查室"),  # the coordinator's escalation goes on
    ]


def test_catch_up_also_skips_units_in_done_by(project: Project) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    project.write("tasks.toml", HEAD + 'deadline = 2021-06-30\ndone_by = ["各地区"]\n')
    runtime = build_runtime(project.config)
    now = datetime(2021, 7, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    units = {r.unit for f in planner_for(runtime).latest(runtime.tasks, now) for r in f.reminders()}
    assert units == {"省司法厅", "省财政厅", "督查室"}
