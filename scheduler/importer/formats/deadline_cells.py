"""A deadline cell's phrases (formats/tables.py): one a line in a Word or sheet cell ("2021年6月底前" /
"2021年12月底前"), but a PDF cell also breaks a phrase where the cell's width ends ("2021年2月公布预算" /
"信息,2021年8月公布" / "上年度决算" / "信息"). A line that does not open with a date or a time word, under
a line not closed by a stop, goes on from it."""

from __future__ import annotations

import re

_OPENS = re.compile(r"^(?:[0-9０-９]|[一二三四五六七八九十]+月|[一二三四]季度|第|每|本|今|明|上半年|下半年|全年|年|月|"
                    r"长期|常年|持续|常态|即时|立即|及时|按|根据|截至|于|在|到|至|前|后|[（(【\[])")
_CLOSED = ("；", ";", "。", "，", ",", "、")


def deadline_lines(cell: str) -> list[str]:
    """The cell's deadline phrases, its wrapped lines put back together."""
    out: list[str] = []
    for line in (p.strip().strip("；;") for p in cell.splitlines()):
        if not line:
            continue
        if out and not out[-1].endswith(_CLOSED) and not _OPENS.match(line):
            out[-1] += line
        else:
            out.append(line)
    return out
