"""One row of a task table copied one cell per line (a web page's table saved as text): which
lines are its cells.

A cell may stand on several lines: a page puts each unit of a 责任单位 cell on a line of its own,

    1 / 启动建设……工程。 / 县水务局 / 县住建局 / 县护城河指挥部 / 12月底前

and a row may go on with a second one that shares its number and units (merged cells):

    5 / 开工建设县老年养护楼。 / 县民政局 / 5月底前动工 / 开工建设老年大学。 / 12月底前
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from scheduler.importer.assign import is_deadline, starts_with_deadline
from scheduler.importer.sub_rows import sub_item_rows
from scheduler.importer.vocab import is_unit_name

NUMBER = re.compile(r"^[（(]?\d{1,3}[）)]?[.．、]?$")
UNIT_ROLES = ("lead", "responsible", "cooperating")
_HEADER_START = ("序号", "编号")


def row_cells(lines: Sequence[str], pos: int, roles: list[str]) -> tuple[list[list[str]], int]:
    """The cells of the row numbered at lines[pos], and of a row that goes on with it; the index
    of the line after them."""
    if (sub_items := sub_item_rows(lines, pos, roles)) is not None:
        return sub_items  # a name merged down over sub-items, each with its unit (sub_rows.py)
    merges = _merging(tuple(roles))
    cells = [lines[pos]]
    pos += 1
    while pos < len(lines):
        if ln := lines[pos]:
            more = merges[len(cells) - 1] and is_unit_name(ln)  # "县水务局" / "县住建局": one cell
            if not more and (len(cells) >= len(roles) or _next_row(ln, cells, roles) or ln in _HEADER_START):
                break  # "序号": the header again where the page's table goes on
            if more:
                cells[-1] += f"、{ln}"
            else:
                cells.append(ln)
        pos += 1
    rows = [cells]
    if len(cells) == len(roles) and (more_row := _continued(lines, pos, roles, cells)) is not None:
        rows.append(more_row[0])
        pos = more_row[1]
    return rows, pos


def _next_row(line: str, cells: list[str], roles: list[str]) -> bool:
    """A number that starts the next row. In a column the table does not read (a project's "年度投资金额"
    | "300", round 40) a number is that row's cell unless it is the next row's number."""
    if not NUMBER.match(line):
        return False
    if roles[len(cells)] != "skip":
        return True
    return _digits(line) == _digits(cells[0]) + 1


def _digits(cell: str) -> int:
    return int(re.sub(r"\D", "", cell) or -1)


@functools.lru_cache(maxsize=64)
def _merging(roles: tuple[str, ...]) -> tuple[bool, ...]:
    """For each column: whether a unit's name on the next line still belongs to it (a units'
    column not followed by another units' column)."""
    return tuple(role in UNIT_ROLES and (i + 1 >= len(roles) or roles[i + 1] not in UNIT_ROLES)
                 for i, role in enumerate(roles))


def _continued(lines: Sequence[str], pos: int, roles: list[str], cells: list[str]) -> tuple[list[str], int] | None:
    """A second row of the same number and units: as many lines as the row has columns of its own
    (the task's text, its deadline), none a number or a unit, the deadline a dated phrase."""
    own = [i for i, role in enumerate(roles) if role != "number" and role not in UNIT_ROLES]
    if not own or roles[own[-1]] != "deadline" or roles[own[0]] == "deadline":
        return None
    found: list[str] = []
    while pos < len(lines) and len(found) < len(own):
        if lines[pos]:
            if NUMBER.match(lines[pos]) or is_unit_name(lines[pos]):
                return None
            found.append(lines[pos])
        pos += 1
    if len(found) < len(own) or not (is_deadline(found[-1]) or starts_with_deadline(found[-1])) \
            or is_deadline(found[0]):
        return None
    row = list(cells)
    for i, text in zip(own, found, strict=True):
        row[i] = text
    return row, pos
