"""build_runtime(path): every fallible load, done before anything is swapped in.

A Runtime is the whole validated configuration: settings, the unit directory, the tasks and the
calendar, plus the warnings found on the way. It is immutable; a reload builds a new one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scheduler import secrets
from scheduler.errors import CalendarGapError, ConfigError, DubanError, Problem, Severity
from scheduler.load.reader import read_toml, read_toml_text
from scheduler.load.report_settings import check_report
from scheduler.load.schema import Report
from scheduler.load.settings import Settings, parse_settings
from scheduler.load.tasks import TaskContext, parse_tasks
from scheduler.load.units import Directory, parse_units
from scheduler.load.web import MIN_SECRET_BYTES
from scheduler.model import Policy, SecretRef, Task
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
        return (self.settings.path, self.settings.units, *self.settings.tasks)

    def channels_of(self, unit: str) -> tuple[str, ...]:
        found = self.directory.units.get(unit)
        return found.channels if found else ()


def build_runtime(path: Path, strict_secrets: bool = False) -> Runtime:
    """Load and cross-check all files; raise ConfigError listing every error found."""
    problems: list[Problem] = []
    report = problems.append
    try:
        settings = parse_settings(read_toml(path), path, report)
        _raise_if_errors(problems)
        calendar = WorkCalendar(settings.calendar.years, settings.calendar.fallback)
        directory = parse_units(read_toml(settings.units), settings.units, report)
        ctx = TaskContext(directory, settings.policies, report)
        tasks: list[Task] = []
        for task_path in settings.tasks:
            data, text = _read_or_collect(task_path, problems)
            if data is not None:
                tasks.extend(parse_tasks(data, text, task_path, ctx))
    except ConfigError as err:
        raise ConfigError(problems + err.problems) from None
    _check_ids(tasks, report)
    _check_coordinator(settings, directory, report)
    check_report(settings.report, settings.label, directory, report)
    _check_secrets(settings, directory, strict_secrets, report)
    _raise_if_errors(problems)
    runtime = Runtime(settings, directory, tuple(tasks), calendar, ())
    _check_calendar(runtime, report)
    _check_contacts(runtime, report)
    _check_ongoing(runtime, report)
    _raise_if_errors(problems)
    return Runtime(settings, directory, tuple(tasks), calendar, tuple(problems))


def _raise_if_errors(problems: list[Problem]) -> None:
    if any(p.severity is Severity.ERROR for p in problems):
        raise ConfigError(problems)


def _read_or_collect(path: Path, problems: list[Problem]) -> tuple[dict[str, object] | None, str]:
    """Read one tasks file; its failure is collected so the other files are still checked."""
    try:
        return read_toml_text(path)
    except ConfigError as err:
        problems.extend(err.problems)
        return None, ""


def _check_ids(tasks: list[Task], report: Report) -> None:
    seen: dict[str, Task] = {}
    for task in tasks:
        first = seen.setdefault(task.id, task)
        if first is not task:
            report(Problem(Severity.ERROR, task.source, f'第{task.line}行 [[task]] id="{task.id}"',
                           f"任务编号重复：{first.source} 第{first.line}行已有同一编号，编号必须唯一"))


def _check_coordinator(settings: Settings, directory: Directory, report: Report) -> None:
    name = settings.coordinator
    if name and name not in directory.units and name not in directory.aliases:
        report(Problem(Severity.ERROR, settings.label, "coordinator",
                       f"督办单位“{name}”不在 {settings.units.name} 中{directory.suggest(name)}"))
    elif name and not directory.units[directory.resolve(name)[0]].channels:
        report(Problem(Severity.WARNING, settings.units.name, f'[unit."{name}"]',
                       "督办单位没有联系方式：发给它的提醒只会写入发件箱目录（outbox）"))


def _check_secrets(settings: Settings, directory: Directory, strict: bool, report: Report) -> None:
    """Secrets of configured channels only: an unconfigured channel goes to the outbox."""
    severity = Severity.ERROR if strict else Severity.WARNING
    refs: list[tuple[str, str, SecretRef]] = []
    if settings.email and settings.email.password:
        refs.append((settings.label, "[channels.email] → password", settings.email.password))
    for unit in directory.units.values() if settings.wecom else ():
        if unit.wecom_key:
            refs.append((settings.units.name, f'[unit."{unit.name}"] → wecom_key', unit.wecom_key))
    for label, place, ref in refs:
        if not secrets.present(ref):
            report(Problem(severity, label, place, f"找不到密钥：{ref.describe()} 不存在或为空"))
    _check_web_secret(settings, severity, report)


def _check_web_secret(settings: Settings, severity: Severity, report: Report) -> None:
    """[web] signs links and sessions with a secret of at least 32 bytes (its value is never shown)."""
    ref = settings.web.secret if settings.web else None
    if ref is None:
        return
    if not secrets.present(ref):
        report(Problem(severity, settings.label, "[web] → secret", f"找不到密钥：{ref.describe()} 不存在或为空"))
    elif len(secrets.resolve(ref).reveal().encode()) < MIN_SECRET_BYTES:
        report(Problem(Severity.ERROR, settings.label, "[web] → secret",
                       f"{ref.describe()} 中的密钥太短：至少需要 {MIN_SECRET_BYTES} 字节"
                       "（可用 openssl rand -base64 48 生成）"))


def _check_calendar(runtime: Runtime, report: Report) -> None:
    """Deadlines that depend on a year without holiday data: warn (weekends) or fail (error)."""
    cal = runtime.calendar
    for task in runtime.tasks:
        for ms in task.milestones:
            try:
                years = cal.guessed_years([ms.deadline])
                if not years:
                    cal.on_or_before(ms.deadline)
                    continue
            except CalendarGapError as err:
                years = [err.year]
            except DubanError as err:
                report(Problem(Severity.ERROR, task.source, _place(task, ms.id), str(err)))
                continue
            severity = Severity.ERROR if cal.fallback == "error" else Severity.WARNING
            report(Problem(severity, task.source, _place(task, ms.id),
                           f"时限 {ms.deadline} 所在的{years[0]}年没有节假日数据，"
                           + ("暂按周一至周五为工作日计算" if severity is Severity.WARNING else
                              "无法计算工作日")
                           + f"；请在 duban.toml 的 [calendar.years.{years[0]}] 中补充"))


def _place(task: Task, milestone: str) -> str:
    return f'第{task.line}行 [[task]] id="{task.id}" → 节点 {milestone}'


def _check_contacts(runtime: Runtime, report: Report) -> None:
    names: dict[str, None] = {}
    for task in runtime.tasks:
        for name in (*task.lead, *task.responsible, *task.cooperating):
            names.setdefault(name, None)
    used: dict[str, None] = {}
    for name in names:
        for unit in runtime.directory.resolve(name):
            used.setdefault(unit, None)
    silent = [u for u in used if not runtime.channels_of(u)]
    if silent:
        report(Problem(Severity.WARNING, runtime.settings.units.name, "",
                       f"{len(silent)}个单位未配置联系方式，它们的提醒将发给督办单位"
                       f"“{runtime.settings.coordinator}”：" + "、".join(silent)))


def _check_ongoing(runtime: Runtime, report: Report) -> None:
    ongoing = [t for t in runtime.tasks if t.ongoing]
    by_file: dict[str, list[str]] = {}
    for task in ongoing:
        by_file.setdefault(task.source, []).append(task.id)
    for source, ids in by_file.items():
        report(Problem(Severity.WARNING, source, "",
                       f"{len(ids)}项任务没有时限，按持续推进处理（状态报告中列为持续推进，"
                       "不发送到期提醒）：" + "、".join(ids)))


def config_path(given: str | None) -> Path:
    return Path(given or os.environ.get("DUBAN_CONFIG") or "config/duban.toml")


def planner_for(runtime: Runtime) -> Planner:
    """The planner of a runtime (its audience cache lives as long as the planner)."""
    s = runtime.settings
    audience = Audience(runtime.directory, s.coordinator)
    return Planner(runtime.calendar, s.policies, audience, s.send_at, s.timezone)
