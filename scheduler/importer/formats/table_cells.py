"""The cells of a file's task table as the text grammar reads them (split out of tables.py).

Numbers of sections written in Chinese ("十二、"), a row's cells without the repeats of a merged
cell, a text cell as one line, a units cell as names listed with 、 — without the people a column
such as "责任单位及责任人" writes after them ("区民政局主要负责人", round 46) — and a deadline cell's
phrases.
"""

from __future__ import annotations

from collections.abc import Sequence

from scheduler.importer.formats import column_roles as roles
from scheduler.importer.formats.deadline_cells import deadline_lines
from scheduler.importer.formats.people_columns import without_people
from scheduler.importer.vocab import is_unit_name

CN = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五 (read back by the text importer's cn_to_int)."""
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + CN[rest]
    else:
        tail = ("一" if rest < 20 else "") + cn_number(rest)
    return CN[hundreds % 10] + "百" + tail


def dedupe(row: Sequence[str]) -> list[str]:
    """A row's cells without the repeats of a horizontally merged cell."""
    out: list[str] = []
    for cell in row:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


def joined(cell: str) -> str:
    """A text cell's paragraphs as one line."""
    return roles.unwrapped("".join(part.strip() for part in cell.splitlines()))


def units_text(cell: str, people: bool = False) -> str:
    """A units cell's names listed with 、: a cell puts them on lines of their own, or pads them
    apart with spaces ("国家发展改革委&nbsp;&nbsp;住房城乡建设部") when every part is a unit's name.
    With `people` (a column of units and their people), the people after the names are dropped."""
    parts = []
    lines = without_people(cell.splitlines()) if people else cell.splitlines()
    for line in roles.joined_wraps(lines):  # a PDF cell's wrapped name is one
        words = [w.strip("、，,；;") for w in line.split()]
        spaced = len(words) > 1 and all(w and is_unit_name(w) for w in words)
        parts += words if spaced else [line.strip().strip("、，,；;")]
    return "、".join(p for p in parts if p)


def deadline_text(cell: str) -> str:
    return "；".join(deadline_lines(cell))  # a PDF cell's wrapped phrase is one
