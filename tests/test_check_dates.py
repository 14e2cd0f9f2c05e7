"""Open deadlines no reminder can fully serve are warned: before the task's start, or before the
document was issued (a mistyped year). Done milestones are history and pass quietly."""

from __future__ import annotations

import pytest

from tests.conftest import TASKS, Duban, Project

PLACE = 'tasks.toml 第6行 [[task]] id="T-01" → '


@pytest.mark.parametrize(("edit", "warning"), [
    ("deadline = 2012-06-30", "deadline：时限 2012-06-30 早于文件印发日期（2021-06-02），印发时就已逾期：请核对年份"),
    ("deadline = 2021-06-30\nstart = 2021-07-01",
     "deadline：时限 2021-06-30 早于 start（2021-07-01）：start 之前的提醒阶段都不会发出，请核对"),
    ("[[task.milestone]]\ndeadline = 2021-05-31\ndone = 2021-05-30\n[[task.milestone]]\ndeadline = 2021-05-20",
     "milestone[1] → deadline：时限 2021-05-20 早于文件印发日期（2021-06-02），印发时就已逾期：请核对年份"),
])
def test_a_deadline_no_reminder_serves_is_warned(project: Project, duban: Duban, edit: str, warning: str) -> None:
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", edit))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    assert PLACE + warning in result.out


@pytest.mark.parametrize("edit", ["deadline = 2021-06-02", "deadline = 2021-05-31\ndone = 2021-05-30",
                                  "deadline = 2021-07-01\nstart = 2021-07-01"])
def test_deadlines_that_are_fine_are_not_warned(project: Project, duban: Duban, edit: str) -> None:
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", edit))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    assert "早于" not in result.out
