"""The working-day calendar (SPEC §3.1, §5): tricky dates, properties, configured years."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.errors import CalendarGapError
from scheduler.workdays import CalendarYear, WorkCalendar
from tests.calendar_data import package_through
from tests.conftest import Duban

CAL = WorkCalendar()
D = date


@pytest.mark.parametrize(("day", "expected"), [
    (D(2020, 1, 31), False),  # 2020 Spring Festival extended to Feb 2 (COVID)
    (D(2020, 2, 3), True),
    (D(2020, 1, 19), True),  # make-up Sunday before the 2020 Spring Festival
    (D(2021, 9, 18), True),  # make-up Saturday (Mid-Autumn 2021)
    (D(2021, 9, 26), True),  # make-up Sunday (National Day 2021)
    (D(2021, 10, 9), True),  # make-up Saturday (National Day 2021)
    (D(2021, 10, 1), False),
    (D(2021, 10, 7), False),
    (D(2021, 6, 14), False),  # Dragon Boat Festival, a Monday
    (D(2026, 9, 20), True),  # make-up Sunday 2026
    (D(2026, 2, 14), True),  # make-up Saturday 2026
    (D(2026, 2, 23), False),
    (D(2026, 12, 31), True),
    (D(2019, 5, 2), False),
    (D(2019, 4, 28), True),  # make-up Sunday 2019
])
def test_is_workday(day: date, expected: bool) -> None:
    assert CAL.is_workday(day) is expected


@pytest.mark.parametrize(("day", "n", "expected"), [
    (D(2021, 10, 1), -1, D(2021, 9, 30)),
    (D(2021, 9, 30), 1, D(2021, 10, 8)),
    (D(2021, 10, 1), 1, D(2021, 10, 8)),
    (D(2021, 9, 17), 1, D(2021, 9, 18)),  # Friday → make-up Saturday
    (D(2021, 9, 22), -1, D(2021, 9, 18)),  # Mid-Autumn 19–21 then back to the make-up Saturday
    (D(2098, 12, 31), 1, D(2099, 1, 2)),  # a far year without data: 元旦 by the statutory rule
    (D(2099, 1, 19), 1, D(2099, 1, 26)),  # 春节 2099 by rule: 除夕 1-20 to 初三 1-23
    (D(2026, 1, 5), -1, D(2026, 1, 4)),  # make-up Sunday 2026-01-04
    (D(2020, 12, 31), 1, D(2021, 1, 4)),  # New Year 2021 (1–3 Jan)
    (D(2021, 6, 30), -10, D(2021, 6, 16)),  # skips the Dragon Boat Monday
])
def test_shift(day: date, n: int, expected: date) -> None:
    assert CAL.shift(day, n) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    (D(2021, 10, 1), D(2021, 10, 31), 17),
    (D(2026, 10, 1), D(2026, 10, 31), 18),  # includes make-up Saturday 10-10
    (D(2021, 1, 1), D(2021, 12, 31), 250),
    (D(2021, 6, 30), D(2021, 6, 30), 1),
    (D(2021, 7, 1), D(2021, 6, 30), 0),
])
def test_count(a: date, b: date, expected: int) -> None:
    assert CAL.count(a, b) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (D(2021, 10, 1), D(2021, 9, 30)),  # deadline on National Day
    (D(2021, 10, 3), D(2021, 9, 30)),
    (D(2021, 10, 9), D(2021, 10, 9)),  # a make-up Saturday is itself the due date
    (D(2021, 12, 31), D(2021, 12, 31)),
    (D(2022, 1, 1), D(2021, 12, 31)),
    (D(2020, 1, 31), D(2020, 1, 23)),
])
def test_on_or_before(day: date, expected: date) -> None:
    assert CAL.on_or_before(day) == expected


def test_shift_zero_is_refused() -> None:
    with pytest.raises(ValueError):
        CAL.shift(D(2021, 6, 1), 0)


# -- properties -----------------------------------------------------------------------------

days = st.dates(min_value=D(2004, 3, 1), max_value=D(2026, 10, 31))  # reference walks ±25 wd


def reference_is_workday(day: date) -> bool:
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=1, max_value=40))
def test_shift_lands_on_workday_and_counts(day: date, n: int) -> None:
    later = CAL.shift(day, n)
    assert CAL.is_workday(later)
    assert CAL.count(day, later) == n + CAL.is_workday(day)
    earlier = CAL.shift(day, -n)
    assert CAL.is_workday(earlier)
    assert CAL.count(earlier, day) == n + CAL.is_workday(day)


@settings(max_examples=300, deadline=None)
@given(days)
def test_on_or_before_is_idempotent_and_not_later(day: date) -> None:
    before = CAL.on_or_before(day)
    assert before <= day
    assert CAL.on_or_before(before) == before
    assert CAL.is_workday(before)


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=-25, max_value=25).filter(bool))
def test_agrees_with_day_by_day_reference(day: date, n: int) -> None:
    assert CAL.is_workday(day) == reference_is_workday(day)
    step = timedelta(days=1 if n > 0 else -1)
    cursor, left = day, abs(n)
    while left:
        cursor += step
        left -= reference_is_workday(cursor)
    assert CAL.shift(day, n) == cursor


# -- configured years and fallbacks -----------------------------------------------------------

# TEST DATA for a far year, made up for these tests: no real arrangement.
MADE_UP_2099 = CalendarYear(
    holidays=frozenset({D(2099, 1, 2)} | {D(2099, 1, 19) + timedelta(days=i) for i in range(8)}),
    workdays=frozenset({D(2099, 1, 18), D(2099, 2, 1)}),
)


def test_configured_year_counts_as_data() -> None:
    cal = WorkCalendar({2099: MADE_UP_2099})
    assert cal.has_data(2099)
    assert cal.guessed_years([D(2099, 6, 1)]) == []
    assert not cal.is_workday(D(2099, 1, 2))  # a Friday made a holiday
    assert cal.is_workday(D(2099, 1, 1))  # no statutory 元旦 guessed once the year has data
    assert cal.is_workday(D(2099, 1, 18))  # a Sunday made a workday
    assert cal.shift(D(2099, 1, 16), 1) == D(2099, 1, 18)
    assert cal.shift(D(2099, 1, 18), 1) == D(2099, 1, 27)


def test_correction_to_packaged_year() -> None:
    cal = WorkCalendar({2021: CalendarYear(holidays=frozenset({D(2021, 6, 15)}),
                                           workdays=frozenset({D(2021, 6, 14)}))})
    assert cal.is_workday(D(2021, 6, 14))  # was Dragon Boat Festival
    assert not cal.is_workday(D(2021, 6, 15))
    assert cal.is_workday(D(2021, 9, 18))  # the rest of 2021 unchanged


def test_weekends_fallback_reports_guessed_years() -> None:
    cal = WorkCalendar(fallback="weekends", package=package_through(2024))
    assert cal.guessed_years([D(2024, 12, 1), D(2026, 3, 1)]) == [2025, 2026]
    assert not cal.has_data(2025)
    assert cal.has_data(2024)
    assert cal.is_workday(D(2025, 1, 28))  # 除夕 2025, a Tuesday: Mon–Fri only
    assert cal.shift(D(2024, 12, 31), 1) == D(2025, 1, 1)


def test_error_fallback_names_the_year() -> None:
    cal = WorkCalendar(fallback="error", package=package_through(2025))
    assert cal.is_workday(D(2025, 9, 28))  # make-up Sunday 2025
    with pytest.raises(CalendarGapError, match="2026年没有节假日数据"):
        cal.is_workday(D(2026, 3, 2))
    with pytest.raises(CalendarGapError):
        cal.shift(D(2025, 12, 31), 1)
    with pytest.raises(CalendarGapError):
        cal.count(D(2025, 12, 1), D(2026, 1, 10))


def test_from_settings_reads_calendar_table(tmp_path: Path) -> None:
    path = tmp_path / "duban.toml"
    # TEST DATA for a far year, made up.
    path.write_text('coordinator = "x"\n[calendar.years.2099]\n'
                    'holidays = ["2099-01-02", "2099-02-05..2099-02-12"]\nworkdays = ["2099-02-14"]\n',
                    encoding="utf-8")
    cal = WorkCalendar.from_settings(path)
    assert not cal.is_workday(D(2099, 2, 9))
    assert cal.is_workday(D(2099, 2, 14))


def test_workdays_cli(duban: Duban, tmp_path: Path) -> None:
    assert duban("workdays", "is", "2021-09-18").out == "true\n"
    assert duban("workdays", "count", "2021-10-01", "2021-10-31").out == "17\n"
    assert duban("workdays", "shift", "2021-10-01", "-1").out == "2021-09-30\n"
    bad = duban("workdays", "is", "2021-02-30")
    assert bad.code == 1 and "不是日期" in bad.err
    zero = duban("workdays", "shift", "2021-10-01", "0")
    assert zero.code == 1 and "不能为 0" in zero.err
    assert duban("workdays", "count", "2021-10-01").code == 2
    path = tmp_path / "duban.toml"
    path.write_text('coordinator = "x"\n[calendar.years.2099]\nholidays = ["2099-03-02"]\n', encoding="utf-8")  # far year, made up
    assert duban("workdays", "--config", str(path), "is", "2099-03-02").out == "false\n"
