"""Read a document file (UTF-8 or GB18030) and produce the draft, with Chinese errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.importer.emit import emit_toml
from scheduler.importer.formats import decode, document_text, read_bytes
from scheduler.importer.parse import Draft, parse_document


def read_document(path: Path) -> str:
    """A plain-text document's text (UTF-8 or GB18030), read and decoded as `formats` does."""
    return decode(path, read_bytes(path))


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
