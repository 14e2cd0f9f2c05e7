"""Items marked otherwise than by a number: "任务一：……" / "第二项：……" labels and "●" / "■" / "◆" bullets
(platform exports, PPT-made plans, WeChat posts). Three such lines or more are numbered "1．" "2．" …
in order (bullets start again from 1 under each "一、" or "（一）" heading), so that the walker reads each
as an item."""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM, cn_to_int

_LABELLED = re.compile(rf"^(?:任务|事项|措施|工作|第)([{CN_NUM}]{{1,3}}|\d{{1,2}})项?\s*[：:、．.]\s*(?=\S)(.*)$")
_BULLET = re.compile(r"^[●■◆•▲★◇□▪▶►✓√◎○◉]\s*(?=[\u4e00-\u9fff“（(])(.*)$")
_MIN_ITEMS = 3


_LABEL_FIRST = frozenset("任事措工第")
_BULLETS = frozenset("●■◆•▲★◇□▪▶►✓√◎○◉")


def marked_items(lines: list[str]) -> list[str]:
    labelled = {i: m for i, ln in enumerate(lines) if ln[:1] in _LABEL_FIRST and (m := _LABELLED.match(ln))}
    if len(labelled) >= _MIN_ITEMS:
        numbers = [int(m[1]) if m[1].isdigit() else cn_to_int(m[1]) for m in labelled.values()]
        if numbers[0] == 1 and numbers == sorted(numbers):
            lines = [f"{n}．{m[2]}" if (m := labelled.get(i)) and (n := _number(m[1])) else ln
                     for i, ln in enumerate(lines)]
    if sum(1 for ln in lines if ln[:1] in _BULLETS and _BULLET.match(ln)) < _MIN_ITEMS:
        return lines
    out, n = [], 0
    for ln in lines:
        if m := _BULLET.match(ln):
            n += 1
            out.append(f"{n}．{m[1]}")
        else:
            n = 0 if ln.strip() and not _goes_on(ln) else n
            out.append(ln)
    return out


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def _goes_on(line: str) -> bool:
    """A bullet item's own next line (its bracket, a wrapped sentence), not a heading between lists."""
    return not re.match(rf"^(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)])", line)
