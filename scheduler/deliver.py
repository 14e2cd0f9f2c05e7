"""The only retry loop and rate limiter: deliver one message through one channel.

Temporary failures are retried with exponential backoff and jitter, a bounded number of times;
e-mail recipients refused temporarily are retried alone. Robots are limited to `per_minute`
messages in any 60 s window, per robot key (a channel's `quota`). Time is injected (`clock`, `sleep`) so tests drive it.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace

from scheduler.channels.base import Channel, Limited, Outcome, Quota, Receipt
from scheduler.model import Message

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
Windows = tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    base: float = 2.0
    cap: float = 120.0
    jitter: float = 0.25  # ± fraction of each wait

    def wait(self, attempt: int, rng: random.Random) -> float:
        delay = min(self.cap, self.base * 2 ** (attempt - 1))
        return float(delay * (1 + rng.uniform(-self.jitter, self.jitter)))


class Limiter:
    """At most `per_minute` sends per robot in any 60-second window (sliding log); a robot's own
    windows (Feishu: 100 a minute and 5 a second) when given."""

    def __init__(self, per_minute: int, clock: Clock) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._sent: dict[str, deque[float]] = {}

    def wait_for(self, robot: str, windows: Windows = ()) -> float:
        """Seconds until one more send fits every window: (at most n sends, in any `span` s)."""
        windows = windows or ((self.per_minute, 60.0),)
        log = self._sent.setdefault(robot, deque())
        now = self.clock()
        horizon = max(span for _, span in windows)
        while log and now - log[0] >= horizon:
            log.popleft()
        delay = 0.0
        for limit, span in windows:
            recent = [t for t in log if now - t < span]
            if len(recent) >= limit:
                delay = max(delay, span - (now - recent[-limit]))
        return delay

    def record(self, robot: str) -> None:
        self._sent.setdefault(robot, deque()).append(self.clock())

    async def acquire(self, robot: str, sleep: Sleep, windows: Windows = ()) -> None:
        while (delay := self.wait_for(robot, windows)) > 0:
            await sleep(delay)
        self.record(robot)


@dataclass
class Deliverer:
    limiter: Limiter
    sleep: Sleep = asyncio.sleep
    policy: RetryPolicy = RetryPolicy()
    rng: random.Random = field(default_factory=random.Random)

    async def deliver(self, message: Message, channel: Channel) -> tuple[Receipt, int]:
        """(final receipt, attempts made)."""
        attempt = 0
        while True:
            attempt += 1
            quota: Quota | None = channel.quota(message) if isinstance(channel, Limited) else None
            if quota is not None:  # a robot: its key's quota, shared by the units using it
                await self.limiter.acquire(quota.key, self.sleep, quota.windows)
            elif channel.kind == "wecom":
                await self.limiter.acquire(f"wecom:{message.unit}", self.sleep)
            receipt = await _send(channel, message)
            if receipt.outcome is not Outcome.TEMPORARY or attempt >= self.policy.attempts:
                return receipt, attempt
            if receipt.retry_to:
                message = replace(message, to=receipt.retry_to)
            await self.sleep(max(receipt.retry_after, self.policy.wait(attempt, self.rng)))


async def _send(channel: Channel, message: Message) -> Receipt:
    try:
        return await channel.send(message)
    except asyncio.CancelledError:
        raise
    except Exception as err:  # a channel bug must not lose the message: classify as temporary
        return Receipt(Outcome.TEMPORARY, f"发送时出现意外错误：{type(err).__name__}")
