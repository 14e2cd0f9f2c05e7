"""Months standing alone on lines of an item: the cells of its time-limit column (round 63).

    17.实行……免除学费。(牵头单位:市教育局;责任单位:市财政局)
    继续落实……。1.出台政策……。2.……。3.……。4.……。      (具体工作内容)
    加强领导,建立机制。……                                 (工作措施)
    3月 / 孟晖 / 6月 / 9月 / 12月                         (完成时限 merged down over the steps; 总责任人)

A page that gives each cell a paragraph leaves each month of the 完成时限 cells on a line of its own:
each such month is a deadline of the item (the month's end), not words of its text.
"""

from __future__ import annotations

import re

_MONTH = re.compile(r"^((?:\d{4}\s*年\s*)?\d{1,2}\s*月)份?$")


def month_cells(lines: list[str]) -> tuple[list[str], list[str]]:
    """The item's lines without the months that stand alone after its first line, and those months
    as deadlines ("3月" → "3月底")."""
    months = [f"{m[1]}底" for ln in lines[1:] if (m := _MONTH.match(ln.strip()))]
    if not months:
        return lines, []
    return [lines[0], *(ln for ln in lines[1:] if not _MONTH.match(ln.strip()))], months
