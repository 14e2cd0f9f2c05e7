"""The periodic 通报 as messages (SPEC §3.5): an e-mail with the 台账 attached, a summary on robots.

`enqueue_due` is called by every pass inside the send window. It looks at the ledger first (by
message key: one per period, unit and channel) and builds the report only when some message of
the due period is not enqueued yet, so a pass costs nothing once the period's report is out. The
ledger's `enqueue` (once per fingerprint) and the pipeline then record, send and retry it like
every message.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

from scheduler import readmodel
from scheduler.ledger import Ledger
from scheduler.messages import Attachment, Message
from scheduler.render import TEXT_LIMIT, truncate_bytes
from scheduler.render_items import one_line
from scheduler.render_robots import plain_payload
from scheduler.report import bulletin, register
from scheduler.report.periodic import Period, due_period
from scheduler.runtime import Runtime

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ROBOT_ITEMS = 20


def targets(runtime: Runtime) -> list[tuple[str, str]]:
    """(unit, channel) for each contact of the units in `to` (default: the coordinator). A unit
    without contact is reached through the coordinator, as its reminders are."""
    settings, directory = runtime.settings, runtime.directory
    names = (settings.report.to if settings.report else ()) or (settings.coordinator,)
    coordinator = directory.resolve(settings.coordinator)[0] if settings.coordinator else ""
    units: dict[str, None] = {}
    for name in names:
        for unit in directory.resolve(name):
            units.setdefault(unit if runtime.channels_of(unit) else coordinator, None)
    out: list[tuple[str, str]] = []
    for unit in units:
        kinds = runtime.channels_of(unit) or ("email",)  # none at all: the outbox, as for notices
        out.extend((unit, kind) for kind in kinds)
    return out


def fingerprint(period: Period, unit: str, channel: str) -> str:
    return "\x1e".join(("report", period.key, unit, channel))


def message_key(period: Period, unit: str, channel: str) -> str:
    return hashlib.sha256(fingerprint(period, unit, channel).encode()).hexdigest()[:32]


def enqueue_due(runtime: Runtime, ledger: Ledger, now: datetime) -> list[str]:
    """Enqueue the due period's report for every target not enqueued yet; the keys enqueued now.
    The ledger then sends, retries and records them like every message (once per fingerprint)."""
    settings = runtime.settings
    if settings.report is None:
        return []
    period = due_period(settings.report.every, settings.report.on, runtime.calendar, settings.send_at,
                        settings.timezone, now)
    if period is None:
        return []
    todo = [(u, c) for u, c in targets(runtime) if ledger.state_of(message_key(period, u, c)) is None]
    if not todo:
        return []
    messages = build_messages(runtime, period, now, todo)
    return [m.key for m in messages if ledger.enqueue(m, fingerprint(period, m.unit, m.channel), now)]


def build_messages(runtime: Runtime, period: Period, now: datetime, todo: list[tuple[str, str]]) -> list[Message]:
    today = now.astimezone(runtime.settings.timezone).date()
    reg = readmodel.load(runtime, today)
    b = bulletin.build(reg)
    counts = dict(b.counts)
    subject = one_line(f"【督办通报】{period.label}：逾期{counts[readmodel.State.OVERDUE]}个，"
                       f"临期{counts[readmodel.State.NEAR]}个")
    filename = f"督办台账{today.isoformat()}.xlsx"
    buffer = io.BytesIO()
    register.write_xlsx(reg, buffer)
    attachment = Attachment(filename, XLSX_TYPE, buffer.getvalue())
    text = (f"附件：{filename}（台账，共{len(reg.rows)}行；按单位统计见第二个工作表）\n\n"
            + "".join(bulletin.to_markdown(b)))
    summary = robot_summary(subject, b)
    units = runtime.directory.units
    out = []
    for unit, channel in todo:
        key = message_key(period, unit, channel)
        if channel == "email":
            emails = units[unit].emails if unit in units else ()
            out.append(Message(key, "email", unit, subject, text, emails, attachments=(attachment,)))
        else:
            payload = plain_payload(channel, summary)
            out.append(Message(key, channel, unit, subject, summary, (), "", payload))
    return out


def robot_summary(subject: str, b: bulletin.Bulletin) -> str:
    """The counts and the overdue items, within the robot's text limit."""
    lines = [subject, b.counts_text()]
    if b.overdue:
        lines.append(f"逾期事项（{len(b.overdue)}个）：")
        lines += [f"{n}. {one_line(i.task)}（节点{i.milestone}）逾期{-i.days}个工作日，{one_line(i.units)}"
                  for n, i in enumerate(b.overdue[:_ROBOT_ITEMS], 1)]
        if len(b.overdue) > _ROBOT_ITEMS:
            lines.append(f"……另有{len(b.overdue) - _ROBOT_ITEMS}个，详见邮件附件中的台账。")
    return truncate_bytes("\n".join(lines), TEXT_LIMIT)
