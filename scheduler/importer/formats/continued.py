"""A task table that goes on in a second table without its header: a Word table split in two (by the
author, or by a paste page by page), an HTML page's table cut by the site's editor, a "续表" on the next
page. The second table's rows are the first's when nothing but a page number or "续表" stands between
them, both are as wide, and its rows carry numbers where the first table's 序号 column stands."""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.formats.blocks import Block, Table, grid
from scheduler.importer.formats.tables import column_kind, header_row
from scheduler.importer.formats.unruled import PAGE_NUMBER

_GOES_ON = re.compile(r"^(?:[（(]?续(?:表|上表)?[）)]?(?:\s*\d{0,2})?|续表[：:]?.{0,30})$")  # "续表" "（续上表）"
_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.．、]?\s*$")


def join_continued(blocks: Sequence[Block]) -> list[Block]:
    out: list[Block] = []
    last: int | None = None  # the index in `out` of the last task table, while only page furniture follows it
    for block in blocks:
        if not isinstance(block, Table):
            out.append(block)
            if not _between(block):
                last = None
            continue
        previous = out[last] if last is not None else None
        if last is not None and isinstance(previous, Table) and _continues(previous, block):
            del out[last + 1:]  # the page number or "续表" between the parts
            out[-1] = Table(previous.rows + block.rows)
            continue
        out.append(block)
        last = len(out) - 1 if header_row(block.rows) is not None else None
    return out


def _continues(first: Table, then: Table) -> bool:
    if not then.rows or len(then.rows[0]) != len(first.rows[0]) or header_row(then.rows) is not None:
        return False
    head = header_row(first.rows)
    if head is None:
        return False
    number = next((i for i, name in enumerate(first.rows[head]) if column_kind(name) == "number"), None)
    if number is None:
        return False
    return any(_NUMBER.match(row[number]) for row in then.rows)


def goes_on(blocks: Sequence[Block], rows: list[list[str]]) -> bool:
    """Whether a table without a header (read as text unless it is kept) continues the last task table:
    for a reader that keeps only task tables (a page's layout tables are read as text)."""
    for block in reversed(blocks):
        if isinstance(block, Table):
            return bool(rows) and _continues(block, grid(rows))
        if not _between(block):
            return False
    return False


def _between(line: str) -> bool:
    """Page furniture between the parts of a table: a page number, "续表"."""
    text = line.strip()
    return bool(PAGE_NUMBER.match(text) or _GOES_ON.match(text))
