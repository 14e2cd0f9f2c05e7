"""A PDF task table that goes on over the next page: its part on each page joins the last one.

Word and LibreOffice repeat the header on each page (one row or two), may break a row at the page's
end (its rest opens the next page without a 序号), and do not repeat the text of a cell merged down
across the page break (the next page's part of it is blank).
"""

from __future__ import annotations

import re
from itertools import pairwise

from scheduler.importer.formats.headers import stacked
from scheduler.importer.formats.tables import column_kind, header_row
from scheduler.importer.vocab import is_unit_name

Rows = tuple[tuple[str, ...], ...]
_ENDED = ("。", "！", "？", "；", "”", "）", ")", ".")
_PART = re.compile(r"[、，,；;\s]")
_CARRIED = ("lead", "deadline")  # columns a task table fills on every row: blank only under a merge


def header_end(rows: Rows, head: int) -> int:
    """The last row of the header at rows[head] (a header may take two rows)."""
    return stacked([list(r) for r in rows], head, column_kind)[1]


def continued(last: Rows, rows: Rows) -> Rows:
    """The rows of the table so far with the next page's rows (its repeated header already dropped)."""
    head = header_row([list(r) for r in last])
    if head is None or len(last) <= header_end(last, head) + 1 or not rows:
        return last + rows
    kinds = [column_kind(name) for name in stacked([list(r) for r in last], head, column_kind)[0]]
    number = kinds.index("number") if "number" in kinds else None
    if number is None:
        return last + rows
    above, first = last[-1], rows[0]
    if (joined := _split_row(above, first, number)) is not None:
        return (*last[:-1], joined, *rows[1:])
    if _numbered(first[number]) and _numbered(above[number]):  # a merged lead or deadline cell the page broke
        first = tuple(a if not b.strip() and kind in _CARRIED else b
                      for a, b, kind in zip(above, first, kinds, strict=True))
    return (*last, first, *rows[1:])


def _numbered(cell: str) -> bool:
    """A task row's 序号 ("3", "3."), not a category's ("二、营商环境")."""
    return cell.strip().rstrip(".．、").isdigit()


def _split_row(above: tuple[str, ...], first: tuple[str, ...], number: int) -> tuple[str, ...] | None:
    """A row the page broke: its rest opens the next page's table without a 序号 of its own, under a
    row that has one, and each of its cells goes on from an unfinished cell above (no 。 at its end).
    The two parts are one row, cell by cell (a wrapped text goes on without a break)."""
    if first[number].strip() or not above[number].strip() or not any(c.strip() for c in first):
        return None
    if any(b and (not a or a.endswith(_ENDED)) for a, b in zip(above, first, strict=True)):
        return None  # a cell above that is complete: the next page's row stands alone (a 序号 spanning rows)
    return tuple(a + ("\n" if names_apart(a, b) else "") + b if a and b else a or b
                 for a, b in zip(above, first, strict=True))


def names_apart(prev: str, line: str) -> bool:
    """A units cell lists one name a line ("市市场监管局" / "市税务局"): a line that ends with a unit's
    name, followed by one that starts with one, was broken by the writer, not by the cell's width."""
    last, first = _PART.split(prev)[-1], _PART.split(line)[0]
    return is_unit_name(last) and is_unit_name(first)


def line_pitch(tops: list[float]) -> float:
    """A page's usual distance from one line to the next (the median), 0 when it has too few lines."""
    steps = sorted(b - a for a, b in pairwise(tops) if b > a)
    return steps[len(steps) // 2] if len(steps) >= 4 else 0.0


def empty_line_between(top: float, next_top: float, pitch: float) -> bool:
    """Two lines of a page with room for another between them: an empty paragraph the writer left
    (a plan pasted from a web page keeps a table's cells apart with them)."""
    return pitch > 0 and 1.8 * pitch < next_top - top < 8 * pitch
