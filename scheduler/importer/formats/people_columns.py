"""A file table's column of units and their people (issue #13, the file readers after rounds 46 and 47).

The text reader reads the label "责任单位及责任人：A、B主要领导。" as "责任单位：A、B。"
(unit_person.py). A table writes the same as a column: "责任单位及责任人" (also "和责任人", "、责任人",
"/责任人", "责任单位（责任人）"; 牵头/配合/主办… 单位, 部门, 科室) over cells "区民政局、区财政局主要负责人",
"县教育局（李明）" or a unit's name over a person's on the next line. Such a column is a unit column of its
kind, not a people column ("责任人" alone, "牵头领导"), and its people are dropped from its cells: the
words after the names ("主要领导", "分管领导", "主要负责人", "负责人", "主要负责同志"), and a person's name
(two to four Chinese characters, spaces inside allowed, as round 47 reads a 牵头领导 cell; never a unit's
name) in brackets after a unit's or on a line of its own.
"""

from __future__ import annotations

import re

from scheduler.importer.unit_person import strip_people
from scheduler.importer.vocab import is_unit_name

_UNITS_AND_PEOPLE = re.compile(  # a folded column name (columns.column_name)
    r"(?:单位|部门|科室|处室|股室)(?:(?:及|和|与|、|/)(?:主要)?责任人|[(（](?:主要)?责任人[)）])")
_NAME = r"[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}"  # "李明", "沈  昱"
_BRACKETED = re.compile(rf"[(（]\s*({_NAME})\s*[)）]")
_ALONE = re.compile(rf"^\s*({_NAME})\s*$")
_LAST = re.compile(r"[、，,；;\s]+")
# characters of units' names and of roles, never read as a person's name
_NOT_PERSON = re.compile("[各省市县区镇乡街村委办局会联协院所站队中心司团厅部处科股室组社馆校牵头配合主负责参与同含]")


def units_and_people(name: str) -> bool:
    """The folded header name names units and their people: "责任单位及责任人", "责任单位（责任人）"."""
    return _UNITS_AND_PEOPLE.search(name) is not None


def unit_name(name: str) -> str:
    """The header name without its people: "责任单位及责任人" → "责任单位"."""
    return _UNITS_AND_PEOPLE.sub(lambda m: m[0][:2], name) if units_and_people(name) else name


def without_people(lines: list[str]) -> list[str]:
    """A units-and-people cell's lines without its people: "区民政局、区财政局主要负责人" → "区民政局、
    区财政局", "县教育局（李明）" → "县教育局"; a line "张伟" after a unit's whole name is dropped (after
    a name's first part, "县消防救援" / "大队", it is the rest of the name, wrapped in a PDF's cell)."""
    out: list[str] = []
    for line in lines:
        alone = _ALONE.match(line)
        if alone and _person(alone[1]) and out and is_unit_name(_LAST.split(out[-1].strip())[-1]):
            continue
        out.append(strip_people(_BRACKETED.sub(lambda m: "" if _person(m[1]) else m[0], line)))
    return out


def _person(text: str) -> bool:
    """A person's name, not a unit's ("县妇联", "各乡镇", "团县委") nor a role ("牵头", "配合")."""
    return not is_unit_name(text) and _NOT_PERSON.search(text) is None
