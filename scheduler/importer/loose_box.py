"""A box-drawn table that box_table.py does not read: a page of it, with columns of its own beside the task's.

    ┌─┬──┬─────┬─────────┬───┬─────┬─────┐
    │技│序号│ 项目 │ 考核内容 │标准分│ 责任单位 │ 配合单位 │
    │ ├──┼─────┼─────────┼───┼─────┼─────┤
    │术│ 9 │工业用水重│ ≥75% │ 5 │ 市经委 │ 市城管局 │
    │ │ │复利用率 │ │ │ │ 市水利局 │
    │考├──┼─────┼─────────┼───┼─────┼─────┤

A first column whose text runs down the whole table ("技术考核指标", a merged group written one character
a line) is no column of the rows; columns whose names the vocabulary does not know (a score, its rule)
are left out; the page may stop without a bottom border, after the last row's rule. Each cell of the
title column is a row, and a cell of another column belongs to it when it starts on the same line. A
units cell lists a name a line ("市城管局 / 市水利局"); a title's lines are one text broken by the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scheduler.importer.box_table import _RULE, _split
from scheduler.importer.table import Row, _role, _row

_UNITS = ("lead", "responsible", "cooperating")
_KEPT = ("number", "title", "detail", "deadline", *_UNITS)


@dataclass(frozen=True)
class _Cell:
    lines: tuple[str, ...]
    first: int


def _column_cells(lines: Sequence[str], start: int, width: int) -> tuple[list[list[_Cell]], int]:
    """Each column's closed cells from lines[start] on, and the index after the last line read."""
    columns: list[list[_Cell]] = [[] for _ in range(width)]
    open_: list[list[tuple[int, str]]] = [[] for _ in range(width)]
    index = start
    while index < len(lines) and not lines[index].startswith("└"):
        cells = _split(lines[index])
        if cells is None or len(cells) != width:
            break
        for col, cell in enumerate(cells):
            if _RULE.match(cell):
                if open_[col]:
                    columns[col].append(_Cell(tuple(t.strip() for _, t in open_[col]), open_[col][0][0]))
                open_[col] = []
            elif cell.strip():
                open_[col].append((index, cell))
        index += 1
    if index < len(lines) and lines[index].startswith("└"):
        for col, pending in enumerate(open_):
            if pending:
                columns[col].append(_Cell(tuple(t.strip() for _, t in pending), pending[0][0]))
        index += 1
    return columns, index


def _text(cell: _Cell, role: str) -> str:
    return " ".join(cell.lines) if role in _UNITS else "".join(cell.lines)


def read_loose_box(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose top border is lines[start], and the index after it."""
    if not lines[start].startswith("┌") or start + 2 >= len(lines) or (head := _split(lines[start + 1])) is None:
        return None
    columns, end = _column_cells(lines, start + 1, len(head))
    header_line = start + 1
    roles: list[str | None] = []
    for col in columns:
        first = col[0] if col else None
        spans = first is not None and first.first == header_line and len(col) == 1 and len(first.lines) > 2
        roles.append(None if first is None or first.first != header_line or spans else _role("".join(first.lines)))
    kept = [r for r in roles if r in _KEPT]
    title_role = "title" if "title" in kept else "detail"
    if title_role not in kept or not any(r in _UNITS for r in kept) or kept.count(title_role) != 1:
        return None
    at = roles.index(title_role)
    by_line = [{c.first: c for c in col[1:]} for col in columns]  # a row's cells start on its title's line
    out: list[Row] = []
    for number, cell in enumerate(columns[at][1:], 1):
        names, texts = ["number", "title"], [str(number), _text(cell, "title")]
        for role, cells in zip(roles, by_line, strict=True):
            if role in _KEPT and role != title_role:
                match = cells.get(cell.first)
                if role == "number" and match is not None:
                    texts[0] = _text(match, role)
                elif role != "number":
                    names.append(role)
                    texts.append(_text(match, role) if match is not None else "")
        out.append(_row(cell.first + 1, names, texts, unwrap=False))
    return (out, end) if out else None
