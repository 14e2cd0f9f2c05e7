"""Label values written with spaces between units, and a labelled requirement naming the lead.

"责任单位:市发改委 五县五区政府 开发区管委会": three units, spaces the only separator;
"工作要求:由市发改委牵头,并负责报进度": the requirement names which of them leads;
"配合单位:市公安局、市城管局 实际完成情况:……" (a page stored as one line): the units end at the space
before the next field.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scheduler import phrases
from scheduler.importer.vocab import either, is_unit_name

if TYPE_CHECKING:
    from scheduler.importer.assign import Assignment

_SPACES = re.compile(r"[ \u3000]+")
_NAME_SEP = re.compile(r"[、，,]")
_LEADS = re.compile(either(r"^由([\u4e00-\u9fff（）()]{2,25}?)牵头(?:负责|落实)?(?=[，,。；;]|$)"))


def spaced_names(part: str) -> list[str]:
    """The units of a list separated only by spaces, when every piece is a unit's name of three
    characters or more ("市 发改委", one name spaced, stays as written)."""
    pieces = _SPACES.split(part.strip())
    if len(pieces) > 1 and all(len(p) >= 3 and is_unit_name(p) for p in pieces):
        return pieces
    return [part]


def lead_from_requirement(value: str, out: Assignment) -> None:
    """"工作要求:由X牵头,…": X leads (moved out of the responsible units); any other requirement
    assigns nothing."""
    if (m := _LEADS.match(value.strip())) and is_unit_name(name := m[1]):
        if name in out.responsible:
            out.responsible.remove(name)
        if name not in out.lead:
            out.lead.append(name)


def leading_units(value: str) -> str:
    """A label's value up to the first space-separated piece that is not a list of units' names
    ("市财政局 实际完成情况:中心设备调试……" → "市财政局", "各区政府 鄞州 海曙 合计" → "各区政府"):
    on a page stored as one line the next field follows after a space. A value whose first piece
    names no unit ("市 发改委"), or whose rest starts with a deadline, is kept as written."""
    pieces = _SPACES.split(value.strip())
    kept = 0
    while kept < len(pieces) and all(n and is_unit_name(n) for n in _NAME_SEP.split(pieces[kept].strip("、，,"))):
        kept += 1
    rest = " ".join(pieces[kept:])
    found = phrases.find_all(rest)
    if kept == 0 or kept == len(pieces) or (found and rest.startswith(found[0])):
        return value
    return " ".join(pieces[:kept])
