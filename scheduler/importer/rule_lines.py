"""A task table copied with each cell on a line of its own and a line "|" after every cell (a page's
table whose cell borders became lines), its header naming no number column:

    工作任务 / | / 具体要求 / | / 责任科室 / | / 时限要求 / |             (the header)
    加强规范性文件公开 / | / 1 / | / 对……清理。 / | / 办公室 / | / 年底前 / |
    2 / | / 做好政策解读…… / | / 各科室 / | / 持续推进 / |               (the first cell merged down)

Each row starts at its number, so the header's first column is the rows' group: a cell before the
number, written once for the rows it spans (a merged cell), read like a category row. The number and
the cells after it are the row; the text column after the group is the row's task.
"""

from __future__ import annotations

from collections.abc import Sequence

from scheduler.importer.cells import NUMBER
from scheduler.importer.table import Row, _role, _row

RULE = "|"
_UNITS = ("lead", "responsible", "cooperating")


def read_rule_lines(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after it."""
    if start + 1 >= len(lines) or lines[start + 1] != RULE or _role(lines[start]) != "title":
        return None
    cells: list[tuple[int, str]] = []  # (index of the line, the cell)
    pos = start
    while pos + 1 < len(lines) and lines[pos + 1] == RULE and lines[pos] not in ("", RULE):
        cells.append((pos, lines[pos]))
        pos += 2
    roles: list[str] = []
    for _, cell in cells:
        if (role := _role(cell)) is None:
            break
        roles.append(role)
    if len(roles) < 3 or "number" in roles or roles[1] not in ("title", "detail") \
            or not any(r in _UNITS for r in roles):
        return None
    row_roles = ["number", "title", *roles[2:]]
    width = len(roles)  # the number and the columns after the group
    rows: list[Row] = []
    i = len(roles)
    while i < len(cells):
        if NUMBER.match(cells[i][1]) and i + width <= len(cells):
            rows.append(_row(cells[i][0] + 1, row_roles, [c for _, c in cells[i:i + width]], unwrap=False))
            i += width
        elif i + 1 < len(cells) and NUMBER.match(cells[i + 1][1]) and len(cells[i][1]) <= 30:
            i += 1  # the group's cell, merged down over the rows under it
        else:
            break
    if not rows:
        return None
    return rows, cells[i][0] if i < len(cells) else pos
