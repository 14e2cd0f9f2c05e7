"""Open the channels a runtime configures; an unconfigured kind (or --dry-run) goes to the outbox."""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from scheduler import secrets
from scheduler.channels.base import Channel
from scheduler.channels.dingtalk import DingtalkChannel
from scheduler.channels.email import EmailChannel
from scheduler.channels.feishu import FeishuChannel
from scheduler.channels.outbox import OutboxChannel
from scheduler.channels.robot import RobotKey
from scheduler.channels.wecom import WecomChannel
from scheduler.model import SecretRef
from scheduler.runtime import Runtime


@dataclass
class Channels:
    email: Channel
    wecom: Channel
    outbox: OutboxChannel
    dingtalk: Channel | None = None  # None: not configured, the outbox takes it
    feishu: Channel | None = None

    def for_kind(self, kind: str) -> Channel:
        found = {"email": self.email, "wecom": self.wecom, "dingtalk": self.dingtalk, "feishu": self.feishu}.get(kind)
        return found or self.outbox

    async def aclose(self) -> None:
        every = (self.email, self.wecom, self.outbox, self.dingtalk, self.feishu)
        for channel in {id(c): c for c in every if c is not None}.values():
            await channel.aclose()


def open_channels(runtime: Runtime, now: Callable[[], datetime], dry_run: bool = False,
                  tls_context: ssl.SSLContext | None = None, wall: Callable[[], float] = time.time) -> Channels:
    """Secrets are resolved here, once; a missing one raises DubanError (a Chinese message).
    `now` is the planning clock (e-mail Date); `wall` the real clock that robot signatures need."""
    s = runtime.settings
    sender = s.email.sender if s.email else "督办系统 <duban@localhost>"
    outbox = OutboxChannel(s.outbox, sender, now)
    email: Channel = outbox
    wecom: Channel = outbox
    if s.email and not dry_run:
        password = secrets.resolve(s.email.password) if s.email.password else None
        email = EmailChannel(s.email, password, now, tls_context)
    if s.wecom and not dry_run:
        keys = {u.name: secrets.resolve(u.wecom_key) for u in runtime.directory.units.values() if u.wecom_key}
        wecom = WecomChannel(s.wecom, keys)
    channels = Channels(email, wecom, outbox)
    units = runtime.directory.units.values()
    if s.dingtalk and not dry_run:
        robots = {u.name: _robot(u.dingtalk_token, u.dingtalk_secret) for u in units if u.dingtalk_token}
        channels.dingtalk = DingtalkChannel(s.dingtalk, robots, wall)
    if s.feishu and not dry_run:
        robots = {u.name: _robot(u.feishu_hook, u.feishu_secret) for u in units if u.feishu_hook}
        channels.feishu = FeishuChannel(s.feishu, robots, wall)
    return channels


def _robot(token: SecretRef | None, secret: SecretRef | None) -> RobotKey:
    assert token is not None
    return RobotKey(secrets.resolve(token), secrets.resolve(secret) if secret else None)
