"""Space-separated task tables as a progress report copies them (table.py reads the rest).

A county's list of key tasks, reported on each quarter, pasted as text:

    序号 重点工作任务 牵头  领导 牵头   责任单位 主体   责任单位 配合   责任单位 工作评价 10-12月份进展情况 备注
    81 推进X。 甲  乙   丙 县卫健委 各乡镇
    县开发区
    县直有关单位 达到时序进度 加强…… 做好……

- a header cell the page wrapped keeps the wrap as a wider gap ("牵头  领导"): one name;
- a column named after a reporting period ("2023年10-12月份进展情况", "1-3月份进度安排") is the
  report's, not the plan's, and a "工作评价" column is the report's verdict;
- a row's cell wrapped onto lines of its own goes on in the next lines, which begin with a unit's
  name: a line holding that name alone is the rest of the cell it broke from ("各乡镇" / "县开发区"),
  a line of several cells carries the row on, also when its first cell lists several names
  ("区发改委、区经信局,区农投公司。 2023年12月底", listed_units.py);
- the report's cells after the last units' cell are not read, so a blank one (备注) shifts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.cells import NUMBER
from scheduler.importer.listed_units import unit_list
from scheduler.importer.vocab import is_unit_name

_ONE_CHAR = re.compile(r"^[\u4e00-\u9fff]$")
_GAP = re.compile(r"(\s+)")
# "牵头" / "领导", "主体" / "责任单位": a role word, then the column's noun after a wider gap
_QUALIFIER = re.compile(r"^(?:牵头|主办|配合|协办|协同|参与|主体|主责|责任)$")
_NOUN = re.compile(r"^(?:领导|责任人|(?:责任)?(?:单位|部门|科室|处室))$")
_PERIOD = re.compile(
    r"^(?:(?:\d{4,5}年)?(?:\d{1,2}(?:-\d{1,2})?月份?|第?[一二三四1-4]季度)|当前|目前)(?:工作)?(?:进展|进度|完成|落实)")


def header_cells(line: str) -> list[str]:
    """The names of a space-separated header: letters spread out over a cell ("工 作 任 务") and a
    name the page wrapped at a wider gap ("牵头  领导") are one name each."""
    parts = _GAP.split(line.strip())
    cells: list[str] = []
    for i in range(0, len(parts), 2):
        token, gap = parts[i], parts[i - 1] if i else ""
        spread = bool(_ONE_CHAR.match(token) and _ONE_CHAR.match(parts[i - 2]))  # "工 作 任 务"
        wrapped = len(gap) >= 2 and _QUALIFIER.match(cells[-1] if cells else "") and _NOUN.match(token)
        if cells and (spread or wrapped):
            cells[-1] += token
        else:
            cells.append(token)
    return cells


def period_column(name: str) -> bool:
    """A column of a progress report named after its period: "2023年10-12月份进展情况", "当前进度" (round 52)."""
    return bool(_PERIOD.match(name))


def continued(lines: Sequence[str], pos: int) -> tuple[str, int]:
    """The row at lines[pos] with the lines its cells wrapped onto, and the index after them."""
    row, end = lines[pos], pos + 1
    while end < len(lines) and (nxt := lines[end].split()) and not NUMBER.match(nxt[0]) and (
            is_unit_name(nxt[0]) or (len(nxt) > 1 and unit_list(nxt[0]))):  # "A、B,C。 2023年12月底" (round 64)
        row = f"{row}、{nxt[0]}" if len(nxt) == 1 else f"{row} {lines[end].strip()}"
        end += 1
    return row, end


def without_report(tokens: list[str], roles: list[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """A row's cells up to its last units' cell when only the report's columns follow it."""
    last = max((i for i, r in enumerate(roles) if r in labels), default=-1)
    if last < 0 or last == len(roles) - 1 or any(r != "skip" for r in roles[last + 1:]):
        return tokens, roles
    end = max((i for i in range(2, len(tokens)) if is_unit_name(tokens[i])), default=-1)
    if end < 0:
        return tokens, roles
    return tokens[:end + 1], roles[:last + 1]
