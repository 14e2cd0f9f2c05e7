"""Due reminders → one Digest per (receiving unit, channel). Pure.

A reminder routed `via` the coordinator (its unit has no contact) lands in the coordinator's
digest and keeps naming the unit it is for, so the coordinator can pass it on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from scheduler.model import Reminder, Role, Task


class DigestItem(NamedTuple):
    reminder: Reminder
    task: Task

    @property
    def others(self) -> tuple[str, ...]:
        """The other units named by the task, as written (牵头 first)."""
        seen: dict[str, None] = {}
        for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING):
            for name in self.task.names(role):
                if name != self.reminder.unit:
                    seen.setdefault(name, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Digest:
    unit: str  # who receives it
    channel: str  # email | wecom | outbox
    items: tuple[DigestItem, ...]  # by due date, then task and milestone

    @property
    def escalation(self) -> bool:
        """A coordinator's digest: escalations or reminders passed on for unreachable units."""
        return any(i.reminder.role is Role.COORDINATOR or i.reminder.via for i in self.items)


def group(reminders: Iterable[Reminder], tasks: Mapping[str, Task]) -> list[Digest]:
    buckets: dict[tuple[str, str], list[DigestItem]] = {}
    for r in reminders:
        task = tasks.get(r.task)
        if task is None:
            continue
        receiver = r.via or r.unit
        for channel in r.channels:
            buckets.setdefault((receiver, channel), []).append(DigestItem(r, task))
    return [
        Digest(unit, channel, tuple(sorted(items, key=_item_order)))
        for (unit, channel), items in sorted(buckets.items())
    ]


def _item_order(item: DigestItem) -> tuple[object, ...]:
    r = item.reminder
    return (r.due, r.task, r.milestone, r.unit)
