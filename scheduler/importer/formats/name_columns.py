"""A file table's name column beside its task's text (issue #13, the file readers after rounds 40 and 45).

The text reader reads a header cell "名称" (or "指标名称") alone as the row's name: the detail when
another column holds the task's text ("序号 | 名称 | 工作任务 | 主要责任单位": "城乡居民收入 | 全年城乡
居民人均可支配收入增长8%"), the title otherwise (columns.named); and a project's name beside what is
built this year ("项目名称 | 2024年建设内容") is the title, the 内容 its detail. A file's table names
two text columns for a parent over its measures ("重点任务 | 具体措施", the parent's cell merged down
over them), so these two are told apart by the name column's cells: a name column whose cells do
not repeat down the rows (no merged cell) names each row, as the text reader reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from scheduler.importer import columns as col
from scheduler.importer.columns import column_name, words

_TEXT = ("task", "measure")
_DETAIL = re.compile(words(col.DETAIL))


def refine_names(kinds: dict[int, str], header: Sequence[str], body: Sequence[Sequence[str]]) -> None:
    """Set the kinds of a name column and the text column beside it, in place."""
    text = [i for i, k in sorted(kinds.items()) if k in _TEXT]
    if len(text) != 2 or _merged(body, text[0]):
        return
    first, other = text
    names = [column_name(header[i]) for i in text]
    if names[0] in col.NAME or names[1] in col.NAME:  # "名称 | 工作任务": the task is the title, the name its detail
        name = first if names[0] in col.NAME else other
        kinds[name], kinds[other if name == first else first] = "detail", "task"
    elif "名称" in names[0] and _DETAIL.search(names[1]):  # "项目名称 | 建设内容"
        kinds[first], kinds[other] = "task", "detail"


def _merged(body: Sequence[Sequence[str]], i: int) -> bool:
    """The column's cells repeat down the rows: a cell merged over several (a parent over its measures)."""
    cells = [r[i].strip() for r in body if i < len(r)]
    return any(a and a == b for a, b in pairwise(cells))
