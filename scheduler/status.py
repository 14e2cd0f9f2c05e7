"""`duban status`: each open milestone with its light, the last reminder, failures. Read-only."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from scheduler.ledger import HistoryRow, Ledger
from scheduler.model import ReminderState, Role, TaskStatus
from scheduler.plan import horizon, lookahead_of, open_milestones
from scheduler.plan_view import pad
from scheduler.runtime import Runtime

LIGHTS = ("绿", "黄", "红")


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
    return "红" if days < 0 else "黄" if days <= 3 else "绿"


def working_days_left(runtime: Runtime, today: date, due: date) -> int:
    """Working days after today up to due (0 = due today); negative: working days overdue."""
    cal = runtime.calendar
    one = timedelta(days=1)
    return cal.count(today + one, due) if due >= today else -cal.count(due + one, today)


def build(runtime: Runtime, today: date) -> tuple[list[Row], list[UnitCount], list[str]]:
    cal = runtime.calendar
    ledger = _ledger(runtime.settings.state)
    last = _last_by_milestone(ledger.last_reminders().values() if ledger else ())
    failed = ledger.failures() if ledger else []
    rows: list[Row] = []
    units: dict[str, UnitCount] = {}
    for task in runtime.tasks:
        if task.status is not TaskStatus.OPEN:
            continue
        through = horizon(cal, today, lookahead_of(runtime.policies[task.policy]))
        for ms in open_milestones(task, through):
            due = cal.on_or_before(ms.deadline)
            days = working_days_left(runtime, today, due)
            row = Row(task.id, f"{task.number}{task.title}", ms.id, ms.written or ms.deadline.isoformat(),
                      due.isoformat(), light(days), days, last.get((task.id, ms.id), ""))
            rows.append(row)
            for unit in _units(runtime, task):
                count = units.setdefault(unit, UnitCount(unit))
                count.open += 1
                count.yellow += row.light == "黄"
                count.red += row.light == "红"
    failures = [f"{f.unit}（{f.channel}）{f.at[:16]}：{f.error}" for f in failed]
    if ledger:
        ledger.close()
    rows.sort(key=lambda r: (r.due, r.task, r.milestone))
    return rows, sorted(units.values(), key=lambda c: (-c.red, -c.yellow, c.unit)), failures


def _ledger(path: Path) -> Ledger | None:
    return Ledger(path, readonly=True) if path.is_file() else None


def _last_by_milestone(rows: Iterable[HistoryRow]) -> dict[tuple[str, str], str]:
    """`2021-07-01 09:00 逾期催办：省司法厅、省财政厅` for the latest handled reminder of each
    milestone (from the ledger's last reminder per (task, milestone, unit))."""
    latest: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    for s in sorted(rows, key=lambda r: (r.handled_at, r.unit)):
        key, when = (s.task, s.milestone), f"{s.handled_at:%Y-%m-%d %H:%M}"
        if key not in latest or latest[key][0] != when:
            latest[key] = (when, s.stage, [])
        latest[key][2].append(s.unit + ("（失败）" if s.state is ReminderState.FAILED else ""))
    return {k: f"{when} {stage}：{_few(units)}" for k, (when, stage, units) in latest.items()}


def _few(units: list[str]) -> str:
    return "、".join(units) if len(units) <= 3 else "、".join(units[:3]) + f"等{len(units)}个单位"


def _units(runtime: Runtime, task) -> list[str]:  # type: ignore[no-untyped-def]
    seen: dict[str, None] = {}
    for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING):
        for name in task.names(role):
            for unit in runtime.directory.resolve(name):
                seen.setdefault(unit, None)
    return list(seen)


def ongoing(runtime: Runtime) -> list[str]:
    return [t.id for t in runtime.tasks if t.ongoing and t.status is TaskStatus.OPEN]


def calendar_warnings(runtime: Runtime, today: date) -> list[str]:
    """SPEC §3.6 notices for `today`, as shown at the top of the status."""
    from scheduler.calendar_notice import next_year_notices, open_deadlines

    notices = next_year_notices(runtime.calendar, open_deadlines(runtime.tasks, today), today)
    return [n.text() for n in notices]


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
    yield f"  灯  {pad('任务', 10)}  {pad('节点', 10)}  到期日      {pad('剩余', 16)}  最近一次提醒\n"
    for r in rows:
        days = f"还剩{r.days}个工作日" if r.days > 0 else "今天到期" if r.days == 0 else f"逾期{-r.days}个工作日"
        yield (f"  {r.light}  {pad(r.task, 10)}  {pad(r.milestone, 10)}  {r.due}  {pad(days, 16)}  "
               f"{r.last or '（尚未提醒）'}  {r.title[:20]}\n")
    yield "\n按单位：\n"
    for u in units:
        yield f"  {pad(u.unit, 28)} 未完成{u.open}  黄{u.yellow}  红{u.red}\n"
    if failures:
        yield "\n发送失败：\n" + "".join(f"  {f}\n" for f in failures)
