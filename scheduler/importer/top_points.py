"""Items numbered "1）" or "（1）" — points in official documents (GB/T 9704's fourth level), but the
only numbering of some short plans and notices. "1）" at a line's start is written "（1）" (the form the
walker knows); a document with no higher numbering whose "（1）" points follow on from 1 has them as
its items ("1．")."""

from __future__ import annotations

import re
from itertools import pairwise

from scheduler.importer.numerals import CN_NUM

_HALF = re.compile(r"^(\d{1,2})[）)](?=[\u4e00-\u9fff“（(])")
_POINT = re.compile(r"^[（(](\d{1,2})[）)]\s*(?=\S)(.*)$")
_HIGHER = re.compile(rf"^(?:[{CN_NUM}]+[、．.]|[（(][{CN_NUM}]+[）)]|\d{{1,3}}[.．、](?![\d.．])|第[{CN_NUM}]+[条章])")
_MIN_POINTS = 3


_OPENERS = frozenset(CN_NUM + "（(第0123456789")  # the first characters of any numbering above


def top_points(lines: list[str]) -> list[str]:
    lines = [_HALF.sub(r"（\1）", ln) if ln[:1].isdigit() else ln for ln in lines]
    numbered = [(i, ln) for i, ln in enumerate(lines) if ln[:1] in _OPENERS]
    if any(_HIGHER.match(ln) for _, ln in numbered):
        return lines
    found = {i: m for i, ln in numbered if (m := _POINT.match(ln))}
    numbers = [int(m[1]) for m in found.values()]
    if len(numbers) < _MIN_POINTS or numbers[0] != 1 or sum(b == a + 1 for a, b in pairwise(numbers)) < 0.8 * (
            len(numbers) - 1):
        return lines
    return [f"{m[1]}．{m[2]}" if (m := found.get(i)) else ln for i, ln in enumerate(lines)]
