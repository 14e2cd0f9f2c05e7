"""Time is explicit: `now` is taken once, in the configured zone, and passed down as a value."""

from __future__ import annotations

import time as time_module
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from scheduler.errors import DubanError

FIRST_YEAR, LAST_YEAR = 2000, 2099  # the calendar's range (SPEC §4)


def system_now(tz: ZoneInfo) -> datetime:
    return datetime.now(tz)


def parse_now(text: str, tz: ZoneInfo) -> datetime:
    """`--now`: an ISO date (midnight) or date-time, read in `tz` unless it carries an offset."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DubanError(f"--now 的值“{text}”无法识别，应为 2021-06-23 或 2021-06-23T09:30") from None
    _in_range(value.date(), "--now")
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def parse_day(text: str, what: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DubanError(f"{what}“{text}”不是日期，应写成 2021-06-30") from None
    return _in_range(day, what)


def _in_range(day: date, what: str) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DubanError(f"{what}“{day.isoformat()}”超出支持的日期范围（{FIRST_YEAR}-01-01 至 {LAST_YEAR}-12-31）")
    return day


def at_local(day: date, moment: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)


class Clock(Protocol):
    """The only source of "now" (in the configured zone); a pass takes it once."""

    def now(self) -> datetime: ...


class SystemClock:
    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz)


class FixedClock:
    """Tests: a clock that moves only when told."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, delta: timedelta) -> None:
        self.at = later(self.at, delta)


class ShiftedClock:
    """`--now`: starts at the given instant and then passes at the real pace (monotonic)."""

    def __init__(self, start: datetime, monotonic: Callable[[], float] = time_module.monotonic) -> None:
        self.start = start
        self._monotonic = monotonic
        self._origin = monotonic()

    def now(self) -> datetime:
        return later(self.start, timedelta(seconds=self._monotonic() - self._origin))


def later(moment: datetime, delta: timedelta) -> datetime:
    """`moment` + `delta` of real time: Python adds to a ZoneInfo datetime on the wall clock, an
    hour off across a summer-time change."""
    if moment.tzinfo is None:
        return moment + delta
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def seconds_between(start: datetime, end: datetime) -> float:
    """Real seconds from `start` to `end` (subtracting two datetimes of the same ZoneInfo counts
    wall-clock time: an hour off across a summer-time change)."""
    return end.timestamp() - start.timestamp()
