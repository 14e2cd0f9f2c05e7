"""A reload re-parses only the tasks files whose content (or whose units/settings) changed."""

from __future__ import annotations

import pytest

from scheduler.errors import ConfigError
from scheduler.runtime import build_runtime
from tests.conftest import TASKS, UNITS, Project

SECOND = """\
[[task]]
id = "T-02"
title = "第二项任务"
lead = ["省财政厅"]
deadline = 2021-07-30
"""


def _two_files(project: Project) -> None:
    project.write("more.toml", SECOND)
    text = project.config.read_text(encoding="utf-8").replace('tasks = "tasks.toml"',
                                                              'tasks = ["tasks.toml", "more.toml"]')
    project.config.write_text(text, encoding="utf-8")


def test_unchanged_files_are_not_parsed_again(project: Project) -> None:
    _two_files(project)
    first = build_runtime(project.config)
    again = build_runtime(project.config)
    assert [t.id for t in again.tasks] == ["T-01", "T-02"]
    assert all(a is b for a, b in zip(first.tasks, again.tasks, strict=True))


def test_an_edit_of_one_file_re_parses_that_file_only(project: Project) -> None:
    _two_files(project)
    first = build_runtime(project.config)
    project.write("more.toml", SECOND.replace("第二项任务", "第二项任务（修改）"))  # same file, same size class
    again = build_runtime(project.config)
    assert again.tasks[0] is first.tasks[0]
    assert again.tasks[1].title == "第二项任务（修改）"


def test_a_same_size_edit_within_one_clock_tick_is_seen(project: Project) -> None:
    build_runtime(project.config)
    project.write("tasks.toml", TASKS.replace("2021-06-30", "2021-06-29"))
    assert build_runtime(project.config).tasks[0].milestones[0].deadline.isoformat() == "2021-06-29"


def test_a_units_change_re_validates_the_tasks(project: Project) -> None:
    build_runtime(project.config)
    project.write("units.toml", UNITS.replace('[unit."省司法厅"]\naliases = ["司法厅"]\n', '[unit."省公安厅"]\n'))
    with pytest.raises(ConfigError) as err:
        build_runtime(project.config)
    assert "省司法厅" in str(err.value.problems)


def test_errors_are_reported_at_every_build(project: Project) -> None:
    project.write("tasks.toml", TASKS.replace('lead = ["省司法厅"]', 'lead = ["不存在的单位"]'))
    for _ in range(2):
        with pytest.raises(ConfigError) as err:
            build_runtime(project.config)
        assert "不存在的单位" in str(err.value.problems)
