"""Two named places joined by 和 sharing one government (issue #13 round 53): "(牵头、责任单位:章贡区和
赣县人民政府)" names two units, 章贡区人民政府 and 赣县人民政府, as "A区、B区政府" does with a list
(shared_gov.py). Only a government is shared this way: "X和Y局" stays to names.py's reading of 和."""

from __future__ import annotations

import re

_PLACE = r"(?![各全本有相该])[\u4e00-\u9fff]{1,6}?(?:市|县|縣|区|區|旗)"
_PAIR = re.compile(rf"^(?P<a>{_PLACE})[和与及](?P<b>{_PLACE})(?P<gov>(?:人民)?政府)$")


def pair_places(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        m = _PAIR.match(part.strip())
        out += [m["a"] + m["gov"], m["b"] + m["gov"]] if m else [part]
    return out
