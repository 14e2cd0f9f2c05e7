"""What one unit holds: its open milestones with role, due date and light (SPEC §6 unit page).

A UnitIndex is built once per Runtime (tasks by unit, groups expanded, the highest role kept), so
a unit page reads only that unit's tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from scheduler.model import Milestone, Role, Task, TaskStatus
from scheduler.plan import open_milestones
from scheduler.runtime import Runtime
from scheduler.status import light, working_days_left

_ROLES = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)


@dataclass(frozen=True, slots=True)
class Held:
    """One open milestone as one unit holds it."""

    task: Task
    milestone: Milestone
    role: Role
    due: date
    days: int  # working days left (0 = due today), negative when overdue
    recurring: bool

    @property
    def key(self) -> str:
        return f"{self.task.id}/{self.milestone.id}"

    @property
    def light(self) -> str:
        return light(self.days)

    @property
    def deadline_text(self) -> str:
        return self.milestone.written or self.milestone.deadline.isoformat()

    @property
    def may_close(self) -> bool:
        """Whether this unit's 办结 can close the milestone: a recurring task's occurrence is closed for
        everyone (`done_through`), so only by its lead (any unit when the task names no lead)."""
        return not self.recurring or self.role is Role.LEAD or not self.task.lead


class UnitIndex:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.by_unit: dict[str, list[tuple[Task, Role]]] = {}
        self._held: dict[tuple[str, date], list[Held]] = {}
        for task in runtime.tasks:
            best: dict[str, Role] = {}
            for role in _ROLES:
                for name in task.names(role):
                    for unit in runtime.directory.resolve(name):
                        best.setdefault(unit, role)
            for unit, role in best.items():
                self.by_unit.setdefault(unit, []).append((task, role))

    @staticmethod
    def leads_of(runtime: Runtime, task: Task) -> frozenset[str]:
        """The task's lead units, groups expanded (empty: the task has no lead)."""
        return frozenset(u for name in task.lead for u in runtime.directory.resolve(name))

    def held(self, unit: str, today: date) -> list[Held]:
        """The unit's open milestones (not done, not in done_by), by due date; computed once per
        unit and day (a runtime, and so this index, is replaced whole when the files change)."""
        key = (unit, today)
        found = self._held.get(key)
        if found is None:
            if len(self._held) > 2000:
                self._held.clear()
            found = self._held[key] = self._compute(unit, today)
        return found

    def _compute(self, unit: str, today: date) -> list[Held]:
        out: list[Held] = []
        for task, role in self.by_unit.get(unit, ()):
            if task.status is not TaskStatus.OPEN:
                continue
            for ms in open_milestones(task, today + timedelta(days=366)):
                if ms.done_by and unit in {u for n in ms.done_by for u in self.runtime.directory.resolve(n)}:
                    continue  # its part is done
                due = self.runtime.calendar.on_or_before(ms.deadline)
                out.append(Held(task, ms, role, due, working_days_left(self.runtime, today, due),
                                task.recurrence is not None and not task.milestones))
        out.sort(key=lambda h: (h.due, h.task.id, h.milestone.id))
        return out

    def find(self, unit: str, key: str, today: date) -> Held | None:
        return next((h for h in self.held(unit, today) if h.key == key), None)
