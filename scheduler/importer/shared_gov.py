"""Named places sharing one government (issue #13 round 39): in "(X牵头,A、銀川市、石嘴山市、吳忠市人民政府、
B配合)" the bare place names before "吳忠市人民政府" share its "人民政府" — three units, as "A区、B区政府"
in a sentence. A bare place name not followed by a named place's government stays as written ("銀川市、
石嘴山市配合"), and level words without a place ("各市、县人民政府") are rejoin_places' collectives. A named
place's department is shared the same way (round 40): "襄阳市、十堰市、随州市、神农架林区发改委" are four 发改委;
so is a kind of 部门 (round 43: "海东市、兰州市、临夏州发展改革部门"). A place has three characters or more, so
"兰州市财政局" is 兰州市's 财政局, never 兰州's "市财政局" (and "丽江市市场监管局" stays 丽江市's 市场监管局)."""

from __future__ import annotations

import re

_PLACE = r"[\u4e00-\u9fff]{2,8}?(?:市|县|縣|区|區|州|旗|盟)"
_BARE_PLACE = re.compile(rf"^(?![各全本有相])({_PLACE})$")
_ORGAN = r"(?:人民)?政府|[\u4e00-\u9fff]{1,12}?(?:委员会|委|局|厅|办公室|办|部[门門])"  # not a zone's "管委会"
_PLACE_GOV = re.compile(rf"^(?![各全本有相])({_PLACE})({_ORGAN})$")


def share_government(parts: list[str]) -> list[str]:
    """Give a run of bare named places the government (or department) of the named place right after them."""
    out: list[str] = []
    run: list[str] = []
    for part in parts:
        name = part.strip()
        if _BARE_PLACE.match(name) and len(name) >= 3:
            run.append(name)
            continue
        gov = _PLACE_GOV.match(name)
        if run and gov and len(gov[1]) >= 3:
            out += [f"{place}{gov[2]}" for place in run]
        else:
            out += run
        run = []
        out.append(part)
    return out + run
