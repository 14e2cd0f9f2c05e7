"""Unnumbered paragraphs that each open with the unit doing the work (issue #13 round 58): a district
divides its 村庄环境整治 among its offices as

    现将区各有关单位在村庄环境整治工作中的任务作如下明确:
    区住建局负责全区村庄环境整治总协调工作,指导督查……。
    区委农办要结合全区“三新”建设任务,负责指导督查……。
    区财政局负责村庄环境整治专项经费的落实,……。

After a line announcing the division ("……如下:", "……如下明确:"), a run of three or more paragraphs
whose subjects are units ("X负责……", "X要……", "A、B负责……") are tasks, one a paragraph, as numbered
items whose sentence opens with their unit are (subject_items.py, round 53): each becomes an item
numbered in order with its unit as responsible; the title keeps the unit ("区住建局负责……").
"""

from __future__ import annotations

import re

from scheduler.importer.names import split_names
from scheduler.importer.vocab import GENERIC, is_unit_name

_INTRO = re.compile(r"如下(?:明确)?[:：]$")
_SUBJECT = re.compile(r"^(?P<units>[\u4e00-\u9fff][^，,。；;：:“”（）()]{1,40}?)(?:负责|要(?!求))")
_NUMBERED = re.compile(r"^(?:[\d一二三四五六七八九十]|[（(])")
_LEAST = 3


def duty_paragraphs(lines: list[str]) -> list[str]:
    """The lines with each announced run of unit-first paragraphs numbered and labelled."""
    if not any(_INTRO.search(ln) for ln in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        run = _run(lines, i + 1) if _INTRO.search(lines[i]) else []
        for n, (line, units) in enumerate(run, start=1):
            out += [f"{n}.{line}", f"责任单位：{'、'.join(units)}"]
        i += 1 + len(run)
    return out


def _run(lines: list[str], start: int) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for line in lines[start:]:
        units = _subject(line)
        if not units:
            break
        found.append((line, units))
    return found if len(found) >= _LEAST else []


def _subject(line: str) -> list[str]:
    """The units a paragraph opens with, or [] ("各单位要……", a numbered line, a heading)."""
    if _NUMBERED.match(line) or not (m := _SUBJECT.match(line)):
        return []
    names = split_names(m["units"])
    ok = names and all(is_unit_name(n) and not GENERIC.match(n) and not n.startswith("各") for n in names)
    return names if ok else []
