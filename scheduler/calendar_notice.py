"""The calendar's next year (SPEC §3.6): a pure notice for each year the plans need but no data covers.

When a date the daemon plans with — the next 60 working days, or an open milestone's deadline —
falls in a year without holiday data, and today is on or after November 1 of the year before,
there is a notice: which year, how many open milestones have their deadline in it, how the year is
counted meanwhile, and the two ways to add the State Council's notice. The same text is shown at
the top of `duban status` and sent once to the coordinator (`fingerprint`: the year and what the
notice says about it, not the milestone count, so a growing task list does not resend it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from scheduler.errors import CalendarGapError, DubanError
from scheduler.model import Task
from scheduler.plan import open_milestones
from scheduler.workdays import LAST_YEAR, WorkCalendar

HORIZON = 60  # working days the daemon plans ahead (SPEC §3.6)


@dataclass(frozen=True, slots=True)
class YearNotice:
    year: int
    milestones: int  # open milestones whose deadline falls in the year
    title: str
    lines: tuple[str, ...]
    fingerprint: str

    def text(self) -> str:
        return f"{self.title}：" + "".join(self.lines)


def fallback_words(fallback: str) -> str:
    """How a year without data is counted, as a clause."""
    return {
        "statutory": "暂按法定节假日推算（元旦、春节除夕至初三、清明、5月1–2日、端午、中秋、10月1–3日放假，"
                     "周六周日休息，不含调休上班日）",
        "weekends": "暂按周一至周五为工作日计算（春节、国庆等节假日也算作工作日）",
        "error": "无法计算工作日（calendar.fallback = \"error\"）",
    }[fallback]


def how_to_add(year: int) -> str:
    return (f"国务院办公厅《关于{year}年部分节假日安排的通知》发布后，任选一种方式补充：在 duban.toml 的 "
            f"[calendar.years.{year}] 中写入 holidays（放假日期）和 workdays（调休上班日），或把 holiday-cn "
            f"格式的 {year}.json 放在配置目录并列入 [calendar] files；补充后用 duban workdays year {year} 核对。")


def next_year_notices(calendar: WorkCalendar, deadlines: Iterable[date], today: date) -> list[YearNotice]:
    """The notices due on `today`; `deadlines` are those of the open milestones (repeats allowed)."""
    by_year: dict[int, int] = {}
    for deadline in deadlines:
        by_year[deadline.year] = by_year.get(deadline.year, 0) + 1
    horizon = _horizon_years(calendar, today)
    years = sorted(y for y in {*by_year, *horizon}
                   if not calendar.has_data(y) and y >= today.year and today >= date(y - 1, 11, 1))
    return [_notice(calendar, y, by_year.get(y, 0), y in horizon) for y in years]


def open_deadlines(tasks: Iterable[Task], today: date) -> list[date]:
    """The deadlines of the open milestones up to the end of next year (recurrences included)."""
    through = date(min(today.year + 1, 2099), 12, 31)
    return [ms.deadline for task in tasks for ms in open_milestones(task, through)]


def _horizon_years(calendar: WorkCalendar, today: date) -> set[int]:
    try:
        end = calendar.shift(today, HORIZON)
    except CalendarGapError as err:
        return {today.year, err.year}
    except DubanError:  # the 60 working days reach past the calendar's end (2099): up to its end
        return set(range(today.year, LAST_YEAR + 1))
    return set(range(today.year, end.year + 1))


def _notice(calendar: WorkCalendar, year: int, milestones: int, near: bool) -> YearNotice:
    covered = calendar.package.years
    depends = [f"{milestones}个未完成时间节点的时限在{year}年"] if milestones else []
    depends += [f"今后{HORIZON}个工作日将跨入{year}年"] if near else []
    stable = (f"{year}年的节假日数据尚未配置（{calendar.package.label} 只含 {covered.start}–{covered.stop - 1} 年），"
              f"{year}年的工作日{fallback_words(calendar.fallback)}。", how_to_add(year))
    lines = (stable[0], "；".join(depends) + "。", stable[1])
    digest = hashlib.sha256("\n".join((f"calendar-year:{year}", *stable)).encode()).hexdigest()
    return YearNotice(year, milestones, f"{year}年节假日安排尚未配置", lines, digest)
