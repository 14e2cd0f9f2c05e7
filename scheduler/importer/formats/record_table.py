"""A task written as a table of label / value rows ("具体任务 | 全面落实…", "责任单位 | 卫健局、文旅局",
"完成时限 | …1月底前完成"; "重点工作: | 135.统筹…", "牵头单位: | 市城市管理综合执法局"): one task, its
fields down the first column (a row the header words do not name, "进展情况、存在问题…", may be among
them). Its text is each label on a line (without its colon) and its value on the lines after, the
record the text reader's grammar reads; a title row above it (one text across) stays a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scheduler.importer.columns import column_name

_UNITS = ("lead", "responsible", "cooperating")
_TEXTS = ("task", "measure")


KindOf = Callable[[str], "str | None"]  # tables.column_kind: a header cell's field


def _label(cell: str, kind_of: KindOf) -> str | None:
    name = column_name(cell.strip().rstrip(":：").strip())  # a label alone, not "责任单位：市发改委"
    return kind_of(name) if name and len(name) <= 12 and not any(c in name for c in ":：") else None


def _cells(row: Sequence[str]) -> list[str]:
    out: list[str] = []
    for cell in (c.strip() for c in row):
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


def record_lines(rows: Sequence[Sequence[str]], kind_of: KindOf) -> list[str] | None:
    """The lines of a label / value table, or None when `rows` are not one: most rows of two texts
    start with a field's label, among them a unit column's and a task's, and no row has three."""
    cells = [_cells(r) for r in rows]
    pairs = [c for c in cells if len(c) >= 2]
    if len(pairs) < 2 or any(len(c) > 2 for c in cells):
        return None
    kinds = [k for k in (_label(c[0], kind_of) for c in pairs) if k is not None]
    if 2 * len(kinds) <= len(pairs) or not any(k in _UNITS for k in kinds) or not any(k in _TEXTS for k in kinds):
        return None
    lines: list[str] = []
    for row in cells:
        if len(row) == 2:  # the label on a line of its own, without its colon ("牵头单位:" → "牵头单位")
            row = [row[0].rstrip(":：").strip(), row[1]]
        lines += [part for cell in row for part in cell.splitlines() if part.strip()]
    return lines
