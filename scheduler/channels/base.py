"""The Channel protocol and the Receipt every send returns.

    Receipt.outcome
    ├── SENT        the server accepted the message (for e-mail: for at least the listed recipients)
    ├── TEMPORARY   try again later (connection errors, SMTP 4xx, HTTP 5xx, WeCom -1 / 45009)
    └── PERMANENT   do not retry; report (SMTP 5xx, auth failure, WeCom 93000 / 400xx / 44004)

Channels classify; they never retry (deliver.py is the only retry loop). `down` says the server
could not be reached at all (connection refused, timeout, HTTP 5xx): the channel is not tried
again in the same pass. `credentials` marks a fault of the configuration (SPEC §3.3).
`quota_key` names the per-robot quota a message counts against (a hash of the robot key or
webhook, never the secret itself), or None for channels without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from scheduler.model import Message


class Outcome(Enum):
    SENT = "sent"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


@dataclass(frozen=True, slots=True)
class Receipt:
    outcome: Outcome
    detail: str = ""
    retry_after: float = 0.0  # a minimum wait the server asked for (WeCom 45009: a minute)
    retry_to: tuple[str, ...] = ()  # e-mail recipients refused temporarily: retry only these
    refused: tuple[str, ...] = ()  # e-mail recipients refused permanently
    down: bool = False  # the server was unreachable: skip this channel for the rest of the pass
    credentials: bool = False  # a configuration fault (SMTP 535, invalid robot key or signature): report at
    #                            once, try again after a reload or on the next working day


class Channel(Protocol):
    kind: str

    async def send(self, message: Message) -> Receipt: ...

    def quota_key(self, message: Message) -> str | None: ...

    async def aclose(self) -> None: ...
