"""One pass of the daemon: plan → due → group → render → deliver → record. The spine.

    run_pass(services, now):
        candidates = the latest firing of each stage up to now       (plan.py)
        decision   = latest per (task, milestone, unit), not handled (due.py)
        digests    = one per unit and channel                        (group.py)
        messages   = rendered                                        (render.py)
        each message: recorded pending → delivered → recorded        (ledger.py, deliver.py)
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime

from scheduler.channels.base import Outcome
from scheduler.channels.factory import Channels
from scheduler.deliver import Deliverer
from scheduler.due import SendWindow, decide
from scheduler.feedback.pause import apply_pause
from scheduler.feedback.review import pause_for
from scheduler.group import group
from scheduler.ledger import Ledger
from scheduler.model import Message, identity_key, identity_row
from scheduler.plan import Planner
from scheduler.render import CHANNEL_LABEL, TEXT_LIMIT, Renderer, truncate_bytes
from scheduler.runtime import Runtime, planner_for
from scheduler.web.links import link_maker

log = logging.getLogger("duban")
STATE = {Outcome.SENT: "sent", Outcome.PERMANENT: "failed", Outcome.TEMPORARY: "retry"}


@dataclass
class Services:
    runtime: Runtime
    ledger: Ledger
    channels: Channels
    deliverer: Deliverer
    planner: Planner = field(init=False)
    renderer: Renderer = field(init=False)

    def __post_init__(self) -> None:
        self.swap(self.runtime)

    def swap(self, runtime: Runtime) -> None:
        """Take a new, already validated runtime (hot reload)."""
        self.runtime = runtime
        self.planner = planner_for(runtime)
        self.renderer = Renderer(runtime.settings.path.parent / "templates")

    @property
    def window(self) -> SendWindow:
        s = self.runtime.settings
        return SendWindow(s.send_at, s.send_until, s.timezone, self.runtime.calendar)


@dataclass
class PassResult:
    waiting: bool = False  # outside the send window
    due: int = 0  # reminders waiting for the window (when waiting)
    sent: int = 0
    retry: int = 0
    failed: list[str] = field(default_factory=list)
    superseded: int = 0


async def run_pass(svc: Services, now: datetime) -> PassResult:
    runtime = svc.runtime
    candidates = [r for f in svc.planner.latest(runtime.tasks, now) for r in f.reminders()]
    candidates = apply_pause(candidates, pause_for(runtime, svc.ledger.path))  # 办结 waiting for review
    handled = svc.ledger.handled(identity_key(r.identity) for r in candidates)
    decision = decide(candidates, handled)
    if not svc.window.open_at(now):
        return PassResult(waiting=True, due=len(decision.send))
    svc.ledger.supersede((identity_row(identity_key(r.identity)) for r in decision.supersede), now)
    digests = group(decision.send, {t.id: t for t in runtime.tasks})
    units = runtime.directory.units
    result = PassResult(superseded=len(decision.supersede))
    link = link_maker(runtime, svc.ledger.path, now)
    for digest in digests:
        for message in svc.renderer.render(digest, units.get(digest.unit), now, link(digest.unit)):
            await send_recorded(svc, message, now, result)
    if result.failed:
        await notify_coordinator(svc, "消息发送失败", result.failed, now)
    return result


async def send_recorded(svc: Services, message: Message, now: datetime, result: PassResult) -> None:
    """Pending before the send, sent only after the server accepted it."""
    rows = [identity_row(k) for k in message.reminders]
    if not svc.ledger.add_pending(message, now):
        if svc.ledger.state_of(message.key) == "sent":  # same content already delivered
            svc.ledger.finish(message, "sent", 0, "", now, rows)
        return
    await _deliver(svc, message, now, result, rows)


async def recover(svc: Services, now: datetime) -> PassResult:
    """Interrupted sends (pending at start-up): send each once more, same content and Message-ID."""
    result = PassResult()
    for message in svc.ledger.pending():
        log.info("resending interrupted message %s to %s", message.key[:12], message.unit)
        await _deliver(svc, message, now, result, [identity_row(k) for k in message.reminders])
    return result


async def _deliver(svc: Services, message: Message, now: datetime, result: PassResult,
                   rows: list[tuple[str, str, str, str, str]]) -> None:
    receipt, attempts = await svc.deliverer.deliver(message, svc.channels.for_kind(message.channel))
    state = STATE[receipt.outcome]
    svc.ledger.finish(message, state, attempts, receipt.detail, now, rows)
    if state == "sent":
        result.sent += 1
        if receipt.refused:
            result.failed.append(f"{message.unit}（邮件）：部分收件人被拒收 {receipt.detail}")
    elif state == "retry":
        result.retry += 1
        log.warning("temporary failure to %s via %s: %s", message.unit, message.channel, receipt.detail)
    else:
        label = CHANNEL_LABEL.get(message.channel, message.channel)
        result.failed.append(f"{message.unit}（{label}）：{receipt.detail}")
        log.error("permanent failure to %s via %s: %s", message.unit, message.channel, receipt.detail)


async def notify_coordinator(svc: Services, title: str, lines: list[str], now: datetime) -> None:
    """Tell the coordinator about a problem, once per distinct content, through its channels."""
    runtime = svc.runtime
    fingerprint = hashlib.sha256("\n".join([title, *lines]).encode()).hexdigest()
    if not svc.ledger.first_notice(fingerprint, now):
        return
    name = runtime.settings.coordinator
    unit = runtime.directory.units.get(runtime.directory.resolve(name)[0]) if name else None
    text = f"{name}：督办系统{title}：\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
    subject = f"【督办系统】{title}"
    kinds = (unit.channels if unit else ()) or ("email",)
    for kind in kinds:
        payload = json.dumps({"msgtype": "text", "text": {"content": truncate_bytes(text, TEXT_LIMIT)}},
                             ensure_ascii=False)
        message = Message(fingerprint[:32], kind, name, subject, text, unit.emails if unit else (), "", payload)
        receipt, _ = await svc.deliverer.deliver(message, svc.channels.for_kind(kind))
        if receipt.outcome is not Outcome.SENT:
            log.error("could not notify the coordinator via %s: %s", kind, receipt.detail)

