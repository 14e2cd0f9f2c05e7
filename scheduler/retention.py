"""When a milestone closed, for retention (issue #12): message bodies are kept while any milestone
they carry is open, and pruned a year after the last of them closed (and a year after the message
settled). Pure; read from the current tasks.

A milestone closes on its `done` date. When the tasks say it is closed but not when — the task is
marked done without dates, a recurrence's date lies within `done_through`, or the task or the
milestone is no longer in the plan — the day is unknown (`date.min`): the year after the message
settled is then what counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from scheduler.model import Task, TaskStatus
from scheduler.plan import occurrences
from scheduler.withdraw import iso_day

ClosedOn = Callable[[str, str], "date | None"]  # (task, milestone) → the day it closed; None: open


def closing_days(tasks: Iterable[Task]) -> ClosedOn:
    by_id = {t.id: t for t in tasks}

    def closed_on(task_id: str, milestone: str) -> date | None:
        task = by_id.get(task_id)
        return date.min if task is None else _closed_on(task, milestone)

    return closed_on


def _closed_on(task: Task, milestone: str) -> date | None:
    fixed = next((ms for ms in task.milestones if ms.id == milestone), None)
    if fixed is not None:
        return fixed.done or (date.min if task.status is TaskStatus.DONE else None)
    if task.status is TaskStatus.DONE:
        return date.min
    rec, day = task.recurrence, iso_day(milestone)
    if rec is None or day is None or day not in occurrences(rec, day):
        return date.min  # the milestone is no longer in the plan
    return date.min if rec.done_through is not None and day <= rec.done_through else None

