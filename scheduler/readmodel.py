"""The read model of `duban status`, the reports (台账, 通报) and, later, the dashboard.

One `Row` per milestone and per ongoing task, with its 状态 (SPEC §3.5), working days left, done
date, extension, last reminder and last feedback; one `UnitRow` per unit (the 按单位 sheet).
`build` is pure: what the ledger and the feedback store know is passed in. `load` reads the
ledger (read-only) and calls it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from itertools import groupby

from scheduler.model import Milestone, Role, Task, TaskStatus
from scheduler.plan import occurrences
from scheduler.readmodel_ledger import ledger_facts
from scheduler.runtime import Runtime
from scheduler.workdays import WorkCalendar

_ONE = timedelta(days=1)
_NONE: frozenset[str] = frozenset()
_ROLES = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)


class State(Enum):
    DONE = "已办结"
    ON_TRACK = "按期推进"
    NEAR = "临期"
    OVERDUE = "逾期"
    REVIEW = "待审核"
    ONGOING = "持续推进"
    SUSPENDED = "暂停"

    @property
    def open(self) -> bool:
        return self in _OPEN


_OPEN = frozenset({State.ON_TRACK, State.NEAR, State.OVERDUE, State.REVIEW})
_LIGHT_STATE = {"绿": State.ON_TRACK, "黄": State.NEAR, "红": State.OVERDUE}
FEEDBACK_KIND = {"progress": "进展", "done": "办结", "extend": "延期申请"}


@dataclass(frozen=True, slots=True)
class Feedback:
    """One submission of a unit (SPEC §3.4), as the feedback store will hand it over."""

    unit: str
    kind: str  # progress | done | extend
    submitted_at: datetime
    date: date | None = None  # the date finished (done) or the new deadline (extend)
    note: str = ""
    waiting: bool = False  # a 办结 or 延期申请 the coordinator has not decided yet

    def describe(self) -> str:
        """`2021-12-27 省市场监管局 办结（待审核，完成于2021-12-27）：已印发实施方案`."""
        detail = ["待审核"] if self.waiting else []
        if self.date is not None:
            detail.append(("申请延至" if self.kind == "extend" else "完成于") + self.date.isoformat())
        head = f"{self.submitted_at:%Y-%m-%d} {self.unit} {FEEDBACK_KIND.get(self.kind, self.kind)}"
        return head + (f"（{'，'.join(detail)}）" if detail else "") + (f"：{self.note}" if self.note else "")


# (task id, milestone id) → the submissions about it, oldest first
FeedbackIndex = Mapping[tuple[str, str], Sequence[Feedback]]
NO_FEEDBACK: FeedbackIndex = {}


@dataclass(frozen=True, slots=True)
class Row:
    task: Task
    milestone: str  # "" for an ongoing task
    what: str
    written: str  # the deadline as written: a phrase, an ISO date, or "持续推进"
    deadline: date | None
    due: date | None
    state: State
    light: str  # 绿/黄/红 for an open milestone (待审核 too), "" otherwise
    days: int | None  # working days left; negative when overdue; None when not open
    done: date | None
    extended_from: date | None
    done_by: frozenset[str]  # units whose part is done
    last_reminder: str
    last_feedback: str
    waiting: int = 0  # submissions waiting for review

    @property
    def on_time(self) -> bool:
        return self.done is not None and self.due is not None and self.done <= self.due


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
    elif state in _OPEN:
        tally[1] += 1
        tally[2] += state is State.NEAR
        tally[3] += state is State.OVERDUE


_ROLE_SLOT = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATING: 2}


# -- what the ledger knows (read-only) ------------------------------------------------------------


def load(runtime: Runtime, today: date, feedback: FeedbackIndex | None = None) -> Register:
    """The register with the last reminders, the failures and (unless given) the units'
    feedback recorded in the state database."""
    last, failures = ledger_facts(runtime.settings.state)
    if feedback is None:
        from scheduler.feedback.readers import feedback_index

        feedback = feedback_index(runtime.settings.state)
    return build(runtime, today, last, feedback, failures)
