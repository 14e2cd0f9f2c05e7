"""A page's own fields set as a bulleted list above the text (issue #13 round 60): "• 時間:2015-04-16",
"• 點擊:27", "• 來源:" are the page's date, hit count and source, not items (marked_items.py would number
three bullets as a list). Two such lines or more are read as the fields they are ("時間: 2015-04-16");
a field left empty ("• 來源:") is a blank line."""

from __future__ import annotations

import re

_FIELD = re.compile(
    r"^[•●·▪◆■]\s*(时间|時間|发布时间|發布時間|发布日期|發布日期|点击|點擊|点击数|點擊數|点击量|點擊量|浏览|瀏覽"
    r"|浏览次数|瀏覽次數|阅读|閱讀|来源|來源|作者|编辑|編輯|责任编辑|責任編輯|字体|字體)\s*[:：]\s*(.*)$")
_MIN_FIELDS = 2


def bullet_fields(lines: list[str]) -> list[str]:
    """The lines with a bulleted list of the page's fields read as fields; the same list when the
    page lists fewer than two."""
    found = {i: m for i, ln in enumerate(lines) if ln[:1] in "•●·▪◆■" if (m := _FIELD.match(ln.strip()))}
    if len(found) < _MIN_FIELDS:
        return lines
    return [(f"{m[1]}: {m[2].strip()}" if m[2].strip() else "") if (m := found.get(i)) else ln
            for i, ln in enumerate(lines)]
