"""Read a document file (UTF-8 or GB18030) and produce the draft, with Chinese errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.importer.emit import emit_toml
from scheduler.importer.formats import document_text
from scheduler.importer.parse import Draft, parse_document

MAX_BYTES = 20 * 1024 * 1024


def read_document(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise DubanError(f"{path}：无法读取文件（{err.strerror}）") from None
    if len(data) > MAX_BYTES:
        raise DubanError(f"{path}：文件超过 20 MB，不像是一份工作要点")
    if b"\x00" in data[:4096]:
        raise DubanError(f"{path}：这是二进制文件，请先把文档另存为纯文本（.txt）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def load_draft(path: Path) -> Draft:
    """The draft of a document in any format `formats` reads (chosen by the file's bytes)."""
    text = document_text(path)
    draft = parse_document(text)
    if not draft.tasks:
        empty = "文件是空的，" if not text.strip() else ""
        raise DubanError(f"{path}：{empty}没有找到编号的任务（如“（一）…”）或任务分工表，"
                         "请确认这是一份工作要点或分工方案")
    return draft


def import_file(path: Path, year: int | None, prefix: str,
                known: Callable[[str], bool] | None = None) -> str:
    return emit_toml(load_draft(path), path.name, prefix, year, known)
