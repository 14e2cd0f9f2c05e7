"""Label values written with spaces between units, and a labelled requirement naming the lead.

"责任单位:市发改委 五县五区政府 开发区管委会": three units, spaces the only separator;
"工作要求:由市发改委牵头,并负责报进度": the requirement names which of them leads.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scheduler.importer.vocab import either, is_unit_name

if TYPE_CHECKING:
    from scheduler.importer.assign import Assignment

_SPACES = re.compile(r"[ \u3000]+")
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
