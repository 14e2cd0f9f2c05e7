"""Dates written with digits and dots, slashes or hyphens, as ledgers (台账) and tables write their
完成时限 cells: "2022.6.30", "2022/09/30", "2022-10-31" are that day; "2022.10" the month's end; a cell of a
year alone ("建设时间 | 2024", round 40) is that year's end; a cell of a month and day alone ("6.30前",
"12.31") is that day of the plan's year."""

from __future__ import annotations

import re

# "2022．6．30": the full-width period of a Chinese input method (issue #13 round 32)
_NUMERIC = re.compile(r"(?<![\d.．])(\d{4})\s*([./\-－．])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?(?![\d./\-－．])")
_YEAR_ALONE = re.compile(r"\s*(\d{4})\s*")
_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*[.．/]\s*(\d{1,2})\s*((?:前|以前|之前)?(?:完成)?)\s*")


def worded(text: str) -> str:
    """The written deadline with its numeric dates in words ("2022.6.30前" → "2022年6月30日前", "2024" → "2024年")."""
    if (year := _YEAR_ALONE.fullmatch(text)) and 1900 < int(year[1]) < 2200:
        return f"{year[1]}年"
    if (day := _MONTH_DAY.fullmatch(text)) and 1 <= int(day[1]) <= 12 and 1 <= int(day[2]) <= 31:
        return f"{int(day[1])}月{int(day[2])}日{day[3]}"  # a whole cell or clause: not a decimal in a sentence
    return _NUMERIC.sub(_word, text) if _NUMERIC.search(text) else text


def _word(m: re.Match[str]) -> str:
    year, month, day = int(m[1]), int(m[3]), int(m[4] or 0)
    if not 1900 < year < 2200 or not 1 <= month <= 12 or day > 31 or (m[4] is not None and day < 1):
        return m[0]  # not a date ("2023-2025" is no month 20)
    return f"{year}年{month}月{day}日" if m[4] else f"{year}年{month}月底"
