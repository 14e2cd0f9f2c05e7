"""The ledger: SQLite state of what was sent. All SQL of duban lives here.

    messages   one row per message: pending → sent | failed; the content is kept so an
               interrupted send is repeated with the same content and Message-ID
    reminders  one row per reminder identity: delivered | superseded | failed, and its message
    notices    fingerprints of problems already told to the coordinator (told once)

A row is written `pending` before the send and marked `sent` only after the server accepted it.
State changes are conditional UPDATEs. One process at a time: an exclusive lock file.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.model import Message

SCHEMA_VERSION = 1
_MIGRATIONS = {
    1: """
    CREATE TABLE messages (
        key TEXT PRIMARY KEY, channel TEXT NOT NULL, unit TEXT NOT NULL, recipient TEXT NOT NULL,
        subject TEXT NOT NULL, content TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT
    );
    CREATE INDEX messages_state ON messages(state);
    CREATE TABLE reminders (
        identity TEXT PRIMARY KEY, task TEXT NOT NULL, milestone TEXT NOT NULL, unit TEXT NOT NULL,
        stage TEXT NOT NULL, state TEXT NOT NULL, message_key TEXT, at TEXT NOT NULL
    );
    CREATE INDEX reminders_task ON reminders(task, milestone);
    CREATE TABLE notices (fingerprint TEXT PRIMARY KEY, at TEXT NOT NULL);
    """,
}


@dataclass(frozen=True, slots=True)
class Sent:
    """A reminder row for `duban status`: when, which stage, to whom, in what state."""

    task: str
    milestone: str
    unit: str
    stage: str
    state: str
    at: str


class Lock:
    """An exclusive lock beside the database; a second daemon on the same state refuses."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DubanError(f"另一个 duban run 正在使用状态文件 {self.path.parent}（{self.path.name} 已被锁定），"
                             "不能同时运行两个") from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class Ledger:
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, timeout=10)
                self.db.execute("PRAGMA journal_mode=WAL")
                # WAL + NORMAL survives a process crash; a power cut can only drop the last "sent"
                # marks, which leads to one resend with the same Message-ID, never to a lost message
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except (sqlite3.Error, OSError) as err:
            raise DubanError(f"无法打开状态数据库 {path}：{err}") from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DubanError(f"状态数据库 {self.path} 由更新版本的 duban 创建（版本 {version}），请升级 duban")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.db:
                self.db.executescript(_MIGRATIONS[target])
                self.db.execute(f"PRAGMA user_version = {target}")

    def close(self) -> None:
        self.db.close()

    # -- reminders ------------------------------------------------------------------------------

    def handled(self, identities: Iterable[str]) -> set[str]:
        """Those of `identities` already delivered, superseded or failed for good."""
        ids = list(identities)
        found: set[str] = set()
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT identity FROM reminders WHERE identity IN ({marks}) "
                                   "AND state IN ('delivered', 'superseded', 'failed')", chunk)
            found.update(r[0] for r in rows)
        return found

    def supersede(self, rows: Iterable[tuple[str, str, str, str, str]], at: datetime) -> None:
        """(identity, task, milestone, unit, stage) of older stages replaced by a later one."""
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO reminders(identity, task, milestone, unit, stage, state, at) "
                "VALUES (?, ?, ?, ?, ?, 'superseded', ?)", [(*r, at.isoformat()) for r in rows])

    # -- messages -------------------------------------------------------------------------------

    def add_pending(self, message: Message, at: datetime) -> bool:
        """Record a message before sending it. False if it is sent, failed for good, or pending
        already; a message whose retries ran out ('retry') becomes pending again."""
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO messages(key, channel, unit, recipient, subject, content, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET state = 'pending', "
                "updated_at = excluded.updated_at WHERE messages.state = 'retry'",
                (message.key, message.channel, message.unit, ",".join(message.to) or message.unit,
                 message.subject, json.dumps(asdict(message), ensure_ascii=False), at.isoformat(), at.isoformat()))
        return cursor.rowcount == 1

    def finish(self, message: Message, state: str, attempts: int, error: str, at: datetime,
               reminders: Iterable[tuple[str, str, str, str, str]]) -> None:
        """pending → sent | failed | retry, with the reminders it carried, in one transaction.

        sent: the reminders are delivered; failed (permanent): they are failed and reported;
        retry (temporary failures outlasted the retries): they stay due for the next pass."""
        stamp = at.isoformat()
        if state == "retry":
            reminders = ()
        with self.db:
            self.db.execute(
                "UPDATE messages SET state = ?, attempts = attempts + ?, last_error = ?, updated_at = ?, "
                "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE key = ? AND state = 'pending'",
                (state, attempts, error, stamp, state, stamp, message.key))
            self.db.executemany(
                "INSERT INTO reminders(identity, task, milestone, unit, stage, state, message_key, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(identity) DO UPDATE SET state = excluded.state, "
                "message_key = excluded.message_key, at = excluded.at WHERE reminders.state != 'delivered'",
                [(*r, "delivered" if state == "sent" else "failed", message.key, stamp) for r in reminders])

    def pending(self) -> list[Message]:
        """Messages written but never confirmed: interrupted sends."""
        rows = self.db.execute("SELECT content FROM messages WHERE state = 'pending' ORDER BY created_at")
        return [_message(json.loads(r[0])) for r in rows]

    def state_of(self, key: str) -> str | None:
        row = self.db.execute("SELECT state FROM messages WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def failures(self) -> list[tuple[str, str, str, str]]:
        """(unit, channel, last_error, updated_at) of messages that failed for good."""
        return list(self.db.execute(
            "SELECT unit, channel, last_error, updated_at FROM messages WHERE state = 'failed' ORDER BY updated_at"))

    def last_reminders(self) -> Iterator[Sent]:
        rows = self.db.execute("SELECT task, milestone, unit, stage, state, at FROM reminders "
                               "WHERE state IN ('delivered', 'failed') ORDER BY at")
        for row in rows:
            yield Sent(*row)

    def task_history(self, task: str) -> list[Sent]:
        """Every reminder handled for one task, oldest first (the dashboard's history)."""
        rows = self.db.execute("SELECT task, milestone, unit, stage, state, at FROM reminders WHERE task = ? "
                               "ORDER BY at, milestone, unit", (task,))
        return [Sent(*row) for row in rows]

    # -- notices to the coordinator ---------------------------------------------------------------

    def first_notice(self, fingerprint: str, at: datetime) -> bool:
        with self.db:
            cursor = self.db.execute("INSERT OR IGNORE INTO notices(fingerprint, at) VALUES (?, ?)",
                                     (fingerprint, at.isoformat()))
        return cursor.rowcount == 1


def _message(data: dict[str, object]) -> Message:
    for key in ("to", "reminders"):
        data[key] = tuple(data[key])  # type: ignore[arg-type]
    return Message(**data)  # type: ignore[arg-type]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
