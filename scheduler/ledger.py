"""The ledger: SQLite state of delivery. All SQL of duban lives here (schema v2).

    messages   one row per message and channel: pending → sent | deferred | failed
               (DeliveryState), with the recipients still to reach, attempts, resends of an
               interrupted send, next attempt, first failure; the content is kept so a retry or
               a resend goes out with the same content and Message-ID
    reminders  one row per reminder identity (ReminderId as columns): fire time, ReminderState,
               when that state was reached, the channels that accepted it
    carries    which messages carry which reminder: a reminder is `sent` only when every message
               that carries it was accepted (one channel's success never settles another's)
    notices    fingerprints of messages enqueued once (coordinator reports, next-year notice …)

Every transition is a conditional UPDATE (`WHERE state = …`). A message is written before it is
sent; `sent` only after the server accepted it. The ledger is read through the small
`LedgerView` protocol by `due.decide`; another backend only has to provide the same methods.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from scheduler.errors import DubanError, StateBrokenError, StateLockedError
from scheduler.model import Attachment, DeliveryState, Identity, Message, Reason, Reminder, ReminderId, ReminderState

SCHEMA_VERSION = 2
LOCK_WAIT = 60.0  # seconds a locked database is waited for (SPEC §3.3)
CACHE_KIB = 8192  # SQLite page cache of a writing ledger
PAGE_SIZE = 8192  # bytes; fewer, larger B-tree pages: a first pass writes ~700,000 reminders ~10 % faster
RETENTION = timedelta(days=366)  # message bodies are kept this long after they settled and their milestones closed

_V1 = """
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

_V2 = """
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

_OPEN = (DeliveryState.PENDING.value, DeliveryState.DEFERRED.value)
# a reminder paused for review (SPEC 3.4): recorded `pending`, carried by no message
_PAUSED = "state = 'pending' AND NOT EXISTS (SELECT 1 FROM carries WHERE carries.reminder = reminders.id)"
# a reminder carried by another message than :key too
_SHARED = "EXISTS (SELECT 1 FROM carries o WHERE o.reminder = reminders.id AND o.message != :key)"


@dataclass(frozen=True, slots=True)
class OpenMessage:
    """A message not settled yet: pending (in flight, or interrupted) or deferred."""

    key: str
    kind: str  # digest | notice
    channel: str
    unit: str
    state: DeliveryState
    attempts: int
    resends: int
    next_attempt: datetime | None
    first_failure: datetime | None
    last_error: str


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One reminder of `duban history` (SPEC §4)."""

    at: datetime
    task: str
    milestone: str
    due: date
    stage: str
    repetition: int
    unit: str
    state: ReminderState
    handled_at: datetime
    channels: tuple[str, ...]
    paused: bool = False  # pending because a 办结 of its milestone waits for review (SPEC 3.4)


@dataclass(frozen=True, slots=True)
class Failure:
    unit: str
    channel: str
    error: str
    at: str


class LedgerView(Protocol):
    """What `due.decide` reads of the state; a second backend implements the same."""

    def handled(self, ids: Iterable[Identity]) -> set[Identity]: ...

    def open_messages(self) -> list[OpenMessage]: ...


class Lock:
    """An exclusive lock beside the database; a second daemon on the same state refuses."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            raise StateBrokenError(_place_fault(self.path.parent) or
                                   f"无法使用状态目录 {self.path.parent}：{err.strerror}") from None
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
    """The SQLite ledger. `readonly` for status/history; `lock_wait` bounds a locked database."""

    def __init__(self, path: Path, readonly: bool = False, lock_wait: float = LOCK_WAIT,
                 check: bool = True) -> None:
        self.path = path
        self.lock_wait = lock_wait
        self._inode: int | None = None
        self._batch = False
        self._paused_memo: tuple[tuple[int, int], set[tuple[str, str, str, str, int, str]]] | None = None
        with self._guard("打开"):
            if readonly:
                self.db = _reader(path, lock_wait)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, timeout=lock_wait, isolation_level=None)
                self.db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new database only
                self.db.execute("PRAGMA journal_mode=WAL")
                # WAL + NORMAL survives a process crash; a power cut can only drop the last "sent"
                # marks, which leads to one resend with the same Message-ID, never to a lost message
                self.db.execute("PRAGMA synchronous=NORMAL")
                # a first pass inserts ~700,000 reminder rows: the default 2 MB page cache spills
                self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            if check and self.db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("database disk image is malformed")
            if not readonly:
                self._migrate()
                self._inode = os.stat(path).st_ino
            elif self.db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                self._upgraded_copy()

    def _upgraded_copy(self) -> None:
        """Reading an older state (status, history before the first run of this version): migrate
        a copy in memory; the file itself is upgraded by the next `duban run`."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        self.db.backup(memory)
        self.db.close()
        self.db = memory
        self._migrate()

    @classmethod
    def scratch(cls, real: Path) -> Ledger:
        """A throw-away copy of the real state (or an empty one) for --dry-run."""
        directory = Path(tempfile.mkdtemp(prefix="duban-dry-run-"))
        copy = directory / "duban.db"
        if real.is_file():
            with cls(real, readonly=True) as source, contextlib.closing(sqlite3.connect(copy)) as target:
                source.db.backup(target)
        ledger = cls(copy)
        ledger._scratch = directory  # type: ignore[attr-defined]
        return ledger

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    @contextlib.contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """sqlite3 and OS errors → a Chinese StateError; never a traceback."""
        try:
            yield
        except sqlite3.Error as err:
            raise _state_error(self.path, doing, err, self.lock_wait) from None
        except OSError as err:
            raise StateBrokenError(f"无法{doing}状态数据库 {self.path}：{err.strerror or err}") from None

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """The writes inside share one transaction (recording a first pass unit by unit would
        otherwise rewrite the same index pages at every commit); all or nothing, as each write."""
        if self._batch:
            yield
            return
        with self._write():
            self._batch = True
            try:
                yield
            finally:
                self._batch = False

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; refuses when the state file was deleted or replaced meanwhile."""
        if self._batch:  # inside batch(): its transaction
            with self._guard("写入"):
                yield self.db
            return
        with self._guard("写入"):
            self.verify()
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if self.db.in_transaction:  # SQLite rolls back by itself on some errors (disk full)
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def verify(self) -> None:
        """The state file is still the one opened (deleting it would make every reminder resend)."""
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        if self._inode is not None and inode != self._inode:
            raise StateBrokenError(f"状态文件 {self.path} 在运行中被删除或替换：为免重复发送，已停止发送。"
                                   "请恢复该文件（或确认后重新启动 duban）")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StateBrokenError(f"状态数据库 {self.path} 由更新版本的 duban 创建（版本 {version}），请升级 duban")
        if version == SCHEMA_VERSION:
            self.db.execute("CREATE INDEX IF NOT EXISTS reminders_pending ON reminders(state) WHERE state = 'pending'")
            # an index by fire time cost a first pass ~700,000 index entries; `history` reads the
            # table in one scan instead (made by development builds of this schema only)
            self.db.execute("DROP INDEX IF EXISTS reminders_at")
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if version == 0:
                _create_v2(self.db)
            else:
                _migrate_v1(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- LedgerView ------------------------------------------------------------------------------

    def handled(self, ids: Iterable[Identity]) -> set[Identity]:
        """Those of `ids` recorded in any state (sent, superseded, pending, failed), except the
        ones paused for review (they are decided again when the pause ends)."""
        with self._guard("读取"):
            if self.db.execute("SELECT 1 FROM reminders LIMIT 1").fetchone() is None:
                return set()  # a first pass: the identities are not even built
        wanted = ids if isinstance(ids, list) else list(ids)
        # the rows are collected as SQLite gives them (due as text), without a Python step per row
        recorded: set[tuple[str, str, str, str, int, str]] = set()
        with self._guard("读取"):
            for chunk in _chunks(sorted({r[0] for r in wanted}), 500):
                marks = ",".join("?" * len(chunk))
                recorded.update(self.db.execute("SELECT task, milestone, due, stage, repetition, unit FROM reminders "
                                                f"WHERE task IN ({marks})", chunk))
        recorded -= self._paused()
        return {r for r in wanted if _cols(r) in recorded}

    def _paused(self) -> set[tuple[str, str, str, str, int, str]]:
        """The identities of the reminders paused for review (few), read again only when the
        state changed since (by this connection or another): `handled` is asked per few hundred
        tasks, and reading the identities alone lets SQLite answer from its index."""
        with self._guard("读取"):
            version = (self.db.total_changes, self.db.execute("PRAGMA data_version").fetchone()[0])
            if self._paused_memo is None or self._paused_memo[0] != version:
                rows = self.db.execute("SELECT task, milestone, due, stage, repetition, unit FROM reminders "
                                       f"WHERE {_PAUSED}")
                self._paused_memo = (version, set(rows))
        return self._paused_memo[1]

    def has_reminders(self) -> bool:
        with self._guard("读取"):
            return self.db.execute("SELECT 1 FROM reminders LIMIT 1").fetchone() is not None

    def open_messages(self) -> list[OpenMessage]:
        with self._guard("读取"):
            rows = self.db.execute(
                "SELECT key, kind, channel, unit, state, attempts, resends, next_attempt, first_failure, "
                "last_error FROM messages WHERE state IN (?, ?) ORDER BY created_at, key", _OPEN).fetchall()
        return [OpenMessage(k, kind, ch, u, DeliveryState(st), a, rs, _time(na), _time(ff), err)
                for k, kind, ch, u, st, a, rs, na, ff, err in rows]

    # -- reading ---------------------------------------------------------------------------------

    def message(self, key: str) -> Message | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT content, remaining FROM messages WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = _load(row[0])
        if not data:
            return None  # its body was pruned (retention): nothing left to send
        if "reminders" not in data:  # stored since the carries rows hold them (a v1 message holds its own)
            with self._guard("读取"):
                data["reminders"] = self.db.execute(
                    "SELECT r.task, r.milestone, r.due, r.stage, r.repetition, r.unit FROM carries c "
                    "JOIN reminders r ON r.id = c.reminder WHERE c.message = ? ORDER BY c.rowid", (key,)).fetchall()
        message = _message(data)
        remaining = tuple(json.loads(row[1]))
        return _with_to(message, remaining) if remaining else message

    def untouched(self, key: str) -> bool:
        """Recorded and never tried: its stored content is what was recorded, to every recipient."""
        with self._guard("读取"):
            row = self.db.execute("SELECT attempts, remaining FROM messages WHERE key = ?", (key,)).fetchone()
        return row is not None and row[0] == 0 and row[1] == "[]"

    def state_of(self, key: str) -> DeliveryState | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT state FROM messages WHERE key = ?", (key,)).fetchone()
        return DeliveryState(row[0]) if row else None

    def history(self, start: datetime | None = None, end: datetime | None = None) -> list[HistoryRow]:
        """Reminders whose fire time lies in [start, end], by (at, task, milestone, stage, unit)."""
        lo = start.isoformat() if start else ""
        hi = end.isoformat() if end else "9"
        return self._history_rows("at >= ? AND at <= ?", (lo, hi))

    def task_history(self, task: str) -> list[HistoryRow]:
        """The reminders of one task (the dashboard's history of a task), in the order of `history`."""
        return self._history_rows("task = ?", (task,))

    def _history_rows(self, where: str, args: tuple[str, ...]) -> list[HistoryRow]:
        with self._guard("读取"):
            rows = self.db.execute(
                "SELECT at, task, milestone, due, stage, repetition, unit, state, handled_at, channels, "
                f"{_PAUSED} "
                f"FROM reminders WHERE {where}", args).fetchall()
        out = [HistoryRow(datetime.fromisoformat(at), t, m, date.fromisoformat(d), s, rep, u, ReminderState(st),
                          datetime.fromisoformat(h), tuple(c for c in ch.split(",") if c), bool(p))
               for at, t, m, d, s, rep, u, st, h, ch, p in rows]
        out.sort(key=lambda r: (r.at, r.task, r.milestone, r.stage, r.unit))
        return out

    def last_reminders(self) -> dict[tuple[str, str, str], HistoryRow]:
        """The last handled (not superseded) reminder per (task, milestone, unit): for status,
        the 台账 and the dashboard. Group per (task, milestone) by taking the latest `at`."""
        last: dict[tuple[str, str, str], HistoryRow] = {}
        for row in self.history():
            if row.state is not ReminderState.SUPERSEDED and not row.paused:
                last[(row.task, row.milestone, row.unit)] = row
        return last

    def failures(self) -> list[Failure]:
        with self._guard("读取"):
            rows = self.db.execute("SELECT unit, channel, last_error, updated_at FROM messages "
                                   "WHERE state = 'failed' ORDER BY updated_at").fetchall()
        return [Failure(*r) for r in rows]

    # -- transitions -----------------------------------------------------------------------------

    def queue(self, messages: Iterable[Message], now: datetime, reason: Reason = Reason.DUE,
              fire_times: dict[Identity, datetime] | None = None) -> list[str]:
        """Record new messages, due now, with their reminders pending (one transaction, before
        any of them is sent). Returns the keys that need sending (not already sent or failed)."""
        fire_times = fire_times or {}
        stamp = now.isoformat()
        keys: list[str] = []
        stamps: dict[datetime, str] = {}
        with self._write() as db:
            for message in messages:
                db.execute(
                    "INSERT OR IGNORE INTO messages(key, kind, channel, unit, recipient, subject, content, state, "
                    "reason, created_at, updated_at, next_attempt) VALUES (?, 'digest', ?, ?, ?, ?, ?, 'deferred', "
                    "?, ?, ?, ?)", (message.key, message.channel, message.unit, ",".join(message.to) or message.unit,
                                    message.subject, _content(message), reason.value, stamp, stamp, stamp))
                _carry(db, message, [(*_cols(rid), _stamp(fire_times.get(rid, now), stamps), stamp)
                                      for rid in message.reminders])
                state = db.execute("SELECT state FROM messages WHERE key = ?", (message.key,)).fetchone()[0]
                if state in _OPEN:
                    keys.append(message.key)
                else:  # the same content was settled before: its reminders take its state
                    _refresh(db, message.key, stamp)
        return keys

    def enqueue(self, message: Message, fingerprint: str, now: datetime, reason: Reason = Reason.NOTICE) -> bool:
        """A message for the coordinator or units (reports, notices), sent once per fingerprint and
        retried like every message. False if this fingerprint was enqueued before."""
        stamp = now.isoformat()
        with self._write() as db:
            told = db.execute("INSERT OR IGNORE INTO notices(fingerprint, at) VALUES (?, ?)", (fingerprint, stamp))
            if told.rowcount != 1:
                return False
            db.execute(
                "INSERT OR IGNORE INTO messages(key, kind, channel, unit, recipient, subject, content, state, reason, "
                "created_at, updated_at, next_attempt) VALUES (?, 'notice', ?, ?, ?, ?, ?, 'deferred', ?, ?, ?, ?)",
                (message.key, message.channel, message.unit, ",".join(message.to) or message.unit, message.subject,
                 _content(message), reason.value, stamp, stamp, stamp))
        return True

    def supersede(self, items: Iterable[tuple[ReminderId, datetime]], now: datetime) -> None:
        """Older stages replaced by a later one: recorded `superseded` (never sent)."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        self._supersede_rows((*_cols(rid), _stamp(at, stamps), stamp) for rid, at in items)

    def supersede_reminders(self, reminders: Iterable[Reminder], now: datetime) -> None:
        """`supersede` for the planner's reminders: their rows are built straight from the
        fields, without an identity object each (a first pass supersedes ~470,000)."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        days = _DAYS
        self._supersede_rows((r.task, r.milestone, days.get(r.due) or _day(r.due), r.stage, r.repetition, r.unit,
                              stamps.get(r.at) or _stamp(r.at, stamps), stamp) for r in reminders)

    def _supersede_rows(self, rows: Iterable[tuple[str, str, str, str, int, str, str, str]]) -> None:
        with self._write() as db:  # rows streamed
            db.executemany("INSERT INTO reminders(task, milestone, due, stage, repetition, unit, at, state, "
                           "handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'superseded', ?) "
                           "ON CONFLICT(task, milestone, due, stage, repetition, unit) DO UPDATE SET "
                           f"state = 'superseded', handled_at = excluded.handled_at WHERE {_PAUSED}", rows)

    def pause(self, items: Iterable[tuple[ReminderId, datetime]], now: datetime) -> None:
        """Due reminders paused for review (SPEC 3.4): recorded `pending`, carried by no message,
        not counted as handled; the pass after the pause ends sends or supersedes them."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        with self._write() as db:
            db.executemany("INSERT OR IGNORE INTO reminders(task, milestone, due, stage, repetition, unit, at, "
                           "state, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                           [(*_cols(rid), _stamp(at, stamps), stamp) for rid, at in items])

    def settle_paused(self, still: set[ReminderId], now: datetime) -> int:
        """Paused reminders whose pause is over and that this pass neither sent nor superseded
        (the milestone was accepted as done, the unit is in done_by, an older repetition):
        `superseded`, never sent. `still`: the reminders paused now."""
        with self._write() as db:
            rows = db.execute(f"SELECT id, task, milestone, due, stage, repetition, unit FROM reminders "
                              f"WHERE {_PAUSED}").fetchall()
            over = [(now.isoformat(), rid) for rid, t, m, d, s, rep, u in rows
                    if ReminderId(t, m, date.fromisoformat(d), s, rep, u) not in still]
            db.executemany(f"UPDATE reminders SET state = 'superseded', handled_at = ? WHERE id = ? AND {_PAUSED}",
                           over)
        return len(over)

    def carried(self, key: str) -> list[tuple[str, str, str]]:
        """(task, milestone, unit) of the reminders a message carries."""
        with self._guard("读取"):
            rows = self.db.execute("SELECT r.task, r.milestone, r.unit FROM carries c JOIN reminders r "
                                   "ON r.id = c.reminder WHERE c.message = ?", (key,)).fetchall()
        return [(t, m, u) for t, m, u in rows]

    def hold(self, key: str, next_attempt: datetime) -> None:
        """A deferred message whose reminders are all paused for review: not tried, not given up;
        its deferral limit starts again from the first failure after the pause."""
        self._transition(key, "next_attempt = ?, first_failure = NULL", "state = 'deferred'", next_attempt.isoformat())

    def begin_attempt(self, key: str, now: datetime) -> bool:
        """deferred → pending, written before the send. False: someone else settled it."""
        return self._transition(key, "state = 'pending', updated_at = ?", "state = 'deferred'", now.isoformat())

    def begin_resend(self, key: str, now: datetime) -> bool:
        """An interrupted send (pending at a pass's start): its one resend, recorded before it is
        made. False: it was resent once already (the caller fails it)."""
        return self._transition(key, "resends = resends + 1, updated_at = ?",
                                "state = 'pending' AND resends = 0", now.isoformat())

    def mark_sent(self, key: str, now: datetime, detail: str = "") -> None:
        stamp = now.isoformat()
        # a recipient refused for good at an earlier attempt keeps the message failed (reported then)
        self._transition(key, "state = CASE WHEN refused = '[]' THEN 'sent' ELSE 'failed' END, "
                              "attempts = attempts + 1, sent_at = ?, updated_at = ?, last_error = ?, remaining = '[]'",
                         "state = 'pending'", stamp, stamp, detail, refresh=stamp)

    def mark_deferred(self, key: str, now: datetime, next_attempt: datetime, error: str,
                      remaining: tuple[str, ...] = (), refused: tuple[str, ...] = (), attempted: bool = True) -> None:
        """pending → deferred: a temporary failure, a rate limit, or a channel down this pass."""
        stamp = now.isoformat()
        self._transition(
            key, "state = 'deferred', attempts = attempts + ?, next_attempt = ?, last_error = ?, updated_at = ?, "
                 "first_failure = COALESCE(first_failure, ?), "
                 "remaining = CASE WHEN ? = '[]' THEN remaining ELSE ? END, "
                 "refused = CASE WHEN ? = '[]' THEN refused ELSE ? END",
            "state = 'pending'", int(attempted), next_attempt.isoformat(), error, stamp, stamp,
            json.dumps(remaining), json.dumps(remaining), json.dumps(refused), json.dumps(refused))

    def postpone(self, key: str, next_attempt: datetime, failed_at: datetime | None = None, error: str = "") -> None:
        """A deferred message not tried this pass (budget spent, quota, channel down): a later
        attempt time; `failed_at` when the channel's failure counts (starts the deferral limit)."""
        if failed_at is None:
            self._transition(key, "next_attempt = ?", "state = 'deferred'", next_attempt.isoformat())
            return
        stamp = failed_at.isoformat()
        self._transition(key, "next_attempt = ?, first_failure = COALESCE(first_failure, ?), last_error = ?, "
                              "updated_at = ?", "state = 'deferred'", next_attempt.isoformat(), stamp, error, stamp)

    def retry_now(self, now: datetime) -> int:
        """After a reload: every deferred message may be tried at the next pass (the fault may be fixed)."""
        with self._write() as db:
            cursor = db.execute("UPDATE messages SET next_attempt = ? WHERE state = 'deferred'", (now.isoformat(),))
        return cursor.rowcount

    def first_failure(self, key: str) -> datetime | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT first_failure FROM messages WHERE key = ?", (key,)).fetchone()
        return _time(row[0]) if row else None

    def attempts(self, key: str) -> int:
        with self._guard("读取"):
            row = self.db.execute("SELECT attempts FROM messages WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def mark_failed(self, key: str, now: datetime, error: str, attempted: bool = True,
                    refused: tuple[str, ...] = ()) -> bool:
        """pending | deferred → failed; its reminders become failed (and are reported)."""
        stamp = now.isoformat()
        return self._transition(
            key, "state = 'failed', attempts = attempts + ?, last_error = ?, updated_at = ?, "
                 "refused = CASE WHEN ? = '[]' THEN refused ELSE ? END",
            "state IN ('pending', 'deferred')", int(attempted), error, stamp, json.dumps(refused),
            json.dumps(refused), refresh=stamp)

    def mark_refused(self, key: str, now: datetime, error: str, refused: tuple[str, ...]) -> None:
        """sent → failed: the others accepted it, but some recipients refused it for good."""
        self._transition(key, "state = 'failed', last_error = ?, refused = ?, updated_at = ?", "state = 'sent'",
                         error, json.dumps(refused), now.isoformat(), refresh=now.isoformat())

    def withdraw(self, key: str, now: datetime) -> bool:
        """pending | deferred → withdrawn: every reminder it carries is about a milestone closed
        since it was queued; never sent, never reported. Its reminders become superseded (one
        that another channel's message delivered stays sent). False: settled meanwhile."""
        stamp = now.isoformat()
        return self._transition(key, "state = 'withdrawn', updated_at = ?", "state IN ('pending', 'deferred')",
                                stamp, refresh=stamp)

    def _transition(self, key: str, assign: str, condition: str, *values: object, refresh: str = "") -> bool:
        with self._write() as db:
            cursor = db.execute(f"UPDATE messages SET {assign} WHERE key = ? AND {condition}", (*values, key))
            if refresh and cursor.rowcount == 1:
                _refresh(db, key, refresh)
        return cursor.rowcount == 1

    def prune(self, now: datetime, closed_on: Callable[[str, str], date | None]) -> int:
        """Retention: the body of a message is emptied (its row and the reminders' rows stay) a
        year after it settled and a year after every milestone it carries closed; `closed_on`
        (task, milestone) gives the day a milestone closed, None while it is open (retention.py)."""
        limit = now - RETENTION
        with self._guard("读取"):
            keys = [k for (k,) in self.db.execute(
                "SELECT key FROM messages WHERE pruned = 0 AND state IN ('sent', 'failed', 'withdrawn') "
                "AND updated_at < ?", (limit.isoformat(),))]
        due = [(k,) for k in keys if self._all_closed_before(k, closed_on, limit.date())]
        with self._write() as db:
            db.executemany("UPDATE messages SET content = '{}', pruned = 1 WHERE key = ? AND pruned = 0", due)
        return len(due)

    def _all_closed_before(self, key: str, closed_on: Callable[[str, str], date | None], day: date) -> bool:
        for task, milestone in {(t, m) for t, m, _ in self.carried(key)}:
            closed = closed_on(task, milestone)
            if closed is None or closed >= day:
                return False
        return True


def _carry(db: sqlite3.Connection, message: Message, rows: list[tuple[str, str, str, str, int, str, str, str]]) -> None:
    """The message's reminders (pending unless recorded before) and which of them it carries.
    The ids are the ones SQLite would choose (max + 1 …); when every row is new — a first pass —
    the carries are written from them instead of looking each reminder up again."""
    first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM reminders").fetchone()[0]
    before = db.total_changes
    db.executemany("INSERT OR IGNORE INTO reminders(id, task, milestone, due, stage, repetition, unit, at, state, "
                   "handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                   [(first + n, *row) for n, row in enumerate(rows)])
    if db.total_changes - before == len(rows):
        db.executemany("INSERT OR IGNORE INTO carries(reminder, message) VALUES (?, ?)",
                       [(first + n, message.key) for n in range(len(rows))])
        return
    db.executemany("INSERT OR IGNORE INTO carries(reminder, message) SELECT id, ? FROM reminders "
                   "WHERE task = ? AND milestone = ? AND due = ? AND stage = ? AND repetition = ? AND unit = ?",
                   [(message.key, *row[:6]) for row in rows])


def _refresh(db: sqlite3.Connection, key: str, stamp: str) -> None:
    """The state of each reminder carried by `key`, from every message that carries it.
    Reminders carried by `key` alone (all of them when a unit has one channel) take its state
    in one statement; the others are worked out from all their messages."""
    row = db.execute("SELECT state, channel FROM messages WHERE key = ?", (key,)).fetchone()
    if row is None:
        return
    state, channel = row
    new = state if state in ("sent", "failed") else "superseded" if state == "withdrawn" else "pending"
    simple = db.execute("UPDATE reminders SET handled_at = CASE WHEN state != :new THEN :stamp ELSE handled_at END, "
                        "state = :new, channels = :channels WHERE id IN (SELECT reminder FROM carries "
                        f"WHERE message = :key) AND state != 'superseded' AND NOT ({_SHARED})",
                        {"new": new, "stamp": stamp, "channels": channel if new == "sent" else "", "key": key}).rowcount
    if simple == db.execute("SELECT count(*) FROM carries WHERE message = ?", (key,)).fetchone()[0]:
        return  # every reminder it carries is carried by it alone (a unit with one channel)
    rows = db.execute(
        "SELECT r.id, r.state, group_concat(m.state), group_concat(CASE WHEN m.state = 'sent' THEN m.channel END) "
        "FROM reminders r JOIN carries c ON c.reminder = r.id JOIN messages m ON m.key = c.message "
        "WHERE r.id IN (SELECT reminder FROM carries WHERE message = :key) AND r.state != 'superseded' "
        f"AND {_SHARED.replace('reminders.id', 'r.id')} GROUP BY r.id", {"key": key}).fetchall()
    changed: list[tuple[str, str, str, int, str]] = []
    same: list[tuple[str, int]] = []
    for rid, old, states, channels in rows:
        found = set(states.split(",")) - {"withdrawn"}  # a withdrawn message settles nothing
        new = ("superseded" if not found else "failed" if "failed" in found
               else "sent" if found == {"sent"} else "pending")
        accepted = ",".join(sorted(set((channels or "").split(",")) - {""}))
        if new != old:
            changed.append((new, stamp, accepted, rid, old))
        else:
            same.append((accepted, rid))
    db.executemany("UPDATE reminders SET state = ?, handled_at = ?, channels = ? WHERE id = ? AND state = ?", changed)
    db.executemany("UPDATE reminders SET channels = ? WHERE id = ?", same)


def _state_error(path: Path, doing: str, err: sqlite3.Error, wait: float) -> DubanError:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return StateLockedError(f"状态数据库 {path} 被其他程序锁定超过 {wait:.0f} 秒，本次不发送；稍后重试")
    if "readonly" in text or "read-only" in text:
        return StateBrokenError(f"状态数据库 {path} 不可写（只读文件或目录）：已停止发送，请检查权限")
    if "full" in text:
        return StateBrokenError(f"磁盘已满，无法写入状态数据库 {path}：已停止发送，请清理磁盘后重新启动")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StateBrokenError(f"状态数据库 {path} 已损坏：已停止发送。请从备份恢复，或移走该文件后重新启动"
                                "（移走后已发送的提醒可能再次发送）")
    if (fault := _place_fault(path.parent)) is not None:  # SQLite says "disk I/O error" or "unable to open"
        return StateBrokenError(fault)
    if "unable to open" in text:
        return StateBrokenError(f"无法打开状态数据库 {path}：请检查目录是否存在、是否有权限")
    return StateBrokenError(f"无法{doing}状态数据库 {path}：{err}")


def _reader(path: Path, wait: float, statvfs: Callable[[Path], os.statvfs_result] = os.statvfs) -> sqlite3.Connection:
    """A read-only connection (status, history, the web). On a full or read-only file system a
    reader cannot create the WAL's shared-memory file; when no WAL content is left beside the
    database (no daemon writing, nothing uncommitted to the file), the file alone is the whole
    state and is read as immutable, so `history` still tells what was sent while the disk is full."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=wait)
    try:
        db.execute("PRAGMA schema_version").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        wal = path.with_name(path.name + "-wal")
        if _place_fault(path.parent, statvfs) is None or (wal.exists() and wal.stat().st_size > 0):
            raise
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=wait)


def _place_fault(directory: Path, statvfs: Callable[[Path], os.statvfs_result] = os.statvfs) -> str | None:
    """Why the state's directory cannot be written, when the file system says so: full or
    mounted read-only (SQLite reports both as "disk I/O error" or "unable to open" at open)."""
    try:
        fs = statvfs(directory)
    except OSError:
        return None
    if fs.f_flag & os.ST_RDONLY:
        return f"状态目录 {directory} 所在的文件系统是只读的：请检查挂载或权限（在此之前 duban 不发送任何消息）"
    if fs.f_bavail == 0:
        return f"状态目录 {directory} 所在的磁盘已满：请清理磁盘后重新启动（在此之前 duban 不发送任何消息）"
    return None


def _stamp(moment: datetime, cache: dict[datetime, str]) -> str:
    text = cache.get(moment)
    if text is None:
        text = cache[moment] = moment.isoformat()
    return text


def _cols(rid: Identity) -> tuple[str, str, str, str, int, str]:
    task, milestone, due, stage, repetition, unit = rid
    return task, milestone, _DAYS.get(due) or _day(due), stage, repetition, unit


def _day(due: date) -> str:
    text = _DAYS[due] = due.isoformat()
    return text


_DAYS: dict[date, str] = {}  # due dates as text: a first pass writes ~700,000 rows over a few hundred dates


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _load(content: str | bytes) -> dict[str, Any]:
    """A message's content: zlib-compressed JSON (schema 2), or plain JSON (migrated from 1)."""
    data: dict[str, Any] = json.loads(zlib.decompress(content) if isinstance(content, bytes) else content)
    return data


def _content(message: Message) -> bytes:
    data: dict[str, Any] = {
        "key": message.key, "channel": message.channel, "unit": message.unit, "subject": message.subject,
        "text": message.text, "to": list(message.to), "html": message.html, "payload": message.payload,
        "attachments": [{"filename": a.filename, "content_type": a.content_type,
                         "data": base64.b64encode(a.data).decode()} for a in message.attachments],
    }
    # compressed: a digest of a few hundred items is ~1 MB of text and HTML, ~50 KB compressed;
    # the JSON object is fed to the compressor member by member (the coordinator's digest of
    # 20,000 escalations would otherwise be held three times over: ~45 MB at once)
    packer = zlib.compressobj(1)
    parts = [packer.compress(b"{")]
    for n, (name, value) in enumerate(data.items()):
        member = f"{', ' if n else ''}{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
        parts.append(packer.compress(member.encode()))
    parts.append(packer.compress(b"}") + packer.flush())
    return b"".join(parts)


def _message(data: dict[str, Any]) -> Message:
    """The content stored by `_content`. The reminders a message carries are the `carries` rows;
    only a message migrated from schema 1 still holds them in its content."""
    reminders = tuple(ReminderId(t, m, date.fromisoformat(d), s, int(rep), u)
                      for t, m, d, s, rep, u in data.get("reminders", ()))
    attachments = tuple(Attachment(a["filename"], a["content_type"], base64.b64decode(a["data"]))
                        for a in data.get("attachments", ()))
    return Message(data["key"], data["channel"], data["unit"], data["subject"], data["text"], tuple(data["to"]),
                   data.get("html", ""), data.get("payload", ""), reminders, attachments)


def _with_to(message: Message, to: tuple[str, ...]) -> Message:
    return Message(message.key, message.channel, message.unit, message.subject, message.text, to, message.html,
                   message.payload, message.reminders, message.attachments)


def _migrate_v1(db: sqlite3.Connection) -> None:
    """v1 (identity keys joined by U+001F, states delivered/superseded/failed/retry) → v2, keeping
    history. v1 kept no fire time: a migrated reminder's `at` is the time it was handled."""
    for table in ("messages", "reminders", "notices"):
        db.execute(f"ALTER TABLE {table} RENAME TO v1_{table}")
    for index in ("messages_state", "reminders_task"):
        db.execute(f"DROP INDEX IF EXISTS {index}")
    _create_v2(db)
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


def _create_v2(db: sqlite3.Connection) -> None:
    """Statement by statement: executescript would commit the migration's transaction."""
    for statement in _V2.split(";"):
        if statement.strip():
            db.execute(statement)


def create_v1(db: sqlite3.Connection) -> None:
    """The schema of version 1 exactly as it was shipped (for migration tests)."""
    db.executescript(_V1)
    db.execute("PRAGMA user_version = 1")


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
