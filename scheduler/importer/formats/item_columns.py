"""Two column roles of a task table that its header names only by way of its cells (formats/tables.py).

- numbered items: "民生事项名称 | 2022年度任务目标" or "工作任务 | 具体要求", where every row's first text
  cell is an item of its own ("14.改扩建泉山学校…", "1.行政规范性文件集中公开"): numbered, and no two
  rows share it (a merged group cell repeats in the rows it spans; a cell merged across its row is no
  item). That cell is the task and the second text its detail, not a group over the second
  (column_roles' reading of "工作任务 | 具体要求").
- a remarks column as the deadline: "备注" cells that hold only a deadline phrase ("11月底前完成"), in a
  table without a deadline column, are the rows' deadlines, as the text reader's rule_lines.py reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.assign import is_deadline
from scheduler.importer.columns import column_name

_ITEM = re.compile(r"^\d{1,3}[.．、](?!\d)\s*\S")


def refine_items(kinds: dict[int, str], header: Sequence[str], body: Sequence[Sequence[str]]) -> None:
    """The two roles above, set in `kinds` (column index → kind)."""
    _numbered_items(kinds, body)
    _remarks(kinds, header, body)


def _numbered_items(kinds: dict[int, str], body: Sequence[Sequence[str]]) -> None:
    task = next((i for i, k in kinds.items() if k == "task"), None)
    measure = next((i for i, k in kinds.items() if k == "measure"), None)
    if task is None or measure is None or "detail" in kinds.values():
        return
    cells = [r[task].strip() for r in body if task < len(r) and _own(r, task)]
    if cells and all(_ITEM.match(c) for c in cells) and len(set(cells)) == len(cells):
        kinds[measure] = "detail"


def _remarks(kinds: dict[int, str], header: Sequence[str], body: Sequence[Sequence[str]]) -> None:
    if "deadline" in kinds.values():
        return
    for i, name in enumerate(header):
        if i in kinds or column_name(name) != "备注":
            continue
        cells = [r[i].strip() for r in _rows(body) if i < len(r) and r[i].strip()]
        if cells and all(is_deadline(c) for c in cells):
            kinds[i] = "deadline"
            return


def _rows(body: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """The rows of tasks: not a category row, whose one text spans the table."""
    return [r for r in body if len({c.strip() for c in r if c.strip()}) > 1]


def _own(row: Sequence[str], i: int) -> bool:
    """The row's cell i holds a text of its own: not empty, not a merged cell's text repeated across
    the row (a category row, a page's "索引号: | …" row below the table in a PDF)."""
    text = row[i].strip()
    return bool(text) and sum(c.strip() == text for c in row) == 1
