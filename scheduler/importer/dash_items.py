"""Unnumbered items written as dash bullets: "--开展优化审批流程。……。(X牵头,Y负责)" or
"——清理规章。……(X牵头)". A bullet that closes with its own assignment bracket is a task of its
own, whatever heading it stands under; a dash line without one ("——坚持生态优先。") stays part
of the item or section it belongs to."""

from __future__ import annotations

import re

from scheduler.importer.clauses import closing_groups
from scheduler.importer.layout import RECORD

# "--" (two hyphen-minus, as some law-library copies write the dash), "——", "－－", "—"
_BULLET = re.compile(r"^(?:--|——|－－|—)\s*(?=[\u4e00-\u9fff“\"《])")


def dash_item(line: str) -> str | None:
    """The text of a dash bullet that closes with an assignment bracket, without its dash; None
    for any other line. A bullet marked as an unnumbered sentence (layout.RECORD) is one too."""
    line = line.removeprefix(RECORD)
    m = _BULLET.match(line)
    if m is None:
        return None
    text = line[m.end():]
    return text if closing_groups(text)[0] else None
