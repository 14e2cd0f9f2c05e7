"""`duban check`: every problem of the three files, in the order a coordinator fixes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scheduler.errors import ConfigError, Problem, Severity
from scheduler.runtime import Runtime, build_runtime


@dataclass(frozen=True, slots=True)
class CheckResult:
    ok: bool
    lines: list[str]


def run_check(path: Path, now: datetime) -> CheckResult:
    try:
        runtime = build_runtime(path)
    except ConfigError as err:
        return _failed(err.problems)
    problems = [*runtime.problems, *next_year_warnings(runtime, now)]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    lines = _section("时限解析", _of(problems, Severity.INFO))
    lines += _section("警告", warnings)
    lines.append(
        f"检查通过：{len(runtime.files())}个文件，{len(runtime.tasks)}项任务，"
        f"{milestone_count(runtime)}个时间节点，{len(warnings)}条警告"
    )
    return CheckResult(True, lines)


def _failed(problems: list[Problem]) -> CheckResult:
    errors = _of(problems, Severity.ERROR)
    warnings = _of(problems, Severity.WARNING)
    lines = _section("错误", errors) + _section("警告", warnings)
    lines.append(f"检查未通过：{len(errors)}个错误，{len(warnings)}条警告")
    return CheckResult(False, lines)


def _of(problems: list[Problem], severity: Severity) -> list[Problem]:
    return [p for p in problems if p.severity is severity]


def _section(title: str, problems: list[Problem]) -> list[str]:
    return [f"{title}：", *(f"  {p.located()}" for p in problems), ""] if problems else []


def milestone_count(runtime: Runtime) -> int:
    from scheduler.plan import occurrences

    total = 0
    for task in runtime.tasks:
        total += len(task.milestones)
        if task.recurrence is not None:
            total += len(occurrences(task.recurrence, task.recurrence.until))
    return total


def next_year_warnings(runtime: Runtime, now: datetime) -> list[Problem]:
    """From November on, warn when next year's holidays are not known yet."""
    from scheduler.calendar_notice import fallback_words, how_to_add

    year, cal = now.year + 1, runtime.calendar
    if now.month < 11 or year > 2099 or cal.has_data(year):
        return []
    return [Problem(
        Severity.WARNING, runtime.settings.label, f"[calendar.years.{year}]",
        f"{year}年节假日数据尚未配置：{cal.package.label} 尚无该年数据，{year}年的工作日"
        f"{fallback_words(cal.fallback)}。{how_to_add(year)}",
    )]
