"""The official working-day calendar (SPEC §3.1), exact and O(1).

A date is a working day if it is a make-up workday (调休上班) of its year, or it is Monday–Friday
and not a holiday. Holiday data comes in layers, the later winning date by date: the bundled
package (`chinese-calendar`, injectable as `PackageData`), `[calendar] files` (holiday-cn JSON),
`[calendar.years.YYYY]`. A year in none of them follows the fallback: "statutory" (the legal
holidays computed by rule, `scheduler.statutory`), "weekends" (Mon–Fri) or "error";
`guessed_years` tells which years are guessed.

The days are tabulated once: a flag per day and a running count of working days, so `is_workday`,
`count`, `shift` and `on_or_before` are a few list look-ups each. The table first covers the years
up to two after the last year with data; a query beyond extends it to 2099 (computing the
statutory holidays of every far year takes most of a second, so only callers that need it pay).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from scheduler.errors import CalendarGapError, DubanError

if TYPE_CHECKING:
    from scheduler.load.holiday_files import HolidayFile

FIRST_YEAR, LAST_YEAR = 2000, 2099
FALLBACKS = ("statutory", "weekends", "error")
STATUTORY_SOURCE = "法定节假日推算（不含调休）"


@dataclass(frozen=True, slots=True)
class CalendarYear:
    """One configured year: extra holidays and make-up workdays (both win over the package)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class PackageData:
    """Bundled holiday data: date → name for rest days and for make-up workdays, the years covered."""

    holidays: Mapping[date, str]
    workdays: Mapping[date, str]
    years: range
    label: str


@dataclass(frozen=True, slots=True)
class SpecialDay:
    """A date that differs from the weekday rule, or a holiday: what it is and where that comes from."""

    day: date
    off: bool
    name: str
    source: str


@lru_cache(maxsize=1)
def bundled() -> PackageData:
    """The `chinese-calendar` package's data, holiday names in Chinese."""
    import chinese_calendar
    from chinese_calendar import constants

    names = {str(h.value): str(h.chinese) for h in constants.Holiday}
    holidays = {d: names.get(str(n), str(n)) for d, n in constants.holidays.items()}
    workdays = {d: names.get(str(n), str(n)) for d, n in constants.workdays.items()}
    years = range(min(holidays).year, max(holidays).year + 1)
    return PackageData(holidays, workdays, years, f"chinese-calendar {chinese_calendar.__version__}")


@dataclass(frozen=True, slots=True)
class _Tables:
    through: int  # last year tabulated
    flags: list[int]
    cum: list[int]  # cum[i] = working days in [base, base + i]
    ords: list[int]  # ordinals of the working days


class WorkCalendar:
    """Working days on the official calendar; see the module docstring."""

    def __init__(
        self,
        years: Mapping[int, CalendarYear] | None = None,
        fallback: str = "statutory",
        files: Sequence[HolidayFile] = (),
        package: PackageData | None = None,
    ) -> None:
        if fallback not in FALLBACKS:
            raise ValueError(f"fallback must be one of {FALLBACKS}")
        self.fallback = fallback
        self.configured = dict(years or {})
        self.files = tuple(files)
        self.package = package or bundled()
        self.package_years = self.package.years
        known = {*self.package_years, *self.configured, *(f.year for f in self.files)}
        self.missing = frozenset(y for y in range(FIRST_YEAR, LAST_YEAR + 1) if y not in known)
        self._base = date(FIRST_YEAR, 1, 1).toordinal()
        self._lock = threading.Lock()
        last_known = max((y for y in known if FIRST_YEAR <= y <= LAST_YEAR), default=FIRST_YEAR)
        self._t = self._tabulate(min(LAST_YEAR, last_known + 2))

    @classmethod
    def from_settings(cls, path: str | Path) -> WorkCalendar:
        """The calendar of a settings file: bundled data plus its `[calendar]` table."""
        from scheduler.load.settings import load_settings

        cal = load_settings(Path(path)).calendar
        return cls(cal.years, cal.fallback, cal.files)

    # -- the layers -------------------------------------------------------------------------------

    def special_days(self, year: int) -> list[SpecialDay]:
        """The holidays and make-up workdays in use for `year`, each with its source, by date."""
        out = self._layers(date(year, 1, 1), date(year, 12, 31))
        return [out[d] for d in sorted(out)]

    def year_source(self, year: int) -> str:
        """Where the year's data comes from, in words (for `duban workdays year`)."""
        parts = [self.package.label] if year in self.package_years else []
        parts += [f"文件 {f.label}" for f in self.files if f.year == year]
        parts += [f"设置 [calendar.years.{year}]"] if year in self.configured else []
        if parts:
            return "、".join(parts)
        return {"statutory": f"没有节假日数据：按{STATUTORY_SOURCE}",
                "weekends": "没有节假日数据：按周一至周五为工作日（weekends）",
                "error": "没有节假日数据（fallback = \"error\"：依赖该年的计算会报错）"}[self.fallback]

    def _layers(self, first: date, last: date) -> dict[date, SpecialDay]:
        out: dict[date, SpecialDay] = {}
        pkg = self.package
        for source, off in ((pkg.holidays, True), (pkg.workdays, False)):
            for d, name in source.items():
                if first <= d <= last and d.year in pkg.years:
                    out[d] = SpecialDay(d, off, name, pkg.label)
        if self.fallback == "statutory":
            from scheduler.statutory import statutory_holidays

            for y in range(first.year, last.year + 1):
                if y in self.missing:
                    out.update((d, SpecialDay(d, True, n, STATUTORY_SOURCE))
                               for d, n in statutory_holidays(y).items() if first <= d <= last)
        for f in self.files:
            out.update((d, SpecialDay(d, off, name, f"文件 {f.label}"))
                       for d, (off, name) in f.days.items() if first <= d <= last)
        for y, conf in self.configured.items():
            label = f"设置 [calendar.years.{y}]"
            for days, off in ((conf.holidays, True), (conf.workdays, False)):
                out.update((d, SpecialDay(d, off, "", label)) for d in days if first <= d <= last)
        return out

    def _tabulate(self, through: int) -> _Tables:
        first, last = date(FIRST_YEAR, 1, 1), date(through, 12, 31)
        special = self._layers(first, last)
        flags = []
        day, one = first, timedelta(days=1)
        while day <= last:
            s = special.get(day)
            flags.append(int(not s.off) if s else int(day.weekday() < 5))
            day += one
        ords = [self._base + i for i, f in enumerate(flags) if f]
        return _Tables(through, flags, list(accumulate(flags)), ords)

    def _grow(self) -> _Tables:
        """Extend the table to 2099 (once); the prefix, and so every index, stays the same."""
        with self._lock:
            if self._t.through < LAST_YEAR:
                self._t = self._tabulate(LAST_YEAR)
            return self._t

    # -- queries ------------------------------------------------------------------------------

    def has_data(self, year: int) -> bool:
        """True when the year's holidays are known (package, file or configuration)."""
        return FIRST_YEAR <= year <= LAST_YEAR and year not in self.missing

    def guessed_years(self, dates: Iterable[date]) -> list[int]:
        """The years among `dates` (and between them) that follow the fallback."""
        years = [d.year for d in dates]
        if not years:
            return []
        return [y for y in range(min(years), max(years) + 1) if y in self.missing]

    def is_workday(self, d: date) -> bool:
        t, i = self._at(d, d)
        return bool(t.flags[i])

    def count(self, a: date, b: date) -> int:
        """Working days in [a, b], both ends included (0 when a > b)."""
        if a > b:
            return 0
        _, ia = self._at(a, b)
        t, ib = self._at(b, a)
        return t.cum[ib] - (t.cum[ia - 1] if ia else 0)

    def shift(self, d: date, n: int) -> date:
        """The n-th working day after d (n > 0) or before d (n < 0); d itself not counted."""
        if n == 0:
            raise ValueError("shift needs n != 0")
        t, i = self._at(d, d)
        k = t.cum[i] + n - 1 if n > 0 else t.cum[i] - t.flags[i] + n
        return self.workday_at(k, d)

    def on_or_before(self, d: date) -> date:
        """The last working day on or before d (d itself if it is one)."""
        return self.workday_at(self.workday_index(d), d)

    # -- index arithmetic for the planner ---------------------------------------------------------

    def workday_index(self, d: date) -> int:
        """Index (into all working days) of the last working day on or before d."""
        t, i = self._at(d, d)
        return t.cum[i] - 1

    def first_index_from(self, d: date) -> int:
        """Index of the first working day on or after d."""
        t, i = self._at(d, d)
        return t.cum[i] - t.flags[i]

    def workday_at(self, k: int, near: date | None = None) -> date:
        t = self._t
        if k >= len(t.ords) and t.through < LAST_YEAR:
            t = self._grow()
        if not 0 <= k < len(t.ords):
            raise DubanError(f"日期超出日历范围（{FIRST_YEAR}–{LAST_YEAR}年）")
        d = date.fromordinal(t.ords[k])
        if self.fallback == "error" and d.year in self.missing:
            raise CalendarGapError(d.year)
        return d

    def _at(self, d: date, other: date) -> tuple[_Tables, int]:
        if not FIRST_YEAR <= d.year <= LAST_YEAR:
            raise DubanError(f"日期 {d.isoformat()} 超出日历范围（{FIRST_YEAR}–{LAST_YEAR}年）")
        if self.fallback == "error":
            for y in range(min(d.year, other.year), max(d.year, other.year) + 1):
                if y in self.missing:
                    raise CalendarGapError(y)
        t = self._t
        if d.year > t.through:
            t = self._grow()
        return t, d.toordinal() - self._base
