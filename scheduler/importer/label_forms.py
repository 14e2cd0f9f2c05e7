"""Role labels written with their alternative word in brackets (issue #13 round 34):
"牵头科室(单位):计划科、科技资源统筹中心基建办", "责任部门（单位）：X" — the bracket only says the
label covers units of either kind; the label is read as the one before the bracket."""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

_KIND = r"(?:单位|部门|科室|处室|司局|股室)"
_ALT_LABEL = re.compile(either(
    r"((?:牵头|责任|主办|配合|协办|参与|协同|主责|主要责任)" + _KIND + r")\s*[（(]" + _KIND + r"[）)](?=\s*[:：])"))


def plain_labels(line: str) -> str:
    """"牵头科室(单位):X" → "牵头科室:X" (a line without such a label is returned as it is)."""
    if not ("):" in line or ")：" in line or "）:" in line or "）：" in line):
        return line  # most lines: no bracket right before a colon
    return _ALT_LABEL.sub(r"\1", line)
