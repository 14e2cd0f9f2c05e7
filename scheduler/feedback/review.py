"""Submissions checked, decisions taken and written back (SPEC §3.4). The CLI and the web call these.

    submit(store, index, ...)      a unit's 进展/办结/延期申请, validated against its open milestones
    decide(store, runtime, ...)    accept (write the tasks file, then record) or reject (record)
    pause_for(runtime, path)       the pause rule applied by the pipeline
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.feedback.mine import UnitIndex
from scheduler.feedback.pause import Pause, pause_of
from scheduler.feedback.readers import pending_done
from scheduler.feedback.store import KINDS, STATE_LABEL, Store, Submission
from scheduler.feedback.writeback import Edit, NotInFile, commit, prepare
from scheduler.model import Milestone, Task
from scheduler.runtime import Runtime

NOTE_LIMIT = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # C0 but tab and newline, DEL, C1
_DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides, isolates: text that misleads
_LATEST = date(2099, 12, 31)


class FieldError(DubanError):
    """A bad form field (HTTP 400)."""


class NotYours(DubanError):
    """Not one of this unit's open milestones (HTTP 404)."""


def submit(store: Store, index: UnitIndex, now: datetime, unit: str, key: str, kind: str, day: str,
           note: str, address: str) -> int:
    today = now.date()
    if kind not in KINDS:
        raise FieldError("反馈类型应为 progress（进展）、done（办结）或 extend（延期申请）")
    held = index.find(unit, key, today)
    if held is None:
        raise NotYours("没有这个节点")
    note = _clean(note)
    if len(note) > NOTE_LIMIT:
        raise FieldError(f"说明不能超过 {NOTE_LIMIT} 字")
    when = _day(day) if kind != "progress" else None
    if kind == "progress" and not note:
        raise FieldError("请填写进展情况")
    if kind == "done" and not held.may_close:
        raise FieldError("周期性任务每一次的办结由牵头单位报告，本单位可以反馈进展")
    if kind == "done" and (when is None or when > today):
        raise FieldError("请填写完成日期（不晚于今天）")
    if kind == "extend":
        if held.recurring:
            raise FieldError("周期性任务不能申请延期")
        if when is None:
            raise FieldError(f"请填写延期后的新时限（应晚于当前时限 {held.milestone.deadline}）")
        if when <= held.milestone.deadline or when > _LATEST:
            raise FieldError(f"延期后的时限应晚于当前时限 {held.milestone.deadline}")
        if not note:
            raise FieldError("请填写延期理由")
    return store.submit(now, unit, held.task.id, held.milestone.id, kind, when.isoformat() if when else "",
                        note, address)


def _clean(note: str) -> str:
    return _DIRECTION.sub("", _CONTROL.sub(" ", note)).strip()


def _day(text: str) -> date | None:
    try:
        found = date.fromisoformat(text.strip())
    except ValueError:
        return None
    return found if date(2000, 1, 1) <= found <= _LATEST else None


def decide(store: Store, runtime: Runtime, ident: int, accept: bool, now: datetime, author: str,
           note: str, address: str) -> str:
    """Take the decision on a waiting submission; an accepted one is written back first.
    Returns a Chinese sentence saying what was done."""
    sub = store.get(ident)
    if sub is None:
        raise DubanError(f"没有编号为 {ident} 的反馈")
    if sub.state != "waiting":
        raise DubanError(f"反馈 {ident} 不需要审核或已审核（{STATE_LABEL.get(sub.state, sub.state)}）")
    note = _clean(note)[:NOTE_LIMIT]
    if not accept and not note:
        raise DubanError("不同意时请写明理由（--note）")
    summaries = ["已记录：不同意"]

    def write() -> None:  # inside the decision: no other decider gets between the check and the write
        summaries.append(write_back(runtime, sub, now.date()))

    if not store.decide(ident, accept, now, author, note, address, write if accept else None):
        raise DubanError(f"反馈 {ident} 已由他人审核")
    return summaries[-1]


def write_back(runtime: Runtime, sub: Submission, decided: date) -> str:
    task, milestone = _locate(runtime, sub)
    leads = UnitIndex.leads_of(runtime, task)
    edit = Edit(sub.kind, sub.task, sub.milestone, sub.unit, not leads or sub.unit in leads,
                date.fromisoformat(sub.date), sub.submitted_day, decided, milestone.deadline, milestone.written)
    errors: list[str] = []
    for path in _files_of(runtime, task):
        try:
            prepared = prepare(path, edit)
        except NotInFile as err:  # found in none of them: every file is named
            errors.append(str(err))
            continue
        commit(prepared)
        return f"已写入 {path.name}：{prepared.summary}"
    raise DubanError("；".join(errors) or f"找不到定义任务“{task.id}”的任务文件")


def _locate(runtime: Runtime, sub: Submission) -> tuple[Task, Milestone]:
    task = next((t for t in runtime.tasks if t.id == sub.task), None)
    if task is None:
        raise DubanError(f"任务“{sub.task}”已不在任务文件中，无法写回")
    found = next((m for m in task.milestones if m.id == sub.milestone), None)
    if found is None and task.recurrence is not None:
        try:
            occurrence = date.fromisoformat(sub.milestone)
        except ValueError:
            occurrence = None
        found = Milestone(sub.milestone, occurrence) if occurrence else None
    if found is None:
        raise DubanError(f"任务“{sub.task}”已没有节点“{sub.milestone}”，无法写回")
    return task, found


def _files_of(runtime: Runtime, task: Task) -> list[Path]:
    """The file that defined the task when the runtime was loaded, then the others: the coordinator may
    have moved it meanwhile (ids are unique across files)."""
    files = runtime.settings.tasks
    return [p for p in files if p.name == task.source] + [p for p in files if p.name != task.source]


def pause_for(runtime: Runtime, state: Path) -> Pause:
    """The pause of the reminders by the 办结 waiting for review in the state database."""
    waiting = pending_done(state)
    if not waiting:
        return pause_of((), lambda _t: frozenset())
    tasks = {t.id: t for t in runtime.tasks}

    def leads(task_id: str) -> frozenset[str]:
        task = tasks.get(task_id)
        return UnitIndex.leads_of(runtime, task) if task else frozenset()

    return pause_of(waiting, leads)
