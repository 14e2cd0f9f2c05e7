"""When the periodic 通报 is due (SPEC §3.5). Pure: the calendar, the settings and `now` are given.

A period is an ISO week (Monday–Sunday) or a calendar month. Its report goes out on day `on` of
the period (week: 1 = Monday .. 7; month: day 1..31, past the month's end meaning its last day),
moved to the last working day on or before it, at `send_at`. When that moved day falls before the
period begins (a holiday week), the report goes out on the period's first working day instead,
and a period with no working day at all has no report: so every period has at most one send
moment, and they come in the order of the periods. After downtime only the latest period whose
moment has passed is due (catch-up sends the current report, not a backlog).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from scheduler.workdays import WorkCalendar

_LOOK_BACK = 12  # periods; more than any run of holidays


@dataclass(frozen=True, slots=True)
class Period:
    every: str  # week | month
    start: date
    end: date
    send_on: date

    @property
    def key(self) -> str:
        """`2021-W25` or `2021-06`: names the period in the ledger."""
        if self.every == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{self.start.year}-{self.start.month:02d}"

    @property
    def label(self) -> str:
        if self.every == "week":
            year, week, _ = self.start.isocalendar()
            return (f"{year}年第{week}周（{self.start.month}月{self.start.day}日至"
                    f"{self.end.month}月{self.end.day}日）")
        return f"{self.start.year}年{self.start.month}月"


def bounds(day: date, every: str) -> tuple[date, date]:
    """The week (Monday–Sunday) or calendar month containing `day`."""
    if every == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def send_day(start: date, end: date, every: str, on: int, cal: WorkCalendar) -> date | None:
    """The working day of the period's report, or None when the period has no working day."""
    target = start + timedelta(days=on - 1) if every == "week" else start.replace(day=min(on, end.day))
    moved = cal.on_or_before(target)
    if moved >= start:
        return moved
    day = target
    while day <= end:
        if cal.is_workday(day):
            return day
        day += timedelta(days=1)
    return None


def period_of(day: date, every: str, on: int, cal: WorkCalendar) -> Period | None:
    start, end = bounds(day, every)
    sent = send_day(start, end, every, on, cal)
    return Period(every, start, end, sent) if sent is not None else None


def due_period(every: str, on: int, cal: WorkCalendar, send_at: time, tz: ZoneInfo, now: datetime) -> Period | None:
    """The latest period whose report moment (its send day at `send_at`) is at or before `now`."""
    local = now.astimezone(tz)
    day = local.date()
    for _ in range(_LOOK_BACK):
        period = period_of(day, every, on, cal)
        if period is not None and datetime.combine(period.send_on, send_at, tz) <= local:
            return period
        day = bounds(day, every)[0] - timedelta(days=1)
    return None
