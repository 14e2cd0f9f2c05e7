"""build_runtime(path): every fallible load, done before anything is swapped in.

A Runtime is the whole validated configuration: settings, the unit directory, the tasks and the
calendar, plus the warnings found on the way. It is immutable; a reload builds a new one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from scheduler.errors import ConfigError, Problem, Severity
from scheduler.gcpolicy import fewer_collections
from scheduler.load import cache, check
from scheduler.load.reader import loads_located, read_text, read_toml
from scheduler.load.report_settings import check_report
from scheduler.load.robots import check_robot_keys
from scheduler.load.settings import Settings, parse_settings
from scheduler.load.task_blocks import parse_edited
from scheduler.load.task_memo import WholeParse
from scheduler.load.tasks import TaskContext, parse_tasks
from scheduler.load.units import Directory, parse_units
from scheduler.load.web import check_web_secret
from scheduler.model import Policy, Task
from scheduler.plan import Audience, Planner
from scheduler.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class Runtime:
    settings: Settings
    directory: Directory
    tasks: tuple[Task, ...]
    calendar: WorkCalendar
    problems: tuple[Problem, ...]  # warnings and notes; a Runtime is never built with errors

    @property
    def policies(self) -> Mapping[str, Policy]:
        return self.settings.policies

    def files(self) -> tuple[Path, ...]:
        holidays = (f.path for f in self.settings.calendar.files if f.path)
        return (self.settings.path, self.settings.units, *self.settings.tasks, *holidays)

    def channels_of(self, unit: str) -> tuple[str, ...]:
        found = self.directory.units.get(unit)
        return found.channels if found else ()


def build_runtime(path: Path, strict_secrets: bool = False) -> Runtime:
    """Load and cross-check all files; raise ConfigError listing every error found."""
    with fewer_collections():  # 20,000 tasks are ~1,000,000 objects (gcpolicy.py)
        return _build_runtime(path, strict_secrets)


def _build_runtime(path: Path, strict_secrets: bool) -> Runtime:
    problems: list[Problem] = []
    report = problems.append
    try:
        settings = parse_settings(read_toml(path), path, report)
        _raise_if_errors(problems)
        calendar = WorkCalendar(settings.calendar.years, settings.calendar.fallback, settings.calendar.files)
        directory = parse_units(read_toml(settings.units), settings.units, report)
        ctx = TaskContext(directory, settings.policies, report)
        tasks: list[Task] = []
        depends = (cache.digest(path), cache.digest(settings.units))
        for task_path in settings.tasks:
            found, noted = cache.tasks_of(task_path.resolve(), depends, partial(_parse, task_path, ctx))
            tasks.extend(found)
            problems.extend(noted)
    except ConfigError as err:  # raised with `problems` itself, or with a reader's own list
        raise ConfigError(problems if err.problems is problems else problems + err.problems) from None
    check.ids(tasks, report)
    check.coordinator(settings, directory, report)
    check_report(settings.report, settings.label, directory, report)
    check.secrets(settings, directory, strict_secrets, report)
    check_robot_keys(settings, directory, strict_secrets, report)
    check_web_secret(settings.web, settings.label, strict_secrets, report)
    _raise_if_errors(problems)
    runtime = Runtime(settings, directory, tuple(tasks), calendar, ())
    check.calendar(runtime, report)
    check.contacts(runtime, report)
    check.ongoing(runtime, report)
    _raise_if_errors(problems)
    return Runtime(settings, directory, tuple(tasks), calendar, tuple(problems))


def _raise_if_errors(problems: list[Problem]) -> None:
    if any(p.severity is Severity.ERROR for p in problems):
        raise ConfigError(problems)


def _parse(path: Path, ctx: TaskContext) -> tuple[list[Task], list[Problem]]:
    """One tasks file: its tasks and the problems found in it (errors included). An edited file
    is read block by block when it can be (task_blocks.py), else parsed whole."""
    noted: list[Problem] = []
    found = TaskContext(ctx.directory, ctx.policies, noted.append)
    try:
        text = read_text(path)
    except ConfigError as err:
        return [], list(err.problems)
    try:
        return parse_edited(text, path, found), noted
    except WholeParse:
        noted.clear()
    data = _parse_or_collect(text, path, noted)
    if data is None:
        return [], noted
    return parse_tasks(data, text, path, found), noted


def _parse_or_collect(text: str, path: Path, problems: list[Problem]) -> dict[str, object] | None:
    """Parse one tasks file; its failure is collected so the other files are still checked."""
    try:
        return loads_located(text, path.name)
    except ConfigError as err:
        problems.extend(err.problems)
        return None


def config_path(given: str | None) -> Path:
    return Path(given or os.environ.get("DUBAN_CONFIG") or "config/duban.toml")


def planner_for(runtime: Runtime) -> Planner:
    """The planner of a runtime (its audience cache lives as long as the planner)."""
    s = runtime.settings
    audience = Audience(runtime.directory, s.coordinator)
    return Planner(runtime.calendar, s.policies, audience, s.send_at, s.timezone)
