"""Waits are real seconds in the configured zone, also across a summer-time change (Python adds
a timedelta to a ZoneInfo datetime on the wall clock, and subtracts two of them the same way)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from scheduler.clock import FixedClock, later, seconds_between

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_retry_across_the_autumn_change_is_the_real_wait_later() -> None:
    now = datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN)  # 00:30 UTC, summer time (the first 02:30)
    retry = later(now, timedelta(hours=1))
    assert retry.astimezone(UTC) == datetime(2021, 10, 31, 1, 30, tzinfo=UTC)
    assert (retry.hour, retry.minute, retry.fold, retry.utcoffset()) == (2, 30, 1, timedelta(hours=1))
    assert (now + timedelta(hours=1)).astimezone(UTC) == datetime(2021, 10, 31, 2, 30, tzinfo=UTC)  # the pitfall
    assert seconds_between(now, retry) == 3600


def test_the_wait_to_the_next_morning_across_the_spring_change_is_counted_in_real_seconds() -> None:
    evening = datetime(2021, 3, 27, 18, 0, tzinfo=BERLIN)
    morning = datetime(2021, 3, 28, 9, 0, tzinfo=BERLIN)
    assert seconds_between(evening, morning) == 14 * 3600  # the wall clock says 15 hours
    assert later(evening, timedelta(seconds=seconds_between(evening, morning))) == morning


def test_in_shanghai_nothing_changes_and_a_fixed_clock_advances_the_same_way() -> None:
    now = datetime(2021, 6, 30, 9, 30, tzinfo=SHANGHAI)
    assert later(now, timedelta(minutes=2)) == now + timedelta(minutes=2)
    clock = FixedClock(datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN))
    clock.advance(timedelta(hours=1))
    assert clock.now().fold == 1
