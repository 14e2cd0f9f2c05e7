"""Time is explicit: `now` is taken once, in the configured zone, and passed down as a value."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from scheduler.errors import DubanError


def system_now(tz: ZoneInfo) -> datetime:
    return datetime.now(tz)


def parse_now(text: str, tz: ZoneInfo) -> datetime:
    """`--now`: an ISO date (midnight) or date-time, read in `tz` unless it carries an offset."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DubanError(f"--now 的值“{text}”无法识别，应为 2021-06-23 或 2021-06-23T09:30") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DubanError(f"{what}“{text}”不是日期，应写成 2021-06-30") from None


def at_local(day: date, moment: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)
