"""A row of a table copied one cell per line whose name cell is merged down over sub-items (round 63).

    9 / 深化……改革和提高低保补助标准 / 完成在职参保人数6300人 / 区人社局 / 6300人 / 7558 / 119%
      / 完成征缴基金10000万元 / 区人社局 / 10000万 / 7965 / 80%
      / 城市低保……月均达到300元/人 / 区民政局 / 100% / 100% / 已达到

The merged name is the group; each sub-item (the text just before a unit's name, where the row's
units cell would be) is a row of its own with that unit, the cells after it up to the next sub-item
its other columns. Read only when the table has one units column, right after the task's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.vocab import MASS_ORGS, is_unit_name

_NUMBER = re.compile(r"^[（(]?(\d{1,3})[）)]?[.．、]?$")  # as cells.NUMBER: a row's number alone on its line
_UNITS = ("lead", "responsible", "cooperating")
_HEADER = ("序号", "编号")
_MASS_ORG = re.compile(rf"(?:{MASS_ORGS[1:]})$")  # "县残联", "区妇联": units whose names end otherwise


def _unit(name: str) -> bool:
    return is_unit_name(name) or bool(_MASS_ORG.search(name))


def sub_item_rows(lines: Sequence[str], pos: int, roles: list[str]) -> tuple[list[list[str]], int] | None:
    """The sub-item rows of the row numbered at lines[pos] and the index after them; None when the
    row's units cell holds a unit (an ordinary row) or fewer than two sub-items are there."""
    if roles[:2] != ["number", "title"] or len(roles) < 4 or roles[2] not in _UNITS \
            or any(r in _UNITS for r in roles[3:]) or (first := _NUMBER.match(lines[pos])) is None:
        return None
    cells: list[tuple[int, str]] = []  # (index, text) of the row's non-empty lines, the number first
    at = pos
    while at < len(lines) and len(cells) < 8 * len(roles):
        if ln := lines[at]:
            if cells and (ln in _HEADER or ((m := _NUMBER.match(ln)) and int(m[1]) == int(first[1]) + 1)):
                break  # the next row's number, or the header again where the page's table goes on
            cells.append((at, ln))
        at += 1
    texts = [text for _, text in cells]
    starts = _starts(texts, len(roles))
    if len(starts) < 2:
        return None
    rows: list[list[str]] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else min(len(texts), start + len(roles) - 1)
        own = texts[start:end][:len(roles) - 1]
        rows.append([texts[0], *own, *[""] * (len(roles) - 1 - len(own))])
    last = starts[-1] + min(len(texts) - starts[-1], len(roles) - 1) - 1
    return rows, cells[last][0] + 1


def _starts(texts: list[str], columns: int) -> list[int]:
    """Where each sub-item stands: the third cell (after the number and the merged name) when it is
    no unit and a unit follows it, and every later cell like it within a row's width of the last."""
    if len(texts) < 4 or _unit(texts[2]) or _NUMBER.match(texts[2]) or not _unit(texts[3]):
        return []
    starts = [2]
    for j in range(4, len(texts) - 1):
        if j - starts[-1] >= 2 * columns:
            break  # cells no sub-row can hold (a header's names may run together): the table has ended
        if j - starts[-1] >= 2 and _unit(texts[j + 1]) and not _unit(texts[j]):
            starts.append(j)
    return starts
