"""A month a plan schedules its item in: "报告拟安排在3月份举行的常委会会议上听取和审议" (a people's
congress standing committee's 监督工作计划, each report set for a session) is done by that month's end."""

from __future__ import annotations

import re

# "安排在3月份", "拟安排在2024年11月举行的会议上": never "安排在3月底前"/"安排在6月中旬" (phrases read already)
_SCHEDULED = re.compile(r"安排在\s*((?:\d{4}\s*年\s*)?\d{1,2}\s*月)份?(?![底末内中上下初日号前至到\d])")


def scheduled_months(text: str) -> list[str]:
    """The month-end phrase of each month the text schedules work in ("3月底")."""
    return [f"{m[1]}底" for m in _SCHEDULED.finditer(text)] if "安排在" in text else []
