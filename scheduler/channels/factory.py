"""Open the channels a runtime configures; an unconfigured kind (or --dry-run) goes to the outbox."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from scheduler import secrets
from scheduler.channels.base import Channel
from scheduler.channels.email import EmailChannel
from scheduler.channels.outbox import OutboxChannel
from scheduler.channels.wecom import WecomChannel
from scheduler.runtime import Runtime


@dataclass
class Channels:
    email: Channel
    wecom: Channel
    outbox: OutboxChannel

    def for_kind(self, kind: str) -> Channel:
        return self.email if kind == "email" else self.wecom if kind == "wecom" else self.outbox

    async def aclose(self) -> None:
        for channel in {id(c): c for c in (self.email, self.wecom, self.outbox)}.values():
            await channel.aclose()


def open_channels(runtime: Runtime, now: Callable[[], datetime], dry_run: bool = False,
                  tls_context: ssl.SSLContext | None = None) -> Channels:
    """Secrets are resolved here, once; a missing one raises DubanError (a Chinese message)."""
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
    return Channels(email, wecom, outbox)
