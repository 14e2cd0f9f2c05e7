"""A run-on page whose items are numbered "(一)" and which holds fewer than three of them (issue #13
round 43): a city's list page stores the notice and the plan's start on one line, their lines kept as
spaces — "……制定本方案。 一、以互助共进为基础创新市域合作 (一)统筹旗区协同发展。……(责任单位:X,Y)".
run_on.py splits such a page at every space only when three "(一)" "(二)" "(三)" follow each other;
here the first section's heading, after a sentence's end, and its first "(一)" item mark the page:
it is split before "一、", before "(一)" and before each next "(二)" "(三)" in order, after a space.
"""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM, cn_to_int

_LONG = 200  # a run-on page, not a line that happens to hold a space
# "。 一、heading (一)": the heading a short phrase without a sentence's end
_START = re.compile(r"(?<=[。：:])\s+(?=一、[^。；;：:\s]{2,30}\s+[（(]一[）)])")
_HEADING_END = re.compile(r"^(一、[^。；;：:\s]{2,30})\s+(?=[（(]一[）)])")
_NEXT = re.compile(rf"\s+(?=[（(]([{CN_NUM}]+)[）)])")


def split_first_items(line: str) -> list[str] | None:
    """The lines of a run-on page starting "一、heading (一)……", or None when `line` is not one."""
    if len(line) < _LONG:
        return None
    start = _START.search(line)
    if start is None:
        return None
    rest = line[start.end():]
    heading = _HEADING_END.match(rest)
    if heading is None:
        return None
    out = [line[:start.start()].strip(), heading[1]]
    items, number, begin = rest[heading.end():], 1, 0
    for m in _NEXT.finditer(items):
        if cn_to_int(m[1]) == number + 1:
            out.append(items[begin:m.start()].strip())
            begin, number = m.end(), number + 1
    return [*out, items[begin:].strip()]
