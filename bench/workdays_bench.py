"""Working-day calendar speed: WorkCalendar vs the same operations walked day by day on the
chinese-calendar package's own `is_workday`. Prints median µs per operation and the ratio.

    python bench/workdays_bench.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

import chinese_calendar

from scheduler.workdays import WorkCalendar


def naive_shift(d: date, n: int) -> date:
    step = timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    while left:
        d += step
        left -= chinese_calendar.is_workday(d)
    return d


def naive_count(a: date, b: date) -> int:
    total = 0
    while a <= b:
        total += chinese_calendar.is_workday(a)
        a += timedelta(days=1)
    return total


def median_us(fn: Callable[[], object], repeat: int = 7, number: int = 2000) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number * 1e6)
    return statistics.median(samples)


def main() -> None:
    cal = WorkCalendar()
    rng = random.Random(1)
    days = [date(2019, 1, 1) + timedelta(days=rng.randrange(2500)) for _ in range(4096)]
    ns = [rng.choice((-10, -3, 1, 5, 20)) for _ in range(4096)]
    spans = [(d, d + timedelta(days=rng.randrange(10, 60))) for d in days]
    it = iter(range(10**9))

    def pick() -> int:
        return next(it) % 4096

    rows = [
        ("shift", lambda: cal.shift(days[(i := pick())], ns[i]), lambda: naive_shift(days[(i := pick())], ns[i])),
        ("count", lambda: cal.count(*spans[pick()]), lambda: naive_count(*spans[pick()])),
        ("is_workday", lambda: cal.is_workday(days[pick()]), lambda: chinese_calendar.is_workday(days[pick()])),
        ("on_or_before", lambda: cal.on_or_before(days[pick()]), lambda: naive_shift(days[pick()] + timedelta(1), -1)),
    ]
    build = time.perf_counter()
    WorkCalendar()
    print(f"WorkCalendar() build (2000–2099): {(time.perf_counter() - build) * 1e3:.1f} ms")
    print(f"{'operation':<14}{'duban µs':>10}{'day-walk µs':>13}{'ratio':>9}")
    for name, fast, slow in rows:
        f, s = median_us(fast), median_us(slow, number=200)
        print(f"{name:<14}{f:>10.2f}{s:>13.1f}{s / f:>8.0f}×")


if __name__ == "__main__":
    main()
