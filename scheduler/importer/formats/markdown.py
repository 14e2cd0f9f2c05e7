"""Plans written in Markdown (exported from collaboration platforms and note apps, pasted from chat and
AI tools): pipe tables ("| 序号 | 重点任务 | 牵头单位 |" over "|---|---|---|") are real tables, read as
every other format's; heading marks ("## 一、…") and emphasis ("**…**") are no part of the text."""

from __future__ import annotations

import re

from scheduler.importer.formats.blocks import Block, grid

_ROW = re.compile(r"^\s*\|(.*\|.*)\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_BREAK = re.compile(r"<br\s*/?>", re.I)


def markdown_blocks(text: str) -> list[Block] | None:
    """The document's lines and tables, or None when it holds no pipe table."""
    lines = text.splitlines()
    if not any(_RULE.match(ln) for ln in lines):
        return None
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and _ROW.match(lines[i]) and _RULE.match(lines[i + 1]):
            rows = [_cells(lines[i])]
            i += 2
            while i < len(lines) and _ROW.match(lines[i]):
                rows.append(_cells(lines[i]))
                i += 1
            blocks.append(grid(rows))
            continue
        blocks.append(_plain(lines[i]))
        i += 1
    return blocks


def _cells(line: str) -> list[str]:
    inner = _ROW.match(line)
    assert inner is not None
    return [_plain(_BREAK.sub("\n", c.replace("\x00", "|"))) for c in inner[1].replace("\\|", "\x00").split("|")]


def _plain(text: str) -> str:
    return _EMPHASIS.sub(lambda m: m[1] or m[2], _HEADING.sub("", text)).strip()
