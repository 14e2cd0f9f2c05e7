"""The feedback tables of the state database: submissions, decisions, the audit trail (留痕),
per-unit link generations (revocation) and used sign-in links. All feedback SQL lives here.

The ledger owns `PRAGMA user_version`; these tables carry their own version in `components`
(name 'feedback'), migrated the same way: numbered scripts, each in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Day
from datetime import datetime
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.ledger import Ledger

COMPONENT = "feedback"
SCHEMA_VERSION = 1
_MIGRATIONS = {
    1: """
    CREATE TABLE IF NOT EXISTS components (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, submitted_at TEXT NOT NULL, unit TEXT NOT NULL,
        task TEXT NOT NULL, milestone TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,
        decided_at TEXT NOT NULL DEFAULT '', decided_by TEXT NOT NULL DEFAULT '',
        decision_note TEXT NOT NULL DEFAULT '', decision_address TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX submissions_state ON submissions(state);
    CREATE INDEX submissions_unit ON submissions(unit);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE link_generations (unit TEXT PRIMARY KEY, generation INTEGER NOT NULL);
    CREATE TABLE signins (nonce TEXT PRIMARY KEY, used_at TEXT NOT NULL);
    """,
}
KINDS = ("progress", "done", "extend")
KIND_LABEL = {"progress": "进展", "done": "办结", "extend": "延期申请"}
STATE_LABEL = {"waiting": "待审核", "accepted": "已同意", "rejected": "未同意", "info": "已收悉"}
SQLITE_INT = 2 ** 63
COLUMNS = ("id, submitted_at, unit, task, milestone, kind, date, note, address, state, decided_at, "
            "decided_by, decision_note")


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    submitted_at: str
    unit: str
    task: str
    milestone: str
    kind: str  # progress | done | extend
    date: str  # done: when finished; extend: the new deadline; progress: ''
    note: str
    address: str
    state: str  # waiting | accepted | rejected | info
    decided_at: str
    decided_by: str
    decision_note: str

    def as_json(self) -> dict[str, object]:
        """The object of `duban feedback --format json` (SPEC §3.4)."""
        return {"id": self.id, "submitted_at": self.submitted_at, "unit": self.unit, "task": self.task,
                "milestone": self.milestone, "kind": self.kind, "date": self.date or None, "note": self.note,
                "state": self.state, "decided_at": self.decided_at or None,
                "decision_note": self.decision_note or None}

    @property
    def submitted_day(self) -> Day:
        return datetime.fromisoformat(self.submitted_at).date()


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the audit trail."""

    at: str
    actor: str
    action: str
    unit: str
    detail: str
    address: str


class Store:
    """The feedback tables, on the state database (its own connection; usable from any thread
    of one process, one statement at a time)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        Ledger(path).close()  # the ledger's tables first: readers of the state expect them
        try:
            self.db = sqlite3.connect(path, timeout=60, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.Error, OSError) as err:
            raise DubanError(f"无法打开状态数据库 {path}：{err}") from None

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS components (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")
        row = self.db.execute("SELECT version FROM components WHERE name = ?", (COMPONENT,)).fetchone()
        version = row[0] if row else 0
        if version > SCHEMA_VERSION:
            raise DubanError(f"状态数据库 {self.path} 的反馈数据由更新版本的 duban 创建（版本 {version}），"
                             "请升级 duban")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.db:
                for statement in _MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT OR REPLACE INTO components(name, version) VALUES (?, ?)",
                                (COMPONENT, target))

    def close(self) -> None:
        self.db.close()

    # -- submissions -------------------------------------------------------------------------------

    def submit(self, at: datetime, unit: str, task: str, milestone: str, kind: str, day: str, note: str,
               address: str) -> int:
        state = "info" if kind == "progress" else "waiting"
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO submissions(submitted_at, unit, task, milestone, kind, date, note, address, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (at.isoformat(timespec="seconds"), unit, task, milestone, kind, day, note, address, state))
            self._audit(at, unit, f"submit:{kind}", unit, f"{task}/{milestone} #{cursor.lastrowid}", address)
        return int(cursor.lastrowid or 0)

    def get(self, ident: int) -> Submission | None:
        if not -SQLITE_INT <= ident < SQLITE_INT:  # a number no row can have (sqlite3 would raise)
            return None
        row = self.db.execute(f"SELECT {COLUMNS} FROM submissions WHERE id = ?", (ident,)).fetchone()
        return Submission(*row) if row else None

    def listing(self, everything: bool = False, unit: str | None = None) -> list[Submission]:
        """Waiting submissions (or all), oldest first; optionally one unit's."""
        where, args = [], []
        if not everything:
            where.append("state = 'waiting'")
        if unit is not None:
            where.append("unit = ?")
            args.append(unit)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.execute(f"SELECT {COLUMNS} FROM submissions {clause} ORDER BY submitted_at, id", args)
        return [Submission(*r) for r in rows]

    def for_task(self, task: str) -> list[Submission]:
        rows = self.db.execute(f"SELECT {COLUMNS} FROM submissions WHERE task = ? ORDER BY submitted_at, id",
                               (task,))
        return [Submission(*r) for r in rows]

    def version(self) -> tuple[int, int]:
        """Changes whenever a submission is added or decided (for caches of rendered pages)."""
        row = self.db.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FILTER (WHERE state != 'waiting') "
                              "FROM submissions").fetchone()
        return int(row[0]), int(row[1])

    def decide(self, ident: int, accept: bool, at: datetime, author: str, note: str, address: str,
               first: Callable[[], None] | None = None) -> bool:
        """waiting → accepted | rejected, once; False if it was not waiting. `first` (the write-back of an
        accepted one) runs after that check while the state is locked against every other decider (a
        second tab, the CLI): if it raises, nothing changes. Its own connection: the web shares `db`."""
        state = "accepted" if accept else "rejected"
        try:
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        except sqlite3.Error as err:
            raise DubanError(f"无法打开状态数据库 {self.path}：{err}") from None
        try:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT state FROM submissions WHERE id = ?", (ident,)).fetchone()
            if row is None or row[0] != "waiting":
                return False
            if first is not None:
                first()
            db.execute("UPDATE submissions SET state = ?, decided_at = ?, decided_by = ?, decision_note = ?, "
                       "decision_address = ? WHERE id = ?",
                       (state, at.isoformat(timespec="seconds"), author, note, address, ident))
            self._audit(at, author, f"decide:{state}", "", f"#{ident} {note}".strip(), address, db)
            db.execute("COMMIT")
            return True
        except sqlite3.Error as err:
            raise DubanError(f"无法写入状态数据库 {self.path}：{err}") from None
        finally:
            if db.in_transaction:
                db.execute("ROLLBACK")
            db.close()

    # -- audit, links, sign-ins --------------------------------------------------------------------

    def audit(self, at: datetime, actor: str, action: str, unit: str, detail: str, address: str) -> None:
        with self.db:
            self._audit(at, actor, action, unit, detail, address)

    def _audit(self, at: datetime, actor: str, action: str, unit: str, detail: str, address: str,
               db: sqlite3.Connection | None = None) -> None:
        (db or self.db).execute("INSERT INTO audit(at, actor, action, unit, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
                        (at.isoformat(timespec="seconds"), actor, action, unit, detail, address))

    def trail(self) -> list[Entry]:
        return [Entry(*r) for r in self.db.execute(
            "SELECT at, actor, action, unit, detail, address FROM audit ORDER BY id")]

    def generation(self, unit: str) -> int:
        row = self.db.execute("SELECT generation FROM link_generations WHERE unit = ?", (unit,)).fetchone()
        return int(row[0]) if row else 0

    def revoke(self, unit: str, at: datetime) -> int:
        with self.db:
            self.db.execute("INSERT INTO link_generations(unit, generation) VALUES (?, 1) ON CONFLICT(unit) "
                            "DO UPDATE SET generation = generation + 1", (unit,))
            self._audit(at, "cli", "revoke", unit, "", "")
        return self.generation(unit)

    def use_signin(self, nonce: str, at: datetime, address: str) -> bool:
        """A sign-in link works once: True the first time its nonce is used."""
        with self.db:
            cursor = self.db.execute("INSERT OR IGNORE INTO signins(nonce, used_at) VALUES (?, ?)",
                                     (nonce, at.isoformat(timespec="seconds")))
            if cursor.rowcount == 1:
                self._audit(at, "coordinator", "signin", "", "", address)
        return cursor.rowcount == 1

