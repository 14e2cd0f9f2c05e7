"""A plan's digest stored as one line whose items are glued to each other (issue #13 round 52): each
item's assignment bracket runs straight into the next item's number or heading, without a space
(so layout.py's run-on split, which needs one, leaves the line whole):

    二、重点任务(一)……服务体系行动1.中医医院……建设,(责任单位:A、B等)2.……(责任单位:C)(二)……行动5.……

Such a line is cut after each assignment bracket that a number or a heading follows, and a heading
glued to its first item ("(一)……行动1.……", "二、重点任务(一)……") is cut from it. A line is read so
only when at least two of its brackets run into what follows them.
"""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM

_LABEL = r"(?:责任|牵头|配合|协办|参与)(?:单位|部门)"
# "(责任单位:A、B等)" closing, then the next item "2." or heading "(二)" / "三、"
_GLUED = re.compile(
    rf"[(（]{_LABEL}[:：][^()（）]{{1,150}}[)）](?=\d{{1,2}}[.．、](?!\d)|[(（][{CN_NUM}]{{1,3}}[)）]|[{CN_NUM}]{{1,3}}、)")
_LABELLED = re.compile(rf"[(（]{_LABEL}[:：]")
# a heading glued to what it heads: "(一)……行动" before "1.", "二、重点任务" before "(一)"
_HEAD = r"[^，,。；;：:()（）\d]"  # a heading's letters: no stop, bracket or digit
_GROUP_THEN_ITEM = re.compile(rf"^([(（][{CN_NUM}]{{1,3}}[)）]{_HEAD}{{2,24}}?)(\d{{1,2}}[.．](?!\d).*)$")
_SECTION_THEN_GROUP = re.compile(rf"^([{CN_NUM}]{{1,3}}、{_HEAD}{{2,12}}?)([(（][{CN_NUM}]{{1,3}}[)）].*)$")


def glued_lines(lines: list[str]) -> list[str]:
    """The lines with each glued line cut at its items and headings."""
    if not any(_LABELLED.search(ln) for ln in lines):
        return lines
    out: list[str] = []
    for ln in lines:
        cuts = [m.end() for m in _GLUED.finditer(ln)]
        if len(cuts) < 2:
            out.append(ln)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(ln)], strict=True):
            out += _headings_cut(ln[start:end])
    return out


def _headings_cut(part: str) -> list[str]:
    if m := _SECTION_THEN_GROUP.match(part):
        return [m[1], *_headings_cut(m[2])]
    if m := _GROUP_THEN_ITEM.match(part):
        return [m[1], m[2]]
    return [part]
