"""The header of a " | " task table whose text columns are levels of one outline rather than a title
and its detail, or a single text column:

    工作要求 | 一级要点 | 二级要点 | 责任科室 |          (the last text column holds the numbered rows)
    具 体 要 求 | 责任科室 | ||                         (one text column; the groups have no header cell)

Read as rule_lines.read_grouped_rows reads "工作任务 | 具体要求 | 责任部门 |": the columns after the
last text column are the rows' cells after their text."""

from __future__ import annotations

import re

from scheduler.importer.columns import column_name
from scheduler.importer.table import _role

_LEVEL = re.compile(r"^[一二三四五]级(?:要点|任务|指标|目标|事项|内容)$")  # "二级要点": a level of the outline
_TEXT = ("title", "detail")
_AFTER = ("lead", "responsible", "cooperating", "deadline")


def level_header(line: str) -> list[str] | None:
    """Roles ["title", "detail", *the columns after the text] of such a header line, or None."""
    cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
    if len(cells) < 2 or len(cells) > 8:
        return None
    roles = [_role(c) for c in cells]
    first = next((i for i, r in enumerate(roles) if r in _AFTER), None)
    if first is None or first == 0 or any(r not in _AFTER for r in roles[first:]):
        return None
    texts = cells[:first]
    if not all(roles[i] in _TEXT or _LEVEL.match(column_name(c)) for i, c in enumerate(texts)):
        return None
    if not (len(texts) == 1 or any(_LEVEL.match(column_name(c)) for c in texts)):
        return None  # "工作任务 | 具体要求 | …": read by the table readers as it was
    return ["title", "detail", *[str(r) for r in roles[first:]]]
