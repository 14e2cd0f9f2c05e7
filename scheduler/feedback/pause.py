"""The pause rule of SPEC §3.4. Pure.

A 办结 waiting for review pauses the reminders of its milestone to the unit that reported it; if
that unit is a lead of the task, or the task has no lead, the reminders to all units of the
milestone pause (the coordinator's escalations about it included). A decision ends the pause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from scheduler.model import Reminder


@dataclass(frozen=True, slots=True)
class Pause:
    whole: frozenset[tuple[str, str]]  # (task, milestone): nobody is reminded
    units: frozenset[tuple[str, str, str]]  # (task, milestone, unit): that unit is not reminded

    def holds(self, task: str, milestone: str, unit: str) -> bool:
        return (task, milestone) in self.whole or (task, milestone, unit) in self.units


NO_PAUSE = Pause(frozenset(), frozenset())


def pause_of(waiting_done: Iterable[tuple[str, str, str]], leads: Callable[[str], frozenset[str]]) -> Pause:
    """From the (task, milestone, unit) of 办结 waiting for review; `leads(task)` gives the task's
    lead units (resolved; empty when the task has no lead)."""
    whole: set[tuple[str, str]] = set()
    units: set[tuple[str, str, str]] = set()
    for task, milestone, unit in waiting_done:
        lead = leads(task)
        if not lead or unit in lead:
            whole.add((task, milestone))
        else:
            units.add((task, milestone, unit))
    return Pause(frozenset(whole), frozenset(units))


def apply_pause(candidates: Iterable[Reminder], pause: Pause) -> Iterable[Reminder]:
    """The candidates that are not paused (a reminder routed via the coordinator counts as its
    unit's), as lazily as they come (a first pass at 20,000 tasks has ~700,000 candidates)."""
    if not pause.whole and not pause.units:
        return candidates
    return (r for r in candidates if not pause.holds(r.task, r.milestone, r.unit))


def split_pause(candidates: Iterable[Reminder], pause: Pause, held: list[Reminder]) -> Iterable[Reminder]:
    """Like apply_pause, and the paused candidates go to `held` (they are few: recorded as
    pending, paused, in the ledger)."""
    if not pause.whole and not pause.units:
        return candidates  # nothing paused: no step between the planner and decide
    return _split(candidates, pause, held)


def _split(candidates: Iterable[Reminder], pause: Pause, held: list[Reminder]) -> Iterator[Reminder]:
    for r in candidates:
        if pause.holds(r.task, r.milestone, r.unit):
            held.append(r)
        else:
            yield r
