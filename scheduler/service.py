"""Opening and closing what a pass needs: the lock, the ledger, the channels. `run --once`."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from scheduler.channels.factory import open_channels
from scheduler.deliver import Deliverer, Limiter
from scheduler.ledger import Ledger, Lock
from scheduler.pipeline import PassResult, Services, recover, run_pass
from scheduler.runtime import Runtime

log = logging.getLogger("duban")


class Service:
    """The lock, ledger and channels around a Runtime; `async with Service(...) as svc`."""

    def __init__(self, runtime: Runtime, now: Callable[[], datetime], dry_run: bool = False,
                 clock: Callable[[], float] | None = None) -> None:
        self.lock = Lock(runtime.settings.state)
        self.lock.acquire()
        try:
            ledger = Ledger(runtime.settings.state)
            channels = open_channels(runtime, now, dry_run)
        except BaseException:
            self.lock.release()
            raise
        per_minute = runtime.settings.wecom.per_minute if runtime.settings.wecom else 20
        self.services = Services(runtime, ledger, channels, Deliverer(Limiter(per_minute, clock or time.monotonic)))

    async def close(self) -> None:
        await self.services.channels.aclose()
        self.services.ledger.close()
        self.lock.release()


async def run_once(runtime: Runtime, now: datetime, dry_run: bool) -> tuple[PassResult, PassResult]:
    """Recover interrupted sends, then one pass at `now`: (recovery, pass)."""
    service = Service(runtime, lambda: now, dry_run)
    try:
        recovered = await recover(service.services, now)
        result = await run_pass(service.services, now)
    finally:
        await service.close()
    return recovered, result


def describe(result: PassResult, recovered: PassResult | None = None) -> str:
    recovered = recovered or PassResult()
    if result.waiting:
        return "不在发送时段（工作日的 send_at–send_until）内：本次不发送，提醒将在下一个发送时段发出"
    parts = [f"发送{result.sent + recovered.sent}条消息"]
    if recovered.sent:
        parts.append(f"其中补发中断的{recovered.sent}条")
    if result.superseded:
        parts.append(f"{result.superseded}条较早阶段的提醒已被新阶段取代")
    if result.retry:
        parts.append(f"{result.retry}条暂时失败，稍后重试")
    failed = result.failed + recovered.failed
    if failed:
        parts.append(f"{len(failed)}条失败：" + "；".join(failed))
    return "，".join(parts)
