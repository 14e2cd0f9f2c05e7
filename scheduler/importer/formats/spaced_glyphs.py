"""A PDF line set with wide letter spacing (字间距 widened, a title spread out): pdfplumber puts a space
between every two characters ("某 区 2 0 2 1 年 重 点"), and no grammar reads that. When most gaps of a
line are such spaces, the line is rebuilt from its characters: gaps about as wide as the line's usual
one join, only a gap well wider (between cells, before a unit's name set apart) stays a space."""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import Any

_MIN_CHARS = 6


def letter_spaced(text: str, chars: list[dict[str, Any]], tolerance: float = 3.0) -> str:
    """`text` as extracted, or the line rebuilt from `chars` when it is letter-spaced."""
    glyphs = sorted((c for c in chars if str(c.get("text", "")).strip()), key=lambda c: float(c["x0"]))
    if len(glyphs) < _MIN_CHARS or text.count(" ") < 0.6 * (len(glyphs) - 1):
        return text
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in pairwise(glyphs)]
    usual = median(gaps)
    if usual <= tolerance:  # most characters stand close: the spaces are real
        return text
    size = max(float(c.get("size", 10.0)) for c in glyphs)
    wide = 1.5 * usual + 0.5 * size
    out = [str(glyphs[0]["text"])]
    for gap, glyph in zip(gaps, glyphs[1:], strict=True):
        out.append((" " if gap > wide else "") + str(glyph["text"]))
    return "".join(out)
