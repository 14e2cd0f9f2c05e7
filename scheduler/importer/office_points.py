"""A zone's page of its offices' yearly tasks (issue #13 round 53): each office is a heading
"(一)综合办公室(党群工作部、监察室)" (the bracket holds the other names the same office bears), a
label line "(1)年度主要任务与要求:" and one line of points run together, "①……;②……;③……。".
Each point is a task of that office: the line is laid out as items "1.……" each followed by a
"责任单位：" line, as duty_headings.py does for a heading that names whose duties follow."""

from __future__ import annotations

import re

from scheduler.importer.numerals import CN_NUM
from scheduler.importer.vocab import is_unit_name

_OFFICE = re.compile(rf"^[（(][{CN_NUM}]{{1,3}}[）)](?P<unit>[\u4e00-\u9fff]{{2,14}})(?:[（(][^（）()]*[）)])?$")
_LABEL = re.compile(
    r"^[（(]?\d[）)]?[、.．]?(?:年度|全年)?(?:主要|重点)?(?:工作)?(?:任务|目标)(?:[与和及](?:工作)?要求)?[:：]$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_POINT = re.compile(rf"[{_CIRCLED}]")


def office_points(lines: list[str]) -> list[str]:
    if not any(ln.startswith("①") for ln in lines):
        return lines
    out: list[str] = []
    unit = ""
    for i, ln in enumerate(lines):
        if m := _OFFICE.match(ln):
            unit = m["unit"] if is_unit_name(m["unit"]) and _points_follow(lines, i + 1) else ""
            if unit:  # the office's other names are no assignment of its own
                out.append(ln[: m.start("unit")] + unit)
                continue
        elif unit and _LABEL.match(ln):
            continue  # "(1)年度主要任务与要求:": the label of the points below
        elif unit and (points := _points(ln)):
            for n, point in enumerate(points, 1):
                out += [f"{n}.{point}。", f"责任单位：{unit}"]
            continue
        elif not ln.startswith(("①", "(", "（")):
            unit = ""
        out.append(ln)
    return out


def _points_follow(lines: list[str], i: int) -> bool:
    """The office's heading is followed by its points' line (after a label line, if any)."""
    rest = [ln for ln in lines[i:i + 2] if ln]
    if rest and _LABEL.match(rest[0]):
        rest = rest[1:]
    return bool(rest) and bool(_points(rest[0]))


def _points(line: str) -> list[str]:
    """"①A;②B;③C。" → [A, B, C] when the line is two points or more, each closed by ";" "；" or "。"."""
    if not line.startswith("①"):
        return []
    parts = [p.strip() for p in _POINT.split(line)[1:]]
    if len(parts) < 2 or not all(re.search(r"[;；。]$", p) for p in parts[:-1]):
        return []
    return [p.rstrip(";；。 ") for p in parts if p.rstrip(";；。 ")]
