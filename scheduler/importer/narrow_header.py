"""A table copied one cell per line whose narrow header cells wrapped ("牵头" / "部门", "完成" / "时间",
"项目" / "类别"), and whose rows leave out the category column after the number (a cell merged over
its group, or left empty, is no line of the copy):

    序号 / 项目 / 类别 / 具 体 内 容 / 牵头 / 部门 / 相关责任部门 / 完成 / 时间
    108 / 继续全面推进素质教育 / 教育局 / 13个街道、镇 / 2010年
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from scheduler.importer import columns as col
from scheduler.importer.columns import column_name, words

_CATEGORY_END = re.compile(rf"(?:{words(col.CATEGORY)})$")


def header_name(lines: Sequence[str], pos: int, role: Callable[[str], str | None]) -> tuple[str, str | None, int]:
    """The header cell at lines[pos], its role and the index after it. A name of two letters goes on
    in the next cell of two letters when that one alone names no column, or names a category
    ("项目" / "类别": the 项目类别 column, a category)."""
    first = column_name(lines[pos])
    nxt = pos + 1
    while nxt < len(lines) and not lines[nxt]:
        nxt += 1
    second = column_name(lines[nxt]) if nxt < len(lines) else ""
    if len(first) == 2 == len(second) and role(first) != "number" \
            and (role(second) is None or _CATEGORY_END.search(second)) and role(first + second) is not None:
        joined = first + second
        return joined, "skip" if _CATEGORY_END.search(joined) else role(joined), nxt + 1
    if _wrapped_tail(first, second, role):
        return first + second, role(first + second), nxt + 1
    return first, role(first), pos + 1


_PEOPLE_TAIL = re.compile(rf"^(?:{words(col.PEOPLE)})$")


def _wrapped_tail(first: str, second: str, role: Callable[[str], str | None]) -> bool:
    """A wider header cell wrapped before its last word (round 28): "责任" / "领导" (persons: not the
    责任 column), "攻坚目标" / "任务" (one text column), "第二季度" / "完成情况" (a name that alone
    names no column)."""
    if not 2 <= len(second) <= 4 or len(first) > 6 or role(first) == "number" or not second:
        return False
    joined = role(first + second)
    if joined is None:
        return False
    if role(first) is None:
        return len(second) == 4 or role(second) is None
    if len(second) != 2:
        return False
    return (joined == "skip" and bool(_PEOPLE_TAIL.match(second))) \
        or (joined == role(first) == "title" and role(second) in ("title", "name"))  # "项目" / "名称" (round 45)


def without_category(roles: list[str], first_row: list[str], is_deadline: Callable[[str], bool]) -> list[str]:
    """The roles of rows that leave out the category column after the number: the first row has one
    cell fewer than the header, and its last cell is the deadline the header ends with."""
    if len(roles) > 3 and roles[1] == "skip" and roles[-1] == "deadline" and len(first_row) == len(roles) - 1 \
            and is_deadline(first_row[-1]):
        return [roles[0], *roles[2:]]
    return roles
