"""Deadlines that come round ("每季度末", "每月5日前", "每半年", "每年11月底前"): a task whose only timing
is one is drafted as a recurring task (SPEC 2: `repeat` as an RFC 5545 RRULE, with `start` and `until`)."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from scheduler.importer.numerals import cn_to_int

_WEEKDAYS = {"一": "MO", "二": "TU", "三": "WE", "四": "TH", "五": "FR", "1": "MO", "2": "TU", "3": "WE", "4": "TH",
             "5": "FR"}
_N = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_EVERY = r"(?:每(?:个)?|按)"
_QUARTER_FIRST = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={n}"  # reports on the quarter past
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_EVERY + r"季度?(?:结束后|后)" + _N + r"(?:日|天|个工作日)内"), _QUARTER_FIRST),
    (re.compile(_EVERY + r"季度?(?:首月|第一个月)" + _N + r"[日号]"), _QUARTER_FIRST),
    (re.compile(_EVERY + r"季度?(?:末|底|最后一个月|结束前|前)?"), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    (re.compile(_EVERY + r"月(?:的)?" + _N + r"[日号]"), "FREQ=MONTHLY;BYMONTHDAY={n}"),
    (re.compile(_EVERY + r"月(?:末|底|月底|月末)?"), "FREQ=MONTHLY;BYMONTHDAY=-1"),
    (re.compile(_EVERY + r"半年(?:末|底)?"), "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    (re.compile(_EVERY + r"年(?:的)?" + _N + r"月" + _N + r"[日号]"), "FREQ=YEARLY;BYMONTH={n};BYMONTHDAY={m}"),
    (re.compile(_EVERY + r"年(?:的)?" + _N + r"月(?:底|末)?"), "FREQ=YEARLY;BYMONTH={n};BYMONTHDAY=-1"),
    (re.compile(_EVERY + r"年(?:年底|底|末|年末)"), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    (re.compile(_EVERY + r"周(?:星期|周)?([一二三四五1-5])"), "FREQ=WEEKLY;BYDAY={day}"),
)


def recurrence(text: str) -> tuple[str, str] | None:
    """(RRULE, the phrase) for a clause that opens with a recurring deadline, else None."""
    clause = text.strip().lstrip("（(").replace(" ", "")
    for pattern, rule in _RULES:
        m = pattern.match(clause)
        if m is None:
            continue
        if "{n}" in rule:
            numbers = [int(g) if g.isdigit() else cn_to_int(g) for g in m.groups()]
            limits = (12, monthrange(2001, min(max(numbers[0], 1), 12))[1]) if "BYMONTH={n}" in rule else (28,)
            if any(not 1 <= n <= top for n, top in zip(numbers, limits, strict=False)):
                return None  # a month or day no calendar has ("每年13月", "每月30日" is not every month's)
            return rule.format(n=numbers[0], m=numbers[-1]), m[0]
        if "{day}" in rule:
            return rule.format(day=_WEEKDAYS[m[1]]), m[0]
        return rule, m[0]
    return None


def recurring_lines(clauses: list[str], year: int | None, issued: date | None) -> list[str]:
    """The `repeat`, `start` and `until` of a task whose timing is a recurrence (the first clause
    naming one), over the plan's year; a comment with the rule when the year is not known."""
    found = next((r for c in clauses if (r := recurrence(c))), None)
    if found is None:
        return []
    rule, phrase = found
    if year is None:
        return [f"# 原文时限“{phrase}”是周期性的：填写 issued 后可写 repeat = \"{rule}\"，并写 start、until"]
    start = issued if issued and issued.year == year else date(year, 1, 1)
    return [f"# 原文时限“{phrase}”是周期性的：按年内每次提醒，起止日期请核对", f"repeat = \"{rule}\"",
            f"start = {start.isoformat()}", f"until = {date(year, 12, 31).isoformat()}"]
