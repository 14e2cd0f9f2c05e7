"""Opening the ledger's database, its transactions, and the guard that turns SQLite's and the OS's
errors into Chinese ones (never a traceback)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Self

from scheduler.errors import StateBrokenError, os_reason
from scheduler.ledger.files import reader, state_error
from scheduler.ledger.schema import SCHEMA_VERSION, create_v3, migrate_v1, migrate_v2

LOCK_WAIT = 60.0  # seconds a locked database is waited for (SPEC §3.3)
SQLITE_MIN = (3, 33, 0)  # UPDATE … FROM (3.33), window functions (3.25), row values (3.15)
CACHE_KIB = 8192  # SQLite page cache of a writing ledger
PAGE_SIZE = 8192  # bytes; fewer, larger B-tree pages: a first pass writes ~700,000 reminders ~10 % faster


class Connection:
    """The ledger's database, opened and migrated. `readonly` for status/history; `lock_wait` bounds
    a locked database."""

    def __init__(self, path: Path, readonly: bool = False, lock_wait: float = LOCK_WAIT,
                 check: bool = True) -> None:
        self.path = path
        self.lock_wait = lock_wait
        self._inode: int | None = None
        self._batch = False
        self._paused_memo: tuple[tuple[int, int], set[tuple[str, str, str, str, int, str]]] | None = None
        require_sqlite(sqlite3.sqlite_version_info, path)
        with self._guard("打开"):
            if readonly:
                self.db = reader(path, lock_wait)
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
            elif self._version() < SCHEMA_VERSION:
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
    def scratch(cls, real: Path) -> Self:
        """A throw-away copy of the real state (or an empty one) for --dry-run."""
        directory = Path(tempfile.mkdtemp(prefix="duban-dry-run-"))
        copy = directory / "duban.db"
        if real.is_file():
            with cls(real, readonly=True) as source, contextlib.closing(sqlite3.connect(copy)) as target:
                source.db.backup(target)
        ledger = cls(copy)
        ledger._scratch = directory  # type: ignore[attr-defined]
        return ledger

    def __enter__(self) -> Self:
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
            raise state_error(self.path, doing, err, self.lock_wait) from None
        except OSError as err:
            raise StateBrokenError(f"无法{doing}状态数据库 {self.path}：{os_reason(err)}") from None

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

    def _version(self) -> int:
        """The schema version; one written by a newer duban is refused (reading or writing: its
        tables mean more than this version knows)."""
        version: int = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StateBrokenError(f"状态数据库 {self.path} 由更新版本的 duban 创建（版本 {version}），请升级 duban")
        return version

    def _migrate(self) -> None:
        version = self._version()
        if version == SCHEMA_VERSION:
            self.db.execute("CREATE INDEX IF NOT EXISTS reminders_pending ON reminders(state) WHERE state = 'pending'")
            # an index by fire time cost a first pass ~700,000 index entries; `history` reads the
            # table in one scan instead (made by development builds of this schema only)
            self.db.execute("DROP INDEX IF EXISTS reminders_at")
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if version == 0:
                create_v3(self.db)
            else:
                if version == 1:
                    migrate_v1(self.db)
                migrate_v2(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def require_sqlite(version: tuple[int, int, int], path: Path) -> None:
    """The SQLite that Python links to is new enough for the ledger's statements (Debian 12,
    Ubuntu 24.04 and RHEL 9 have 3.34 or later); an older one is told in Chinese, not as a
    syntax error at some pass."""
    if tuple(version) < SQLITE_MIN:
        found, needed = ".".join(map(str, version)), ".".join(map(str, SQLITE_MIN))
        raise StateBrokenError(f"无法使用状态数据库 {path}：Python 所用的 SQLite 版本为 {found}，duban 需要 {needed} "
                               "或更高（请换用较新的系统或 Python）")
