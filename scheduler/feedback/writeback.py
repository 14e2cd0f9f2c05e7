"""Write an accepted decision into the tasks file where the task is defined (SPEC §3.4).

tomlkit keeps comments, order and spacing (and CRLF line ends): only the changed keys differ, byte for
byte. The write is atomic (atomic.py) and refused when the file changed between `prepare` (which read
it) and `commit`. Refused too, with the reason in Chinese: a file that is no longer TOML, inline tables
(no room for the comment), an extension of a milestone done meanwhile or whose deadline was changed
meanwhile, a non-lead unit's 办结 of a recurring occurrence. A `done` written by hand stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli
import tomlkit
from tomlkit.items import AoT, Array, Item, Table

from scheduler.errors import DubanError
from scheduler.feedback.atomic import replace_file
from scheduler.load import cache


class NotInFile(DubanError):
    """The task is not defined in this file (another tasks file may hold it)."""


class _NoMilestone(DubanError):
    """The task has no such milestone (in the text looked at)."""


class _Unreadable(DubanError):
    """The text looked at is not TOML."""


@dataclass(frozen=True, slots=True)
class Edit:
    """What an accepted submission changes."""

    kind: str  # done | extend
    task: str
    milestone: str
    unit: str
    whole: bool  # done by the lead (or a task without lead): the milestone is done for everyone
    day: date  # done: the date finished; extend: the new deadline
    reported: date
    decided: date
    old_deadline: date | None = None  # extend: the resolved current deadline
    old_written: str = ""  # extend: the current deadline as written, when a phrase


@dataclass(frozen=True, slots=True)
class Prepared:
    path: Path
    original: bytes
    text: str
    summary: str  # what changed, in Chinese


def prepare(path: Path, edit: Edit) -> Prepared:
    """Read the file and compute its new text. Only the task's own block (its `[[task]]` header up to
    the next table that is not one of its milestones) goes through tomlkit, as a document of its
    own: a 4 MB file would take tomlkit some 20 s. The rest of the text is kept as it is. When the
    block cannot be told apart that way, the whole file is edited."""
    try:
        original = path.read_bytes()
        whole = original.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise DubanError(f"无法读取任务文件 {path}：{err}") from None
    start, end = _block(whole, edit.task)
    try:
        text, summary = _edited(whole[start:end], edit, path)
        tomli.loads(text)  # the block alone is still one valid task
        text = whole[:start] + text + whole[end:]
    except (NotInFile, _NoMilestone, _Unreadable, tomlkit.exceptions.TOMLKitError, tomli.TOMLDecodeError):
        # the block was not cut out right (a refusal is final: it does not parse the whole file again)
        if (start, end) == (0, len(whole)):
            raise
        text, summary = _edited(whole, edit, path)
    if not cache.known_good(path.resolve(), original):  # changed since the last load: it may be broken
        _valid(text, path)
    if original.startswith(b"\xef\xbb\xbf"):
        text = "\ufeff" + text
    return Prepared(path, original, text, summary)


def _edited(text: str, edit: Edit, path: Path) -> tuple[str, str]:
    try:
        doc = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as err:
        raise _Unreadable(_invalid(path, err)) from None
    summary = _apply(_task_table(doc, edit.task, path), edit, path)
    return _newlines_like(text, tomlkit.dumps(doc)), summary


def _valid(text: str, path: Path) -> None:
    """The whole file is still TOML: one that became invalid meanwhile is not written (the daemon
    would not load the decision, and the end of the pause would let reminders go out again)."""
    try:
        tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        raise DubanError(_invalid(path, err)) from None


def _invalid(path: Path, err: Exception) -> str:
    return f"任务文件 {path.name} 现在不是有效的 TOML（{err}）：请先改正（duban check），再审核"


def _newlines_like(before: str, after: str) -> str:
    """tomlkit ends the lines it adds with LF: in a CRLF text they get CRLF too."""
    if "\r\n" in before and not _LONE_LF.search(before):
        return _LONE_LF.sub("\r\n", after)
    return after


_LONE_LF = re.compile(r"(?<!\r)\n")


def commit(prepared: Prepared) -> None:
    """Replace the file atomically, unless it changed since it was read."""
    replace_file(prepared.path, prepared.original, prepared.text.encode("utf-8"))


def _block(text: str, task_id: str) -> tuple[int, int]:
    """[start, end) of the `[[task]]` block whose id is `task_id` (written as a plain basic or
    literal string before any sub-table); the whole text when it is not found that way."""
    wanted = re.compile(r'^[ \t]*id[ \t]*=[ \t]*(?:"' + re.escape(task_id) + r'"|\'' + re.escape(task_id)
                        + r"')[ \t]*(?:#.*)?$", re.MULTILINE)
    headers = [m.start() for m in _HEADER.finditer(text)] + [len(text)]
    found: int | None = None
    for i, at in enumerate(headers[:-1]):
        if found is not None and not _SUBTABLE.match(text, at):
            return found, at  # the next table that is not one of the task's milestones
        if found is None and _TASK.match(text, at) and wanted.search(text, at, headers[i + 1]):
            found = at
    return (found, len(text)) if found is not None else (0, len(text))


_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_TASK = re.compile(r"[ \t]*\[\[[ \t]*task[ \t]*\]\]")
_SUBTABLE = re.compile(r"[ \t]*\[\[?[ \t]*task[ \t]*\.")


def _task_table(doc: Any, task_id: str, path: Path) -> Table:
    tasks = doc.get("task")
    for table in tasks if isinstance(tasks, AoT | Array) else ():
        if table.get("id") == task_id:
            if not isinstance(table, Table):
                raise DubanError(_inline(path, task_id))
            return table
    raise NotInFile(f"任务文件 {path.name} 中找不到任务“{task_id}”（文件可能已被修改）")


def _apply(task: Table, edit: Edit, path: Path) -> str:
    if "repeat" in task:
        if edit.kind != "done":
            raise DubanError(f"任务“{edit.task}”是周期性任务，不能申请延期")
        if not edit.whole:
            raise DubanError(f"周期性任务“{edit.task}”的某一次只能按牵头单位的办结写入 done_through；"
                             f"“{edit.unit}”不是牵头单位，无法写回：请不同意并说明，或由牵头单位报办结")
        return _done_through(task, edit)
    target = _milestone_table(task, edit, path)
    finished = target.get("done")
    if edit.kind == "extend":
        if finished is None and task.get("status") == "done":
            finished = "任务 status = \"done\""
        if finished is not None:
            raise DubanError(f"节点 {edit.task}/{edit.milestone} 已办结（{_shown(finished)}），不能再延期："
                             "请不同意并说明")
        return _extend(target, edit)
    if edit.whole and finished is not None:  # marked done by hand meanwhile: the coordinator's date stays
        return f"节点 {edit.task}/{edit.milestone} 已写有 done = {finished}，任务文件未改动"
    if edit.whole:
        _put(target, "done", _dated(edit.day, _note(edit)))
        return f"节点 {edit.task}/{edit.milestone} 写入 done = {edit.day}"
    done_by = [str(v) for v in target.get("done_by", [])]
    if edit.unit in done_by:
        return f"节点 {edit.task}/{edit.milestone} 的 done_by 已有“{edit.unit}”，任务文件未改动"
    done_by.append(edit.unit)
    array = tomlkit.array()
    array.extend(done_by)
    array.comment(_note(edit))
    _put(target, "done_by", array)
    return f"节点 {edit.task}/{edit.milestone} 的 done_by 加入“{edit.unit}”"


def _milestone_table(task: Table, edit: Edit, path: Path) -> Table:
    milestones = task.get("milestone")
    if isinstance(milestones, Array):
        raise DubanError(_inline(path, edit.task))
    if not isinstance(milestones, AoT):
        if edit.milestone == "1" and "deadline" in task:
            return task  # the shorthand: the task itself is milestone "1"
    else:
        for i, table in enumerate(milestones):
            if str(table.get("id", i + 1)) == edit.milestone:
                return table  # type: ignore[no-any-return]
    raise _NoMilestone(f"任务文件 {path.name} 中任务“{edit.task}”没有节点“{edit.milestone}”（文件可能已被修改）")


def _inline(path: Path, task_id: str) -> str:
    return (f"任务文件 {path.name} 中任务“{task_id}”写成了行内表（task = [{{…}}] 或 milestone = [{{…}}]），"
            "行内表中不能写注释，无法自动写回：请改写为 [[task]] 与 [[task.milestone]] 后重试，或手工写入")


def _done_through(task: Table, edit: Edit) -> str:
    occurrence = date.fromisoformat(edit.milestone)
    current = _day(task.get("done_through"))
    if current is not None and current >= occurrence:
        return f"任务 {edit.task} 的 done_through 已是 {current}"
    _put(task, "done_through", _dated(occurrence, _note(edit)))
    return f"任务 {edit.task} 写入 done_through = {occurrence}"


def _extend(target: Table, edit: Edit) -> str:
    old = edit.old_deadline
    _unchanged_deadline(target.get("deadline"), edit)
    was = f"原时限“{edit.old_written}”（{old}）" if edit.old_written else f"原时限 {old}"
    note = (f"延期：{was}，{edit.unit}于{edit.reported}申请延期至{edit.day}，{edit.decided}审核同意")
    _put(target, "deadline", _dated(edit.day, note))
    if old is not None:
        _put(target, "extended_from", tomlkit.item(old))
    return f"节点 {edit.task}/{edit.milestone} 的时限改为 {edit.day}（原 {old}）"


def _day(value: object) -> date | None:
    """A TOML local date (a date-time, which the loader refuses, is not one: it does not compare)."""
    return value if isinstance(value, date) and not isinstance(value, datetime) else None


def _shown(finished: object) -> str:
    return f"done = {finished}" if isinstance(finished, date) else str(finished)


def _unchanged_deadline(current: object, edit: Edit) -> None:
    """The deadline in the file is the one the decision was taken on; a coordinator's change meanwhile
    is never overwritten (nor is a deadline shortened)."""
    where = f"节点 {edit.task}/{edit.milestone} 的"
    day = _day(current)
    if day is not None and day >= edit.day:
        raise DubanError(f"{where}时限已是 {day}，不早于申请的 {edit.day}：无需延期，本次未写入，请不同意并说明")
    if day is not None and not edit.old_written and day == edit.old_deadline:
        return
    if isinstance(current, str) and current == edit.old_written:
        return
    shown = f"“{current}”" if isinstance(current, str) else f" {current}"
    raise DubanError(f"{where}时限已改为{shown}（审核的申请针对 {edit.old_written or edit.old_deadline}）："
                     "本次未写入，请核对后重新审核")


def _note(edit: Edit) -> str:
    return f"{edit.unit}报办结：{edit.day}完成，{edit.reported}报送，{edit.decided}审核同意"


def _dated(day: date, comment: str) -> Item:
    item = tomlkit.item(day)
    item.comment(comment)
    return item


def _put(table: Table, key: str, item: Item) -> None:
    """Set `key`: in place if present, else right after the table's last plain key (before blank
    lines, comments and sub-tables that belong to what follows), with the same indentation."""
    body = table.value.body
    if key in table:
        old = table.value.item(key)
        assert isinstance(old, Item)
        item.trivia.indent = old.trivia.indent
        if item.trivia.comment:
            item.trivia.comment_ws = old.trivia.comment_ws or "  "
            if old.trivia.comment.strip():  # the coordinator's comment on the line stays, ours follows
                item.trivia.comment = old.trivia.comment.rstrip() + "；" + item.trivia.comment.lstrip("# ")
        table[key] = item
        return
    last: tuple[str, Item] | None = None
    for k, v in body:
        if k is not None and not isinstance(v, Table | AoT):
            last = (k.key, v)
    if last is None:
        table[key] = item
        return
    item.trivia.indent = last[1].trivia.indent
    if item.trivia.comment:
        item.trivia.comment_ws = "  "
    table.value._insert_after(last[0], key, item)
