"""A department's scored target table as a document site extracts it (issue #13 round 53): the table
"各部门履行职能目标任务分解表(林业局)" comes out as long lines whose items run into each other, each
closed by its score — "定量工作1.……。(10分)2.……。(10分)自评分 考核得分 定性工作1.……" — and the site
cuts its text into numbered chunks ("1、……(20" / "2、23分)……") wherever a chunk is full.

The chunks are joined again, the line is cut after each score and before an item glued to the group
heading in front of it, and the unit the table's title names in brackets is each item's unit (a
"责任单位：" line after each item, as duty_headings.py does under a heading naming whose tasks follow)."""

from __future__ import annotations

import re

from scheduler.importer.vocab import is_unit_name

_SCORE = re.compile(r"[（(]\d{1,3}(?:\.\d)?分[）)]")
_ITEM = re.compile(r"(?<![\d.．])(\d{1,2})[.．](?!\d)")
_OWNER = re.compile(r"(?:目标任务|工作任务|目标责任)(?:分解表|清单|书)[（(](?P<unit>[^（）()\s]{2,12})[）)]")
_CHUNK = re.compile(r"^(\d{1,2})、")
_ENDS = "。；;）)”！？"


def scored_items(lines: list[str]) -> list[str]:
    if not any(len(_SCORE.findall(ln)) >= 2 for ln in lines):
        return lines
    lines = _joined_chunks(lines)
    out: list[str] = []
    unit = ""
    for ln in lines:
        if len(_SCORE.findall(ln)) < 2:
            if (m := _OWNER.search(ln)) and is_unit_name(m["unit"]):  # the table's title on a line of its own
                unit = m["unit"]
            out.append(ln)
            continue
        for part in _cut(ln):
            if (m := _OWNER.search(part)) and is_unit_name(m["unit"]):
                unit = m["unit"]
            out.append(part)
            if unit and _ITEM.match(part):
                out.append(f"责任单位：{unit}")
    return out


def _joined_chunks(lines: list[str]) -> list[str]:
    """"1、……(20" / "2、23分)……": a site's numbered chunks, each long and cut mid-sentence, are one text."""
    text = [ln for ln in lines if ln.strip()]
    numbers = [int(m[1]) if (m := _CHUNK.match(ln)) else 0 for ln in text]
    if len(text) < 2 or numbers != list(range(1, len(text) + 1)):
        return lines
    if any(len(ln) < 150 or ln.rstrip()[-1] in _ENDS for ln in text[:-1]):
        return lines
    return ["".join(_CHUNK.sub("", ln, count=1) for ln in text)]


def _cut(line: str) -> list[str]:
    """The line cut after each score and before the first item of a group heading glued to it."""
    parts: list[str] = []
    for piece in re.split(r"(?<=分[）)])", line):
        piece = piece.strip()
        m = _ITEM.search(piece)
        if m and m.start() > 0 and "。" not in piece[:m.start()]:  # "……考核得分 定性工作1.……"
            parts += [piece[:m.start()].strip(), piece[m.start():]]
        elif piece:
            parts.append(piece)
    return [p for p in parts if p]
