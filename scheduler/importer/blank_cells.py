"""A task table copied with each cell on a line of its own and a blank line between cells (a page's
table whose borders became blank lines), of three columns: a group, the numbered task and its units.

    工作任务 / 具体要求 / 落实科室(部门)                              (the header)
    做好规划公开 / 1.主动公开…… / 各科室按职责分工落实                 (a group, a task, its units)
    2.统一归集…… / 办公室                                            (the group merged down)
    做好执法公开 / 3.公开…… / 4.公布…… / 法规科、医保中心              (the units merged down)

The group is written once for the rows under it; a units cell after several numbered cells is one
cell merged down over them, so each of them has those units."""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.table import Row, _role, _row

_NUMBERED = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(\S.*)$")
_BRACKETED = re.compile(r"[（(][^（()）]{1,6}[）)]$")  # "落实科室(部门)": the bracket names the same column
_UNITS = ("lead", "responsible", "cooperating")
_MAX_GROUP = 30
_MAX_UNITS = 60


def _header(lines: Sequence[str], start: int) -> tuple[list[str], int] | None:
    """The three roles of the header starting at lines[start] (cells parted by blank lines), and the index after."""
    roles: list[str] = []
    pos = start
    while pos < len(lines) and len(roles) < 3:
        if lines[pos]:
            if len(lines[pos]) > 16 or (role := _role(_BRACKETED.sub("", lines[pos]))) is None:
                return None
            roles.append(role)
        elif pos > start and not lines[pos - 1]:
            return None  # two blank lines: no table
        pos += 1
    return (roles, pos) if roles[:2] == ["title", "detail"] and len(roles) == 3 and roles[2] in _UNITS else None


def read_blank_cells(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after them."""
    if start + 1 >= len(lines) or lines[start + 1] or (found := _header(lines, start)) is None:
        return None
    roles, pos = found
    rows: list[Row] = []
    pending: list[tuple[int, str, str]] = []  # the numbered cells waiting for their units
    end = pos
    while pos < len(lines):
        cell = lines[pos]
        if not cell:
            pos += 1
            continue
        if m := _NUMBERED.match(cell):
            pending.append((pos, m[1], m[2]))
        elif pending and len(cell) <= _MAX_UNITS and "。" not in cell:  # their units, merged down over them
            rows += [_row(line + 1, ["number", "title", roles[2]], [number, text, cell], unwrap=False)
                     for line, number, text in pending]
            pending, end = [], pos + 1
        elif pending or len(cell) > _MAX_GROUP or re.search(r"[。；;]", cell):
            break  # neither a group, a task nor units: the table has ended
        pos += 1
    if len(rows) < 2:
        return None
    if pending:  # numbered cells whose units never came (the table cut short): tasks without units
        rows += [_row(line + 1, ["number", "title"], [number, text], unwrap=False) for line, number, text in pending]
        end = pending[-1][0] + 1
    return rows, end
