"""`due.decide` over the candidates a few thousand tasks at a time (the first pass's memory).

A first pass at 20,000 tasks has ~700,000 candidate reminders, two thirds of them older stages
that are only recorded as superseded. Deciding the whole stream at once held them all (~90 MB).
Here the stream, which the planner yields task by task, is cut at task boundaries; each part is
decided on its own (a task's reminders never depend on another task's) and its superseded
reminders are handed to `supersede` (the ledger write) and dropped. Only the reminders to send
are kept. The results are those of one `decide` over the whole stream, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from scheduler.due import Outgoing, SendWindow, Unsettled, View, decide
from scheduler.model import Identity, Reminder

STREAM_TASKS = 2000  # tasks decided at a time


@dataclass(frozen=True, slots=True)
class Streamed:
    send: list[Reminder]
    outgoing: list[Outgoing]
    give_up: list[Outgoing]
    superseded: int  # how many were handed to `supersede` (or would be, when waiting)
    waiting: bool  # outside the window: nothing was handed to `supersede`


class _Part:
    """The view for one part: the unsettled messages are decided once, not once per part."""

    def __init__(self, view: View, nothing_handled: bool) -> None:
        self._view = view
        self._nothing = nothing_handled

    def handled(self, ids: Iterable[Identity]) -> set[Identity]:
        return set() if self._nothing else self._view.handled(ids)

    def open_messages(self) -> Sequence[Unsettled]:
        return ()


def decide_streaming(candidates: Iterable[Reminder], view: View, now: datetime, window: SendWindow,
                     supersede: Callable[[list[Reminder]], None], size: int = STREAM_TASKS,
                     nothing_handled: bool = False) -> Streamed:
    """`nothing_handled`: the ledger held no reminder when the pass began (a first pass). The
    parts' own writes never touch a later part's tasks, so no identity needs to be asked about."""
    whole = decide((), view, now, window)  # retries, resends, what is given up; the window
    send: list[Reminder] = []
    superseded = 0
    part_view = _Part(view, nothing_handled)
    for part in by_tasks(candidates, size):
        decision = decide(part, part_view, now, window)
        send += decision.send
        superseded += len(decision.supersede)
        if not whole.waiting:
            supersede(decision.supersede)
    return Streamed(send, whole.outgoing, whole.give_up, superseded, whole.waiting)


def by_tasks(candidates: Iterable[Reminder], size: int) -> Iterator[list[Reminder]]:
    """Consecutive runs of `size` tasks. Precondition: each task's reminders come together, as
    `Planner.latest` yields them (task by task; the pause filter keeps the order)."""
    part: list[Reminder] = []
    count, last = 0, None
    for r in candidates:
        if r.task != last:
            if count >= size:
                yield part
                part, count = [], 0
            count += 1
            last = r.task
        part.append(r)
    if part:
        yield part
