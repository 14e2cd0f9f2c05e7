"""A task table stored as one run-on paragraph, its cells broken across lines (issue #13 round 34):

    …分工方案 序号 主要任务 主要内容 具体内容及目标 责任单位 一 强化县域 内资源统 筹和布局 优化
    1.健全乡 村医疗卫 生服务体 系。 ①每个乡镇办好 1 所乡镇卫生院。 市卫健委、发改 委、……
    2.建设一 批区域医 疗中心。 支持……人才培养高地。 市卫健委、发改 委、财政局

layout.py splits such a line at its numbered rows. On a line that holds the table's header
("序号 … 责任单位"), each row keeps a space wherever a cell's text was wrapped
("健全乡 村医疗卫 生服务体 系"): a space between two characters of a word,
or after "、" or "，", is no separator and goes.
The row's unit cell is a sentence of its own, after a space, that holds only units' names
("。 市卫健委、发改委、财政局"): those are the row's units.
"""

from __future__ import annotations

import re

from scheduler.importer.names import split_outside
from scheduler.importer.vocab import either, is_unit_name

# the header of a task table: "序号 主要任务 主要内容 具体内容及目标 责任单位"
_HEADER = re.compile(either(r"序号[ \u3000]+(?:[\u4e00-\u9fff]{2,8}[ \u3000]+){1,6}?"
                            r"(?:责任|牵头|主办|配合|主责)(?:单位|部门|科室|处室)"))
_WRAP = re.compile(r"(?<=[\u4e00-\u9fff、，,])[ \u3000](?=[\u4e00-\u9fff（(])")
_CELL = re.compile(r"(?:^|(?<=[。.；;]))[ \u3000]+([^。；;\s]{4,200})(?=[。；;]|$)")
_NAME_SEP = re.compile(r"[、，,]")


def table_header(line: str) -> bool:
    """True when a run-on line holds a task table's header: its rows' spaces are line breaks."""
    return "序" in line and _HEADER.search(line) is not None


def unwrap(part: str) -> str:
    """A row of a run-on page without the spaces its cells' line breaks left."""
    return _WRAP.sub("", part) if " " in part or "\u3000" in part else part


def unit_cell(body: str) -> tuple[str, str] | None:
    """The names of a row's unit cell ("市卫健委、发改委、财政局") and the row's text without it; two
    names at least, each ending as units' names end; None when the text has no such sentence."""
    for m in _CELL.finditer(body):
        names = [n.strip() for n in split_outside(m[1], _NAME_SEP)]
        if len(names) >= 2 and all(n and is_unit_name(n) for n in names):
            return m[1], (body[:m.start()] + body[m.end():]).strip()
    return None
