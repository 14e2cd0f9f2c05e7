"""One pass of the daemon: plan → decide → group → render → record → deliver → record. The spine.

    run_pass(app, ledger, now):
        candidates = the latest firing of each stage up to now        (plan.py)
        decision   = what to send and why, what is superseded,        (due.py)
                     retries, resends, what is given up
        withdrawn  = retries, resends whose milestones all closed     (withdraw.py)
        digests    = one per unit and channel                         (group.py)
        messages   = rendered, recorded (before any send)             (render.py, ledger/)
        each message: deferred → pending → sent | deferred | failed   (deliver.py, ledger/)
        failures   = one report to the coordinator, itself a message  (notices.py)

Every write happens before the send it guards; a state error (StateError) stops the pass at
once: no message is sent whose outcome could not be recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain

from scheduler.app import App
from scheduler.clock import later, seconds_between
from scheduler.decide_stream import decide_streaming
from scheduler.deliver import PassBudget, Verdict
from scheduler.due import Outgoing
from scheduler.feedback.pause import Pause, split_pause
from scheduler.feedback.review import pause_for
from scheduler.gcpolicy import fewer_collections
from scheduler.group import Digest, group
from scheduler.ledger import Ledger
from scheduler.messages import DeliveryState, Message, Reason
from scheduler.model import Reminder, identity_of
from scheduler.notices import calendar_notices, notify
from scheduler.pass_result import PassResult
from scheduler.render import CHANNEL_LABEL
from scheduler.report.notice import enqueue_due
from scheduler.withdraw import Closure, withdraw_closed

log = logging.getLogger("duban")
BATCH_ITEMS = 20_000  # digest items recorded per ledger transaction (then sent from memory)
HELD_CHARS = 2_000_000  # a message longer than this is read back from the ledger when it is sent
HOLD_MINUTES = 15  # a message held by a pause is looked at again this often (the daemon's safety sweep)


async def run_pass(app: App, ledger: Ledger, now: datetime, stop: asyncio.Event | None = None,
                   batch_items: int = BATCH_ITEMS) -> PassResult:
    """`batch_items`: digest items recorded per transaction before they are sent."""
    with fewer_collections():  # a first pass allocates millions of plain values (gcpolicy.py)
        return await _run_pass(app, ledger, now, stop, batch_items)


async def _run_pass(app: App, ledger: Ledger, now: datetime, stop: asyncio.Event | None,
                    batch_items: int) -> PassResult:
    runtime = app.runtime
    candidates = chain.from_iterable(f.reminders() for f in app.planner.latest(runtime.tasks, now))
    pause = pause_for(runtime, ledger.path)  # 办结 waiting for review (SPEC 3.4)
    held: list[Reminder] = []
    # decided a few thousand tasks at a time: superseded stages are written and dropped as they come
    decision = decide_streaming(split_pause(candidates, pause, held), ledger, now, app.window,
                                lambda gone: ledger.supersede_reminders(gone, now),
                                nothing_handled=not ledger.has_reminders())
    del candidates  # consumed
    if decision.waiting:
        return PassResult(waiting=True, due=len(decision.send) + len(decision.outgoing) + len(decision.give_up))
    result = PassResult(superseded=decision.superseded)
    outgoing, give_up, result.withdrawn = withdraw_closed(
        ledger, lambda: Closure(runtime.tasks, app.planner.audience, runtime.policies), decision.outgoing,
        decision.give_up, now)
    outgoing, give_up = hold_paused(app, ledger, outgoing, give_up, pause, now)
    for gone in give_up:
        _give_up(app, ledger, gone, now, result)
    sending = _sending(app, now)  # the whole pass: its time budget ends when the window closes
    await deliver_all(app, ledger, outgoing, now, result, stop, sending)
    send = decision.send
    del decision  # its other lists are not held during the sends
    await _send_new(app, ledger, send, now, result, stop, sending, batch_items)
    ledger.pause(((r.identity, r.at) for r in held), now)
    ledger.settle_paused({r.identity for r in held}, now)
    reports = enqueue_due(app.runtime, ledger, now)  # the periodic 通报 (SPEC 3.5), once per period
    await deliver_all(app, ledger, [Outgoing(k, Reason.NOTICE) for k in reports], now, result, stop, sending)
    notices = calendar_notices(app, ledger, now)
    if result.faults:
        title = "发送渠道认证失败，请检查配置（修改后重新加载或下一个工作日重试）"
        notices += notify(app, ledger, title, result.faults, now)
    if result.failed:
        notices += notify(app, ledger, "消息发送失败", result.failed, now)
    if notices:
        await deliver_all(app, ledger, [Outgoing(k, Reason.NOTICE) for k in notices], now, PassResult(), stop,
                          sending)
    result.next_attempt = min((m.next_attempt for m in ledger.open_messages()
                               if m.state is DeliveryState.DEFERRED and m.next_attempt), default=None)
    return result


async def _send_new(app: App, ledger: Ledger, send: list[Reminder], now: datetime, result: PassResult,
                    stop: asyncio.Event | None, sending: Sending, batch_items: int) -> None:
    """The new digests: recorded a batch at a time, each batch sent from memory after its
    commit; a message too long to hold is read back and sent last, when the pass holds least."""
    long: list[Outgoing] = []
    for fresh in _record(app, ledger, send, now, batch_items, stop):
        long += [Outgoing(k, Reason.DUE) for k, m in fresh.items() if m is None]
        await deliver_all(app, ledger, [Outgoing(k, Reason.DUE) for k, m in fresh.items() if m is not None], now,
                          result, stop, sending, fresh)
    await deliver_all(app, ledger, long, now, result, stop, sending)


def hold_paused(app: App, ledger: Ledger, outgoing: list[Outgoing], give_up: list[Outgoing], pause: Pause,
                now: datetime) -> tuple[list[Outgoing], list[Outgoing]]:
    """A message recorded before a 办结 was submitted (queued, deferred, interrupted) whose
    reminders are all paused now waits for the end of the pause: neither sent nor given up
    (SPEC 3.4). One with a reminder not paused goes on: the unit still has that item open."""
    if not pause.whole and not pause.units:
        return outgoing, give_up

    def paused(item: Outgoing) -> bool:
        if item.reason is Reason.NOTICE or item.reason is Reason.INTERRUPTED_TWICE:
            return False
        carried = ledger.carried(item.key)
        return bool(carried) and all(pause.holds(*c) for c in carried)

    waiting = [i for i in (*outgoing, *give_up) if paused(i)]
    for item in waiting:
        ledger.hold(item.key, later(now, timedelta(minutes=HOLD_MINUTES)))
    return [i for i in outgoing if i not in waiting], [i for i in give_up if i not in waiting]


def _record(app: App, ledger: Ledger, send: list[Reminder], now: datetime, batch_items: int,
            stop: asyncio.Event | None) -> Iterator[dict[str, Message | None]]:
    """Render and record the new messages, unit by unit (all channels of a unit together, so a
    reminder is never recorded on one channel only), several units per transaction. Yields
    after each transaction the messages recorded in it that need sending (not already sent or
    failed): they are sent from memory, then dropped; the ledger keeps them for retries."""
    tasks = {t.id: t for t in app.runtime.tasks}
    units = app.runtime.directory.units
    by_unit: dict[str, list[Digest]] = {}
    for digest in group(send, tasks):
        by_unit.setdefault(digest.unit, []).append(digest)
    send.clear()  # the digests hold the reminders now: each unit's are freed once it is recorded
    for batch in _batches([(u, sum(len(d.items) for d in ds)) for u, ds in by_unit.items()], batch_items):
        if stop is not None and stop.is_set():
            return  # SIGTERM: nothing more recorded (those reminders are decided again at the next pass)
        fresh: dict[str, Message | None] = {}
        with ledger.batch():  # one transaction for several units: far fewer pages written
            for unit in batch:
                digests = by_unit.pop(unit)  # freed once recorded
                fire_times = {identity_of(i.reminder): i.reminder.at for d in digests for i in d.items}
                messages = {m.key: m for d in digests for m in app.renderer.render(d, units.get(unit), now)}
                for key in ledger.queue(messages.values(), now, fire_times=fire_times, unhandled=True):
                    fresh[key] = _held(messages[key])
        yield fresh


def _held(message: Message) -> Message | None:
    """A message kept in memory until it is sent; a very long one (the coordinator's digest of
    thousands of escalations) is read back from the ledger instead, one at a time."""
    return message if len(message.text) + len(message.html) <= HELD_CHARS else None


def _batches(sizes: list[tuple[str, int]], limit: int) -> Iterator[list[str]]:
    """Consecutive units carrying about `limit` digest items together."""
    batch: list[str] = []
    total = 0
    for unit, size in sizes:
        batch.append(unit)
        total += size
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _sending(app: App, now: datetime) -> Sending:
    """A pass's sends: at most the deliverer's budget, and nothing after the window closes."""
    return Sending(app.deliverer.start_pass(app.window.seconds_left(now)))


@dataclass
class Sending:
    """One pass's sends over several deliver_all calls: its time budget, what was tried."""

    budget: PassBudget
    seen: set[str] = field(default_factory=set)


async def deliver_all(app: App, ledger: Ledger, work: list[Outgoing], now: datetime, result: PassResult,
                      stop: asyncio.Event | None = None, sending: Sending | None = None,
                      recorded: dict[str, Message | None] | None = None) -> None:
    """`recorded`: messages just recorded, sent as they are instead of read back from the ledger."""
    sending = sending or _sending(app, now)
    for item in work:
        if stop is not None and stop.is_set():
            return  # SIGTERM: no new send
        if item.key not in sending.seen:
            sending.seen.add(item.key)
            await _deliver_one(app, ledger, item, now, result, sending.budget, recorded)


async def _deliver_one(app: App, ledger: Ledger, item: Outgoing, now: datetime, result: PassResult,
                       budget: PassBudget, recorded: dict[str, Message | None] | None = None) -> None:
    message = recorded.pop(item.key, None) if recorded is not None else None
    if message is None or not ledger.untouched(item.key):  # a retry: as stored, to the recipients left
        message = ledger.message(item.key)
    if message is None:
        return
    channel = app.channels.for_kind(message.channel)
    held = app.deliverer.admit(message, channel, budget)
    if held is not None:
        wait, why = held
        if item.reason is not Reason.RESEND:  # an interrupted send stays pending for its one resend
            down = channel.kind in budget.down
            ledger.postpone(item.key, later(now, timedelta(seconds=wait)), now if down else None, why)
        result.deferred += 1
        return
    began = ledger.begin_resend(item.key, now) if item.reason is Reason.RESEND else ledger.begin_attempt(item.key, now)
    if not began:
        return
    if item.reason is Reason.RESEND:
        log.info("resending interrupted message %s to %s", item.key[:12], message.unit)
    attempt = await app.deliverer.attempt(message, channel, ledger.attempts(item.key), budget)
    receipt = attempt.receipt
    label = f"{message.unit}（{CHANNEL_LABEL.get(message.channel, message.channel)}）"
    if attempt.verdict is Verdict.SENT:
        ledger.mark_sent(item.key, now, receipt.detail[:500])
        result.sent += 1
        result.resent += item.reason is Reason.RESEND
        if receipt.refused:
            ledger.mark_refused(item.key, now, receipt.detail, receipt.refused)
            result.failed.append(f"{label}：部分收件人被拒收 {receipt.detail}")
    elif attempt.verdict is Verdict.CONFIG:
        wait = seconds_between(now, app.window.next_opening(now))  # the next working day
        result.faults.append(f"{label}：{receipt.detail}")
        _defer(app, ledger, item.key, now, wait, receipt.detail, (), (), result, label)
    elif attempt.verdict is Verdict.UNANSWERED:  # stays pending: resent once at the next pass, like a crash
        result.deferred += 1
        log.warning("no answer from %s after the message was handed over (%s): it may have arrived; resent once "
                    "at the next pass", label, receipt.detail)
    elif attempt.verdict is Verdict.FAILED:
        ledger.mark_failed(item.key, now, receipt.detail, refused=receipt.refused)
        result.failed.append(f"{label}：{receipt.detail}")
        log.error("permanent failure to %s via %s: %s", message.unit, message.channel, receipt.detail)
    else:
        if receipt.refused:  # some recipients refused for good, others only for now: report those now
            result.failed.append(f"{label}：部分收件人被拒收 {'、'.join(receipt.refused)}")
        _defer(app, ledger, item.key, now, attempt.wait, receipt.detail, receipt.retry_to, receipt.refused, result,
               label)


def _defer(app: App, ledger: Ledger, key: str, now: datetime, wait: float, error: str, remaining: tuple[str, ...],
           refused: tuple[str, ...], result: PassResult, label: str) -> None:
    """A temporary failure: try again after `wait`, unless that is past the deferral limit."""
    retry = later(now, timedelta(seconds=wait))  # real seconds, also across a summer-time change
    ledger.mark_deferred(key, now, retry, error, remaining, refused)
    first = ledger.first_failure(key) or now
    limit = app.window.deferral_limit(first)
    if retry >= limit:
        ledger.mark_failed(key, now, f"暂时失败持续到 {limit:%Y-%m-%d %H:%M}，不再重试：{error}", attempted=False)
        result.failed.append(f"{label}：自 {first:%Y-%m-%d %H:%M} 起一直暂时失败，已放弃：{error}")
        return
    result.deferred += 1
    log.warning("temporary failure to %s: %s (next attempt in %.0f s)", label, error, wait)


def _give_up(app: App, ledger: Ledger, item: Outgoing, now: datetime, result: PassResult) -> None:
    message = ledger.message(item.key)
    unit = message.unit if message else "?"
    label = f"{unit}（{CHANNEL_LABEL.get(message.channel, message.channel) if message else '?'}）"
    if item.reason is Reason.INTERRUPTED_TWICE:
        why = ("发送两次被中断（进程在服务器确认前退出，或服务器收下后没有应答），为免重复不再补发，"
               "请人工确认对方是否收到")
    else:
        first = ledger.first_failure(item.key)
        why = f"自 {first:%Y-%m-%d %H:%M} 起一直暂时失败，已到重试期限" if first else "已到重试期限"
    if ledger.mark_failed(item.key, now, why, attempted=False):
        result.failed.append(f"{label}：{why}")
        log.error("gave up on %s: %s", label, why)
