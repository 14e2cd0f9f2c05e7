"""The ledger: conditional transitions, the migration from schema v1, and state faults."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from scheduler.errors import StateBrokenError, StateLockedError
from scheduler.ledger import SCHEMA_VERSION, Ledger, create_v1
from scheduler.messages import Attachment, DeliveryState, Message, Reason, ReminderId, ReminderState
from scheduler.retention import closing_days
from tests.kit import at

RID = ReminderId("T-01", "1", date(2021, 6, 30), "到期提醒", 0, "省司法厅")
NOW = at("2021-06-30T09:30")


def message(key: str = "m" * 32, channel: str = "email", reminders: tuple[ReminderId, ...] = (RID,)) -> Message:
    return Message(key, channel, "省司法厅", "【督办提醒】", "正文", ("sft@example.gov.cn",), "", "", reminders)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path / "duban.db")


def test_queue_then_attempt_then_sent(ledger: Ledger) -> None:
    assert ledger.queue([message()], NOW) == ["m" * 32]
    assert ledger.handled([RID]) == {RID}
    assert ledger.history()[0].state is ReminderState.PENDING
    assert ledger.begin_attempt("m" * 32, NOW) and not ledger.begin_attempt("m" * 32, NOW)  # conditional
    ledger.mark_sent("m" * 32, NOW)
    row = ledger.history()[0]
    assert (row.state, row.channels, row.handled_at) == (ReminderState.SENT, ("email",), NOW)
    assert ledger.queue([message()], NOW) == []  # the same content again: already sent


def test_a_reminder_is_sent_only_when_every_channel_accepted(ledger: Ledger) -> None:
    ledger.queue([message("e" * 32, "email"), message("w" * 32, "wecom")], NOW)
    for key in ("e" * 32, "w" * 32):
        ledger.begin_attempt(key, NOW)
    ledger.mark_sent("w" * 32, NOW)
    assert (ledger.history()[0].state, ledger.history()[0].channels) == (ReminderState.PENDING, ("wecom",))
    ledger.mark_deferred("e" * 32, NOW, at("2021-06-30T09:32"), "SMTP 451")
    assert ledger.open_messages()[0].first_failure == NOW
    ledger.begin_attempt("e" * 32, at("2021-06-30T09:32"))
    ledger.mark_failed("e" * 32, at("2021-06-30T09:32"), "SMTP 550")
    assert ledger.history()[0].state is ReminderState.FAILED
    assert [f.error for f in ledger.failures()] == ["SMTP 550"]


def test_an_interrupted_send_gets_one_resend(ledger: Ledger) -> None:
    ledger.queue([message()], NOW)
    ledger.begin_attempt("m" * 32, NOW)
    assert ledger.open_messages()[0].state is DeliveryState.PENDING
    assert ledger.begin_resend("m" * 32, NOW)
    assert not ledger.begin_resend("m" * 32, NOW)


def test_enqueue_once_per_fingerprint_keeps_attachments(ledger: Ledger) -> None:
    sheet = Attachment("督办台账.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03")
    notice = Message("n" * 32, "email", "督查室", "【督办系统】通报", "正文", ("dcs@example.gov.cn",),
                     attachments=(sheet,))
    assert ledger.enqueue(notice, "report:2021-06", NOW, Reason.NOTICE)
    assert not ledger.enqueue(notice, "report:2021-06", NOW, Reason.NOTICE)
    assert ledger.message("n" * 32) == notice
    assert ledger.open_messages()[0].kind == "notice"


def test_superseded_reminders_are_recorded_and_not_revived(ledger: Ledger) -> None:
    older = RID._replace(stage="临期提醒")
    ledger.supersede([(older, at("2021-06-25T09:00"))], NOW)
    ledger.queue([message(reminders=(older,))], NOW)
    assert ledger.history()[0].state is ReminderState.SUPERSEDED


V1_ROWS = [
    ("k1", "email", "省司法厅", "sft@example.gov.cn", "【督办提醒】", "sent"),
    ("k2", "wecom", "省司法厅", "省司法厅", "【督办提醒】", "retry"),
]


def _v1_database(path: Path) -> None:
    """A state written by the old code: its schema, its joined identity keys, its states."""
    db = sqlite3.connect(path)
    create_v1(db)
    identity = "\x1f".join(("T-01", "1", "2021-06-30", "到期提醒", "0", "省司法厅"))
    old = "\x1f".join(("T-01", "1", "2021-06-30", "临期提醒", "0", "省司法厅"))
    for key, channel, unit, recipient, subject, state in V1_ROWS:
        content = {"key": key, "channel": channel, "unit": unit, "subject": subject, "text": "正文",
                   "to": [recipient] if channel == "email" else [], "html": "", "payload": "", "reminders": [identity]}
        db.execute("INSERT INTO messages(key, channel, unit, recipient, subject, content, state, attempts, created_at, "
                   "updated_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                   (key, channel, unit, recipient, subject, json.dumps(content, ensure_ascii=False), state,
                    "2021-06-30T09:30:00+08:00", "2021-06-30T09:30:00+08:00", "2021-06-30T09:30:00+08:00"))
    db.execute("INSERT INTO reminders VALUES (?, 'T-01', '1', '省司法厅', '到期提醒', 'delivered', 'k1', ?)",
               (identity, "2021-06-30T09:30:00+08:00"))
    db.execute("INSERT INTO reminders VALUES (?, 'T-01', '1', '省司法厅', '临期提醒', 'superseded', NULL, ?)",
               (old, "2021-06-30T09:30:00+08:00"))
    db.execute("INSERT INTO notices VALUES ('abc', '2021-06-30T09:30:00+08:00')")
    db.commit()
    db.close()


def test_migration_from_v1_keeps_history(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    _v1_database(path)
    with Ledger(path) as ledger:
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = {(r.stage, r.state, r.channels) for r in ledger.history()}
        assert rows == {("到期提醒", ReminderState.SENT, ("email",)), ("临期提醒", ReminderState.SUPERSEDED, ())}
        assert ledger.handled([RID]) == {RID}
        assert ledger.state_of("k2") is DeliveryState.DEFERRED
        assert ledger.message("k1") is not None and ledger.message("k1").reminders == (RID,)  # type: ignore[union-attr]
        assert not ledger.enqueue(message("z" * 32), "abc", NOW)  # a fingerprint told under v1 stays told


def test_a_locked_database_is_waited_for_then_reported(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    Ledger(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    ledger = Ledger(path, lock_wait=0.2, check=False)
    started = time.monotonic()
    with pytest.raises(StateLockedError, match="锁定超过"):
        ledger.queue([message()], NOW)
    assert time.monotonic() - started < 5
    other.execute("ROLLBACK")
    assert ledger.queue([message()], NOW) == ["m" * 32]  # the next try works


def test_a_corrupt_database_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(StateBrokenError, match="已损坏"):
        Ledger(path)
    with pytest.raises(StateBrokenError, match="已损坏"):
        Ledger(path, readonly=True)


def test_a_full_disk_stops_writing(ledger: Ledger) -> None:
    pages = ledger.db.execute("PRAGMA page_count").fetchone()[0]
    ledger.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    big = Message("b" * 32, "email", "省司法厅", "s", os.urandom(300_000).hex(), ("sft@example.gov.cn",))
    with pytest.raises(StateBrokenError, match="磁盘已满"):
        ledger.queue([big], NOW)


def test_a_deleted_state_file_is_noticed(ledger: Ledger) -> None:
    ledger.path.unlink()
    with pytest.raises(StateBrokenError, match="被删除或替换"):
        ledger.queue([message()], NOW)


def test_retention_prunes_bodies_a_year_after_and_keeps_the_rows(ledger: Ledger) -> None:
    ledger.queue([message()], NOW)
    ledger.begin_attempt("m" * 32, NOW)
    ledger.mark_sent("m" * 32, NOW)
    assert ledger.prune(at("2022-06-30T09:30"), closing_days([])) == 0  # the milestone closed on a day unknown
    assert ledger.prune(at("2022-07-02T09:30"), closing_days([])) == 1
    assert ledger.state_of("m" * 32) is DeliveryState.SENT and ledger.history()[0].state is ReminderState.SENT


def test_reading_a_v1_state_migrates_a_copy_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    _v1_database(path)
    with Ledger(path, readonly=True) as ledger:
        assert [r.stage for r in ledger.history()] == ["临期提醒", "到期提醒"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
