"""Automatic numbering of .docx paragraphs, which python-docx's `paragraph.text` drops (FACTS §9):
the number each numbered paragraph shows, from numPr (its own or its style's) and numbering.xml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from scheduler.importer.formats.tables import cn_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TIAN_GAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """The numbering definitions of one document and the counters while its body is read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    abstract_of: dict[str, str] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → startOverride
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstractNum → counts per level

    def prefix(self, p: Any) -> str:
        """The number shown before paragraph `p` (a w:p element), "" when it has none."""
        num_id, ilvl = self._num_of(p)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, [0] * 9)
        if counts[ilvl] == 0:
            counts[ilvl] = self.starts.get((num_id, ilvl), levels[ilvl].start)
        else:
            counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for i in range(ilvl, -1, -1):
            lv = levels.get(i, level)
            shown = counts[i] or lv.start
            text = text.replace(f"%{i + 1}", _format(lv.fmt if i != ilvl else level.fmt, shown))
        return text

    def _num_of(self, p: Any) -> tuple[str | None, int]:
        ppr = p.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        inherited = self.style_num.get(style.get(f"{W}val", "")) if style is not None else None
        num_id, ilvl = inherited if inherited else (None, 0)
        if num_pr is not None:
            nid, lvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
            if nid is not None:
                num_id = nid.get(f"{W}val")
            if lvl is not None:
                ilvl = _int(lvl.get(f"{W}val"), 0)
        return num_id, max(0, min(ilvl, 8))


def _format(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting"):
        return cn_number(n)
    if fmt == "ideographTraditional":
        return _TIAN_GAN[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def load_numbering(document: Any) -> Numbering:
    """Definitions from a python-docx Document's numbering and styles parts."""
    out = Numbering()
    try:  # by relationship: python-docx's numbering_part property raises when the part is absent
        numbering = document.part.part_related_by(RT.NUMBERING).element
    except (KeyError, AttributeError):
        return out
    abstract: dict[str, dict[int, _Level]] = {}
    for an in numbering.findall(f"{W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in an.findall(f"{W}lvl"):
            fmt, text, start = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText"), lvl.find(f"{W}start")
            levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
                fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                text.get(f"{W}val", "") if text is not None else "",
                _int(start.get(f"{W}val") if start is not None else None, 1))
        abstract[an.get(f"{W}abstractNumId", "")] = levels
    for num in numbering.findall(f"{W}num"):
        num_id = num.get(f"{W}numId", "")
        ref = num.find(f"{W}abstractNumId")
        aid = ref.get(f"{W}val", "") if ref is not None else ""
        out.levels[num_id] = abstract.get(aid, {})
        out.abstract_of[num_id] = aid  # lists of one definition count on, unless restarted
        for override in num.findall(f"{W}lvlOverride"):
            out.abstract_of[num_id] = num_id
            start = override.find(f"{W}startOverride")
            if start is not None:
                out.starts[(num_id, _int(override.get(f"{W}ilvl"), 0))] = _int(start.get(f"{W}val"), 1)
    _style_numbering(document, out)
    return out


def _style_numbering(document: Any, out: Numbering) -> None:
    try:
        styles = document.styles.element
    except (KeyError, AttributeError):
        return
    for style in styles.findall(f"{W}style"):
        ppr = style.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is None:
            continue
        nid, lvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
        if nid is not None:
            out.style_num[style.get(f"{W}styleId", "")] = (
                nid.get(f"{W}val", ""), _int(lvl.get(f"{W}val") if lvl is not None else None, 0))
