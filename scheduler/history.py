"""`duban history`: the audit trail of delivery (SPEC §4), read-only.

Every reminder the daemon handled, by fire time: sent (every channel accepted it), superseded,
pending (waiting, being retried, or paused for review) or failed (given up and reported), when that state was
reached and the channels that accepted it. What the coordinator reads to answer "was unit X
told, and when?". Needs only the settings file (and the units file for --unit).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

from scheduler.clock import parse_day
from scheduler.errors import DubanError, Problem
from scheduler.ledger import HistoryRow, Ledger
from scheduler.load.reader import read_toml
from scheduler.load.settings import load_settings
from scheduler.load.units import parse_units
from scheduler.messages import ReminderState
from scheduler.plan_view import pad
from scheduler.render import CHANNEL_LABEL

STATE_LABEL = {ReminderState.SENT: "已送达", ReminderState.SUPERSEDED: "已被取代",
               ReminderState.PENDING: "待发或重试中", ReminderState.FAILED: "失败"}
PAUSED_LABEL = "暂停（待审核）"  # pending: a 办结 of its milestone waits for review (SPEC 3.4)


def history_rows(path: Path, start: str | None, end: str | None, task: str | None,
                 unit: str | None) -> list[HistoryRow]:
    settings = load_settings(path)
    tz = settings.timezone
    lo = datetime.combine(parse_day(start, "--from"), time(), tz) if start else None
    hi = datetime.combine(parse_day(end, "--to"), time.max, tz) if end else None
    if lo and hi and hi < lo:
        raise DubanError(f"--to（{end}）早于 --from（{start}）")
    units: set[str] | None = None
    if unit:
        problems: list[Problem] = []
        directory = parse_units(read_toml(settings.units), settings.units, problems.append)
        if not directory.known(unit):
            raise DubanError(f"units.toml 中没有单位、别名或分组“{unit}”{directory.suggest(unit)}")
        units = set(directory.resolve(unit))
    if not settings.state.is_file():
        return []
    with Ledger(settings.state, readonly=True) as ledger:
        rows = ledger.history(lo, hi)
    return [r for r in rows if (not task or r.task == task) and (units is None or r.unit in units)]


def row_json(row: HistoryRow) -> dict[str, object]:
    return {"at": row.at.isoformat(timespec="seconds"), "task": row.task, "milestone": row.milestone,
            "due": row.due.isoformat(), "stage": row.stage, "repetition": row.repetition, "unit": row.unit,
            "state": row.state.value, "handled_at": row.handled_at.isoformat(timespec="seconds"),
            "channels": list(row.channels)}


def to_json(rows: list[HistoryRow]) -> str:
    return json.dumps([row_json(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_table(rows: list[HistoryRow]) -> Iterator[str]:
    if not rows:
        yield "（没有发送记录）\n"
        return
    yield (f"{pad('提醒时间', 16)}  {pad('任务', 10)}  {pad('节点', 10)}  {pad('阶段', 8)}  {pad('单位', 22)}  "
           f"{pad('状态', 12)}  {pad('处理时间', 16)}  渠道\n")
    for r in rows:
        channels = "、".join(CHANNEL_LABEL.get(c, c) for c in r.channels) or "—"
        label = PAUSED_LABEL if r.paused else STATE_LABEL[r.state]
        yield (f"{r.at:%Y-%m-%d %H:%M}  {pad(r.task, 10)}  {pad(r.milestone, 10)}  {pad(r.stage, 8)}  "
               f"{pad(r.unit, 22)}  {pad(label, 12)}  {r.handled_at:%Y-%m-%d %H:%M}  {channels}\n")
    counts = {s: sum(r.state is s for r in rows) for s in ReminderState}
    yield "\n" + "，".join(f"{STATE_LABEL[s]}{n}条" for s, n in counts.items() if n) + "\n"
