"""tasks.toml → Tasks (SPEC §2.3). Names are checked against the Directory, phrases resolved.

Places are written `第12行 [[task]] id="QH2021-02" → lead[1]`: the line of the task's header and
the key, so a coordinator finds the spot in a long file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dateutil.rrule import rrulestr

from scheduler import phrases
from scheduler.errors import Problem, Severity
from scheduler.load.schema import Report, Section
from scheduler.load.task_memo import REUSED, Done, Memo, WholeParse, memo_for
from scheduler.load.units import Directory
from scheduler.model import Document, Milestone, Policy, Recurrence, Task, TaskStatus
from scheduler.phrases_written import resolve_written

_ID = re.compile(r"[^\s\"'\\\x00-\x1f\x7f-\x9f]{1,64}")
_MILESTONE_ID = re.compile(r"(?=.*\S)[^\x00-\x1f\x7f-\x9f]+")
_TASK_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*task[ \t]*\]\]", re.MULTILINE)
_EARLIEST, _LATEST = date(2000, 1, 1), date(2099, 12, 31)
_ROLE_KEYS = ("lead", "responsible", "cooperating")
_SUBDAILY = re.compile(r"FREQ\s*=\s*(SECONDLY|MINUTELY|HOURLY)", re.IGNORECASE)  # dates only: would expand forever


class TaskContext:
    """What validating one file needs from the others."""

    def __init__(self, directory: Directory, policies: Mapping[str, Policy], report: Report) -> None:
        self.directory = directory
        self.policies = policies
        self.report = report


def parse_tasks(data: dict[str, Any], text: str, path: Path, ctx: TaskContext, memo: Memo | None = None) -> list[Task]:
    """`memo`: the one task_blocks.py built for this text (its block digests are not worked out again)."""
    top = Section(data, ctx.report, path.name, "")
    document = document_of(top.child(top.table("document"), "[document]"))
    lines, starts = headers(text)
    tables = top.tables("task")
    memo = memo or memo_for(path, text, starts, tables, path.name, ctx.directory, ctx.policies, document)
    noted: list[Problem] = []
    own = TaskContext(ctx.directory, ctx.policies, noted.append)  # a task's problems, kept for reuse
    tasks = []
    for i, table in enumerate(tables):
        line = lines[i] if i < len(lines) else 0
        done = memo.reuse(i, line)
        if done is None:
            if table is REUSED:  # task_blocks.py did not parse this block: it was to be reused
                raise WholeParse
            noted.clear()
            done = Done(_task(table, i, line, path.name, document, own), tuple(noted), line, i)
            memo.store(i, done)
        for problem in done.problems:
            ctx.report(problem)
        if done.task is not None:
            tasks.append(done.task)
    top.finish()
    memo.finish()
    return tasks


def headers(text: str) -> tuple[list[int], list[int]]:
    """1-based line and offset of each `[[task]]` header, counted incrementally (linear in the text)."""
    lines, starts, line, pos = [], [], 1, 0
    for m in _TASK_HEADER.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        lines.append(line)
        starts.append(pos)
    return lines, starts


def document_of(sec: Section) -> Document:
    doc = Document(sec.text("title"), sec.text("number"), sec.day("issued"))
    if doc.issued and not _EARLIEST <= doc.issued <= _LATEST:
        sec.error("issued", f"日期 {doc.issued} 不在合理范围（2000–2099年）内")
    sec.finish()
    return doc


def _task(table: dict[str, Any], index: int, line: int, label: str, document: Document,
          ctx: TaskContext) -> Task | None:
    raw_id = table.get("id")
    where = f"第{line}行 " if line else ""
    shown = f'id="{_visible(raw_id)}"' if isinstance(raw_id, str) else f"第{index + 1}项"
    sec = Section(table, ctx.report, label, f"{where}[[task]] {shown}")
    task_id = sec.text("id", required=True)
    if task_id and not _ID.fullmatch(task_id):
        sec.error("id", "应为不含空格、引号和控制字符的编号，如 \"QH2021-02\"（最长 64 个字符）")
    base_year = document.issued.year if document.issued else None
    start = _bounded_day(sec, "start")
    task = Task(
        id=task_id, title=sec.text("title", required=True), source=label, line=line,
        number=sec.text("number"), detail=sec.text("detail"),
        lead=_names(sec, "lead", ctx), responsible=_names(sec, "responsible", ctx),
        cooperating=_names(sec, "cooperating", ctx), status=_status(sec),
        policy=_policy(sec, ctx), start=start, document=document,
        milestones=_milestones(sec, base_year, ctx), recurrence=_recurrence(sec, start),
    )
    sec.texts("note")
    sec.finish()
    if not (task.lead or task.responsible or task.cooperating):
        sec.warn("lead", "没有牵头、责任或配合单位：只有发给督办单位的阶段会发送")
    _check_done_by(sec, task, ctx)
    _check_dates(sec, task)
    return task if task_id else None


def _check_dates(sec: Section, task: Task) -> None:
    """Open deadlines that no reminder can serve: before the task's start (nothing fires before
    it), or before the document was issued (a year mistyped, "2012" for "2021", more often than not)."""
    issued = task.document.issued
    single = "milestone" not in sec.data
    for i, ms in enumerate(task.milestones):
        if ms.done is not None:
            continue
        key = "deadline" if single else f"milestone[{i}] → deadline"
        if task.start is not None and ms.deadline < task.start:
            sec.warn(key, f"时限 {ms.deadline} 早于 start（{task.start}）：start 之前的提醒阶段都不会发出，请核对")
        elif issued is not None and ms.deadline < issued:
            sec.warn(key, f"时限 {ms.deadline} 早于文件印发日期（{issued}），印发时就已逾期：请核对年份")


def _visible(text: str) -> str:
    """An id as written, its control characters escaped (a place must not ring or clear a terminal)."""
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)


def _names(sec: Section, key: str, ctx: TaskContext) -> tuple[str, ...]:
    names = sec.texts(key)
    for i, name in enumerate(names):
        if not ctx.directory.known(name):
            sec.error(f"{key}[{i}]", f"units.toml 中没有单位、别名或分组“{name}”"
                      f"{ctx.directory.suggest(name)}")
    return names


def _check_done_by(sec: Section, task: Task, ctx: TaskContext) -> None:
    """A name in done_by that is none of the task's units is probably a slip: warn."""
    if not any(ms.done_by for ms in task.milestones):
        return
    mine = {u for n in (*task.lead, *task.responsible, *task.cooperating) for u in ctx.directory.resolve(n)}
    for ms in task.milestones:
        for name in ms.done_by:
            if ctx.directory.known(name) and not set(ctx.directory.resolve(name)) <= mine:
                shorthand = "deadline" in sec.data
                where = "done_by" if shorthand else f"节点 {ms.id} → done_by"
                sec.warn(where, f"“{name}”不是本任务的牵头、责任或配合单位，写在 done_by 中不起作用")


def _status(sec: Section) -> TaskStatus:
    value = sec.text("status", default="open")
    try:
        return TaskStatus(value)
    except ValueError:
        sec.error("status", f"应为 \"open\"、\"done\" 或 \"suspended\"，实际是“{value}”")
        return TaskStatus.OPEN


def _policy(sec: Section, ctx: TaskContext) -> str:
    name = sec.text("policy", default="default")
    if name not in ctx.policies:
        known = "、".join(f"“{p}”" for p in ctx.policies)
        sec.error("policy", f"duban.toml 中没有策略“{name}”，已有：{known}")
    return name


def _bounded_day(sec: Section, key: str) -> date | None:
    value = sec.day(key)
    if value is not None and not _EARLIEST <= value <= _LATEST:
        sec.error(key, f"日期 {value} 不在合理范围（2000–2099年）内")
        return None
    return value


def _deadline(sec: Section, key: str, base_year: int | None) -> tuple[date | None, str, bool]:
    """(deadline, phrase as written, present); a phrase meaning 持续推进 gives (None, phrase, True)."""
    value = sec.get(key, (date, str))
    if value is None:
        return None, "", False
    if isinstance(value, date):
        return (_bounded_day(sec, key), "", True)
    try:
        resolved = resolve_written(value, base_year)
    except phrases.PhraseError as err:
        sec.error(key, str(err))
        return None, value, True
    if resolved.deadline is not None:
        sec.report(Problem(Severity.INFO, sec.file, sec.at(key),
                           f"“{value}”按 {resolved.deadline.isoformat()} 处理"))
        if not _EARLIEST <= resolved.deadline <= _LATEST:
            sec.error(key, f"“{value}”超出合理范围（2000–2099年）")
            return None, value, True
    return resolved.deadline, value, True


_SHORTHAND_KEYS = ("done", "done_by", "extended_from")


def _milestones(sec: Section, base_year: int | None, ctx: TaskContext) -> tuple[Milestone, ...]:
    deadline, written, present = _deadline(sec, "deadline", base_year)
    tables = sec.tables("milestone")
    if present and tables:
        sec.error("milestone", "deadline 和 [[task.milestone]] 只能写一种")
    if deadline is not None:
        progress = _progress(sec, deadline, ctx)
        return (Milestone("1", deadline, "", progress[0], written, progress[1], progress[2]),)
    for key in _SHORTHAND_KEYS:
        if key in sec.data:
            sec.used.add(key)
            sec.error(key, "只有用 deadline 写了时限的任务才能在任务上写此项；"
                      "有多个时间节点时写在对应的 [[task.milestone]] 中")
    out: list[Milestone] = []
    for i, table in enumerate(tables):
        ms = sec.child(table, f"{sec.place} → milestone[{i}]")
        milestone = _milestone(ms, str(i + 1), base_year, ctx)
        if milestone is not None:
            if any(m.id == milestone.id for m in out):
                ms.error("id", f"时间节点编号“{milestone.id}”重复")
            out.append(milestone)
    return tuple(out)


def _milestone(sec: Section, default_id: str, base_year: int | None, ctx: TaskContext) -> Milestone | None:
    value = sec.get("id", (str, int))
    mid = str(value) if value is not None else default_id
    if not _MILESTONE_ID.fullmatch(mid):
        sec.error("id", "时间节点编号不能为空，也不能含控制字符（如 \"1\"、\"2\"）")
    deadline, written, present = _deadline(sec, "deadline", base_year)
    if not present:
        sec.error("deadline", "缺少必填项（如 2021-06-30 或 \"6月底前\"）")
    done, done_by, extended_from = _progress(sec, deadline, ctx)
    what = sec.text("what")
    sec.finish()
    if deadline is None:
        return None
    return Milestone(mid, deadline, what, done, written, done_by, extended_from)


def _progress(sec: Section, deadline: date | None,
              ctx: TaskContext) -> tuple[date | None, tuple[str, ...], date | None]:
    """`done`, `done_by` and `extended_from` of one milestone (or of a task's shorthand deadline)."""
    done = _bounded_day(sec, "done")
    done_by = _names(sec, "done_by", ctx)
    for i, name in enumerate(done_by):
        if name in done_by[:i]:
            sec.error(f"done_by[{i}]", f"单位“{name}”重复")
    extended_from = _bounded_day(sec, "extended_from")
    if extended_from is not None and deadline is not None and extended_from >= deadline:
        sec.error("extended_from", f"延期前的时限 {extended_from} 应早于现在的时限 {deadline}")
    return done, done_by, extended_from


def _recurrence(sec: Section, start: date | None) -> Recurrence | None:
    rule = sec.get("repeat", str)
    until = _bounded_day(sec, "until")
    done_through = _bounded_day(sec, "done_through")
    if rule is None:
        for key in ("until", "done_through"):
            if key in sec.data:
                sec.error(key, "只有写了 repeat 的任务才能写此项")
        return None
    if "deadline" in sec.data or "milestone" in sec.data:
        sec.error("repeat", "repeat 不能与 deadline 或 [[task.milestone]] 同时使用")
    if start is None:
        sec.error("start", "写了 repeat 的任务必须写 start（第一次的起算日期）")
        return None
    if until is not None and until < start:
        sec.error("until", f"{until} 早于 start（{start}）")
    elif until is not None and until > start + timedelta(days=366 * 20):
        sec.error("until", f"{until} 距 start 超过 20 年，请检查年份")
    if _SUBDAILY.search(rule):
        sec.error("repeat", f"“{rule}”重复得比每天更频繁：每次是一个以日期为编号的时间节点，"
                  "应为 DAILY、WEEKLY、MONTHLY 或 YEARLY")
        return None
    if not _valid_rrule(rule, start):
        sec.error("repeat", f"“{rule}”不是有效的 RRULE（RFC 5545），"
                  "如 \"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1\"（每季度最后一天）")
        return None
    return Recurrence(rule, start, until, done_through)


def _valid_rrule(rule: str, start: date) -> bool:
    if "DTSTART" in rule.upper() or "\n" in rule:
        return False
    try:
        rr = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
        next(iter(rr), None)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return False
    return True

