"""The 按单位 sheet of the read model: per unit, the milestones it holds per role and how they stand."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby

from scheduler.model import Role
from scheduler.readmodel_rows import OPEN, Row, State


@dataclass(frozen=True, slots=True)
class UnitRow:
    unit: str
    lead: int = 0
    responsible: int = 0
    cooperating: int = 0
    open: int = 0
    near: int = 0
    overdue: int = 0
    done: int = 0
    on_time: int = 0



def unit_rows(rows: Iterable[Row], roles: Mapping[str, tuple[tuple[str, Role], ...]]) -> list[UnitRow]:
    """The 按单位 sheet: milestones held per role; open, near, overdue (suspended excluded), done.

    A unit in a milestone's done_by counts that milestone as done (its part is); only a milestone
    with a done date on or before its due date counts as 按期办结. Rows are tallied per task
    first, then added to each unit of the task (a task's rows are consecutive)."""
    counts: dict[str, list[int]] = {}
    for task_id, group in groupby(rows, key=_task_id):
        tally = [0] * 6  # milestones, open, near, overdue, done, on time
        partial: list[Row] = []  # rows with done_by: per unit
        for row in group:
            if row.due is None:
                continue  # an ongoing task holds no milestone
            tally[0] += 1
            if row.done_by:
                partial.append(row)
            else:
                _tally(tally, row)
        held, open_, near, overdue, done, on_time = tally
        for unit, role in roles.get(task_id, ()):
            c = counts.get(unit)
            if c is None:
                c = counts[unit] = [0] * 8
            c[_ROLE_SLOT[role]] += held
            c[3] += open_
            c[4] += near
            c[5] += overdue
            c[6] += done
            c[7] += on_time
            for row in partial:
                one = [0] * 6
                if unit in row.done_by:
                    one[4] = 1
                else:
                    _tally(one, row)
                for i in range(1, 6):
                    c[i + 2] += one[i]
    out = [UnitRow(unit, *c) for unit, c in counts.items()]
    out.sort(key=lambda u: (-u.overdue, -u.near, -u.open, u.unit))
    return out


def _task_id(row: Row) -> str:
    return row.task.id


def _tally(tally: list[int], row: Row) -> None:
    state = row.state
    if state is State.DONE:
        tally[4] += 1
        tally[5] += row.on_time
    elif state in OPEN:
        tally[1] += 1
        tally[2] += state is State.NEAR
        tally[3] += state is State.OVERDUE


_ROLE_SLOT = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATING: 2}
