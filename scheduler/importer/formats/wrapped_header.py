"""A file table's header cell whose name goes on in the row below (issue #13, the file readers after round 45).

The text reader reads "项目" / "名称" on two header lines as one 项目名称 column (narrow_header.py). A
sheet or a Word table does the same with two header rows: "序号 | 项目 | 内容 | 牵头单位" over
" | 名称 | | " (or with the other heading cells merged down over both rows). The cell below goes on
with the name above when it is a short column word itself ("名称", "单位", "时限") and the two
together name a column ("项目名称", "责任单位", "完成时限"); a data row's cell ("县住建局", "推进") is none.
"""

from __future__ import annotations

from collections.abc import Callable

from scheduler.importer import columns as col
from scheduler.importer.columns import column_name

Kind = Callable[[str], "str | None"]


def continues(above: str, below: str, kind: Kind) -> bool:
    """The header cell `below` goes on with the name of the cell `above` it."""
    up, down = column_name(above), column_name(below)
    if not up or not down or len(down) > 4 or any(c.isdigit() for c in down):
        return False
    return (kind(down) is not None or down in col.UNIT_WORD) and kind(up + down) is not None
