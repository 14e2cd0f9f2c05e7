"""A heading that names whose duties the points under it are (issue #13 round 44): a 责任制 plan
lists each level's work under "(一)县(市、区)政府的主要任务" / "1、负责研究部署……。" / "2、……", and
"(二)市直各部门的职责" / "1、……": each numbered point under it is a task of that unit, which is
written as a "责任单位：" line after the point's first line (as bracketed.py does for "(一)X牵头的工作").

A page showing each department's 目标责任书 names the department on a line of its own above the
book's heading (round 52): "市卫生局" / "2011年重点工作目标责任书(4项)" / "1、……。" — the points are that unit's."""

from __future__ import annotations

import re

from scheduler.importer.names import split_names
from scheduler.importer.numerals import CN_NUM
from scheduler.importer.vocab import is_unit_name

_DUTY_HEADING = re.compile(
    rf"^[（(][{CN_NUM}]+[）)](?P<unit>.{{2,24}}?)的(?:主要|具体|重点)?(?:工作)?(?:任务|职责|職責)[。.：:]?$")
_SUB = re.compile(r"^\d{1,2}[.．、](?!\d)")
_NEXT = re.compile(rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、)")
# "2011年重点工作目标责任书(4项)": a book's heading under the line naming its unit
_BOOK = re.compile(r"^(?:\d{4}年度?)?[\u4e00-\u9fff]{0,10}目标(?:管理)?责任书(?:[（(]\d{1,2}项[）)])?$")


def duty_headings(lines: list[str]) -> list[str]:
    if not any("任务" in ln or "职责" in ln or "職責" in ln or "责任书" in ln for ln in lines):
        return lines
    out: list[str] = []
    label = ""
    for i, ln in enumerate(lines):
        if _NEXT.match(ln):
            m = _DUTY_HEADING.match(ln)
            label = f"责任单位：{m['unit']}" if m and all(map(is_unit_name, split_names(m["unit"]))) else ""
        elif _BOOK.match(ln):
            owner = next((o for o in reversed(lines[:i]) if o), "")  # the unit on the line above the heading
            label = f"责任单位：{owner}" if len(owner) <= 12 and is_unit_name(owner) else ""
        out.append(ln)
        if label and _SUB.match(ln):
            out.append(label)
    return out
