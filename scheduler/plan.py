"""The reminder plan (SPEC §3.2): from the files alone, every firing inside a window. Pure.

For each open milestone, `due` is the last working day on or before its deadline, and a stage
with offset k (repeat r) fires on the working days with index idx(due) + k + j·r. Planning works
on working-day indices, so the repetitions inside a window are found by arithmetic, never by
walking from repetition 0. Nothing here reads a clock or a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from scheduler.errors import DubanError
from scheduler.model import (
    Milestone,
    Policy,
    Recurrence,
    Reminder,
    Role,
    Stage,
    Task,
    TaskStatus,
    Unit,
)
from scheduler.workdays import LAST_YEAR, WorkCalendar

_FIRST_ROLES = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)
_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class Window:
    """Dates [start, end], both included."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Recipient:
    unit: str
    role: Role
    channels: tuple[str, ...]
    via: str | None


class Firing(NamedTuple):
    """One stage firing for one milestone: its recipients share everything but the unit.

    Planning in firings rather than reminders keeps large plans cheap (a firing typically has
    5–15 recipients); `reminders()` expands it in the documented order (by unit).
    """

    at: datetime
    task: str
    milestone: str
    deadline: date
    due: date
    stage: str
    offset: int
    repetition: int
    recipients: tuple[Recipient, ...]

    def reminders(self) -> list[Reminder]:
        at, task, milestone, deadline, due, stage, offset, repetition = (
            self.at, self.task, self.milestone, self.deadline, self.due, self.stage, self.offset, self.repetition)
        # tuple.__new__ straight from the values: a third of the NamedTuple's generated __new__
        # (a Python frame per call; a first pass at 20,000 tasks builds ~700,000 reminders here)
        return [_new(Reminder, (at, task, milestone, deadline, due, stage, offset, repetition, r.role, r.unit,
                                r.channels, r.via)) for r in self.recipients]

    def only(self, units: set[str]) -> Firing | None:
        """The same firing restricted to recipients in `units` (or routed via one of them)."""
        kept = tuple(r for r in self.recipients if r.unit in units or r.via in units)
        if not kept:
            return None
        return Firing(self.at, self.task, self.milestone, self.deadline, self.due, self.stage,
                      self.offset, self.repetition, kept)


class Names(Protocol):
    """What the planner needs of the unit directory (scheduler.load.units.Directory)."""

    @property
    def units(self) -> Mapping[str, Unit]: ...

    def resolve(self, name: str) -> tuple[str, ...]: ...


class Audience:
    """Who is told about a task at a stage: roles resolved, groups expanded, contacts routed."""

    def __init__(self, directory: Names, coordinator: str) -> None:
        self._directory = directory
        self._resolved: dict[str, tuple[str, ...]] = {}
        self.coordinator = self._resolve(coordinator)[0] if coordinator else ""
        self._cache: dict[tuple[str, tuple[Role, ...]], tuple[Recipient, ...]] = {}
        self._recipients: dict[tuple[str, Role], Recipient] = {}  # shared by every task that names the unit

    def _resolve(self, name: str) -> tuple[str, ...]:
        found = self._resolved.get(name)
        if found is None:
            found = self._resolved[name] = self._directory.resolve(name) or (name,)
        return found

    def _channels(self, unit: str) -> tuple[str, ...]:
        found = self._directory.units.get(unit)
        return found.channels if found is not None else ()

    def of(self, task: Task, roles: tuple[Role, ...]) -> tuple[Recipient, ...]:
        key = (task.id, roles)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = tuple(sorted(self._build(task, roles), key=_by_unit))
        return cached

    def for_milestone(self, task: Task, ms: Milestone, roles: tuple[Role, ...]) -> tuple[Recipient, ...]:
        """The audience of a stage without the units in the milestone's `done_by` (their part is
        done); the coordinator's own reminders about the milestone go on."""
        recipients = self.of(task, roles)
        if not ms.done_by:
            return recipients
        done = {u for name in ms.done_by for u in self._resolve(name)}
        return tuple(r for r in recipients if r.unit not in done or r.role is Role.COORDINATOR)

    def _build(self, task: Task, roles: tuple[Role, ...]) -> Iterator[Recipient]:
        best: dict[str, Role] = {}
        for role in _FIRST_ROLES:
            if role in roles:
                for name in task.names(role):
                    for unit in self._resolve(name):
                        best.setdefault(unit, role)
        if Role.COORDINATOR in roles and self.coordinator:
            best.setdefault(self.coordinator, Role.COORDINATOR)
        for unit, role in best.items():
            yield self.recipient(unit, role)

    def recipient(self, unit: str, role: Role) -> Recipient:
        found = self._recipients.get((unit, role))
        if found is None:
            found = self._recipients[(unit, role)] = self._recipient(unit, role)
        return found

    def _recipient(self, unit: str, role: Role) -> Recipient:
        channels = self._channels(unit)
        if channels:
            return Recipient(unit, role, channels, None)
        if unit == self.coordinator:
            return Recipient(unit, role, ("outbox",), None)
        return Recipient(unit, role, self._channels(self.coordinator) or ("outbox",),
                         self.coordinator)


def _by_unit(r: Recipient) -> str:
    return r.unit


def occurrences(rec: Recurrence, through: date | None) -> list[date]:
    """Dates of a recurrence from `start` to min(until, through)."""
    last = min(d for d in (rec.until, through) if d is not None) if (rec.until or through) else None
    if last is None:
        last = rec.start + timedelta(days=366)
    begin = datetime.combine(rec.start, time())
    rule = rrulestr(rec.rule, dtstart=begin)
    return [d.date() for d in rule.between(begin, datetime.combine(last, time()), inc=True)]


def open_milestones(task: Task, through: date) -> Iterator[Milestone]:
    """The task's milestones that can still fire: fixed ones not done, recurrences not done."""
    if task.status is not TaskStatus.OPEN:
        return
    for ms in task.milestones:
        if ms.done is None:
            yield ms
    rec = task.recurrence
    if rec is not None:
        for day in occurrences(rec, through):
            if rec.done_through is None or day > rec.done_through:
                yield Milestone(day.isoformat(), day)


def horizon(calendar: WorkCalendar, day: date, lookahead: int) -> date:
    """The last deadline whose stages can have fired by `day`, for a policy whose earliest stage
    is `lookahead` working days before due. The one look-ahead of plan, catch-up and status:
    a stage fires at idx(due) - lookahead <= idx(day), so due <= the (idx(day) + lookahead)-th
    working day, and the deadline lies before the working day after it."""
    try:
        return calendar.workday_at(calendar.workday_index(day) + lookahead + 1, day) - timedelta(days=1)
    except DubanError:  # beyond the calendar's range: everything up to its end
        return date(LAST_YEAR, 12, 31)


def lookahead_of(policy: Policy) -> int:
    """Working days between a policy's earliest stage and due (0 when no stage is early)."""
    return max((-s.offset for s in policy.stages), default=0)


class Planner:
    """Computes firings for a window; one instance may serve many windows."""

    def __init__(self, calendar: WorkCalendar, policies: Mapping[str, Policy], audience: Audience,
                 send_at: time, tz: ZoneInfo) -> None:
        self.calendar = calendar
        self.policies = policies
        self.audience = audience
        self.send_at = send_at
        self.tz = tz
        self._at: dict[int, datetime] = {}

    def plan(self, tasks: Iterable[Task], window: Window) -> list[Reminder]:
        """Every reminder in the window, sorted by (at, task, milestone, stage, unit)."""
        return [r for f in self.firings(tasks, window) for r in f.reminders()]

    def firings(self, tasks: Iterable[Task], window: Window) -> list[Firing]:
        """Every firing in the window, sorted by (at, task, milestone, stage)."""
        out: list[Firing] = []
        for task in tasks:
            out.extend(self.for_task(task, window))
        out.sort(key=lambda f: (f.at, f.task, f.milestone, f.stage))
        return out

    def for_task(self, task: Task, window: Window) -> Iterator[Firing]:
        policy = self.policies[task.policy]
        through = horizon(self.calendar, window.end, lookahead_of(policy))
        not_before = max(window.start, _not_before(task) or window.start)
        if not_before > window.end:
            return
        cal = self.calendar
        lo, hi = cal.first_index_from(not_before), cal.workday_index(window.end)
        for ms in open_milestones(task, through):
            due_index = cal.workday_index(ms.deadline)
            due = cal.workday_at(due_index)
            for stage in policy.stages:
                recipients = self.audience.for_milestone(task, ms, stage.to)
                if not recipients:
                    continue
                for j, idx in _firings(stage, due_index, lo, hi):
                    yield Firing(self._at_index(idx), task.id, ms.id, ms.deadline, due, stage.name,
                                 idx - due_index, j, recipients)

    def latest(self, tasks: Iterable[Task], now: datetime) -> Iterator[Firing]:
        """For each open milestone and stage, its last firing at or before `now` (catch-up),
        task by task, as they are consumed (a first pass at 20,000 tasks has ~80,000)."""
        local = now.astimezone(self.tz)
        day = local.date() if local.time() >= self.send_at else local.date() - timedelta(days=1)
        cal = self.calendar
        hi = cal.workday_index(day)
        for task in tasks:
            start = _not_before(task)
            lo = cal.first_index_from(start) if start else 0
            if lo > hi:
                continue
            through = horizon(cal, day, lookahead_of(self.policies[task.policy]))
            for ms in open_milestones(task, through):
                due_index = cal.workday_index(ms.deadline)
                for stage in self.policies[task.policy].stages:
                    first = due_index + stage.offset
                    if first > hi:
                        continue
                    j = (hi - first) // stage.repeat_every if stage.repeat_every else 0
                    idx = first + j * (stage.repeat_every or 0)
                    recipients = self.audience.for_milestone(task, ms, stage.to)
                    if idx >= lo and recipients:
                        yield Firing(self._at_index(idx), task.id, ms.id, ms.deadline, cal.workday_at(due_index),
                                     stage.name, idx - due_index, j, recipients)

    def _at_index(self, idx: int) -> datetime:
        at = self._at.get(idx)
        if at is None:
            day = self.calendar.workday_at(idx)
            at = self._at[idx] = datetime.combine(day, self.send_at, self.tz)
        return at


def _not_before(task: Task) -> date | None:
    """No reminder fires before the document was issued or the task starts."""
    return max((d for d in (task.document.issued, task.start) if d), default=None)


def _firings(stage: Stage, due_index: int, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """(repetition, working-day index) of a stage's firings with lo <= index <= hi."""
    first = due_index + stage.offset
    r = stage.repeat_every
    if not r:
        if lo <= first <= hi:
            yield 0, first
        return
    j = max(0, -((first - lo) // r))  # ceil((lo - first) / r), at least 0
    idx = first + j * r
    while idx <= hi:
        yield j, idx
        j += 1
        idx += r
