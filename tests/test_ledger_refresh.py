"""The ledger's faster paths give the rows of the general ones: a reminder carried by one
message takes its state in one statement, one carried by several is worked out from all; the
superseded rows built from the planner's reminders are those built from identities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scheduler.ledger import Ledger
from scheduler.messages import Message, ReminderId, ReminderState
from scheduler.model import Reminder, Role
from tests.kit import at

ALONE = ReminderId("T-01", "1", date(2021, 6, 30), "到期提醒", 0, "省司法厅")
SHARED = ReminderId("T-02", "1", date(2021, 6, 30), "到期提醒", 0, "省司法厅")
QUEUED, SENT, LATER = at("2021-06-30T09:30"), at("2021-06-30T09:31"), at("2021-06-30T09:40")


def _message(key: str, channel: str, reminders: tuple[ReminderId, ...]) -> Message:
    return Message(key, channel, "省司法厅", "【督办提醒】", "正文", ("sft@example.gov.cn",), "", "", reminders)


def _rows(ledger: Ledger) -> list[tuple[str, ReminderState, tuple[str, ...], str]]:
    return [(r.task, r.state, r.channels, r.handled_at.isoformat()) for r in ledger.history()]


def test_one_carrier_and_two_carriers_are_refreshed_apart(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "duban.db")
    ledger.queue([_message("e" * 32, "email", (ALONE, SHARED)), _message("w" * 32, "wecom", (SHARED,))], QUEUED)
    for key in ("e" * 32, "w" * 32):
        ledger.begin_attempt(key, QUEUED)
    ledger.mark_sent("e" * 32, SENT)
    assert _rows(ledger) == [("T-01", ReminderState.SENT, ("email",), SENT.isoformat()),
                             ("T-02", ReminderState.PENDING, ("email",), QUEUED.isoformat())]
    ledger.mark_failed("w" * 32, LATER, "机器人已停用")
    assert _rows(ledger) == [("T-01", ReminderState.SENT, ("email",), SENT.isoformat()),
                             ("T-02", ReminderState.FAILED, ("email",), LATER.isoformat())]


def test_a_failed_single_carrier_fails_its_reminders_once(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "duban.db")
    ledger.queue([_message("e" * 32, "email", (ALONE,))], QUEUED)
    ledger.begin_attempt("e" * 32, QUEUED)
    ledger.mark_deferred("e" * 32, SENT, LATER, "SMTP 451")
    assert _rows(ledger) == [("T-01", ReminderState.PENDING, (), QUEUED.isoformat())]
    ledger.begin_attempt("e" * 32, LATER)
    ledger.mark_failed("e" * 32, LATER, "SMTP 550")
    assert _rows(ledger) == [("T-01", ReminderState.FAILED, (), LATER.isoformat())]


def test_superseded_from_reminders_equals_superseded_from_identities(tmp_path: Path) -> None:
    fired = at("2021-06-23T09:00")
    reminder = Reminder(fired, "T-01", "1", date(2021, 6, 30), date(2021, 6, 30), "提前5个工作日", 5, 0, Role.LEAD,
                        "省司法厅", ("email",))
    by_identity, by_reminder = Ledger(tmp_path / "a.db"), Ledger(tmp_path / "b.db")
    by_identity.supersede([(reminder.identity, fired)], QUEUED)
    by_reminder.supersede_reminders([reminder], QUEUED)
    assert by_reminder.history() == by_identity.history()
    assert [(r.stage, r.state, r.at) for r in by_reminder.history()] == [("提前5个工作日", ReminderState.SUPERSEDED, fired)]
