"""A rule line for every item of a plan (round 62): "（各目标、任务均需各镇人民政府、街道办事处落实,不再逐一
列出）" written on its own line after the first item's units. Unlike "以下…均需X落实" (walker.py), it names
all the targets and tasks, so it is for the item it follows as well as those after it, in every section."""

from __future__ import annotations

import re

from scheduler.importer.assign import Assignment
from scheduler.importer.draft import DraftTask
from scheduler.importer.names import unit_names
from scheduler.importer.vocab import either

# the whole line is the rule (in brackets or not): "各目标、任务均需X落实", "所有任务均需X负责落实，不再一一列出"
_RULE = re.compile(either(
    r"^[（(]?\s*(?:各项?|所有|全部)(?:目标|指标|任务|工作|事项)(?:[、和及](?:目标|指标|任务|工作|事项))*"
    r"均需([^，,。；;]+?)(?:负责落实|负责实施|落实|实施)"
    r"(?:[，,]\s*不再(?:逐一|一一|逐项|单独)?列出)?[。．]?\s*[）)]?[。．]?$"))


def all_items_units(line: str) -> list[str] | None:
    """The units a rule line gives every item, or None when the line is no such rule."""
    if "均需" not in line and "均須" not in line:
        return None
    m = _RULE.match(line.strip())
    if m is None:
        return None
    return unit_names(m[1], Assignment()) or None


def add_all_units(tasks: list[DraftTask], units: list[str]) -> None:
    """The rule's units after each task's own (a unit it names already keeps its role)."""
    for task in tasks:
        a = task.assignment
        for unit in units:
            if unit not in a.lead and unit not in a.responsible and unit not in a.cooperating:
                a.responsible.append(unit)
