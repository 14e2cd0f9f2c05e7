""".csv task tables (UTF-8 with or without BOM, or GB18030 as Excel saves them in China)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from scheduler.importer.columns import OTHER, column_name
from scheduler.importer.copies import cut_at_width
from scheduler.importer.formats.blocks import Block, grid
from scheduler.importer.formats.column_roles import detail_kind
from scheduler.importer.formats.record_table import record_lines
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
    if at is None:  # a label / value sheet ("责任单位,卫健局、文旅局") is one task's record
        try:
            return record_lines(_rows("\n".join(text[:8192].splitlines())), column_kind) is not None
        except csv.Error:  # noise: a bare carriage return, a stray quote
            return False
    if len(rows) == len(head) and cut_at_width(text[:8192].splitlines()[:60], at):
        return False  # a paragraph cut at one width whose clauses look like names (round 32)
    return _column_names(rows[at])


def _column_names(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    # a column's name is short: "地区、各部门要根据分工" is a clause of prose cut by a copy (round 32)
    known = sum(_named(c) and len(column_name(c)) <= 10 for c in cells)
    return not any("。" in c for c in cells) and 2 * known >= len(cells)


def _named(cell: str) -> bool:
    """A column's name: of a field, a task's detail ("具 体 要 求"), or a column not read ("备注", "完成情况")."""
    name = column_name(cell)
    return column_kind(cell) is not None or detail_kind(cell) is not None or name in OTHER


def read_csv(path: Path, text: str) -> list[Block]:
    return [grid([_spread(r) for r in _rows(text)])]


_HEADING = re.compile(r"^[一二三四五六七八九十]+、\S")


def _spread(row: list[str]) -> list[str]:
    """A category row ("一、年底前专项工作任务") spans the sheet's table, but its export keeps the text
    in the first cell only: spread across the row again, as the sheet's merged cell reads."""
    texts = [c for c in row if c.strip()]
    if len(row) > 2 and len(texts) == 1 and row[0].strip() and _HEADING.match(row[0].strip()):
        return [row[0]] * len(row)
    return row


def _rows(text: str) -> list[list[str]]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]
