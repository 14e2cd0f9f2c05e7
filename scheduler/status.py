"""`duban status`: each open milestone with its light, the last reminder, failures. Read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date

from scheduler import readmodel
from scheduler.model import Role, TaskStatus
from scheduler.plan import horizon, lookahead_of
from scheduler.plan_view import pad
from scheduler.render_items import one_line
from scheduler.runtime import Runtime
from scheduler.wording import clip, days_left

LIGHTS = ("绿", "黄", "红")
TITLE_COLUMNS = 40  # the title (last column) in the table, in terminal columns


@dataclass
class Row:
    task: str
    title: str
    milestone: str
    deadline: str
    due: str
    light: str
    days: int  # working days left (>= 0) or overdue (< 0)
    last: str = ""  # when, stage, to whom
    failures: list[str] = field(default_factory=list)


@dataclass
class UnitCount:
    unit: str
    open: int = 0
    yellow: int = 0
    red: int = 0


def light(days: int) -> str:
    return readmodel.light(days)


def working_days_left(runtime: Runtime, today: date, due: date) -> int:
    """Working days after today up to due (0 = due today); negative: working days overdue."""
    return readmodel.working_days_left(runtime.calendar, today, due)


def build(runtime: Runtime, today: date) -> tuple[list[Row], list[UnitCount], list[str]]:
    register = readmodel.load(runtime, today)
    shown = [r for r in register.rows if r.light and _within_horizon(runtime, today, r)]
    return rows_of(shown), unit_counts(shown, register.roles), list(register.failures)


def _within_horizon(runtime: Runtime, today: date, row: readmodel.Row) -> bool:
    """A recurring task's occurrences are shown up to the one look-ahead of plan and catch-up
    (plan.horizon); fixed milestones always. (The 台账 lists occurrences a year ahead.)"""
    task = row.task
    if task.recurrence is None or row.deadline is None:
        return True
    return row.deadline <= horizon(runtime.calendar, today, lookahead_of(runtime.policies[task.policy]))


def rows_of(shown: list[readmodel.Row]) -> list[Row]:
    """The open milestones of open tasks (待审核 ones too), by due date."""
    rows = [Row(r.task.id, f"{r.task.number}{r.task.title}", r.milestone, r.written, r.due.isoformat(),
                r.light, r.days, r.last_reminder)
            for r in shown if r.due is not None and r.days is not None]
    rows.sort(key=lambda r: (r.due, r.task, r.milestone))
    return rows


def unit_counts(shown: list[readmodel.Row], roles: Mapping[str, tuple[tuple[str, Role], ...]]) -> list[UnitCount]:
    units: dict[str, UnitCount] = {}
    for r in shown:
        for unit, _role in roles[r.task.id]:
            if unit in r.done_by:
                continue
            count = units.setdefault(unit, UnitCount(unit))
            count.open += 1
            count.yellow += r.light == "黄"
            count.red += r.light == "红"
    return sorted(units.values(), key=lambda c: (-c.red, -c.yellow, c.unit))


def ongoing(runtime: Runtime) -> list[str]:
    return [t.id for t in runtime.tasks if t.ongoing and t.status is TaskStatus.OPEN]


def calendar_warnings(runtime: Runtime, today: date) -> list[str]:
    """SPEC §3.6 notices for `today`, as shown at the top of the status."""
    from scheduler.calendar_notice import next_year_notices, open_deadlines

    notices = next_year_notices(runtime.calendar, open_deadlines(runtime.tasks, today), today)
    return ["".join(n.lines) for n in notices]  # the lines say it all; the title is for the message


def to_json(runtime: Runtime, today: date) -> str:
    rows, units, failures = build(runtime, today)
    return json.dumps({"date": today.isoformat(), "calendar": calendar_warnings(runtime, today),
                       "milestones": [asdict(r) for r in rows],
                       "units": [asdict(u) for u in units], "ongoing": ongoing(runtime), "failures": failures},
                      ensure_ascii=False, indent=2) + "\n"


def to_table(runtime: Runtime, today: date) -> Iterator[str]:
    rows, units, failures = build(runtime, today)
    counts = {name: sum(r.light == name for r in rows) for name in LIGHTS}
    yield "".join(f"警告：{text}\n\n" for text in calendar_warnings(runtime, today))
    yield (f"{today.isoformat()}：{len(rows)}个未完成节点（绿{counts['绿']}、黄{counts['黄']}、红{counts['红']}），"
           f"{len(ongoing(runtime))}项持续推进\n\n")
    yield f"  灯  {pad('任务', 10)}  {pad('节点', 10)}  到期日      {pad('剩余', 20)}  最近一次提醒\n"
    for r in rows:
        yield (f"  {r.light}  {pad(r.task, 10)}  {pad(r.milestone, 10)}  {r.due}  {pad(days_left(r.days), 20)}  "
               f"{r.last or '（尚未提醒）'}  {clip(one_line(r.title), TITLE_COLUMNS)}\n")
    yield "\n按单位：\n"
    for u in units:
        yield f"  {pad(one_line(u.unit), 28)} 未完成{u.open}  黄{u.yellow}  红{u.red}\n"
    if failures:
        yield "\n发送失败：\n" + "".join(f"  {one_line(f)}\n" for f in failures)
