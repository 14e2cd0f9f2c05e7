"""A task table copied one cell per line whose header names a number column its rows do not have
(a page that dropped or merged the 序号 cells, issue #13 round 47), a people column's cell on several lines:

    序号 / 重点工作任务 / 牵头领导 / 牵头单位                 (the header)
    ……项目建设,进一步发挥……作用。 / 祝振伟 / 陈夏林 / 未来科技城(海创园)   (a row: two people, one unit)

A row starts at its task: a sentence (a line closed by "。" or "；"). Its other cells are the lines up to the
next task; when there are more of them than columns, the extra ones are people's names, one to a line (no unit's
name), in the people column ("牵头领导", "责任领导"): a cell may hold only one of anything else. The last row takes the
people's names while a line is left for every column after them. Rows are numbered in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.cells import NUMBER
from scheduler.importer.columns import NUMBER as NUMBER_NAMES
from scheduler.importer.columns import column_name
from scheduler.importer.table import Row, _header, _row
from scheduler.importer.vocab import is_unit_name

_PERSON = re.compile(r"^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")  # "祝振伟", "沈  昱"
_MAX_CELL = 40  # a unit, people or deadline cell: no paragraph
_MAX_PEOPLE = 6  # names of a people cell beyond its first line
_UNITS = ("lead", "responsible", "cooperating")


def read_unnumbered_cells(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after them."""
    if not column_name(lines[start][:3]).startswith(NUMBER_NAMES) or (found := _header(lines, start)) is None:
        return None
    roles, pos = found
    roles = roles[1:]  # the number column the rows do not have
    if not roles or roles[0] != "title" or not any(r in _UNITS for r in roles):
        return None
    people = roles.index("skip") if "skip" in roles else -1
    rows: list[Row] = []
    end = pos
    while (found_row := _region(lines, pos, len(roles) + _MAX_PEOPLE)) is not None:
        cells, nxt = found_row
        if (span := _span(cells, len(roles), people, last=nxt is None)) is None:
            break
        texts = _texts(span, len(roles), people)
        rows.append(_row(span[0][0] + 1, ["number", *roles], [str(len(rows) + 1), *texts], unwrap=False))
        end = span[-1][0] + 1
        if nxt is None:
            break
        pos = nxt
    return (rows, end) if rows else None


def _region(lines: Sequence[str], pos: int, cap: int) -> tuple[list[tuple[int, str]], int | None] | None:
    """The lines of the row whose task is the first non-blank line from pos (None when it is no task), up to
    the next task (its index, None when the table ends there: two blank lines in a row, the end, `cap` lines)."""
    cells: list[tuple[int, str]] = []
    for i in range(pos, len(lines)):
        text = lines[i].strip()
        if not text:
            if i > pos and not lines[i - 1].strip():
                break
            continue
        if cells and _task(text):
            return cells, i
        if not cells and not _task(text):
            return None
        cells.append((i, text))
        if len(cells) == cap:
            break
    return (cells, None) if cells else None


def _task(cell: str) -> bool:
    return len(cell) > 12 and cell.endswith(("。", "；", ";")) and not NUMBER.match(cell)


def _span(cells: list[tuple[int, str]], width: int, people: int, last: bool) -> list[tuple[int, str]] | None:
    """The lines of one row: as many as the columns, and the extra names of its people cell."""
    extra = 0
    if people > 0:
        while people + extra + 1 < len(cells) and _person(cells[people + extra + 1][1]) \
                and len(cells) - (people + extra + 2) >= width - people - 1:
            extra += 1
    span = cells[:width + extra]
    if len(span) < width or (not last and len(cells) != len(span)):
        return None
    if any(len(text) > _MAX_CELL or NUMBER.match(text) for _, text in span[1:]):
        return None
    return span


def _person(text: str) -> bool:
    return _PERSON.match(text) is not None and not is_unit_name(text)


def _texts(span: list[tuple[int, str]], width: int, people: int) -> list[str]:
    texts = [text for _, text in span]
    extra = len(texts) - width
    if extra:
        texts[people:people + extra + 1] = ["、".join(texts[people:people + extra + 1])]
    return texts
