"""A page stored as one line whose only spaces are where its lines began (issue #13 round 23):
"…如下: (一)省X牵头的工作 强化……。 协同部门:A、B。 (二)省Y牵头的工作 ……"

layout.py splits such a line at items numbered "1、" or sections "一、"; a copy whose items are numbered
"(一)" "(二)" "(三)" — three or more, in order, each after a space — and whose sentences and label lines
are separated by spaces alone is split at every space instead. A later page of a paged copy goes on
with its numbering ("[接上页] 五、…… (二十六)…。(X牵头) (二十七)…", round 34): the run may start anywhere.
"""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM, cn_to_int

_SPACES = re.compile(r"[ \u3000]+")
_PAREN_ITEM = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]")
_LONG = 200  # a run-on page, not a line that happens to hold a space


def split_at_spaces(line: str) -> list[str] | None:
    """The lines of a run-on page numbered by "(一)" items, or None when `line` is not one."""
    if len(line) < _LONG:
        return None
    parts = [p for p in _SPACES.split(line.strip()) if p]
    numbers = [cn_to_int(m[1]) for p in parts if (m := _PAREN_ITEM.match(p))]
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return parts
    return None
