"""Holiday data for calendar tests that must not depend on what the bundled package holds this month.

`package_through(year)` is the bundled `chinese-calendar` data cut after `year`, injected into
`WorkCalendar(package=...)`: the years after it are "without data" whatever the package ships.
Made-up dates are only ever for a far year (2099) and are marked as such where they are defined.
"""

from __future__ import annotations

from scheduler.workdays import PackageData, bundled


def package_through(last: int) -> PackageData:
    real = bundled()
    keep = range(real.years.start, last + 1)
    return PackageData(
        {d: n for d, n in real.holidays.items() if d.year in keep},
        {d: n for d, n in real.workdays.items() if d.year in keep},
        keep, f"{real.label}（测试：截至 {last} 年）",
    )
