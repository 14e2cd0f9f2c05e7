"""A remark after the units of a bracket about how its lists are read (issue #13 round 65): a national
division's "(负责单位:A、B、C。未明确牵头单位的,由所列负责单位按职责分工负责,下同)" names no unit
in its second sentence — "未明确牵头单位的" and "所列负责单位" refer to the lists, not to units.

A later sentence of a bracket is such a remark when it opens with "未明确/未列明/未注明…的" or
"凡未…", speaks of the units listed ("所列负责单位", "上述单位", "以上部门"), or closes with ",下同".

Round 72: a province's 部门分工 意见 opens each bracket with the leaders who answer for it and adds a remark:
"(分管副省长、协管副秘书长负责,省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)". The leaders'
posts ("分管副省长", "协管副秘书长", "分管副市长") are people, not units (`without_leaders`), and a sentence that
opens with "明确…的" (the mirror of "未明确…的") or closes with "不逐一列出" / "不一一列出" is a remark.
"""

from __future__ import annotations

import re

_REMARK = re.compile(
    r"^(?:未(?:明确|列明|注明|写明|标明)[^，,。；;]{0,8}的|凡未)"
    r"|(?:所列|上述|以上)(?:的)?(?:负责|责任|牵头|配合)?(?:单位|部门)"
    r"|[，,]\s*下同$"
    r"|^(?:已)?明确[^，,。；;]{0,8}的[，,]|[，,]\s*不(?:再)?(?:逐一|一一)列出$")
# "分管副省长、协管副秘书长负责,": the leaders' posts opening a bracket, and their 负责
_POST = r"(?:分管|协管|主管|常务|協管|常務)?副?(?:省|市|县|區|区|州|縣|秘书|秘書)?[长長]"
_LEADERS = re.compile(rf"^(?:{_POST}[、和及]?)+(?:负责|負責)[，,；;]\s*(?=\S)")


def is_list_remark(sentence: str) -> bool:
    """Whether a bracket's later sentence is a remark about its lists, not an assignment."""
    return bool(_REMARK.search(sentence.strip()))


def without_leaders(clause: str) -> str:
    """A bracket's clause without the leaders who answer for it: "分管副省长、协管副秘书长负责,省科技厅牵头"
    → "省科技厅牵头"."""
    return _LEADERS.sub("", clause) if "长" in clause or "長" in clause else clause
