"""Points counted "一是……二是……" that each close with their own assignment (issue #13 round 54):

    (一)加强家庭保护。
    一是强化家庭教育指导。编制实施……。(市委宣传部、市教育体育局、市妇联按照职责分工负责)
    二是加大就业创业帮扶力度。……。(市人力资源社会保障局负责)

Each such line is a task of its own and the heading above it their group, as if the points were
numbered "1." (under a "(一)" item or a section) or "(1)" (under a "1." item): the line is given that
number, and its title loses the "一是". A point counted so must follow the one before it (一是 first,
then 二是 …), and it and every point before it must close with an assignment bracket; points that
assign nothing ("一是正确处理政府与市场的关系。……", a plan's principles) stay as they are, in the
paragraph they belong to.
"""

from __future__ import annotations

import re

from scheduler.importer.clauses import closing_groups
from scheduler.importer.numerals import CN_NUM, cn_to_int

_POINT = re.compile(r"^([一二三四五六七八九十]{1,3})是(?![的否非])(\S.*)$")
_SECTION = re.compile(rf"^[{CN_NUM}]+[、．.]")
_ITEM = re.compile(rf"^[（(][{CN_NUM}]+[）)]")
_SUB = re.compile(r"^\d{1,3}[.．、](?!\d)")


def ordinal_points(lines: list[str]) -> list[str]:
    """The lines with each assigned "N是" point numbered as the level below its heading."""
    if not any(ln.startswith(("一是", "二是")) for ln in lines):
        return lines
    out: list[str] = []
    under_sub, last, counted = False, 0, True  # counted: every point of this run so far was assigned
    for ln in lines:
        point = _POINT.match(ln)
        if point is None:
            if _SECTION.match(ln) or _ITEM.match(ln) or _SUB.match(ln):
                under_sub, last, counted = bool(_SUB.match(ln)), 0, True
            out.append(ln)
            continue
        n = cn_to_int(point[1])
        if n == 1:
            last, counted = 0, True
        if n != last + 1:
            out.append(ln)
            continue
        last = n
        counted = counted and bool(closing_groups(ln)[0])
        out.append((f"({n}){point[2]}" if under_sub else f"{n}.{point[2]}") if counted else ln)
    return out
