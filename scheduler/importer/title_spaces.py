"""Spaces a copy left inside a title: "有的搬 迁后脱贫举措没跟上" (a line of the printed page wrapped
there, or a justified PDF line). A title is one sentence of running text: a lone space between two
Chinese characters in it is no separator, and goes. Spaces next to Latin letters or digits ("5G 基站",
"2024 年"), runs of spaces (table columns), the space after a unit's name (two issuers: "中共中央办公厅
国务院办公厅") and spaces inside quotation marks or a book title (the slogan "“关爱生命 救在身边”活动", 《…》)
stay."""

from __future__ import annotations

import re

# not after a unit's name: the space between two issuers ("中共中央办公厅 国务院办公厅"), as formats/column_roles.py
_LONE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![厅部委局办院府署]) (?=[\u4e00-\u9fff])")
_QUOTED = re.compile(r"(“[^”]*”|《[^》]*》|\"[^\"]*\")")


def joined_title(title: str) -> str:
    """The title without the lone spaces between Chinese characters a copy left in it (outside quotes)."""
    if " " not in title:
        return title
    parts = _QUOTED.split(title)  # odd parts are quoted
    return "".join(part if i % 2 else _LONE.sub("", part) for i, part in enumerate(parts))
