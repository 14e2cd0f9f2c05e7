"""A point of a plan restated word for word in the plan's own division table (issue #13 round 66: a
county bureau's 政务公开 要点 lists "6.强化制度建设。局综合科要建立……。", then divides the points in a
table whose row "制度建设 | 局综合科要建立……。 | 综合科" is the same work with its division's unit).

A point outside the plan's tasks part whose text after its title is written again as the detail
of a later item of the tasks part ("二、重点工作任务分解" and its rows: sections.TASKS) is that item's
point: the later item is the task, the point is dropped. Only a text of some length counts (10
characters or more, punctuation and spaces aside), so that two short items that happen to read
alike ("做好宣传。") stay two tasks.
"""

from __future__ import annotations

import re

from scheduler.importer.draft import DraftTask
from scheduler.importer.sections import TASKS

_NOISE = re.compile(r"[\s，,。．.；;：:、|]")


def _text(detail: str) -> str:
    return _NOISE.sub("", detail)


def without_restated(tasks: list[DraftTask]) -> list[DraftTask]:
    """The tasks without the points a later item of the tasks part writes again."""
    rows: set[str] = {_text(t.detail) for t in tasks if t.section == TASKS}
    if not rows:
        return tasks
    later: set[str] = set()
    dropped: set[int] = set()
    for i in range(len(tasks) - 1, -1, -1):  # only an item after the point restates it
        task, text = tasks[i], _text(tasks[i].detail)
        if task.section == TASKS:
            later.add(text)
        elif len(text) >= 10 and text in later:
            dropped.add(i)
    return [t for i, t in enumerate(tasks) if i not in dropped] if dropped else tasks
