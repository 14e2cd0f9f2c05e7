"""A task table copied with each cell on a line of its own and a blank line between cells, with no
number column (a progress page's table whose borders became blank lines, issue #13 round 34):

    項目 / 名稱 / 內容 / 牽頭單位 / 進展情況 / (7月) / 進展情況 / (10月)      (the header)
    養老服務項目 / 新增15家……。 / 區民政局 / 已完成…… / ……                   (a row)

The header's cells name the columns: a name wrapped over two cells is one ("項目" / "名稱"), and a
bracketed period goes with the name before it ("進展情況" / "(7月)"). The header ends at the first cell
that names no column, or at a title once a title and a unit column are named: the first row's title.
Each row has as many cells as the header; the rows end at one whose unit cells name no units. A copy
whose blank lines between cells were dropped (copies.py) is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.names import split_outside
from scheduler.importer.narrow_header import header_name
from scheduler.importer.table import Row, _role, _row
from scheduler.importer.vocab import is_unit_name

_PERIOD = re.compile(r"^[（(][^（）()]{1,8}[）)]$")  # "(7月)" under "進展情況"
_UNITS = ("lead", "responsible", "cooperating")
_MAX_NAME = 12
_MAX_TITLE = 80
_NAME_SEP = re.compile(r"[、，,；;]")


def _header(lines: Sequence[str], start: int) -> tuple[list[str], int] | None:
    roles: list[str] = []
    pos = start
    while pos < len(lines):
        cell = lines[pos]
        if not cell:
            if not lines[pos - 1]:
                return None  # two blank lines: no table
            pos += 1
            continue
        if roles and _PERIOD.match(cell):
            pos += 1
            continue
        if len(cell) > _MAX_NAME or ":" in cell or "：" in cell:  # "牵头单位:X" is a label line, no header cell
            break
        _, role, end = header_name(lines, pos, _role)
        if role is None or role == "number" or (role == "title" and "title" in roles and _has_units(roles)):
            break
        roles.append(role)
        pos = end
    if len(roles) < 3 or "title" not in roles or not _has_units(roles):
        return None
    return roles, pos


def _has_units(roles: list[str]) -> bool:
    return any(r in _UNITS for r in roles)


def _names(cell: str) -> bool:
    names = [n.strip() for n in split_outside(cell, _NAME_SEP)]
    return all(n and is_unit_name(n) for n in names)


def read_plain_cells(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after them."""
    first = lines[start]
    if len(first) > _MAX_NAME or ":" in first or "：" in first or _role(first) is None \
            or (found := _header(lines, start)) is None:
        return None
    roles, pos = found
    cells = [(i, lines[i]) for i in range(pos, len(lines)) if lines[i]]
    rows: list[Row] = []
    end = pos
    width = len(roles)
    for at in range(0, len(cells) - width + 1, width):
        row = cells[at:at + width]
        texts = [text.strip() for _, text in row]
        if len(texts[roles.index("title")]) > _MAX_TITLE \
                or not all(_names(t) for r, t in zip(roles, texts, strict=True) if r in _UNITS):
            break
        rows.append(_row(row[0][0] + 1, ["number", *roles], [str(len(rows) + 1), *texts], unwrap=False))
        end = row[-1][0] + 1
    return (rows, end) if rows else None
