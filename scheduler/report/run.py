"""`duban report`: the 台账 (xlsx, csv) or the 通报 draft (md, docx) as of a day, to a file or stdout."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from scheduler import readmodel
from scheduler.errors import DubanError, UsageError, os_reason
from scheduler.report import bulletin, register
from scheduler.runtime import Runtime

FORMATS = ("xlsx", "csv", "md", "docx")
BINARY = ("xlsx", "docx")


def choose_format(given: str | None, output: str | None) -> str:
    """--format, else the output file's suffix, else md (the 通报 on the terminal). A --format that
    contradicts a report suffix (`--format csv --output 台账.xlsx`) would write a file its program
    cannot open: a usage error."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    if given:
        if suffix in FORMATS and suffix != given:
            raise UsageError(f"--format {given} 与文件名 {output} 的扩展名不符：请把扩展名改为 .{given}，"
                             f"或去掉 --format（按扩展名生成 {suffix}）")
        return given
    if suffix and suffix not in FORMATS:  # "通报.pdf" would otherwise silently get Markdown
        raise UsageError(f"无法从文件名 {output} 判断格式：请用 --format xlsx、csv、md 或 docx 指定，"
                         f"或把扩展名改为 .xlsx、.csv、.md、.docx")
    return suffix or "md"


def report(runtime: Runtime, today: date, fmt: str, output: str | None,
           feedback: readmodel.FeedbackIndex | None = None) -> None:
    if fmt in BINARY and not output:
        raise UsageError(f"--format {fmt} 是二进制文件，请用 --output 指定要写入的文件，如 --output 台账.{fmt}")
    special = output is not None and _special(Path(output))
    target = (Path(output) if special else _target(Path(output))) if output else None
    reg = readmodel.load(runtime, today, feedback)
    if target is None:
        if fmt == "csv":  # bytes, so the BOM and UTF-8 do not depend on the terminal's encoding
            sys.stdout.flush()
            sys.stdout.buffer.write("".join(register.to_csv(reg)).encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write("".join(bulletin.to_markdown(bulletin.build(reg))))
            sys.stdout.flush()
        return
    # each writes to a stream opened here: a zip writer given a FIFO's path opens it read-write, fails
    # to seek, and opens it again write-only — a reader that saw the first open has gone by then
    writers: dict[str, Callable[[BinaryIO], object]] = {
        "xlsx": lambda f: register.write_xlsx(reg, f),
        "docx": lambda f: bulletin.write_docx(bulletin.build(reg), f),
        "csv": lambda f: f.write("".join(register.to_csv(reg)).encode("utf-8")),
        "md": lambda f: f.write("".join(bulletin.to_markdown(bulletin.build(reg))).encode("utf-8")),
    }
    (_direct if special else _atomic)(target, writers[fmt])


def _special(path: Path) -> bool:
    """A device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _direct(path: Path, write: Callable[[BinaryIO], object]) -> None:
    try:
        with path.open("wb") as stream:
            write(stream)
    except OSError as err:
        raise DubanError(f"无法写入 {path}：{os_reason(err)}") from None


def _target(given: Path) -> Path:
    """The file to write: a symbolic link's target (a link into a shared folder stays a link)."""
    path = Path(os.path.realpath(given)) if given.is_symlink() else given
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise DubanError(f"无法写入 {given}：{parent} 不是目录")
    if not parent.is_dir():
        raise DubanError(f"无法写入 {given}：目录 {parent} 不存在")
    if path.is_dir():
        raise DubanError(f"无法写入 {given}：这是一个目录，请给出文件名")
    return path


def _atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """A temporary file beside the target, then rename: a reader never sees half a report. A file
    replaced keeps its permissions; a new one gets those the umask allows."""
    try:
        mode = _mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as stream:
                write(stream)
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise DubanError(f"无法写入 {path}：{os_reason(err)}") from None


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it back at once
        os.umask(umask)
        return 0o666 & ~umask
