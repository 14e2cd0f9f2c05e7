"""Named places sharing one kind of department (issue #13 round 43): a task list written by three cities
together closes an item with "责任单位:海东市、兰州市、临夏州发展改革部门" — each city's own 发展改革部门,
three units, as "銀川市、石嘴山市、吳忠市人民政府" share "人民政府" (shared_gov.py, round 39). Applied after
share_government: a bare place name not followed by a named place's department stays as written. The kind
must not start with a level word (so "兰州市X局" is 兰州市's X局, never 兰州's "市X局") and ends as a
department's name ends: 部门, 局, 委, 委员会, 办, 办公室 (a zone's "管委会" is no kind)."""

from __future__ import annotations

import re

_PLACE = r"[\u4e00-\u9fff]{1,8}?(?:市|县|縣|区|區|州|旗|盟)"
_BARE_PLACE = re.compile(rf"^(?![各全本有相])({_PLACE})$")
_KIND = r"(?![市县縣区區州旗盟])[\u4e00-\u9fff]{1,10}?(?:部[门門]|局|委(?:[员員][会會])?|[办辦](?:公室)?)"
_PLACE_DEPT = re.compile(rf"^(?![各全本有相])({_PLACE})({_KIND})$")


def share_department(parts: list[str]) -> list[str]:
    """Give a run of bare named places the kind of department of the named place right after them."""
    out: list[str] = []
    run: list[str] = []
    for part in parts:
        name = part.strip()
        if _BARE_PLACE.match(name) and len(name) >= 3:
            run.append(name)
            continue
        dept = _PLACE_DEPT.match(name)
        if run and dept and len(dept[1]) >= 3:
            out += [f"{place}{dept[2]}" for place in run]
        else:
            out += run
        run = []
        out.append(part)
    return out + run
