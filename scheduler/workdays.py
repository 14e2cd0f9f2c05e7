"""The official working-day calendar (SPEC §3.1), exact and O(1).

A date is a working day if it is a configured make-up workday (调休上班) of its year, or it is
Monday–Friday and not a holiday. Holidays come from the `chinese-calendar` package (2004–2026)
and from `[calendar.years.YYYY]`, which extends or corrects it date by date. A year in neither
follows the fallback: "weekends" (Mon–Fri; `guessed_years` tells which) or "error".

All days of 2000–2099 are tabulated once: a flag per day and a running count of working days,
so `is_workday`, `count`, `shift` and `on_or_before` are a few list look-ups each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from scheduler.errors import CalendarGapError, DubanError

FIRST_YEAR, LAST_YEAR = 2000, 2099
FALLBACKS = ("weekends", "error")


@dataclass(frozen=True, slots=True)
class CalendarYear:
    """One configured year: extra holidays and make-up workdays (both win over the package)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)


def _package_data() -> tuple[Mapping[date, object], Mapping[date, object], range]:
    from chinese_calendar import constants

    years = range(min(constants.holidays).year, max(constants.holidays).year + 1)
    return constants.holidays, constants.workdays, years


class WorkCalendar:
    """Working days on the official calendar; see the module docstring."""

    def __init__(
        self,
        years: Mapping[int, CalendarYear] | None = None,
        fallback: str = "weekends",
    ) -> None:
        if fallback not in FALLBACKS:
            raise ValueError(f"fallback must be one of {FALLBACKS}")
        self.fallback = fallback
        self.configured = dict(years or {})
        holidays, workdays, package_years = _package_data()
        self.package_years = package_years
        self.missing = frozenset(
            y for y in range(FIRST_YEAR, LAST_YEAR + 1)
            if y not in package_years and y not in self.configured
        )
        self._base = date(FIRST_YEAR, 1, 1).toordinal()
        self._flags = self._tabulate(holidays, workdays)
        # _cum[i] = working days in [base, base + i]; _ords = ordinals of the working days
        self._cum = list(accumulate(self._flags))
        self._ords = [self._base + i for i, f in enumerate(self._flags) if f]

    @classmethod
    def from_settings(cls, path: str | Path) -> WorkCalendar:
        """The calendar of a settings file: bundled data plus its `[calendar]` table."""
        from scheduler.load.settings import load_settings

        settings = load_settings(Path(path))
        return cls(settings.calendar.years, settings.calendar.fallback)

    def _tabulate(self, holidays: Mapping[date, object], workdays: Mapping[date, object]) -> list[int]:
        day, last = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
        extra_off = {d for y in self.configured.values() for d in y.holidays}
        extra_on = {d for y in self.configured.values() for d in y.workdays}
        flags = []
        one = timedelta(days=1)
        while day <= last:
            if day in extra_on:
                flag = 1
            elif day in extra_off:
                flag = 0
            elif day.year in self.package_years:
                flag = int(day in workdays or (day.weekday() < 5 and day not in holidays))
            else:
                flag = int(day.weekday() < 5)
            flags.append(flag)
            day += one
        return flags

    # -- queries ------------------------------------------------------------------------------

    def has_data(self, year: int) -> bool:
        """True when the year's holidays are known (package or configuration)."""
        return FIRST_YEAR <= year <= LAST_YEAR and year not in self.missing

    def guessed_years(self, dates: Iterable[date]) -> list[int]:
        """The years among `dates` (and between them) that follow the weekends fallback."""
        years = [d.year for d in dates]
        if not years:
            return []
        return [y for y in range(min(years), max(years) + 1) if y in self.missing]

    def is_workday(self, d: date) -> bool:
        return bool(self._flags[self._index(d, d)])

    def count(self, a: date, b: date) -> int:
        """Working days in [a, b], both ends included (0 when a > b)."""
        if a > b:
            return 0
        ia, ib = self._index(a, b), self._index(b, a)
        return self._cum[ib] - (self._cum[ia - 1] if ia else 0)

    def shift(self, d: date, n: int) -> date:
        """The n-th working day after d (n > 0) or before d (n < 0); d itself not counted."""
        if n == 0:
            raise ValueError("shift needs n != 0")
        i = self._index(d, d)
        k = self._cum[i] + n - 1 if n > 0 else self._cum[i] - self._flags[i] + n
        return self.workday_at(k, d)

    def on_or_before(self, d: date) -> date:
        """The last working day on or before d (d itself if it is one)."""
        return self.workday_at(self.workday_index(d), d)

    # -- index arithmetic for the planner ---------------------------------------------------------

    def workday_index(self, d: date) -> int:
        """Index (into all working days) of the last working day on or before d."""
        return self._cum[self._index(d, d)] - 1

    def first_index_from(self, d: date) -> int:
        """Index of the first working day on or after d."""
        i = self._index(d, d)
        return self._cum[i] - self._flags[i]

    def workday_at(self, k: int, near: date | None = None) -> date:
        if not 0 <= k < len(self._ords):
            raise DubanError(f"日期超出日历范围（{FIRST_YEAR}–{LAST_YEAR}年）")
        d = date.fromordinal(self._ords[k])
        if self.fallback == "error" and d.year in self.missing:
            raise CalendarGapError(d.year)
        return d

    def _index(self, d: date, other: date) -> int:
        i = d.toordinal() - self._base
        if not 0 <= i < len(self._flags):
            raise DubanError(f"日期 {d.isoformat()} 超出日历范围（{FIRST_YEAR}–{LAST_YEAR}年）")
        if self.fallback == "error":
            for y in range(min(d.year, other.year), max(d.year, other.year) + 1):
                if y in self.missing:
                    raise CalendarGapError(y)
        return i
