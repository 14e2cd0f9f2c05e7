"""A government page's own fields set as a numbered list above the text (issue #13 round 49):
"1. [主题分类] 综合政务/电子政务" … "5. [成文日期] 2016-06-08" … "10. [文件来源] 政府公报" are not
items. Two such lines or more are read as the fields they are ("成文日期: 2016-06-08", the form
header.py reads a date from); a field left empty ("3. [联合发文单位]") is a blank line."""

from __future__ import annotations

import re

_FIELD = re.compile(
    r"^\d{1,2}\s*[.．、]\s*[\[［【]\s*(主题分类|发文机构|联合发文单位|实施日期|成文日期|发文字号|废止日期|发布日期"
    r"|有效性|文件来源|索引号|公开方式|公开范围|发布机构|效力级别|时效性|主题词|体裁分类|组配分类|生成日期)"
    r"\s*[\]］】]\s*(.*)$")


def page_fields(lines: list[str]) -> list[str]:
    """The lines with a numbered list of the page's fields read as fields; the same list when the
    page lists fewer than two."""
    found = {i: m for i, ln in enumerate(lines) if "[" in ln or "【" in ln if (m := _FIELD.match(ln.strip()))}
    if len(found) < 2:
        return lines
    return [(f"{m[1]}: {m[2].strip()}" if m[2].strip() else "") if (m := found.get(i)) else ln
            for i, ln in enumerate(lines)]
