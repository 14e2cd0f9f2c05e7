"""Plans numbered as outlines, as technical, departmental and enterprise plans are: "1 总体要求" /
"1.1 推行企业开办…（X牵头）" / "1.1.1 …". The walker reads the levels official documents write
(GB/T 9704: "一、", "（一）", "1．"), so an outline is written in them: "2 …" → "二、…", "2.3 …" →
"（三）…", "2.3.1 …" → "1．…". Only a document whose outline numbers follow on (1.1, 1.2, 2.1 …)
is rewritten; a decimal at a line's start ("3.5 万亩") is no number."""

from __future__ import annotations

import re
from itertools import pairwise

from scheduler.importer.numerals import int_to_cn

_NUMBERED = re.compile(r"^(\d{1,2})[.．](\d{1,2})(?:[.．](\d{1,2}))?[.．、]?[ \t\u3000]*(?=[\u4e00-\u9fff“（(])(.*)$")
_HEADING = re.compile(r"^(\d{1,2})[ \t\u3000]+([\u4e00-\u9fff][^。；;，,]{1,30})$")
_MIN_ITEMS = 3


def outline_lines(lines: list[str]) -> list[str]:
    found = {i: m for i, ln in enumerate(lines) if ln[:1].isdigit() and (m := _NUMBERED.match(ln))}
    if len(found) < _MIN_ITEMS or not _follows_on([(int(m[1]), int(m[2])) for m in found.values()]):
        return lines
    tops = {int(m[1]) for m in found.values()}
    out = []
    for i, ln in enumerate(lines):
        if (m := found.get(i)) is not None:
            out.append(f"{m[3]}．{m[4]}" if m[3] else f"（{int_to_cn(int(m[2]))}）{m[4]}")
        elif (h := _HEADING.match(ln)) and int(h[1]) in tops:
            out.append(f"{int_to_cn(int(h[1]))}、{h[2]}")
        else:
            out.append(ln)
    return out


def _follows_on(numbers: list[tuple[int, int]]) -> bool:
    """Most outline numbers go on from the one before: the next point, or the next part's first
    (a point at the third level repeats its parent's pair)."""
    steps = 0
    for (n, m), (n2, m2) in pairwise(numbers):
        steps += (n2, m2) in ((n, m), (n, m + 1), (n + 1, 1))
    return numbers[0][1] == 1 and steps >= 0.8 * (len(numbers) - 1)
