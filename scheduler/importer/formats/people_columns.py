"""A file table's column of units and their people (issue #13, the file readers after round 46).

The text reader reads the label "责任单位及责任人：A、B主要领导。" as "责任单位：A、B。"
(unit_person.py). A table writes the same as a column: "责任单位及责任人" (also "和责任人", "、责任人",
"/责任人"; 牵头/配合/主办… 单位, 部门, 科室) over cells "区民政局、区财政局主要负责人". Such a column is a
unit column of its kind, not a people column ("责任人" alone, "牵头领导"), and the people written
after the names ("主要领导", "分管领导", "主要负责人", "负责人", "主要负责同志") are dropped from its cells.
"""

from __future__ import annotations

import re

from scheduler.importer.unit_person import strip_people

_UNITS_AND_PEOPLE = re.compile(
    r"(?:单位|部门|科室|处室|股室)(?:及|和|与|、|/)(?:主要)?责任人")  # a folded column name (columns.column_name)


def units_and_people(name: str) -> bool:
    """The folded header name names units and their people: "责任单位及责任人"."""
    return _UNITS_AND_PEOPLE.search(name) is not None


def unit_name(name: str) -> str:
    """The header name without its people: "责任单位及责任人" → "责任单位"."""
    return _UNITS_AND_PEOPLE.sub(lambda m: m[0][:2], name) if units_and_people(name) else name


def without_people(cell: str) -> str:
    """"区民政局、区财政局主要负责人" → "区民政局、区财政局"."""
    return strip_people(cell)
