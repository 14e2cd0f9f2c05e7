"""Withdraw a queued message whose every reminder is about a closed milestone (issue #12).

A message recorded before its milestones were closed — queued, deferred for a retry after a
temporary failure, or interrupted (pending at a pass's start) — would otherwise still go out on
its next attempt, although no reminder about a closed milestone may reach anyone (SPEC §3.2: no
reminder fires for a milestone that is done, or a task that is done or suspended).

`Closure` answers, from the current tasks alone, whether a carried (task, milestone, unit) can
still fire: pure, and with the planner's own rules (`plan.open_milestones`, which also knows that
a recurrence's milestone id is its date, and `Audience.for_milestone`, which drops the units in
`done_by`). `withdraw_closed` applies it at a pass to the retries and resends `due.decide`
returned; its only effect is the ledger's `withdraw` transition. Imports no I/O.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol

from scheduler.due import Outgoing
from scheduler.messages import Reason
from scheduler.model import Milestone, Policy, Task
from scheduler.plan import Audience, open_milestones

log = logging.getLogger("duban")

Carried = tuple[str, str, str]  # (task, milestone, unit) of a reminder a message carries


class Closure:
    """Which (task, milestone, unit) the planner could still remind in the current tasks: the
    task exists and is open, the milestone is open (a fixed one without `done`; a date of the
    recurrence's rule after `done_through`), and a stage of the task's policy still addresses the
    unit (not in `done_by`, still named by the task). Everything else is closed."""

    def __init__(self, tasks: Iterable[Task], audience: Audience, policies: Mapping[str, Policy]) -> None:
        self._tasks = {t.id: t for t in tasks}
        self._audience = audience
        self._policies = policies
        self._units: dict[tuple[str, str], frozenset[str]] = {}

    def is_open(self, task: str, milestone: str, unit: str) -> bool:
        units = self._units.get((task, milestone))
        if units is None:
            units = self._units[(task, milestone)] = self._addressed(task, milestone)
        return unit in units

    def all_closed(self, carried: Sequence[Carried]) -> bool:
        """True when the message carries reminders and every one of them is closed."""
        return bool(carried) and not any(self.is_open(*c) for c in carried)

    def _addressed(self, task_id: str, milestone: str) -> frozenset[str]:
        """The units a stage of the milestone can still reach (none: it is closed)."""
        task = self._tasks.get(task_id)
        ms = _open_milestone(task, milestone) if task is not None else None
        if task is None or ms is None:
            return frozenset()
        policy = self._policies[task.policy]
        return frozenset(r.unit for stage in policy.stages for r in self._audience.for_milestone(task, ms, stage.to))


def _open_milestone(task: Task, milestone: str) -> Milestone | None:
    """The task's open milestone with this id. A recurrence's ids are ISO dates: its dates are
    listed up to that one (an id that is no date can only be a fixed milestone's)."""
    through = iso_day(milestone) or date.min
    return next((ms for ms in open_milestones(task, through) if ms.id == milestone), None)


def iso_day(text: str) -> date | None:
    """A recurrence's milestone id (its ISO date) as a date; None for any other id."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


class Withdrawable(Protocol):
    """What withdraw_closed needs of the ledger (ledger.Ledger)."""

    def carried(self, key: str) -> list[Carried]: ...

    def withdraw(self, key: str, now: datetime) -> bool: ...


def withdraw_closed(ledger: Withdrawable, closure: Callable[[], Closure], outgoing: list[Outgoing],
                    give_up: list[Outgoing], now: datetime) -> tuple[list[Outgoing], list[Outgoing], int]:
    """Withdraw the digests among `outgoing` (retries, resends) and `give_up` (expired,
    interrupted twice) whose every carried reminder is closed: never sent, never reported as
    failed. A message with one reminder still open goes on unchanged. Notices carry no
    reminders and are never withdrawn. `closure` is built only when there is something to
    judge. Returns the lists without the withdrawn messages, and their number."""
    judge: Closure | None = None
    gone: set[str] = set()
    for item in (*outgoing, *give_up):
        if item.reason is Reason.NOTICE or item.key in gone:
            continue
        carried = ledger.carried(item.key)
        if not carried:
            continue
        judge = judge or closure()
        if judge.all_closed(carried) and ledger.withdraw(item.key, now):
            gone.add(item.key)
            units = "、".join(sorted({unit for _task, _ms, unit in carried}))
            log.info("withdrew message %s (%s, %d reminders for %s): every milestone it carries is closed",
                     item.key[:12], item.reason.value, len(carried), units)
    if not gone:
        return outgoing, give_up, 0
    return [i for i in outgoing if i.key not in gone], [i for i in give_up if i.key not in gone], len(gone)
