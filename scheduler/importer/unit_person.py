"""A label that names the units and their responsible people together (issue #13 round 46):

    责任单位及责任人:呈贡县政府、市发改委、市公安消防支队主要领导。
    责任单位及责任人:盘龙区政府主要领导。

"责任单位及责任人" ("和责任人", "、责任人", "/责任人") reads as the unit label before it ("责任单位:"); the
people written after the names ("主要领导", "分管领导", "主要负责人", "负责人", "主要负责同志" — of each unit
named, or of all of them at the list's end) are people, not part of a unit's name, and are dropped.
"""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

_LABEL = re.compile(either(
    r"^((?:牵头|责任|主办|配合|协办|参与|协同|主责)(?:单位|部门|科室|处室|股室))\s*(?:及|和|与|、|/)\s*(?:主要)?责任人"
    r"(?=\s*[:：])"))
_LEADER, _HEAD = r"[领領][导導]", r"[负負][责責](?:人|同志)"
_PERSON = re.compile(rf"(?:的)?(?:(?:主要|分管){_LEADER}|主要{_HEAD}|[负負][责責]人)(?=\s*(?:[、，,；;。.]|$))")


def unit_label(line: str) -> str:
    """"责任单位及责任人:X主要领导。" → "责任单位:X。" (any other line is returned as it is)."""
    if "责任人" not in line and "責任人" not in line:
        return line  # most lines
    m = _LABEL.match(line)
    if m is None:
        return line
    rest = line[m.end():].lstrip()  # ":X主要领导。" (the label is followed by its colon)
    return m[1] + rest[0] + _PERSON.sub("", rest[1:])


def strip_people(text: str) -> str:
    """A list of units without the people written after the names: "A、B主要领导" → "A、B"."""
    return _PERSON.sub("", text)
