"""Schema 3: stages superseded without a message live in their own table. What the ledger answers
(history, handled, the last reminders) is what it answered when they were rows of `reminders`."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from scheduler.errors import StateBrokenError
from scheduler.ledger import SCHEMA_VERSION, Ledger
from scheduler.ledger.schema import create_v2
from scheduler.messages import Message, ReminderId, ReminderState
from tests.kit import at

RID = ReminderId("T-01", "1", date(2021, 6, 30), "到期提醒", 0, "省司法厅")
OLDER = RID._replace(stage="临期提醒")
NOW = at("2021-06-30T09:30")
FIRED = at("2021-06-23T09:00")


def message(key: str, reminders: tuple[ReminderId, ...]) -> Message:
    return Message(key, "email", "省司法厅", "【督办提醒】", "正文", ("sft@example.gov.cn",), "", "", reminders)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path / "duban.db")


def _count(ledger: Ledger, table: str) -> int:
    return int(ledger.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _states(ledger: Ledger) -> list[tuple[str, ReminderState]]:
    return [(r.stage, r.state) for r in ledger.history()]


def test_superseded_stages_go_to_their_own_table_and_are_handled(ledger: Ledger) -> None:
    assert not ledger.has_reminders()
    ledger.supersede([(OLDER, FIRED)], NOW)
    assert (_count(ledger, "superseded"), _count(ledger, "reminders")) == (1, 0)
    assert ledger.has_reminders()
    assert ledger.handled([OLDER, RID]) == {OLDER}
    [row] = ledger.history()
    assert (row.at, row.stage, row.state, row.handled_at, row.channels, row.paused) == (
        FIRED, "临期提醒", ReminderState.SUPERSEDED, NOW, (), False)
    assert ledger.task_history("T-01") == ledger.history()
    assert ledger.last_reminders() == {}  # a superseded stage is never the last reminder


def test_superseding_twice_records_once(ledger: Ledger) -> None:
    ledger.supersede([(OLDER, FIRED)], NOW)
    ledger.supersede_reminders([], NOW)
    ledger.supersede([(OLDER, FIRED)], at("2021-07-01T09:30"))
    assert _count(ledger, "superseded") == 1
    assert [r.handled_at for r in ledger.history()] == [NOW]  # the first record stands


def test_a_sent_reminder_is_not_superseded_afterwards(ledger: Ledger) -> None:
    ledger.queue([message("m" * 32, (RID,))], NOW)
    ledger.begin_attempt("m" * 32, NOW)
    ledger.mark_sent("m" * 32, NOW)
    ledger.supersede([(RID, FIRED)], at("2021-07-01T09:30"))
    assert _count(ledger, "superseded") == 0
    assert _states(ledger) == [("到期提醒", ReminderState.SENT)]


def test_a_paused_reminder_is_superseded_in_place(ledger: Ledger) -> None:
    ledger.pause([(RID, FIRED)], NOW)
    assert ledger.handled([RID]) == set()  # paused: decided again
    ledger.supersede([(RID, FIRED)], at("2021-07-01T09:30"))
    assert (_count(ledger, "superseded"), _count(ledger, "reminders")) == (0, 1)
    assert _states(ledger) == [("到期提醒", ReminderState.SUPERSEDED)]
    assert ledger.handled([RID]) == {RID}


def test_a_superseded_reminder_a_message_carries_stays_superseded_once(ledger: Ledger) -> None:
    ledger.supersede([(OLDER, FIRED)], NOW)
    ledger.queue([message("m" * 32, (OLDER, RID))], NOW)
    assert (_count(ledger, "superseded"), _count(ledger, "reminders")) == (0, 2)
    assert _states(ledger) == [("临期提醒", ReminderState.SUPERSEDED), ("到期提醒", ReminderState.PENDING)]
    assert ledger.history()[0].at == FIRED and ledger.history()[0].handled_at == NOW
    assert ledger.message("m" * 32).reminders == (OLDER, RID)  # type: ignore[union-attr]
    ledger.begin_attempt("m" * 32, NOW)
    ledger.mark_sent("m" * 32, NOW)
    assert _states(ledger) == [("临期提醒", ReminderState.SUPERSEDED), ("到期提醒", ReminderState.SENT)]


def _v2_database(path: Path) -> None:
    """A schema-2 state: a sent reminder, a stage superseded by a pass, one superseded because the
    message carrying it was withdrawn (still carried), and one paused for review."""
    db = sqlite3.connect(path, isolation_level=None)
    create_v2(db)
    stamp = "2021-06-30T09:30:00+08:00"
    db.execute("INSERT INTO messages(key, channel, unit, recipient, subject, content, state, created_at, updated_at) "
               "VALUES ('k1', 'email', '省司法厅', 'sft@example.gov.cn', 's', '{}', 'sent', ?, ?), "
               "('k2', 'email', '省司法厅', 'sft@example.gov.cn', 's', '{}', 'withdrawn', ?, ?)", (stamp,) * 4)
    rows = [(1, "到期提醒", "sent", "email"), (2, "临期提醒", "superseded", ""), (3, "提前告知", "superseded", ""),
            (4, "逾期催办", "pending", "")]
    for rid, stage, state, channels in rows:
        db.execute("INSERT INTO reminders VALUES (?, 'T-01', '1', '2021-06-30', ?, 0, '省司法厅', ?, ?, ?, ?)",
                   (rid, stage, f"2021-06-2{rid}T09:00:00+08:00", state, stamp, channels))
    db.execute("INSERT INTO carries VALUES (1, 'k1'), (3, 'k2')")
    db.execute("PRAGMA user_version = 2")
    db.close()


def test_migration_from_v2_moves_the_uncarried_superseded_stages(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    _v2_database(path)
    with Ledger(path, readonly=True) as reader:  # reading migrates a copy: the answers to compare with
        before = reader.history()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
    with Ledger(path) as ledger:
        assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert ledger.db.execute("SELECT stage FROM superseded").fetchall() == [("临期提醒",)]
        assert [s for (s,) in ledger.db.execute("SELECT stage FROM reminders ORDER BY id")] == [
            "到期提醒", "提前告知", "逾期催办"]
        assert ledger.history() == before
        assert [(r.stage, r.state, r.paused) for r in before] == [
            ("到期提醒", ReminderState.SENT, False), ("临期提醒", ReminderState.SUPERSEDED, False),
            ("提前告知", ReminderState.SUPERSEDED, False), ("逾期催办", ReminderState.PENDING, True)]
        assert ledger.carried("k2") == [("T-01", "1", "省司法厅")]


@pytest.mark.parametrize("readonly", [False, True])
def test_a_state_written_by_a_newer_duban_is_refused(tmp_path: Path, readonly: bool) -> None:
    path = tmp_path / "duban.db"
    Ledger(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StateBrokenError, match="由更新版本的 duban 创建（版本 4），请升级 duban"):
        Ledger(path, readonly=readonly)


def test_an_sqlite_too_old_for_the_ledger_is_told_in_chinese(tmp_path: Path) -> None:
    from scheduler.ledger.connection import require_sqlite

    require_sqlite((3, 33, 0), tmp_path / "duban.db")
    with pytest.raises(StateBrokenError, match=re.escape("SQLite 版本为 3.31.1，duban 需要 3.33.0 或更高")):
        require_sqlite((3, 31, 1), tmp_path / "duban.db")
