"""The state beside its database: the lock, a read-only connection, faults of the file system, and
SQLite's errors in Chinese."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from scheduler.errors import DubanError, StateBrokenError, StateLockedError, os_reason


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
            raise StateBrokenError(place_fault(self.path.parent) or
                                   f"无法使用状态目录 {self.path.parent}：{os_reason(err)}") from None
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

# said by every command that meets the fault: the daemon's sending stops, status, history and report cannot read
_HALTED = "duban run 在修复前不会发送任何消息"


def state_error(path: Path, doing: str, err: sqlite3.Error, wait: float) -> DubanError:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return StateLockedError(f"状态数据库 {path} 被其他程序锁定超过 {wait:.0f} 秒，本次不发送；稍后重试")
    if "readonly" in text or "read-only" in text:
        return StateBrokenError(f"状态数据库 {path} 不可写（只读文件或目录）：{_HALTED}，请检查权限")
    if "full" in text:
        return StateBrokenError(f"磁盘已满，无法写入状态数据库 {path}：{_HALTED}，请清理磁盘后重新启动")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StateBrokenError(f"状态数据库 {path} 已损坏，无法读写发送记录：{_HALTED}。"
                                "请从备份恢复，或移走该文件后重新启动（移走后已发送的提醒可能再次发送）")
    if (fault := place_fault(path.parent)) is not None:  # SQLite says "disk I/O error" or "unable to open"
        return StateBrokenError(fault)
    if "unable to open" in text:
        return StateBrokenError(f"无法打开状态数据库 {path}：请检查目录是否存在、是否有权限")
    return StateBrokenError(f"无法{doing}状态数据库 {path}：{err}")


def reader(path: Path, wait: float, statvfs: Callable[[Path], os.statvfs_result] = os.statvfs) -> sqlite3.Connection:
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
        if place_fault(path.parent, statvfs) is None or (wal.exists() and wal.stat().st_size > 0):
            raise
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=wait)


def place_fault(directory: Path, statvfs: Callable[[Path], os.statvfs_result] = os.statvfs) -> str | None:
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
