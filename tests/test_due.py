"""due.decide: one table row per rule (plain values, a fake ledger view)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

import pytest

from scheduler.due import Outgoing, SendWindow, Unsettled, decide
from scheduler.messages import DeliveryState, Reason, ReminderId
from scheduler.model import Identity, Reminder, Role
from scheduler.workdays import WorkCalendar
from tests.kit import SH, at

WINDOW = SendWindow(time(9), time(18), SH, WorkCalendar())


def reminder(stage: str, day: str, offset: int, unit: str = "省司法厅", repetition: int = 0) -> Reminder:
    return Reminder(at(f"{day}T09:00"), "T-01", "1", date(2021, 6, 30), date(2021, 6, 30), stage, offset, repetition,
                    Role.LEAD, unit, ("email",))


@dataclass(frozen=True)
class Open:
    key: str
    state: DeliveryState
    resends: int = 0
    next_attempt: datetime | None = None
    first_failure: datetime | None = None
    attempts: int = 1
    kind: str = "digest"


@dataclass
class View:
    done: set[ReminderId] = field(default_factory=set)
    unsettled: list[Open] = field(default_factory=list)

    def handled(self, ids: Iterable[Identity]) -> set[Identity]:
        return {i for i in ids if i in self.done}

    def open_messages(self) -> Sequence[Unsettled]:
        return self.unsettled


EARLY = reminder("提前告知", "2021-06-16", -10)
NEAR = reminder("临期提醒", "2021-06-25", -3)
DUE = reminder("到期提醒", "2021-06-30", 0)


@pytest.mark.parametrize(("candidates", "done", "send", "supersede"), [
    ([DUE], set(), [DUE], []),  # due and never handled
    ([DUE], {DUE.identity}, [], []),  # handled already
    ([EARLY, NEAR, DUE], set(), [DUE], [EARLY, NEAR]),  # catch-up: the latest only
    ([EARLY, NEAR, DUE], {EARLY.identity}, [DUE], [NEAR]),  # the handled one is not superseded again
    ([EARLY, NEAR], {NEAR.identity}, [], []),  # the latest is handled: nothing, nothing superseded
    ([DUE, reminder("到期提醒", "2021-06-30", 0, "省财政厅")], set(),
     [DUE, reminder("到期提醒", "2021-06-30", 0, "省财政厅")], []),  # per unit
])
def test_the_latest_due_stage_per_unit(candidates: list[Reminder], done: set[ReminderId], send: list[Reminder],
                                       supersede: list[Reminder]) -> None:
    decision = decide(candidates, View(done), at("2021-06-30T09:30"), WINDOW)
    assert (decision.send, decision.supersede, decision.waiting) == (send, supersede, False)


@pytest.mark.parametrize(("message", "now", "outgoing", "give_up"), [
    (Open("a", DeliveryState.PENDING), "2021-06-30T09:30", [Outgoing("a", Reason.RESEND)], []),
    (Open("a", DeliveryState.PENDING, resends=1), "2021-06-30T09:30", [], [Outgoing("a", Reason.INTERRUPTED_TWICE)]),
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-06-30T09:40")), "2021-06-30T09:30", [], []),
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-06-30T09:40")), "2021-06-30T09:40",
     [Outgoing("a", Reason.RETRY)], []),
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-06-30T09:30"), attempts=0, kind="notice"),
     "2021-06-30T09:30", [Outgoing("a", Reason.NOTICE)], []),
    # first failure on Wednesday 06-30: retried through Thursday's window, failed from 07-01 18:00
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-07-01T17:00"), first_failure=at("2021-06-30T09:30")),
     "2021-07-01T17:59", [Outgoing("a", Reason.RETRY)], []),
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-07-01T17:00"), first_failure=at("2021-06-30T09:30")),
     "2021-07-02T09:00", [], [Outgoing("a", Reason.EXPIRED)]),
    # first failure on Friday 2021-09-17; Saturday 09-18 is a 调休 working day: the limit is its 18:00
    (Open("a", DeliveryState.DEFERRED, next_attempt=at("2021-09-18T09:00"), first_failure=at("2021-09-17T10:00")),
     "2021-09-22T09:00", [], [Outgoing("a", Reason.EXPIRED)]),
])
def test_unsettled_messages(message: Open, now: str, outgoing: list[Outgoing], give_up: list[Outgoing]) -> None:
    decision = decide([], View(unsettled=[message]), at(now), WINDOW)
    assert (decision.outgoing, decision.give_up) == (outgoing, give_up)


@pytest.mark.parametrize("now", ["2021-06-30T08:59", "2021-06-30T18:00", "2021-07-03T10:00", "2021-10-01T10:00"])
def test_outside_the_window_everything_waits(now: str) -> None:
    decision = decide([DUE], View(unsettled=[Open("a", DeliveryState.PENDING)]), at(now), WINDOW)
    assert decision.waiting


@pytest.mark.parametrize(("first", "limit"), [
    ("2021-06-30T09:30", "2021-07-01T18:00"),
    ("2021-09-30T10:00", "2021-10-08T18:00"),  # National Day holidays in between
    ("2021-09-17T17:00", "2021-09-18T18:00"),  # the 调休 Saturday counts
])
def test_deferral_limit_is_the_end_of_the_next_working_days_window(first: str, limit: str) -> None:
    assert WINDOW.deferral_limit(at(first)) == at(limit)


def test_the_window_opens_on_the_next_working_day() -> None:
    assert WINDOW.next_opening(at("2021-09-30T20:00")) == datetime(2021, 10, 8, 9, 0, tzinfo=SH)
