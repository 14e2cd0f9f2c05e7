"""Why a reminder is sent now (SPEC §3.3). Pure.

At a pass at `now`, the candidates are the latest firing of each stage at or before `now`.
For each (task, milestone, unit) only the latest candidate is due, unless it was already
handled; the older candidates not yet handled are superseded: catch-up after downtime sends the
current state, not a backlog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from scheduler.model import Reminder, identity_key
from scheduler.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class Decision:
    send: list[Reminder]
    supersede: list[Reminder]


def decide(candidates: Iterable[Reminder], handled: set[str]) -> Decision:
    latest: dict[tuple[str, str, str], Reminder] = {}
    everything: list[Reminder] = []
    for r in candidates:
        everything.append(r)
        key = (r.task, r.milestone, r.unit)
        best = latest.get(key)
        if best is None or (r.at, r.offset) > (best.at, best.offset):
            latest[key] = r
    chosen = {id(r) for r in latest.values()}
    send = [r for r in latest.values() if identity_key(r.identity) not in handled]
    sending = {(r.task, r.milestone, r.unit) for r in send}
    supersede = [r for r in everything if id(r) not in chosen and (r.task, r.milestone, r.unit) in sending
                 and identity_key(r.identity) not in handled]
    return Decision(send, supersede)


@dataclass(frozen=True, slots=True)
class SendWindow:
    """[send_at, send_until) of a working day, in the configured zone."""

    start: time
    end: time
    tz: ZoneInfo
    calendar: WorkCalendar

    def open_at(self, now: datetime) -> bool:
        local = now.astimezone(self.tz)
        return self.calendar.is_workday(local.date()) and self.start <= local.time() < self.end

    def next_opening(self, now: datetime) -> datetime:
        """The next time the window opens strictly after `now` (or now, if it just opened)."""
        local = now.astimezone(self.tz)
        day: date = local.date()
        if not (self.calendar.is_workday(day) and local.time() < self.start):
            day = self.calendar.shift(day, 1)
        return datetime.combine(day, self.start, self.tz)

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError("send window must not be empty")


