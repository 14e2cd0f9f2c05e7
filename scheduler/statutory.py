"""The legal holidays of a year by rule (《全国年节及纪念日放假办法》 as revised in 2024, in force 2025).

For a year the State Council has not published yet (`fallback = "statutory"`): 元旦 1月1日; 春节
农历除夕至正月初三; 清明节 the day of the 清明 solar term; 劳动节 5月1–2日; 端午节 农历五月初五;
中秋节 农历八月十五; 国庆节 10月1–3日. No 调休 is guessed: the notice's make-up working days and
bridged days cannot be derived from the law, so only these dates (and weekends) are rest days.

Lunar dates and the solar term come from `lunar-python` (6tail, MIT), which computes them from
astronomical formulas (寿星万年历) for any year; the results for 2004–2099 agree with `lunardate`'s
tables and with `chinese-calendar`'s solar terms (checked by bench/statutory_check.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

NEW_YEAR, SPRING, QINGMING, LABOUR = "元旦", "春节", "清明节", "劳动节"
DRAGON_BOAT, MID_AUTUMN, NATIONAL = "端午节", "中秋节", "国庆节"


@lru_cache(maxsize=128)
def statutory_holidays(year: int) -> dict[date, str]:
    """The statutory holidays of `year` (Gregorian), date → name; overlapping festivals share a day."""
    out: dict[date, str] = {}

    def add(day: date, name: str) -> None:
        out[day] = f"{out[day]}、{name}" if day in out and name not in out[day] else name

    add(date(year, 1, 1), NEW_YEAR)
    new_year = _lunar(year, 1, 1)
    for i in range(-1, 3):  # 除夕 .. 初三
        add(new_year + timedelta(days=i), SPRING)
    add(_qingming(year), QINGMING)
    add(date(year, 5, 1), LABOUR)
    add(date(year, 5, 2), LABOUR)
    add(_lunar(year, 5, 5), DRAGON_BOAT)
    add(_lunar(year, 8, 15), MID_AUTUMN)
    for day in (1, 2, 3):
        add(date(year, 10, day), NATIONAL)
    return dict(sorted(out.items()))


def _lunar(year: int, month: int, day: int) -> date:
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    """The 清明 solar term of Gregorian `year` (always 4–6 April, Beijing time)."""
    from lunar_python import Lunar

    table = Lunar.fromYmd(year, 1, 1).getJieQiTable()
    solar = table["清明"]
    found = date(solar.getYear(), solar.getMonth(), solar.getDay())
    if found.year != year:  # pragma: no cover - the lunar year's table always holds its own 清明
        raise ValueError(f"no 清明 for {year}")
    return found
