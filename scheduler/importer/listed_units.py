"""A cell that lists several units' names, as the first cell of a line a table row wrapped onto.

A space-separated table's row whose main units' cell the page broke over lines of its own
(round 64, a district bureau's share of the 政府工作报告 table):

    34 发挥……提档升级。 区科技局
    区商务局(区药发中心)
    区药投公司
    区发改委、区经信局、区农业农村局、等区政府有关部门,区农投公司。 2023年12月底

The last line begins with the next cell, a list of names ("A、B、等C,D。"), not one name: it carries
the row on like a line that begins with a single name. A sentence that begins with names
("区科技局、区财政局要……") is no such list: every piece must end as units' names end.
"""

from __future__ import annotations

import re

from scheduler.importer.names import split_outside
from scheduler.importer.vocab import is_unit_name

_SEP = re.compile(r"[、，,；;]")
_END = "。；;，,"


def unit_list(cell: str) -> bool:
    """"区发改委、区经信局、等区政府有关部门,区农投公司。": two or more names, each ending as a unit's."""
    pieces = [p.strip() for p in split_outside(cell.rstrip(_END), _SEP)]
    return len(pieces) >= 2 and all(p and is_unit_name(p) for p in pieces)
