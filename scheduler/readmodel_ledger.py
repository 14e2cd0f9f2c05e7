"""What the ledger knows, for the read model (read-only): the last reminder of each milestone and
whom it has not reached yet, and the failed messages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from pathlib import Path

from scheduler.ledger import HistoryRow, Ledger
from scheduler.messages import ReminderState
from scheduler.render import CHANNEL_LABEL


def ledger_facts(path: Path) -> tuple[dict[tuple[str, str], str], list[str]]:
    if not path.is_file():
        return {}, []
    ledger = Ledger(path, readonly=True)
    try:
        last = last_by_milestone(ledger.last_reminders().values())
        failures = [f"{f.unit}（{CHANNEL_LABEL.get(f.channel, f.channel)}）{f.at[:16].replace('T', ' ')}：{f.error}"
                    for f in ledger.failures()]
    finally:
        ledger.close()
    return last, failures


def _not_delivered(row: HistoryRow) -> str:
    """A unit the last reminder has not reached (yet) on every channel: queued, retrying,
    interrupted (some channels may have accepted it); or given up."""
    if row.state is ReminderState.FAILED:
        return "（失败）"
    if row.state is ReminderState.PENDING:
        return "（部分渠道待发）" if row.channels else "（待发）"
    return ""


def last_by_milestone(rows: Iterable[HistoryRow]) -> dict[tuple[str, str], str]:
    """`2021-07-01 09:00 逾期催办：省司法厅、省财政厅` for the latest handled reminder of each
    milestone (from the ledger's last reminder per (task, milestone, unit))."""
    latest: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    # by instant as a float (comparing aware datetimes asks each for its offset), and each
    # handling time written once per offset (a first pass at 20,000 tasks has ~230,000 rows)
    whens: dict[tuple[datetime, tzinfo | None], str] = {}
    for s in sorted(rows, key=lambda r: (r.handled_at.timestamp(), r.unit)):
        moment = (s.handled_at, s.handled_at.tzinfo)
        when = whens.get(moment)
        if when is None:
            when = whens[moment] = f"{s.handled_at:%Y-%m-%d %H:%M}"
        key = (s.task, s.milestone)
        if key not in latest or latest[key][0] != when:
            latest[key] = (when, s.stage, [])
        latest[key][2].append(s.unit + _not_delivered(s))
    return {k: f"{when} {stage}：{_few(units)}" for k, (when, stage, units) in latest.items()}


def _few(units: list[str]) -> str:
    return "、".join(units) if len(units) <= 3 else "、".join(units[:3]) + f"等{len(units)}个单位"
