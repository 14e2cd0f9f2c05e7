"""The atomic replacement of a tasks file by the write-back (SPEC §3.4): a temporary file in the same
directory, then rename. Kept: the file's mode, owner and group (where the process may set them), and
a symlink (the file it points to is replaced). Refused: a file changed since it was read, a read-only
file (or one this process may not write: renaming over it would take it from its owner)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from scheduler.errors import DubanError, os_reason


def replace_file(path: Path, original: bytes, data: bytes) -> None:
    """Write `data` in place of `path`, whose content was `original` when it was read."""
    real = Path(os.path.realpath(path))  # a symlink is written through and stays a link
    try:
        if real.read_bytes() != original:
            raise DubanError(f"任务文件 {path.name} 在审核期间被修改过：为免覆盖他人的修改，本次未写入，请重试")
        kept = real.stat()
        mode = kept.st_mode & 0o7777
        if not mode & 0o222 or not os.access(real, os.W_OK):
            raise DubanError(f"任务文件 {path.name} 是只读的（或本服务无权写入）：本次未写入。"
                             "请让它可写（如 chmod 664）后重试，或手工写入")
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as err:
        raise DubanError(f"无法写入任务文件 {path}：{os_reason(err)}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _chown_like(tmp, kept)
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise DubanError(f"无法写入任务文件 {path}：{os_reason(err)}") from None


def _chown_like(tmp: str, kept: os.stat_result) -> None:
    """Keep the owner and group where the process may (root; or a group it is in); else as created."""
    for uid in (kept.st_uid, -1):
        try:
            os.chown(tmp, uid, kept.st_gid)
            return
        except OSError:
            continue
