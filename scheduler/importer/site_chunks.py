"""A document site's preview cut into numbered chunks (issue #13 round 58): the site stores a DOCX's text
as "1、……" / "2、……" / "3、……", each chunk as long as the site's page and cut wherever it is full —
inside an item ("加大监督监" / "2、测力度,……"), inside a unit's name ("主体责任单位:各村" / "3、(居)").

The chunk numbers are no items: a run of lines numbered 1、2、3、… from 1, each but the last long
(≥150 letters) and ending without a stop, is one text again, so its items ("1.……。牵头部门:X 协作部门:Y")
are read as the page wrote them. scored_items.py joins the chunks of a scored table the same way.
"""

from __future__ import annotations

import re

_CHUNK = re.compile(r"^(\d{1,2})、")
_ENDS = "。；;）)”！？!?:："  # a chunk that ends a sentence or a bracket may be an item of the text's own
_LONG = 150
# a PDF's line break left as a space inside a sentence ("全 镇森林防火", "秸 秆"): gone, unless what follows
# opens something of its own (an item "2.", a section "二、" "(一)", a label "协作部门:")
_SPACE = re.compile(r"(?<=\S) (?![\d]{1,2}[.．、](?!\d)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                    r"|[\u4e00-\u9fff]{2,6}[:：])")
# "……配备车辆。2.挂村镇干部、各村委会:……。3.镇消防队:……": items glued after a stop, numbered in order
# (the first of them may follow a space: "一、值守安排 1.……。2.……")
_GLUED_ITEM = re.compile(r"(?:(?<=。)|\s)(?=(\d{1,2})[.．](?!\d))")


def joined_site_chunks(lines: list[str]) -> list[str]:
    """The lines with each run of a site's numbered chunks joined into one line."""
    if sum(1 for ln in lines if ln.startswith("1、") and len(ln) >= _LONG) == 0:
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _run_end(lines, i)
        if end > i + 1:
            text = _SPACE.sub("", "".join(_CHUNK.sub("", ln, count=1) for ln in lines[i:end]))
            out += _items_cut(text)
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def _items_cut(text: str) -> list[str]:
    """The joined text cut before each item glued to the stop before it, when they follow in order."""
    found = list(_GLUED_ITEM.finditer(text))
    cuts = [(m.end(), int(m[1])) for m in found]
    numbers = [n for _, n in cuts]
    if len(cuts) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))) \
            or all(m[0].isspace() for m in found):  # items after spaces only: layout.py's run-on split reads them
        return [text]
    starts = [0, *(c for c, _ in cuts)]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _run_end(lines: list[str], start: int) -> int:
    """The end of a chunk run starting at `start` ("1、", long, cut mid-sentence …), else `start`."""
    number, i = 1, start
    while i < len(lines) and (m := _CHUNK.match(lines[i])) and int(m[1]) == number:
        ln = lines[i].rstrip()
        i, number = i + 1, number + 1
        if len(ln) < _LONG or ln[-1] in _ENDS:  # the last chunk: short, or ending as the text ends
            break
    return i if number > 2 and all(len(lines[j]) >= _LONG for j in range(start, i - 1)) else start
