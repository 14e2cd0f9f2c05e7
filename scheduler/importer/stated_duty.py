"""An item's units and lasting work stated in its own closing sentence (issue #13 round 67).

A digest of a State Council division's progress table writes each item as prose:
"1、X。该项工作计划于2015年6月底之前完成,负责部门为体育总局、新闻出版广电总局等。" — the units after
"负责部门为" (or "负责部门" with the names right after it) are written as a label bracket,
"（负责部门:体育总局、新闻出版广电总局等）", which the assignment grammar reads; "该项工作将长时间持续实施"
is ongoing work ("持续推进") when the item names no deadline."""

from __future__ import annotations

import re

from scheduler.importer.vocab import either, is_unit_name

_LABEL = either(r"(?:负责|责任|牵头)(?:部门|单位)")
# ",负责部门为A、B等。" closing the line; the names are checked one by one below
_STATED = re.compile(rf"[，,。]\s*(?P<label>{_LABEL})(?:{either('为')}|是|均{either('为')})?"
                     r"(?P<names>[^，,。；;:：()（）]{2,80}?)(?P<etc>等)?[。.]?$")
_LASTING = re.compile(either(r"(?:该|此|这)项(?:工作|任务)(?:将|为|需|要)?长(?:时间|期)持续(?:实施|推进|开展|进行)"))


def stated_units(line: str) -> str:
    """The line with its closing "负责部门为X、Y等" sentence written as "（负责部门:X、Y等）"."""
    if "部门" not in line and "单位" not in line and "單位" not in line:
        return line  # most lines: no such label
    m = _STATED.search(line)
    if m is None or not all(is_unit_name(n) for n in m["names"].split("、")):
        return line
    return f"{line[:m.start()]}。（{m['label']}:{m['names']}{m['etc'] or ''}）"


def stated_lasting(body: str) -> bool:
    """"该项工作将长时间持续实施": the item's work goes on, with no end date."""
    return bool(_LASTING.search(body))
