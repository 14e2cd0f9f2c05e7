"""A state on a full or read-only file system (QA trial of #12): the message says so in Chinese.

SQLite reports both as "disk I/O error" (it cannot create the -shm file at open) or "unable to
open"; the lock file's OSError says "Read-only file system". Before, the operator read
`无法打开状态数据库 …：disk I/O error`. Found with a 1 MB tmpfs filled by dd and a tmpfs
remounted read-only under the state directory; here the file system's answer is injected.
Readers (status, history) on such a file system read the database file alone when no WAL
content is left beside it, instead of refusing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from scheduler.ledger import SCHEMA_VERSION, Ledger
from scheduler.ledger.files import place_fault, reader, state_error


def fs(available: int, read_only: bool = False) -> os.statvfs_result:
    flag = os.ST_RDONLY if read_only else 0
    return os.statvfs_result((4096, 4096, 256, available, available, 100, 50, 50, flag, 255))


@pytest.mark.parametrize(("answer", "expected"), [
    (fs(0), "状态目录 /srv/duban/state 所在的磁盘已满：请清理磁盘后重新启动（在此之前 duban 不发送任何消息）"),
    (fs(12, read_only=True), "状态目录 /srv/duban/state 所在的文件系统是只读的：请检查挂载或权限（在此之前 duban 不发送任何消息）"),
    (fs(12), None),
])
def test_the_file_system_names_the_fault(answer: os.statvfs_result, expected: str | None) -> None:
    assert place_fault(Path("/srv/duban/state"), lambda _path: answer) == expected


def test_a_directory_that_cannot_be_asked_is_no_verdict(tmp_path: Path) -> None:
    assert place_fault(tmp_path / "无此目录") is None
    assert place_fault(tmp_path) is None  # a real, writable directory with room


def test_sqlite_disk_io_error_on_a_healthy_disk_keeps_the_generic_message(tmp_path: Path) -> None:
    err = state_error(tmp_path / "duban.db", "打开", sqlite3.OperationalError("disk I/O error"), 60)
    assert str(err) == f"无法打开状态数据库 {tmp_path / 'duban.db'}：disk I/O error"


def _state_without_shm(tmp_path: Path) -> Path:
    """A closed state whose reader cannot create the WAL's shared-memory file (as on a full or
    read-only file system): `-shm` is a dangling link."""
    path = tmp_path / "duban.db"
    Ledger(path).close()
    (tmp_path / "duban.db-shm").symlink_to(tmp_path / "无此目录" / "shm")
    return path


def test_a_reader_on_a_full_disk_reads_the_file_alone(tmp_path: Path) -> None:
    path = _state_without_shm(tmp_path)
    db = reader(path, 1.0, lambda _path: fs(0))
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_reader_on_a_healthy_disk_or_with_wal_content_left_refuses(tmp_path: Path) -> None:
    path = _state_without_shm(tmp_path)
    with pytest.raises(sqlite3.OperationalError):
        reader(path, 1.0, lambda _path: fs(12))  # no file-system fault: the error stands
    (tmp_path / "duban.db-wal").write_bytes(b"x" * 100)  # a writer's uncheckpointed pages: the file is not all
    with pytest.raises(sqlite3.OperationalError):
        reader(path, 1.0, lambda _path: fs(0))
