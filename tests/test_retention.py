"""Retention (issue #12): a message body is kept while a milestone it carries is open, and pruned
a year after the last of them closed and a year after the message settled; the rows stay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scheduler.ledger import Ledger
from scheduler.messages import DeliveryState, Message, ReminderId
from scheduler.model import Milestone, Recurrence, Task, TaskStatus
from scheduler.retention import closing_days
from tests.kit import at

SETTLED = at("2021-06-30T09:30")
QUARTERLY = Recurrence("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", date(2021, 1, 1), date(2021, 12, 31),
                       done_through=date(2021, 6, 30))


def task(tid: str = "T", *milestones: Milestone, status: TaskStatus = TaskStatus.OPEN) -> Task:
    return Task(tid, "任务", "tasks.toml", lead=("省司法厅",),
                milestones=milestones or (Milestone("1", date(2021, 6, 30)),), status=status)


@pytest.mark.parametrize(("tasks", "milestone", "closed"), [
    ([task()], ("T", "1"), None),  # open: kept
    ([task("T", Milestone("1", date(2021, 6, 30), done=date(2021, 6, 29)))], ("T", "1"), date(2021, 6, 29)),
    ([task(status=TaskStatus.DONE)], ("T", "1"), date.min),  # closed, the day unknown
    ([task(status=TaskStatus.SUSPENDED)], ("T", "1"), None),  # suspended is not closed
    ([], ("T", "1"), date.min),  # the task is gone from the files
    ([task()], ("T", "9"), date.min),  # the milestone is gone
    ([Task("R", "季度调度", "tasks.toml", recurrence=QUARTERLY)], ("R", "2021-04-30"), date.min),  # done_through
    ([Task("R", "季度调度", "tasks.toml", recurrence=QUARTERLY)], ("R", "2021-10-31"), None),  # a later quarter
    ([Task("R", "季度调度", "tasks.toml", recurrence=QUARTERLY)], ("R", "2021-09-30"), date.min),  # no date of the rule
])
def test_closing_days(tasks: list[Task], milestone: tuple[str, str], closed: date | None) -> None:
    assert closing_days(tasks)(*milestone) == closed


def _sent(ledger: Ledger, key: str, *milestones: str) -> str:
    reminders = tuple(ReminderId("T", m, date(2021, 6, 30), "到期提醒", 0, "省司法厅") for m in milestones)
    ledger.queue([Message(key * 32, "email", "省司法厅", "s", "正文", ("a@b.cn",), "", "", reminders)], SETTLED)
    ledger.begin_attempt(key * 32, SETTLED)
    ledger.mark_sent(key * 32, SETTLED)
    return key * 32


def _body(ledger: Ledger, key: str) -> bool:
    message = ledger.message(key)  # None once pruned
    return message is not None and message.text == "正文"


def test_a_body_is_kept_while_its_milestone_is_open_and_a_year_after_it_closed(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        one, both = _sent(ledger, "a", "1"), _sent(ledger, "b", "1", "2")
        still_open = closing_days([task("T", Milestone("1", date(2021, 6, 30)), Milestone("2", date(2021, 9, 30)))])
        assert ledger.prune(at("2023-01-01T09:30"), still_open) == 0
        closed = closing_days([task("T", Milestone("1", date(2021, 6, 30), done=date(2021, 12, 20)),
                                    Milestone("2", date(2021, 9, 30)))])
        assert ledger.prune(at("2022-12-20T09:30"), closed) == 0  # closed less than a year ago
        assert ledger.prune(at("2022-12-22T09:30"), closed) == 1  # one: the other carries an open milestone
        assert not _body(ledger, one) and _body(ledger, both)
        assert ledger.state_of(one) is DeliveryState.SENT and len(ledger.history()) == 2  # the rows stay


def test_a_closed_milestone_still_waits_a_year_after_the_message_settled(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        key = _sent(ledger, "a", "1")
        gone = closing_days([])  # the task left the plan: the day it closed is unknown
        assert ledger.prune(at("2022-06-30T09:00"), gone) == 0
        assert ledger.prune(at("2022-07-02T09:30"), gone) == 1 and not _body(ledger, key)
