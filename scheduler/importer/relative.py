"""Deadlines counted from the document itself: "本意见印发之日起30日内" = issue date + 30 days;
"明年7月份建成", "明年年底" = in the year after the issue date (a plan issued in December for
the next year). ("今年6月底前" needs no rule: "6月底前" takes the document's year.)"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _cn(text: str) -> int:
    """"三" → 3, "十五" → 15, "三十" → 30 (counts of days and months)."""
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _DIGITS.get(text, 0)
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + _DIGITS.get(ones, 0)

_COUNT = r"(?P<n>\d{1,3}|[一二三四五六七八九十两]{1,3})"
RELATIVE = re.compile(
    r"(?:自|从)?(?:本(?:意见|方案|通知|办法|规定|计划|要点|细则|实施方案|工作方案|决定|指导意见|实施意见|行动计划|措施))?"
    r"(?:印发|发布|下发|公布)(?:之日)?(?:起|后)\s*"
    + _COUNT + r"\s*(?P<unit>日|天|个月|月)(?:内|以内)")


_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?:底|末)?"
# "明年三季度", "次年第一季度末", "明年上半年": a quarter's or a half's last month
_PART = r"第?(?P<q>[一二三四])季度末?|(?P<h>[上下])半年"
YEAR_RELATIVE = re.compile(
    r"(?P<rel>明年|次年)\s*(?:" + _MONTH + r"|" + _PART + r"|(?:年)?(?:底|末)|(?:年)?内)(?:前|以前|之前)?(?!以来)")


def find_relative(text: str) -> list[str]:
    """The relative deadline phrases of `text`, as written."""
    found = [m.group(0) for m in YEAR_RELATIVE.finditer(text)] if "明年" in text or "次年" in text else []
    if "发" not in text and "公布" not in text:
        return found
    return found + [m.group(0) for m in RELATIVE.finditer(text)]


def without_relative(text: str) -> str:
    """`text` with its 明年/今年 phrases blanked, so that "年底前" is not read twice."""
    return YEAR_RELATIVE.sub("，", text) if "明年" in text or "次年" in text else text


def resolve_relative(phrase: str, issued: date | None) -> date | None:
    """The date a relative phrase names, or None (not relative, or the issue date is unknown)."""
    if issued is None:
        return None
    if y := YEAR_RELATIVE.fullmatch(phrase):
        year = issued.year + 1
        if y["q"] or y["h"]:
            month = 3 * _DIGITS[y["q"]] if y["q"] else 6 if y["h"] == "上" else 12
            return date(year, month, calendar.monthrange(year, month)[1])
        if not y["m"]:
            return date(year, 12, 31)
        month = int(y["m"]) if y["m"].isdigit() else _cn(y["m"])
        return date(year, month, calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else None
    m = RELATIVE.fullmatch(phrase)
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _cn(m["n"])
    if m["unit"] in ("日", "天"):
        return issued + timedelta(days=n)
    month = issued.month - 1 + n
    year, month = issued.year + month // 12, month % 12 + 1
    return date(year, month, min(issued.day, calendar.monthrange(year, month)[1]))
