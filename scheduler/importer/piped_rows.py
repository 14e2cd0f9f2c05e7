"""Rows of a " | " table without a number column, as a page copies a table with merged and wrapped cells:

    任务 内容 | 国家园林城市 标准或要求 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |
    生 态 环 境 | 1、城市大环境绿化……。 | 禁止开发……。 | 市规划局 | 市国土资源局
    市农牧林业局 | 2010年9月20日前 |
    2、按照城市卫生……要求建设防护绿地……。 | 加强……管护…… | 市规划局 市建设局 | 有关部门 | 2010年9月20日前 |

A cell with two names on two lines breaks its row: when the header closes with a rule and a row does not,
the row goes on on the next line (the names then stand space-separated, as a units cell lists them). The
first column, a group merged down over its rows, is written once: a row that opens with its item's own
number ("2、") and has fewer cells than the header lacks the leading cells. The item's number before the
title ("1、") is the row's number, not its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ITEM = re.compile(r"^\d{1,3}[、.．](?=\S)")


def piped_row(lines: Sequence[str], pos: int, roles: Sequence[str], closed: bool) -> tuple[list[str], int]:
    """The cells of the row at lines[pos] and the index after it."""
    line = lines[pos].strip()
    pos += 1
    while closed and not line.endswith("|") and pos < len(lines) and "|" in lines[pos] \
            and not lines[pos].lstrip().startswith("|"):
        line = f"{line} {lines[pos].strip()}"
        pos += 1
    cells = [c.strip() for c in line.strip("|").split("|")]
    if len(cells) < len(roles) and roles[0] != "title" and _ITEM.match(cells[0]):
        cells = [""] * (len(roles) - len(cells)) + cells
    if "title" in roles and len(cells) > (at := list(roles).index("title")):
        cells[at] = _ITEM.sub("", cells[at], count=1)
    return cells, pos
