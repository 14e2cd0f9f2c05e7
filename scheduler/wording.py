"""Wording shared by `duban status`, the dashboard and the unit page: one phrase for the days left."""

from __future__ import annotations

from scheduler.plan_view import width

ELLIPSIS = "…"


def days_left(days: int) -> str:
    """还剩N个工作日 / 今天到期 / 已逾期N个工作日, from working days left (negative: overdue)."""
    if days > 0:
        return f"还剩{days}个工作日"
    return "今天到期" if days == 0 else f"已逾期{-days}个工作日"


def clip(text: str, columns: int) -> str:
    """At most `columns` terminal columns (CJK characters take two); "…" marks a cut."""
    if width(text) <= columns:
        return text
    kept, used = [], width(ELLIPSIS)
    for c in text:
        used += width(c)
        if used > columns:
            break
        kept.append(c)
    return "".join(kept) + ELLIPSIS
