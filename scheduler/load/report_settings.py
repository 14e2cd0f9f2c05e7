"""`[report]` of duban.toml (SPEC §2.1): the periodic 通报. Parsed with the settings; `to` is checked
against the units file once both are loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scheduler.errors import Problem, Severity
from scheduler.load.schema import Report, Section

if TYPE_CHECKING:
    from scheduler.load.units import Directory

EVERY = ("week", "month")


@dataclass(frozen=True, slots=True)
class ReportSettings:
    every: str = "week"  # week | month
    on: int = 5  # week: 1 = Monday .. 7 = Sunday; month: day 1..31
    to: tuple[str, ...] = ()  # units, aliases or groups; empty: the coordinator


def parse_report(parent: Section) -> ReportSettings | None:
    sec = parent.optional("report", "[report]")
    if sec is None:
        return None
    every = sec.text("every", default="week")
    if every not in EVERY:
        sec.error("every", f"应为 \"week\"（每周）或 \"month\"（每月），实际是“{every}”")
        every = "week"
    on = sec.integer("on", 5 if every == "week" else 31)
    if on is not None and every == "week" and not 1 <= on <= 7:
        sec.error("on", f"每周发送时应为 1–7（1 = 星期一，7 = 星期日），实际是 {on}")
    elif on is not None and every == "month" and not 1 <= on <= 31:
        sec.error("on", f"每月发送时应为 1–31（当月的第几天，不是工作日时提前到之前最后一个工作日），实际是 {on}")
    to = sec.texts("to")
    sec.finish()
    return ReportSettings(every, on or 5, to)


def check_report(settings: ReportSettings | None, label: str, directory: Directory, report: Report) -> None:
    """Every name in `to` is a unit, alias or group of units.toml."""
    for i, name in enumerate(settings.to if settings else ()):
        if not directory.known(name):
            report(Problem(Severity.ERROR, label, f"[report] → to[{i}]",
                           f"units.toml 中没有单位、别名或分组“{name}”{directory.suggest(name)}"))
