"""The outbox: one .eml per e-mail and one .json per WeCom message in a directory.

The embedded default (no server needed) and the target of --dry-run. A file name carries the
message key, so writing the same message twice leaves one file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from scheduler.channels.base import Outcome, Receipt
from scheduler.errors import os_reason
from scheduler.messages import Message
from scheduler.mime_fast import email_bytes

_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")


class OutboxChannel:
    kind = "outbox"

    def __init__(self, directory: Path, sender: str, now: Callable[[], datetime]) -> None:
        self.directory = directory
        self.sender = sender
        self._now = now

    def path_for(self, message: Message) -> Path:
        suffix = ".eml" if message.channel == "email" else ".json"
        unit = _UNSAFE.sub("_", message.unit)[:40]
        return self.directory / f"{message.channel}-{unit}-{message.key[:16]}{suffix}"

    async def send(self, message: Message) -> Receipt:
        path = self.path_for(message)
        if message.channel == "email":
            data = email_bytes(message, self.sender, self._now())
        else:
            data = message.payload.encode()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as err:
            return Receipt(Outcome.TEMPORARY, f"无法写入发件箱 {self.directory}：{os_reason(err)}")
        return Receipt(Outcome.SENT, str(path))

    def quota_key(self, message: Message) -> str | None:
        return None

    async def aclose(self) -> None:
        return None
