"""An edit of one task of a tasks file re-validates that task only: the others are reused with
the same problems, a moved task gets its new line, and files whose blocks may not map to
their tasks (quoted headers, `task = …`) or whose context changed are parsed whole."""

from __future__ import annotations

from dataclasses import replace

from scheduler.runtime import build_runtime
from tests.conftest import TASKS, UNITS, Project

PHRASE = """
[[task]]
id = "T-02"
title = "第二项任务"
lead = ["省财政厅"]
deadline = "7月底前"
"""
THIRD = """
[[task]]
id = "T-03"
title = "第三项任务"
lead = ["省财政厅"]
deadline = 2021-08-31
"""


def _places(problems: tuple[object, ...]) -> list[str]:
    return [str(p) for p in problems]


def test_an_edited_task_is_parsed_again_and_the_others_are_reused(project: Project) -> None:
    project.write("tasks.toml", TASKS + PHRASE + THIRD)
    first = build_runtime(project.config)
    project.write("tasks.toml", TASKS + PHRASE + THIRD.replace("第三项任务", "第三项任务（修改）"))
    again = build_runtime(project.config)
    assert again.tasks[0] is first.tasks[0] and again.tasks[1] is first.tasks[1]
    assert again.tasks[2].title == "第三项任务（修改）"
    assert _places(again.problems) == _places(first.problems)  # the phrase's note is reported again
    assert [p.message for p in again.problems] == ["“7月底前”按 2021-07-31 处理"]


def test_a_task_moved_down_keeps_its_content_with_its_new_line(project: Project) -> None:
    project.write("tasks.toml", TASKS + THIRD)
    first = build_runtime(project.config)
    project.write("tasks.toml", TASKS.replace("[[task]]", "# 新增的说明\n\n[[task]]") + THIRD)
    again = build_runtime(project.config)
    assert [t.line for t in first.tasks] == [6, 13]
    assert [t.line for t in again.tasks] == [8, 15]
    assert again.tasks[1] == replace(first.tasks[1], line=15)


def test_a_task_with_problems_moved_is_validated_again_at_its_new_place(project: Project) -> None:
    project.write("tasks.toml", TASKS + PHRASE)
    first = build_runtime(project.config)
    project.write("tasks.toml", TASKS.replace("[[task]]", "# 说明\n[[task]]") + PHRASE)
    again = build_runtime(project.config)
    assert [p.place for p in first.problems] == ['第13行 [[task]] id="T-02" → deadline']
    assert [p.place for p in again.problems] == ['第14行 [[task]] id="T-02" → deadline']


def test_a_units_change_validates_every_task_again(project: Project) -> None:
    project.write("tasks.toml", TASKS + THIRD)
    first = build_runtime(project.config)
    project.write("units.toml", UNITS + '\n[unit."省教育厅"]\n')
    project.write("tasks.toml", TASKS + THIRD + "# 修改\n")
    again = build_runtime(project.config)
    assert again.tasks == first.tasks and all(a is not b for a, b in zip(again.tasks, first.tasks, strict=True))


def test_a_quoted_header_makes_the_file_parsed_whole(project: Project) -> None:
    quoted = TASKS + THIRD.replace("[[task]]", '[["task"]]')
    project.write("tasks.toml", quoted)
    first = build_runtime(project.config)
    project.write("tasks.toml", quoted + "# 修改\n")
    again = build_runtime(project.config)
    assert [t.id for t in again.tasks] == ["T-01", "T-03"]
    assert again.tasks == first.tasks and again.tasks[0] is not first.tasks[0]
