"""Statutory fallback: cross-check and cost. Prints figures, asserts nothing.

- lunar-python (the dependency) against `lunardate`'s tables for 除夕/初一, 端午 and 中秋, and
  against `chinese-calendar`'s solar terms for 清明, for 2004–2099 (lunardate is optional: it is
  GPL-licensed and only used here, when installed);
- the rule against the published years 2025 and 2026 (every rule date a rest day in the package);
- the time to compute the statutory holidays of 2027–2099 and to build WorkCalendar.

    python bench/statutory_check.py
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import chinese_calendar

from scheduler.statutory import statutory_holidays
from scheduler.workdays import WorkCalendar, bundled


def lunar_mismatches(years: range) -> list[str]:
    try:
        from lunardate import LunarDate  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return ["lunardate not installed: lunar dates not cross-checked"]
    out = []
    for y in years:
        rule = statutory_holidays(y)
        expected = {LunarDate(y, 1, 1).to_solar_date() - timedelta(days=1): "春节",
                    LunarDate(y, 5, 5).to_solar_date(): "端午节", LunarDate(y, 8, 15).to_solar_date(): "中秋节"}
        out += [f"{y} {d} {n}" for d, n in expected.items() if n not in rule.get(d, "")]
    return out


def qingming_mismatches(years: range) -> list[str]:
    out = []
    for y in years:
        terms = chinese_calendar.get_solar_terms(date(y, 4, 1), date(y, 4, 10))
        day = next(d for d, name in terms if name == "清明")
        if "清明节" not in statutory_holidays(y).get(day, ""):
            out.append(f"{y} {day}")
    return out


def main() -> None:
    statutory_holidays.cache_clear()
    start = time.perf_counter()
    cal = WorkCalendar()
    print(f"WorkCalendar() cold build, table to 2 years past the data: {(time.perf_counter() - start) * 1e3:.0f} ms")
    start = time.perf_counter()
    cal.is_workday(date(2099, 1, 1))
    print(f"first query in 2099 (statutory 2029–2099 + table to 2099): {(time.perf_counter() - start) * 1e3:.0f} ms")
    years = range(2004, 2100)
    lunar = lunar_mismatches(years)
    print(f"lunar dates vs lunardate {years.start}–{years.stop - 1}: {len(lunar)} mismatches {lunar[:3]}")
    qm = qingming_mismatches(years)
    print(f"清明 vs chinese-calendar solar terms {years.start}–{years.stop - 1}: {len(qm)} mismatches {qm[:3]}")
    package = bundled()
    for y in (2025, 2026):
        rule = statutory_holidays(y)
        off = [d for d in rule if d in package.holidays]
        print(f"{y}: {len(off)}/{len(rule)} rule dates are rest days in {package.label}")
    print(f"2099 working days (statutory): {cal.count(date(2099, 1, 1), date(2099, 12, 31))}")


if __name__ == "__main__":
    main()
