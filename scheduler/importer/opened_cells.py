"""A web table copied a cell per line, each cell closed by " |", whose rows also open with a rule
(issue #13 round 46): the first cell of every row keeps the row's opening "| " —

    | 序号 |            (the header's first cell)
    责任单位 |
    …
    | 1 |               (each row's number)
    区民政局 |

The opening rule is dropped from such one-cell lines ("| 序号 |" → "序号 |", "| 1 |" → "1 |"), so
the table reads as the cell-per-line tables closed by " |" that table.py knows. Only a document
with a "| 序号 |" line is touched; a line holding two cells or more ("| 序号 | 工作任务 |") is a
table's row written on one line and stays as it is.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\|\s*(?:序号|序號|编号|編號)\s*\|$")
_ONE_CELL = re.compile(r"^\|\s*(?P<cell>[^|]*[^|\s])\s*\|$")


def opened_rows(lines: list[str]) -> list[str]:
    """The lines with the opening rule of one-cell lines dropped, when a "| 序号 |" header is there."""
    if not any(ln.startswith("|") and _HEADER.match(ln) for ln in lines):
        return lines
    return [f"{m['cell']} |" if ln.startswith("|") and (m := _ONE_CELL.match(ln)) else ln for ln in lines]
