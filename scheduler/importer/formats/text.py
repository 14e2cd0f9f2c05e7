"""Plain text: UTF-8 or GB18030 (the rules the text importer always had)."""

from __future__ import annotations

from pathlib import Path

from scheduler.importer.formats.blocks import FormatError


def decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise FormatError(f"{path}：这是二进制文件，不是 duban import 能读取的格式（支持 .txt、.docx、.html、"
                          ".mht、.pdf、.ofd、.xlsx、.csv，以及装有 LibreOffice 时的 .doc/.wps）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
