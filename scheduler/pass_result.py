"""What a pass did, and how it is told to the coordinator (the CLI's and the daemon's log line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class PassResult:
    waiting: bool = False  # outside the send window
    due: int = 0  # messages and reminders waiting for the window (when waiting)
    sent: int = 0
    resent: int = 0  # of which interrupted sends resent
    deferred: int = 0
    superseded: int = 0
    withdrawn: int = 0  # queued messages not sent: every milestone they carry was closed meanwhile
    failed: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)  # credentials refused: reported, retried later
    next_attempt: datetime | None = None  # the earliest deferred message's next attempt


def describe(result: PassResult) -> str:
    if result.waiting:
        return "不在发送时段（工作日的 send_at–send_until）内：本次不发送，提醒将在下一个发送时段发出"
    parts = [f"发送{result.sent}条消息"]
    if result.resent:
        parts.append(f"其中补发中断的{result.resent}条")
    if result.superseded:
        parts.append(f"{result.superseded}条较早阶段的提醒已被新阶段取代")
    if result.withdrawn:
        parts.append(f"{result.withdrawn}条消息因所含事项已办结而撤回")
    if result.deferred:
        parts.append(f"{result.deferred}条暂时未能发送，稍后重试")
    if result.failed:
        parts.append(f"{len(result.failed)}条失败：" + "；".join(result.failed))
    return "，".join(parts)
