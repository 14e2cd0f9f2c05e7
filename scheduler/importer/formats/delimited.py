""".csv task tables (UTF-8 with or without BOM, or GB18030 as Excel saves them in China)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scheduler.importer.formats.blocks import Block, grid
from scheduler.importer.formats.tables import is_task_table


def looks_like_csv(text: str) -> bool:
    """A text whose first rows, split as CSV, hold a task table's header."""
    head = text[:8192].splitlines()[:6]
    if not any("," in ln or "\t" in ln for ln in head):
        return False
    return is_task_table(_rows("\n".join(head)))


def read_csv(path: Path, text: str) -> list[Block]:
    return [grid(_rows(text))]


def _rows(text: str) -> list[list[str]]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]
