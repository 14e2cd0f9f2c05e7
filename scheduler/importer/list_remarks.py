"""A remark after the units of a bracket about how its lists are read (issue #13 round 65): a national
division's "(负责单位:A、B、C。未明确牵头单位的,由所列负责单位按职责分工负责,下同)" names no unit
in its second sentence — "未明确牵头单位的" and "所列负责单位" refer to the lists, not to units.

A later sentence of a bracket is such a remark when it opens with "未明确/未列明/未注明…的" or
"凡未…", speaks of the units listed ("所列负责单位", "上述单位", "以上部门"), or closes with ",下同".
"""

from __future__ import annotations

import re

_REMARK = re.compile(
    r"^(?:未(?:明确|列明|注明|写明|标明)[^，,。；;]{0,8}的|凡未)"
    r"|(?:所列|上述|以上)(?:的)?(?:负责|责任|牵头|配合)?(?:单位|部门)"
    r"|[，,]\s*下同$")


def is_list_remark(sentence: str) -> bool:
    """Whether a bracket's later sentence is a remark about its lists, not an assignment."""
    return bool(_REMARK.search(sentence.strip()))
