"""Two units of one place run together without their "、" (issue #13 round 58): a township's list
"协作部门:镇工业办公室,镇城建办镇农技站" lost the stop between its last two names.

A name opening with a place level (镇, 乡, 区, 县, 市) is parted where the same level word opens a second
name right after an office's ending (办, 站, 所, 局, 队, 中心, 院, 馆), both halves being units' names:
"镇城建办镇农技站" → 镇城建办, 镇农技站. A joint body ("市委市政府督查室", "区委区政府") is never parted:
its first half ends in 委 or 府.
"""

from __future__ import annotations

from scheduler.importer.vocab import is_unit_name

_LEVELS = "镇乡区县市"
_OFFICE_ENDS = ("办", "站", "所", "局", "队", "中心", "院", "馆")


def glued_names(name: str) -> list[str]:
    """`name` parted into the units run together in it, or [name]."""
    if len(name) < 6 or name[0] not in _LEVELS or name.count(name[0]) < 2:
        return [name]
    for i in range(3, len(name) - 2):
        left, right = name[:i], name[i:]
        if name[i] == name[0] and left.endswith(_OFFICE_ENDS) and is_unit_name(left) and is_unit_name(right) \
                and not right.startswith("市场"):  # "县市场监管局" is no city's; "……局市场科" is the bureau's own
            return [left, *glued_names(right)]
    return [name]
