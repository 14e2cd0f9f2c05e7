"""`duban history`: the audit trail of delivery (SPEC §4), read-only.

Every reminder the daemon handled, by fire time: sent (every channel accepted it), superseded,
pending (waiting, being retried, or paused for review) or failed (given up and reported), when that state was
reached and the channels that accepted it. What the coordinator reads to answer "was unit X
told, and when?". Needs only the settings file (and the units file for --unit).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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
                 unit: str | None) -> Iterator[HistoryRow]:
    """The rows asked for, read from the state as they are written out (the arguments are
    checked at once, before any is read)."""
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
        return iter(())
    ledger = Ledger(settings.state, readonly=True)  # opened now: a state fault is told before any output
    return _read(ledger, lo, hi, task or None, units)


def _read(ledger: Ledger, lo: datetime | None, hi: datetime | None, task: str | None,
          units: set[str] | None) -> Iterator[HistoryRow]:
    with ledger:
        yield from ledger.history_rows(lo, hi, task, units)


def row_json(row: HistoryRow) -> dict[str, object]:
    return {"at": row.at.isoformat(timespec="seconds"), "task": row.task, "milestone": row.milestone,
            "due": row.due.isoformat(), "stage": row.stage, "repetition": row.repetition, "unit": row.unit,
            "state": row.state.value, "handled_at": row.handled_at.isoformat(timespec="seconds"),
            "channels": list(row.channels)}


def to_json(rows: Iterable[HistoryRow]) -> Iterator[str]:
    """What `json.dumps([...], ensure_ascii=False, indent=2)` gives, a thousand rows at a time."""
    batch: list[str] = []
    first = True
    for row in rows:
        batch.append(_row_text(row))
        if len(batch) == 1000:
            yield ("[\n" if first else ",\n") + ",\n".join(batch)
            batch, first = [], False
    if batch:
        yield ("[\n" if first else ",\n") + ",\n".join(batch)
        first = False
    yield "[]\n" if first else "\n]\n"


_encode = json.JSONEncoder(ensure_ascii=False).encode  # a string: one C call


def _row_text(row: HistoryRow) -> str:
    """One row as `json.dumps(indent=2)` writes it inside the array (the encoder with an indent
    is the pure-Python one: ~10 times slower)."""
    lines = []
    for key, value in row_json(row).items():
        if isinstance(value, list):
            text = "[\n" + ",\n".join(f"      {_encode(v)}" for v in value) + "\n    ]" if value else "[]"
        else:
            text = str(value) if isinstance(value, int) else _encode(value)
        lines.append(f'    "{key}": {text}')
    return "  {\n" + ",\n".join(lines) + "\n  }"


def to_table(rows: Iterable[HistoryRow]) -> Iterator[str]:
    counts = dict.fromkeys(ReminderState, 0)
    for n, r in enumerate(rows):
        if n == 0:
            yield (f"{pad('提醒时间', 16)}  {pad('任务', 10)}  {pad('节点', 10)}  {pad('阶段', 8)}  {pad('单位', 22)}  "
                   f"{pad('状态', 12)}  {pad('处理时间', 16)}  渠道\n")
        counts[r.state] += 1
        channels = "、".join(CHANNEL_LABEL.get(c, c) for c in r.channels) or "—"
        label = PAUSED_LABEL if r.paused else STATE_LABEL[r.state]
        yield (f"{r.at:%Y-%m-%d %H:%M}  {pad(r.task, 10)}  {pad(r.milestone, 10)}  {pad(r.stage, 8)}  "
               f"{pad(r.unit, 22)}  {pad(label, 12)}  {r.handled_at:%Y-%m-%d %H:%M}  {channels}\n")
    if not any(counts.values()):
        yield "（没有发送记录）\n"
        return
    yield "\n" + "，".join(f"{STATE_LABEL[s]}{n}条" for s, n in counts.items() if n) + "\n"
