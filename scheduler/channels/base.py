"""The Channel protocol and the Receipt every send returns.

    Receipt.outcome
    ├── SENT        the server accepted the message (for e-mail: for at least the listed recipients)
    ├── TEMPORARY   try again later (connection errors, SMTP 4xx, HTTP 5xx, WeCom -1 / 45009,
    │               DingTalk 130101, Feishu 11232)
    └── PERMANENT   do not retry; report (SMTP 5xx, auth failure, WeCom 93000 / 400xx / 44004,
                    DingTalk 310000 / 300001 / 460101 / 90030, Feishu 19021 / 19001 / 9499)
    Receipt.fault says why a permanent failure happened, for a caller that retries it later:
    CONFIG (key, token or signature: after a reload or the next working day), QUOTA (the robot's
    daily quota, DingTalk 90030: the next day), CONTENT (the message itself cannot be sent).

DingTalk and Feishu channels also give the quota's windows (`quota_windows`, the `Limited`
protocol): `per_minute` per robot key, Feishu also 5 a second.

Channels classify; they never retry (deliver.py is the only retry loop). `down` says the server
could not be reached at all (connection refused, timeout, HTTP 5xx): the channel is not tried
again in the same pass. `credentials` marks a fault of the configuration (SPEC §3.3).
`unanswered` says the message was handed over but no answer came (a read timeout, the connection
closed after an HTTP request or after SMTP DATA began): the server may have accepted it, so it is
treated as an interrupted send (resent once at the next pass, then failed and reported), never
retried with backoff like a failure (a slow robot would otherwise post it again at every pass).
`quota_key` names the per-robot quota a message counts against (a hash of the robot key or
webhook, never the secret itself), or None for channels without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol, runtime_checkable

from scheduler.messages import Message


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
    fault: Fault | None = None  # why a PERMANENT failure happened (None: not classified further)
    unanswered: bool = False  # sent, but no answer: the outcome is unknown (resent at most once)


class Fault(Enum):
    CONFIG = "config"
    QUOTA = "quota"
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class Quota:
    """A robot's send quota: `key` names the robot (a digest of its token, never the token)."""

    key: str
    windows: tuple[tuple[int, float], ...]  # (at most this many sends, in any window of seconds)


class Channel(Protocol):
    kind: str

    async def send(self, message: Message) -> Receipt: ...

    def quota_key(self, message: Message) -> str | None: ...

    async def aclose(self) -> None: ...


@runtime_checkable
class Limited(Protocol):
    """A channel whose messages draw on a robot's quota."""

    def quota_windows(self, message: Message) -> tuple[tuple[int, float], ...]: ...
