"""A 整改 list stored as one line whose field labels run into each other (issue #13 round 61: a
document site's copy of a 整改措施清单, every break of the original lost):

    ……清单一、认识不深(一)问题……。整改目标:……。责任单位:A、B,C责任人:……整改时限:立行立改,长期坚持整改措施:……1.……

Such a line is cut before each label (and a heading "一、认识不深" glued to its first item "(一)" is
cut from both sides), so each field stands on its own line as in the lists the importer reads. A
line is read so only when it holds at least three different labels, two of them a 整改 list's own
(整改目标, 整改措施, 整改时限, 整改要求), and one of them runs straight on from the words before it
(a 民生实事 ledger's "牵头领导:… 责任单位:… 项目责任人:…" is left alone); a label inside brackets is too.
"""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM

_LABELS = ("整改目标", "整改措施", "整改时限", "整改要求", "整改责任单位", "责任单位", "责任领导", "责任人",
           "牵头单位", "配合单位", "完成时限", "牵头领导")
_LABEL = re.compile("(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")(?=[:：])")
# "清单一、认识不深(一)……": a section heading between the words before it and the first item
_HEADING = re.compile(rf"(?<=[^\s{CN_NUM}、])([{CN_NUM}]{{1,3}}、[^，,。；;：:()（）\d]{{2,12}}?)"
                      rf"(?=[(（][{CN_NUM}]{{1,3}}[)）])")


def glued_fields(lines: list[str]) -> list[str]:
    """The lines with each glued 整改 line cut before its labels and around its headings."""
    out: list[str] = []
    for ln in lines:
        cuts = _cuts(ln)
        if not cuts:
            out.append(ln)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(ln)], strict=True):
            if part := ln[start:end].strip():
                out.append(part)
    return out


def _cuts(ln: str) -> list[int]:
    if ln.count("整改") < 2:
        return []  # two of a 整改 list's own labels at least: a substring test first, for speed
    found = [m for m in _LABEL.finditer(ln) if not _inside_brackets(ln, m.start())]
    names = {m[0] for m in found}
    if len(names) < 3 or len({n for n in names if n.startswith("整改")}) < 2:
        return []  # a 整改 list names at least two of its own fields (整改目标, 整改时限 …)
    if not any(m.start() > 0 and ln[m.start() - 1] not in "。；;，, \t" for m in found):
        return []  # every label opens its clause: a line the importer already reads
    cuts = {m.start() for m in found if m.start() > 0}
    for h in _HEADING.finditer(ln):
        cuts |= {h.start(), h.end()}
    return sorted(cuts)


def _inside_brackets(ln: str, at: int) -> bool:
    before = ln[:at]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")
