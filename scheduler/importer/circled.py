"""Points numbered with circled digits: "①有的搬迁建房面积超标……。(牵头单位:扶贫办;责任单位:各村
支部)" under "(2)住房安全方面。". A circled point that closes with its own assignment bracket is a
task of its own, one level below the item or point it stands under; that item, when it is only a
short heading without an assignment, is the group of its points. A circled line without such a
bracket ("①每个乡镇办好1所乡镇卫生院。") stays a sentence of its item."""

from __future__ import annotations

import re

from scheduler.importer.clauses import closing_groups
from scheduler.importer.layout import RECORD

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_POINT = re.compile(rf"^([{CIRCLED}])\s*(?=[\u4e00-\u9fff“\"《])")


def circled_point(line: str) -> tuple[int, str] | None:
    """(n, text) of a line "①…。(X牵头)" that closes with an assignment bracket; None otherwise. A line
    marked as an unnumbered sentence (layout.RECORD) is one too."""
    line = line.removeprefix(RECORD)
    m = _POINT.match(line)
    if m is None:
        return None
    text = line[m.end():]
    return (CIRCLED.index(m[1]) + 1, text) if closing_groups(text)[0] else None


def heads_points(texts: list[str]) -> bool:
    """Whether an item's own text is only a heading ("住房安全方面。"): one short line, no bracket."""
    return len(texts) == 1 and len(texts[0]) <= 40 and not closing_groups(texts[0])[0]


def point_under(number: str, key: str, n: int) -> tuple[str, str, bool]:
    """The number and id key of circled point n under the item or point numbered `number` (key
    `key`): "1.(2)①", "01-2-1"; a point after a circled one ("②" after "①") is counted under the
    same holder. The third value tells whether `number` is itself a circled point."""
    circled = number != number.rstrip(CIRCLED)
    base_key = key.rsplit("-", 1)[0] if circled else key
    return f"{number.rstrip(CIRCLED)}{CIRCLED[n - 1]}", f"{base_key}-{n}", circled
