"""The read model of `duban status`, the reports (台账, 通报) and, later, the dashboard.

One `Row` per milestone and per ongoing task, with its 状态 (SPEC §3.5), working days left, done
date, extension, last reminder and last feedback; one `UnitRow` per unit (the 按单位 sheet).
`build` is pure: what the ledger and the feedback store know is passed in. `load` reads the
ledger (read-only) and calls it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from scheduler.model import Milestone, Role, Task, TaskStatus
from scheduler.plan import occurrences
from scheduler.readmodel_ledger import ledger_facts
from scheduler.readmodel_rows import FEEDBACK_KIND, NO_FEEDBACK, Feedback, FeedbackIndex, Row, State
from scheduler.readmodel_units import UnitRow, unit_rows
from scheduler.runtime import Runtime
from scheduler.workdays import LAST_YEAR, WorkCalendar

_ONE = timedelta(days=1)
_NONE: frozenset[str] = frozenset()
_ROLES = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)
_LIGHT_STATE = {"绿": State.ON_TRACK, "黄": State.NEAR, "红": State.OVERDUE}
__all__ = ["FEEDBACK_KIND", "NO_FEEDBACK", "Feedback", "FeedbackIndex", "Register", "Row", "State", "UnitRow",
           "build", "load", "task_units", "unit_rows"]

@dataclass(frozen=True, slots=True)
class Register:
    """The 台账 as of `today`."""

    today: date
    rows: tuple[Row, ...]
    units: tuple[UnitRow, ...]
    roles: Mapping[str, tuple[tuple[str, Role], ...]]  # task id → (unit, highest role)
    failures: tuple[str, ...] = ()

    def counts(self) -> dict[State, int]:
        out = dict.fromkeys(State, 0)
        for row in self.rows:
            out[row.state] += 1
        return out


def light(days: int) -> str:
    return "红" if days < 0 else "黄" if days <= 3 else "绿"


def working_days_left(cal: WorkCalendar, today: date, due: date) -> int:
    """SPEC §3.5: count(D+1, due) (0 on the due date); overdue: -count(due+1, D)."""
    return cal.count(today + _ONE, due) if due >= today else -cal.count(due + _ONE, today)


def one_year_after(day: date) -> date:
    """A year after `day`, within the calendar (it ends on 2099-12-31)."""
    if day.year >= LAST_YEAR:
        return date(LAST_YEAR, 12, 31)
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class _Days:
    """Due dates and working days left, computed once per distinct date (deadlines repeat)."""

    def __init__(self, cal: WorkCalendar, today: date) -> None:
        self.cal = cal
        self.today = today
        self._due: dict[date, date] = {}
        self._left: dict[date, int] = {}

    def due(self, deadline: date) -> date:
        found = self._due.get(deadline)
        if found is None:
            found = self._due[deadline] = self.cal.on_or_before(deadline)
        return found

    def left(self, due: date) -> int:
        found = self._left.get(due)
        if found is None:
            found = self._left[due] = working_days_left(self.cal, self.today, due)
        return found


def build(runtime: Runtime, today: date, last: Mapping[tuple[str, str], str],
          feedback: FeedbackIndex = NO_FEEDBACK, failures: Sequence[str] = ()) -> Register:
    """Every row of the 台账 and the per-unit counts, in the order of the tasks files."""
    rows: list[Row] = []
    roles: dict[str, tuple[tuple[str, Role], ...]] = {}
    days = _Days(runtime.calendar, today)
    for task in runtime.tasks:
        roles[task.id] = task_units(runtime, task)
        rows.extend(_task_rows(runtime, task, days, last, feedback))
    return Register(today, tuple(rows), tuple(unit_rows(rows, roles)), roles, tuple(failures))


def task_units(runtime: Runtime, task: Task) -> tuple[tuple[str, Role], ...]:
    """Each unit of the task (groups expanded) under the highest of its roles."""
    best: dict[str, Role] = {}
    for role in _ROLES:
        for name in task.names(role):
            for unit in runtime.directory.resolve(name):
                best.setdefault(unit, role)
    return tuple(best.items())


def _task_rows(runtime: Runtime, task: Task, days: _Days, last: Mapping[tuple[str, str], str],
               feedback: FeedbackIndex) -> Iterator[Row]:
    if task.ongoing:
        state = {TaskStatus.OPEN: State.ONGOING, TaskStatus.DONE: State.DONE}.get(task.status, State.SUSPENDED)
        notes = feedback.get((task.id, ""), ())
        yield Row(task, "", task.detail, "持续推进", None, None, state, "", None, None, None, frozenset(),
                  last.get((task.id, ""), ""), notes[-1].describe() if notes else "")
        return
    for ms in _milestones(task, days.today):
        yield _row(runtime, task, ms, days, last, feedback)


def _milestones(task: Task, today: date) -> Iterator[Milestone]:
    yield from task.milestones
    rec = task.recurrence
    if rec is not None:
        for day in occurrences(rec, one_year_after(today)):
            done = rec.done_through is not None and day <= rec.done_through
            yield Milestone(day.isoformat(), day, done=day if done else None)


def _row(runtime: Runtime, task: Task, ms: Milestone, days_of: _Days, last: Mapping[tuple[str, str], str],
         feedback: FeedbackIndex) -> Row:
    due = days_of.due(ms.deadline)
    notes = feedback.get((task.id, ms.id), ())
    waiting = sum(n.waiting for n in notes)
    done = ms.done
    if task.recurrence is not None and ms.done is not None:
        done = None  # done_through says which occurrences are done, not when
    days: int | None = None
    shade = ""
    if ms.done is not None or task.status is TaskStatus.DONE:
        state = State.DONE
    elif task.status is TaskStatus.SUSPENDED:
        state = State.SUSPENDED
    else:
        days = days_of.left(due)
        shade = light(days)
        review = any(n.waiting and n.kind == "done" for n in notes)
        state = State.REVIEW if review else _LIGHT_STATE[shade]
    done_by = frozenset(u for name in ms.done_by for u in runtime.directory.resolve(name)) if ms.done_by else _NONE
    written = ms.written or ms.deadline.isoformat()
    return Row(task, ms.id, ms.what, written, ms.deadline, due, state, shade, days, done, ms.extended_from,
               done_by, last.get((task.id, ms.id), ""), notes[-1].describe() if notes else "", waiting)




# -- what the ledger knows (read-only) ------------------------------------------------------------


def load(runtime: Runtime, today: date, feedback: FeedbackIndex | None = None) -> Register:
    """The register with the last reminders, the failures and (unless given) the units'
    feedback recorded in the state database."""
    last, failures = ledger_facts(runtime.settings.state)
    if feedback is None:
        from scheduler.feedback.readers import feedback_index

        feedback = feedback_index(runtime.settings.state)
    return build(runtime, today, last, feedback, failures)
