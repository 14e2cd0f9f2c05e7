"""Cross-file checks of a configuration (SPEC §2): task ids, the coordinator, secrets, calendar
years, contacts, ongoing tasks. Each reports Problems; `runtime.build_runtime` calls them in
order and raises if any is an error."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from scheduler import secrets as secret_store
from scheduler.calendar_notice import fallback_words
from scheduler.errors import CalendarGapError, DubanError, Problem, Severity
from scheduler.load.robots import key_problem
from scheduler.load.schema import Report
from scheduler.load.settings import Settings
from scheduler.load.units import Directory
from scheduler.model import SecretRef, Task

if TYPE_CHECKING:
    from scheduler.runtime import Runtime


def ids(tasks: list[Task], report: Report) -> None:
    seen: dict[str, Task] = {}
    for task in tasks:
        first = seen.setdefault(task.id, task)
        if first is not task:
            hint = "（两份文件由 duban import 生成时，请导入时用 --prefix 给各自的编号加上不同的前缀）" \
                if first.source != task.source else ""
            report(Problem(Severity.ERROR, task.source, f'第{task.line}行 [[task]] id="{task.id}"',
                           f"任务编号重复：{first.source} 第{first.line}行已有同一编号，编号必须唯一{hint}"))


def coordinator(settings: Settings, directory: Directory, report: Report) -> None:
    name = settings.coordinator
    if not name.strip():
        report(Problem(Severity.ERROR, settings.label, "coordinator",
                       f"不能为空，应为 {settings.units.name} 中的一个单位"))
    elif name in directory.groups and name not in directory.units and name not in directory.aliases:
        report(Problem(Severity.ERROR, settings.label, "coordinator",
                       f"“{name}”是 {settings.units.name} 中的分组，督办单位应为一个单位（或其别名）"))
    elif name and name not in directory.units and name not in directory.aliases:
        report(Problem(Severity.ERROR, settings.label, "coordinator",
                       f"督办单位“{name}”不在 {settings.units.name} 中{directory.suggest(name)}"))
    elif name and not directory.units[directory.resolve(name)[0]].channels:
        report(Problem(Severity.WARNING, settings.units.name, f'[unit."{name}"]',
                       "督办单位没有联系方式：发给它的提醒只会写入发件箱目录（outbox）"))


def secrets(settings: Settings, directory: Directory, strict: bool, report: Report) -> None:
    """Secrets of configured channels only: an unconfigured channel goes to the outbox."""
    severity = Severity.ERROR if strict else Severity.WARNING
    refs: list[tuple[str, str, SecretRef]] = []
    if settings.email and settings.email.password:
        refs.append((settings.label, "[channels.email] → password", settings.email.password))
    for unit in directory.units.values() if settings.wecom else ():
        if unit.wecom_key:
            refs.append((settings.units.name, f'[unit."{unit.name}"] → wecom_key', unit.wecom_key))
    for label, place, ref in refs:
        if not secret_store.present(ref):
            report(Problem(severity, label, place, f"找不到密钥：{ref.describe()} 不存在或为空"))
        elif place.endswith("wecom_key") and (problem := key_problem("wecom", secret_store.resolve(ref).reveal())):
            report(Problem(Severity.ERROR, label, place, f"{ref.describe()} 的内容{problem}"))


def calendar(runtime: Runtime, report: Report) -> None:
    """Deadlines that depend on a year without holiday data: warn (weekends) or fail (error).
    Worked out once per date (20,000 tasks share a few hundred deadlines: a reload stays fast)."""
    said: dict[date, tuple[Severity, str] | None] = {}
    for task in runtime.tasks:
        for ms in task.milestones:
            if ms.deadline not in said:
                said[ms.deadline] = _calendar_problem(runtime, ms.deadline)
            found = said[ms.deadline]
            if found is not None:
                report(Problem(found[0], task.source, _place(task, ms.id), found[1]))


def _calendar_problem(runtime: Runtime, deadline: date) -> tuple[Severity, str] | None:
    cal = runtime.calendar
    try:
        years = cal.guessed_years([deadline])
        if not years:
            cal.on_or_before(deadline)
            return None
    except CalendarGapError as err:
        years = [err.year]
    except DubanError as err:
        return Severity.ERROR, str(err)
    severity = Severity.ERROR if cal.fallback == "error" else Severity.WARNING
    return severity, (f"时限 {deadline} 所在的{years[0]}年没有节假日数据，{fallback_words(cal.fallback)}"
                      f"；请在 {runtime.settings.label} 的 [calendar.years.{years[0]}] 中补充，"
                      "或在 [calendar] files 中列出该年的通知文件")


def _place(task: Task, milestone: str) -> str:
    return f'第{task.line}行 [[task]] id="{task.id}" → 节点 {milestone}'


def contacts(runtime: Runtime, report: Report) -> None:
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


def ongoing(runtime: Runtime, report: Report) -> None:
    ongoing = [t for t in runtime.tasks if t.ongoing]
    by_file: dict[str, list[str]] = {}
    for task in ongoing:
        by_file.setdefault(task.source, []).append(task.id)
    for source, ids in by_file.items():
        report(Problem(Severity.WARNING, source, "",
                       f"{len(ids)}项任务没有时限，按持续推进处理（状态报告中列为持续推进，"
                       "不发送到期提醒）：" + "、".join(ids)))
