"""Spaces a copy left inside a title: "有的搬 迁后脱贫举措没跟上" (a line of the printed page wrapped
there, or a justified PDF line). A title is one sentence of running text: a lone space between two
Chinese characters in it is no separator, and goes. Spaces next to Latin letters or digits ("5G 基站",
"2024 年") and runs of spaces (table columns) stay."""

from __future__ import annotations

import re

_LONE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def joined_title(title: str) -> str:
    """The title without the lone spaces between Chinese characters a copy left in it."""
    return _LONE.sub("", title) if " " in title else title
