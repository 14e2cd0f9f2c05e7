"""The only retry policy and rate limiter: one attempt of one message through one channel.

A pass never sleeps. Each message gets at most one attempt per pass; what cannot be sent now
is deferred to a later pass with a next attempt time:
  - a temporary failure defers with exponential backoff across passes (45009 and other
    rate-limit answers wait at least what the server asked);
  - a channel whose server is down (connection refused, timeout, HTTP 5xx) is not tried again
    in the same pass: its other messages are deferred without costing another timeout;
  - a robot over its quota (`per_minute` per robot key, sliding 60 s; a robot channel's own
    windows when it gives them: Feishu 100 a minute and 5 a second) waits for a later pass;
  - when the pass's time budget is spent, the remaining messages wait for the next pass.
A send handed over without an answer (Receipt.unanswered) may have been accepted: it is not
retried like a failure but left as an interrupted send, resent once at the next pass.
An exception a channel did not expect is logged with its traceback and fails the message.
Time is injected (`clock`) so tests drive it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum

from scheduler.channels.base import Channel, Limited, Outcome, Receipt
from scheduler.messages import Message

log = logging.getLogger("duban")
Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
PASS_BUDGET = 300.0  # seconds of sending per pass; the rest waits for the next pass
Windows = tuple[tuple[int, float], ...]  # (at most n sends, in any window of so many seconds)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Wait before the n-th retry across passes: base·2^(n-1), at most `cap` (seconds)."""

    base: float = 120.0
    cap: float = 3600.0

    def after(self, attempts: int) -> float:
        return float(min(self.cap, self.base * 2 ** max(0, attempts - 1)))


class Limiter:
    """At most `per_minute` sends per robot key in any 60-second window (sliding log), or the
    robot's own `windows` when given (Feishu: 100 in 60 s and 5 in 1 s)."""

    def __init__(self, per_minute: int, clock: Clock, history: dict[str, deque[float]] | None = None) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.sent: dict[str, deque[float]] = history if history is not None else {}

    def wait_for(self, robot: str, windows: Windows = ()) -> float:
        """Seconds until one more send fits every window."""
        windows = windows or ((self.per_minute, 60.0),)
        log_ = self.sent.setdefault(robot, deque())
        now = self.clock()
        horizon = max(span for _, span in windows)
        while log_ and now - log_[0] >= horizon:
            log_.popleft()
        delay = 0.0
        for limit, span in windows:
            recent = [t for t in log_ if now - t < span]
            if len(recent) >= limit:
                delay = max(delay, span - (now - recent[-limit]))
        return delay

    def record(self, robot: str) -> None:
        self.sent.setdefault(robot, deque()).append(self.clock())

    def block(self, robot: str, seconds: float, windows: Windows = ()) -> None:
        """The platform said "too fast": count the robot full for `seconds`."""
        limit, span = max(windows or ((self.per_minute, 60.0),), key=lambda w: w[1])
        stamp = self.clock() - span + seconds
        self.sent[robot] = deque([stamp] * limit)

    async def acquire(self, robot: str, sleep: Sleep, windows: Windows = ()) -> None:
        """For one-off senders (send-test) only; a pass never waits (`Deliverer.admit`)."""
        while (delay := self.wait_for(robot, windows)) > 0:
            await sleep(delay)
        self.record(robot)


class Verdict(Enum):
    SENT = "sent"
    DEFERRED = "deferred"  # temporary: try again at `wait` seconds from now
    FAILED = "failed"  # permanent: report
    CONFIG = "config"  # credentials refused: report now, try again after a reload or the next working day
    UNANSWERED = "unanswered"  # handed over, no answer: left pending, an interrupted send (resent once)


@dataclass(frozen=True, slots=True)
class Attempt:
    verdict: Verdict
    receipt: Receipt
    wait: float = 0.0


@dataclass
class PassBudget:
    """What one pass may still spend: time, and the channels found down."""

    deadline: float
    down: dict[str, str] = field(default_factory=dict)  # channel kind → why


@dataclass
class Deliverer:
    limiter: Limiter
    budget: float = PASS_BUDGET
    backoff: Backoff = Backoff()
    clock: Clock = time.monotonic

    def start_pass(self, window_left: float | None = None) -> PassBudget:
        """`window_left`: seconds until the send window closes; no send starts after that."""
        budget = self.budget if window_left is None else min(self.budget, window_left)
        return PassBudget(self.clock() + budget)

    def admit(self, message: Message, channel: Channel, budget: PassBudget) -> tuple[float, str] | None:
        """None: send now. Otherwise (seconds to wait, why) without trying."""
        if self.clock() >= budget.deadline:
            return 0.0, "本轮发送时间已用完，下一轮继续"
        if channel.kind in budget.down:
            return self.backoff.after(1), budget.down[channel.kind]
        robot = channel.quota_key(message)
        if robot is not None and (wait := self.limiter.wait_for(robot, windows_of(channel, message))) > 0:
            return wait, "机器人每分钟发送条数已达上限，稍后发送"
        return None

    async def attempt(self, message: Message, channel: Channel, attempts: int, budget: PassBudget) -> Attempt:
        """One send; `attempts` counts the earlier ones (for the backoff)."""
        robot = channel.quota_key(message)
        if robot is not None:
            self.limiter.record(robot)
        receipt = await send_once(channel, message)
        if receipt.outcome is Outcome.SENT:
            return Attempt(Verdict.SENT, receipt)
        if receipt.credentials:
            if robot is None:  # one account for the whole channel (SMTP): its other messages would fail alike
                budget.down[channel.kind] = f"本轮此前认证失败：{receipt.detail}"
            return Attempt(Verdict.CONFIG, receipt)
        if receipt.outcome is Outcome.PERMANENT:
            return Attempt(Verdict.FAILED, receipt)
        if receipt.down:
            budget.down[channel.kind] = f"本轮此前连接失败：{receipt.detail}"
        if receipt.unanswered:
            return Attempt(Verdict.UNANSWERED, receipt)
        if robot is not None and receipt.retry_after:
            self.limiter.block(robot, receipt.retry_after, windows_of(channel, message))
        return Attempt(Verdict.DEFERRED, receipt, max(receipt.retry_after, self.backoff.after(attempts + 1)))


def windows_of(channel: Channel, message: Message) -> Windows:
    """A robot channel's own quota windows (DingTalk, Feishu), or () for the limiter's default."""
    return channel.quota_windows(message) if isinstance(channel, Limited) else ()


async def send_once(channel: Channel, message: Message) -> Receipt:
    """channel.send, with an unexpected exception logged (traceback) and failing the message."""
    try:
        return await channel.send(message)
    except asyncio.CancelledError:
        raise
    except Exception as err:
        log.exception("unexpected error while sending %s via %s", message.key[:12], channel.kind)
        return Receipt(Outcome.PERMANENT, f"发送时出现意外错误：{type(err).__name__}（详见服务日志）")
