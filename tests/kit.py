"""An in-process pipeline for tests: a real runtime and a real SQLite ledger in tmp_path, fake
channels that answer from a script, and clocks that move only when told."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from scheduler.app import App
from scheduler.channels.base import Channel, Outcome, Receipt
from scheduler.channels.factory import Channels
from scheduler.channels.outbox import OutboxChannel
from scheduler.deliver import Deliverer, Limiter
from scheduler.ledger import Ledger
from scheduler.messages import Message
from scheduler.pass_result import PassResult
from scheduler.pipeline import run_pass
from scheduler.render import Renderer
from scheduler.runtime import build_runtime, planner_for

SH = ZoneInfo("Asia/Shanghai")
SENT = Receipt(Outcome.SENT, "ok")

# the plan most delivery tests start from: one task, due 2021-06-30, a lead and a responsible unit
ONE_TASK = """\
[document]
title = "测试工作要点"
issued = 2021-06-02

[[task]]
id = "T-01"
title = "第一项任务"
lead = ["省司法厅"]
responsible = ["省财政厅"]
deadline = 2021-06-30
"""
# the same plan with 省司法厅 alone (no responsible unit)
LEAD_ONLY = ONE_TASK.replace('responsible = ["省财政厅"]\n', "")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH)


@dataclass
class Tick:
    """A monotonic clock for the deliverer (pass budget, robot quota)."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeChannel:
    """Answers from `script` (per unit, first come first served), else `default`; records sends.
    `quota` maps a message to its robot key; `hook` runs inside each send (e.g. to break the state)."""

    kind: str
    default: Receipt = SENT
    script: dict[str, list[Receipt]] = field(default_factory=dict)
    quota: Callable[[Message], str | None] | None = None
    hook: Callable[[Message], object] | None = None
    sent: list[Message] = field(default_factory=list)

    async def send(self, message: Message) -> Receipt:
        self.sent.append(message)
        if self.hook is not None:
            self.hook(message)
        queue = self.script.get(message.unit)
        return queue.pop(0) if queue else self.default

    def quota_key(self, message: Message) -> str | None:
        return self.quota(message) if self.quota else None

    async def aclose(self) -> None:
        return None

    def units(self) -> list[str]:
        return sorted(m.unit for m in self.sent)


def make_app(config: Path, email: Channel | None = None, wecom: Channel | None = None,
             tick: Tick | None = None, per_minute: int = 20, renderer: Renderer | None = None) -> App:
    runtime = build_runtime(config)
    tick = tick or Tick()
    outbox = OutboxChannel(runtime.settings.outbox, "督办系统 <duban@example.gov.cn>", lambda: at("2021-01-01"))
    channels = Channels(email or FakeChannel("email"), wecom or FakeChannel("wecom"), outbox)
    deliverer = Deliverer(Limiter(per_minute, tick), clock=tick)
    return App(runtime, planner_for(runtime), renderer or Renderer(None), channels, deliverer)


def one_pass(app: App, ledger: Ledger, now: str | datetime) -> PassResult:
    moment = at(now) if isinstance(now, str) else now
    return asyncio.run(run_pass(app, ledger, moment))
