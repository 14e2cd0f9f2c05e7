"""Why a message is sent now (SPEC §3.3): one pure decision for every path. Pure.

`decide(candidates, ledger view, now, window)` takes
  - the candidates: the latest firing of each stage at or before `now` (plan.Planner.latest);
  - the ledger's view: which reminders were handled already, and the messages not settled
    (pending at a pass's start = interrupted by a crash; deferred = waiting for a retry);
and returns what to send and why (`Reason`), what is superseded, and what is given up.

Rules: for each (task, milestone, unit) only the latest due candidate is sent, unless handled;
the older ones not handled are superseded (catch-up sends the current state, not a backlog).
Nothing is sent outside the window — recovery and retries included. An interrupted send is
resent once; a second interruption fails it. A deferred message fails at the end of the window
of the working day after its first failure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from operator import itemgetter
from typing import Protocol
from zoneinfo import ZoneInfo

from scheduler.messages import DeliveryState, Reason
from scheduler.model import Identity, Reminder, identity_of
from scheduler.workdays import WorkCalendar


class Unsettled(Protocol):
    """What decide reads of a message not settled (ledger.OpenMessage)."""

    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def state(self) -> DeliveryState: ...
    @property
    def attempts(self) -> int: ...
    @property
    def resends(self) -> int: ...
    @property
    def next_attempt(self) -> datetime | None: ...
    @property
    def first_failure(self) -> datetime | None: ...


class View(Protocol):
    """ledger.LedgerView, restated here so that the pure core imports no ledger."""

    def handled(self, ids: Iterable[Identity]) -> set[Identity]: ...

    def open_messages(self) -> Sequence[Unsettled]: ...


CHUNK = 400  # tasks per question to the ledger


@dataclass(frozen=True, slots=True)
class SendWindow:
    """[send_at, send_until) of a working day, in the configured zone."""

    start: time
    end: time
    tz: ZoneInfo
    calendar: WorkCalendar

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError("send window must not be empty")

    def open_at(self, now: datetime) -> bool:
        local = now.astimezone(self.tz)
        return self.calendar.is_workday(local.date()) and self.start <= local.time() < self.end

    def next_opening(self, now: datetime) -> datetime:
        """The next time the window opens strictly after `now` (or now, if it just opened)."""
        local = now.astimezone(self.tz)
        day: date = local.date()
        if not (self.calendar.is_workday(day) and local.time() < self.start):
            day = self.calendar.shift(day, 1)
        return self._instant(day, self.start)

    def seconds_left(self, now: datetime) -> float:
        """Seconds until the window closes at `now` (0 when it is not open): a pass stops sending then."""
        if not self.open_at(now):
            return 0.0
        return (self._instant(now.astimezone(self.tz).date(), self.end) - now).total_seconds()

    def deferral_limit(self, first_failure: datetime) -> datetime:
        """The end of the window of the working day after the first failure."""
        day = self.calendar.shift(first_failure.astimezone(self.tz).date(), 1)
        return self._instant(day, self.end)

    def _instant(self, day: date, moment: time) -> datetime:
        """`moment` of `day` in the zone, as a fixed offset: Python subtracts and compares two datetimes
        of one ZoneInfo on the wall clock, an hour off across a summer-time change (`now` is a
        ZoneInfo datetime); a fixed offset makes `opening - now` real time, wherever it is taken."""
        local = datetime.combine(day, moment, self.tz)
        return local.astimezone(timezone(local.utcoffset() or timedelta(0)))


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message already in the ledger to act on now, and why."""

    key: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class Decision:
    send: list[Reminder]  # new reminders to render and send now (Reason.DUE)
    supersede: list[Reminder]  # older stages replaced by a later one
    outgoing: list[Outgoing]  # retries, resends of interrupted sends, enqueued notices
    give_up: list[Outgoing]  # EXPIRED or INTERRUPTED_TWICE: fail and report
    waiting: bool = False  # outside the window: nothing is sent, the lists say what waits


def decide(candidates: Iterable[Reminder], view: View, now: datetime, window: SendWindow) -> Decision:
    by_task: dict[str, list[Reminder]] = {}
    for r in candidates:
        by_task.setdefault(r.task, []).append(r)
    send: list[Reminder] = []
    supersede: list[Reminder] = []
    tasks = list(by_task)
    for i in range(0, len(tasks), CHUNK):  # the ledger is asked a few hundred tasks at a time
        _latest_unhandled([r for t in tasks[i:i + CHUNK] for r in by_task[t]], view, send, supersede)
    outgoing, give_up = _unsettled(view.open_messages(), now, window)
    return Decision(send, supersede, outgoing, give_up, waiting=not window.open_at(now))


def _latest_unhandled(everything: list[Reminder], view: View, send: list[Reminder],
                      supersede: list[Reminder]) -> None:
    latest: dict[tuple[str, str, str], Reminder] = {}
    for r in everything:
        key = _key_of(r)
        best = latest.get(key)
        if best is None or (r.at, r.offset) > (best.at, best.offset):
            latest[key] = r
    handled = view.handled(map(identity_of, everything))  # lazily: an empty ledger reads none
    ids = {id(r) for r in latest.values()}
    if not handled:  # every latest one is sent, every other one superseded (a first pass: ~700,000)
        send.extend(latest.values())
        supersede.extend(r for r in everything if id(r) not in ids)
        return
    done = {id(r) for r in everything if identity_of(r) in handled}
    chosen = [r for r in latest.values() if id(r) not in done]
    send.extend(chosen)
    sending = {_key_of(r) for r in chosen}
    ids = {id(r) for r in chosen}
    supersede.extend(r for r in everything if id(r) not in ids and id(r) not in done and _key_of(r) in sending)


_key_of = itemgetter(1, 2, 9)  # (task, milestone, unit) of a Reminder, picked in C


def _unsettled(messages: Sequence[Unsettled], now: datetime,
               window: SendWindow) -> tuple[list[Outgoing], list[Outgoing]]:
    outgoing: list[Outgoing] = []
    give_up: list[Outgoing] = []
    for m in messages:
        if m.state is DeliveryState.PENDING:
            (outgoing if m.resends == 0 else give_up).append(
                Outgoing(m.key, Reason.RESEND if m.resends == 0 else Reason.INTERRUPTED_TWICE))
        elif m.first_failure is not None and now >= window.deferral_limit(m.first_failure):
            give_up.append(Outgoing(m.key, Reason.EXPIRED))
        elif m.next_attempt is None or m.next_attempt <= now:
            fresh = m.kind == "notice" and m.attempts == 0
            outgoing.append(Outgoing(m.key, Reason.NOTICE if fresh else Reason.RETRY))
    return outgoing, give_up
