"""The tables of the ledger (schema 3), and the migrations from schemas 1 and 2 that keep their history."""

from __future__ import annotations

import json
import sqlite3

SCHEMA_VERSION = 3

V1 = """
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
"""

V2 = """
CREATE TABLE messages (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'digest', channel TEXT NOT NULL,
    unit TEXT NOT NULL, recipient TEXT NOT NULL, subject TEXT NOT NULL, content TEXT NOT NULL,
    state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT 'due', attempts INTEGER NOT NULL DEFAULT 0,
    resends INTEGER NOT NULL DEFAULT 0, remaining TEXT NOT NULL DEFAULT '[]',
    refused TEXT NOT NULL DEFAULT '[]', last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT, next_attempt TEXT,
    first_failure TEXT, pruned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_open ON messages(state) WHERE state IN ('pending', 'deferred');
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY, task TEXT NOT NULL, milestone TEXT NOT NULL, due TEXT NOT NULL,
    stage TEXT NOT NULL, repetition INTEGER NOT NULL, unit TEXT NOT NULL, at TEXT NOT NULL,
    state TEXT NOT NULL, handled_at TEXT NOT NULL, channels TEXT NOT NULL DEFAULT '',
    UNIQUE (task, milestone, due, stage, repetition, unit)
);
CREATE INDEX reminders_pending ON reminders(state) WHERE state = 'pending';
CREATE TABLE carries (
    reminder INTEGER NOT NULL REFERENCES reminders(id), message TEXT NOT NULL REFERENCES messages(key),
    PRIMARY KEY (reminder, message)
);
CREATE INDEX carries_message ON carries(message);
CREATE TABLE notices (fingerprint TEXT PRIMARY KEY, at TEXT NOT NULL);
"""

# schema 3: the earlier stages a pass superseded without sending them (two thirds of a first pass's
# reminders), keyed by identity in their own table, so the reminders carried by messages keep a
# small index (a first pass at 20,000 tasks wrote its ~230,000 sent reminders ~40 % slower into
# an index shared with ~470,000 superseded ones)
V3 = """
CREATE TABLE superseded (
    task TEXT NOT NULL, milestone TEXT NOT NULL, due TEXT NOT NULL, stage TEXT NOT NULL,
    repetition INTEGER NOT NULL, unit TEXT NOT NULL, at TEXT NOT NULL, handled_at TEXT NOT NULL,
    PRIMARY KEY (task, milestone, due, stage, repetition, unit)
) WITHOUT ROWID;
"""

# a superseded reminder no message carries (the others keep their id: carries rows name them)
UNCARRIED = ("state = 'superseded' AND NOT EXISTS (SELECT 1 FROM carries WHERE carries.reminder = reminders.id)")


def migrate_v2(db: sqlite3.Connection) -> None:
    """v2 → v3: the superseded reminders that no message carries move to their own table."""
    _statements(db, V3)
    db.execute("INSERT OR IGNORE INTO superseded SELECT task, milestone, due, stage, repetition, unit, at, handled_at "
               f"FROM reminders WHERE {UNCARRIED}")
    db.execute(f"DELETE FROM reminders WHERE {UNCARRIED}")


def migrate_v1(db: sqlite3.Connection) -> None:
    """v1 (identity keys joined by U+001F, states delivered/superseded/failed/retry) → v2, keeping
    history. v1 kept no fire time: a migrated reminder's `at` is the time it was handled."""
    for table in ("messages", "reminders", "notices"):
        db.execute(f"ALTER TABLE {table} RENAME TO v1_{table}")
    for index in ("messages_state", "reminders_task"):
        db.execute(f"DROP INDEX IF EXISTS {index}")
    create_v2(db)
    for key, channel, unit, recipient, subject, content, state, attempts, error, created, updated, sent in db.execute(
            "SELECT key, channel, unit, recipient, subject, content, state, attempts, last_error, created_at, "
            "updated_at, sent_at FROM v1_messages").fetchall():
        data = json.loads(content)
        data["reminders"] = [parts for k in data.get("reminders", ()) if len(parts := k.split("\x1f")) == 6]
        new_state = "deferred" if state == "retry" else state
        db.execute("INSERT INTO messages(key, channel, unit, recipient, subject, content, state, attempts, last_error, "
                   "created_at, updated_at, sent_at, next_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (key, channel, unit, recipient, subject, json.dumps(data, ensure_ascii=False), new_state,
                    attempts, error, created, updated, sent, updated if new_state == "deferred" else None))
    for identity, state, message_key, at in db.execute(
            "SELECT identity, state, message_key, at FROM v1_reminders").fetchall():
        parts = identity.split("\x1f")
        if len(parts) != 6:
            continue
        task, milestone, due, stage, rep, unit = parts
        new_state = "sent" if state == "delivered" else state
        channel = db.execute("SELECT channel FROM messages WHERE key = ?", (message_key,)).fetchone()
        channels = channel[0] if channel and new_state == "sent" else ""
        cursor = db.execute("INSERT OR IGNORE INTO reminders(task, milestone, due, stage, repetition, unit, at, "
                            "state, handled_at, channels) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (task, milestone, due, stage, int(rep), unit, at, new_state, at, channels))
        if message_key and channel and cursor.rowcount == 1:
            db.execute("INSERT OR IGNORE INTO carries(reminder, message) VALUES (?, ?)",
                       (cursor.lastrowid, message_key))
    db.execute("INSERT INTO notices SELECT fingerprint, at FROM v1_notices")
    for table in ("messages", "reminders", "notices"):
        db.execute(f"DROP TABLE v1_{table}")


def create_v2(db: sqlite3.Connection) -> None:
    _statements(db, V2)


def create_v3(db: sqlite3.Connection) -> None:
    _statements(db, V2 + V3)


def _statements(db: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def create_v1(db: sqlite3.Connection) -> None:
    """The schema of version 1 exactly as it was shipped (for migration tests)."""
    db.executescript(V1)
    db.execute("PRAGMA user_version = 1")
