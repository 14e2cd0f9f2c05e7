""".csv task tables (UTF-8 with or without BOM, or GB18030 as Excel saves them in China)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scheduler.importer.formats.blocks import Block, grid
from scheduler.importer.formats.tables import column_kind, header_row


def looks_like_csv(text: str) -> bool:
    """A text whose first rows, split as CSV, hold a task table's header: a row of column names,
    not a paragraph copied with ASCII commas ("2.统筹协调,……,加强与责任单位的沟通联系,……。"),
    whose clauses may name a unit and a task by chance."""
    head = text[:8192].splitlines()[:6]
    if not any("," in ln or "\t" in ln for ln in head):
        return False
    rows = _rows("\n".join(head))
    at = header_row(rows)
    return at is not None and _column_names(rows[at])


def _column_names(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    known = sum(column_kind(c) is not None for c in cells)
    return not any("。" in c for c in cells) and 2 * known >= len(cells)


def read_csv(path: Path, text: str) -> list[Block]:
    return [grid(_rows(text))]


def _rows(text: str) -> list[list[str]]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]
