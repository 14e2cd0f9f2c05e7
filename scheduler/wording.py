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


DRY_RUN_LEAD = "试运行（未真正发送，未记入状态）："


def run_summary(summary: str, dry_run: bool) -> str:
    """The pass's summary (pipeline.describe) as printed: a dry run says so, and that its
    messages went to the outbox."""
    if not dry_run:
        return summary
    if summary.startswith("发送"):
        summary = "写入发件箱" + summary.removeprefix("发送")
    return DRY_RUN_LEAD + summary
