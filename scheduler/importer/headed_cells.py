"""A task table copied one cell per line with no number column, whose first columns group the rows and
are merged down over them (issue #13 round 57): a group's cell is a line only above its first row.

    目标 / 任务 / 主要内容 / 责任单位                          (the header, one name per line)
    一、以政务公开助力稳增长                                    (the 目标 cell, merged over its rows)
    (一)加强预期引导                                            (the 任务 cell, merged over its rows)
    围绕……及时宣传解读。 / 市发改委牵头落实                     (a row: its text, then its units)
    围绕……落实情况等。 / 市人社局牵头落实                       (the next row: the groups' cells merged)

The header starts with the group columns (names of a title: "目标", "任务", "类别" …), then the text column
("主要内容", "具体措施": a detail), then unit and deadline columns only. A row is an unnumbered sentence (a line
closed by "。" or "；"; numbered cells are another table's, or items) and one short line for each column after
it; up to as many short lines as there are group columns, a heading each, may stand before it. Rows are
numbered in order; the groups' lines are skipped, as a table's category rows are (table.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.cells import NUMBER
from scheduler.importer.numerals import CN_NUM
from scheduler.importer.table import _LABEL_OF, Row, _header, _role, _row

_MAX_NAME = 8  # a header cell: "主要内容", "责任单位"
_MAX_CELL = 40  # a unit or deadline cell: no paragraph
_MAX_GROUP = 30  # a group's cell: "一、以政务公开助力稳增长", "(一)加强预期引导"
_MAX_GROUPS = 3  # group lines before a row (the header may join two names: "目标" / "任务" → "目标任务")
# a numbered item ("1.公开……。", "（一）……"): the cells of a numbered table or of items, which other readers take
_ITEM = re.compile(rf"^(?:[（(]?[{CN_NUM}\d]{{1,3}}[）)]|[{CN_NUM}]{{1,3}}、|\d{{1,3}}[.．、﹒])")


def read_headed_cells(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after them."""
    first = lines[start]
    if not first or len(first) > _MAX_NAME or _role(first) != "title":
        return None
    if start > 0 and lines[start - 1] and len(lines[start - 1]) <= _MAX_NAME and _role(lines[start - 1]):
        return None  # inside a header that starts above (a number column another reader takes)
    if (found := _header(lines, start, numbered=False)) is None:
        return None
    roles, pos = found
    if "detail" not in roles or (text := roles.index("detail")) == 0 or any(r != "title" for r in roles[:text]):
        return None
    after = roles[text + 1:]
    if not after or any(r not in _LABEL_OF for r in after) or all(r == "deadline" for r in after):
        return None
    rows: list[Row] = []
    end = pos
    while (found_row := _next_row(lines, end, len(after))) is not None:
        line, cells, end = found_row
        rows.append(_row(line, ["number", "detail", *after], [str(len(rows) + 1), *cells], unwrap=True))
    return (rows, end) if rows else None


def _next_row(lines: Sequence[str], pos: int, width: int) -> tuple[int, list[str], int] | None:
    """The row from pos (its 1-based line, its cells, the index after it) past its groups' lines; None at
    the table's end."""
    groups = 0
    while pos < len(lines) and (not lines[pos] or (not _sentence(lines[pos]) and groups < _MAX_GROUPS)):
        if lines[pos]:
            if len(lines[pos]) > _MAX_GROUP:
                return None
            groups += 1
        pos += 1
    if pos >= len(lines) or not _sentence(lines[pos]) or _ITEM.match(lines[pos]):
        return None
    cells, nxt = [lines[pos]], pos + 1
    while len(cells) <= width and nxt < len(lines):
        cell = lines[nxt]
        if cell and (len(cell) > _MAX_CELL or _sentence(cell) or NUMBER.match(cell) or _ITEM.match(cell)):
            return None
        if cell:
            cells.append(cell)
        nxt += 1
    return (pos + 1, cells, nxt) if len(cells) == width + 1 else None


def _sentence(line: str) -> bool:
    return len(line) > 12 and line.endswith(("。", "；", ";"))
