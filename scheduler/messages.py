"""The delivery vocabulary: reminder identities, messages and their states in the ledger.

The planning vocabulary (tasks, milestones, units, reminders) is in model.py; this module holds
what a reminder becomes once it is decided on: a `Message` carrying `ReminderId`s, sent over a
`ChannelKind`, with its `DeliveryState` and the reminders' `ReminderState`, and the `Reason` it
is sent now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

_SEP = "\x1f"  # the separator of identity keys in the ledger of version 1 (kept for migration)


def identity_key(identity: tuple[str, str, date, str, int, str]) -> str:
    """A reminder identity as one string (display and logs only; the ledger stores columns)."""
    task, milestone, due, stage, repetition, unit = identity
    return _SEP.join((task, milestone, due.isoformat(), stage, str(repetition), unit))


class ChannelKind(StrEnum):
    """The ways a message travels. DingTalk and Feishu slot in behind channels/base.py."""

    EMAIL = "email"
    WECOM = "wecom"
    DINGTALK = "dingtalk"
    FEISHU = "feishu"
    OUTBOX = "outbox"


class DeliveryState(StrEnum):
    """A message in the ledger. pending: recorded, being sent (at start-up: interrupted);
    deferred: waiting for its next attempt (temporary failure, rate limit, enqueued notice);
    withdrawn: never sent, every reminder it carries is about a milestone closed since it was queued."""

    PENDING = "pending"
    SENT = "sent"
    DEFERRED = "deferred"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


class ReminderState(StrEnum):
    """A reminder in the ledger (and in `duban history`)."""

    SENT = "sent"  # every channel accepted it
    SUPERSEDED = "superseded"  # a later stage was sent instead
    PENDING = "pending"  # waiting, being retried
    FAILED = "failed"  # given up on at least one channel or recipient, and reported


class Reason(StrEnum):
    """Why `due.decide` sends a message now (or why it does not)."""

    DUE = "due"  # the latest due stage of a (task, milestone, unit), never handled
    RETRY = "retry"  # a deferred message whose next attempt has come
    RESEND = "resend"  # a send interrupted by a crash: resent once, same Message-ID
    EXPIRED = "expired"  # deferred past the end of the window of the next working day: failed
    INTERRUPTED_TWICE = "interrupted_twice"  # its one resend was interrupted too: failed
    NOTICE = "notice"  # a message enqueued for the coordinator or units


class ReminderId(NamedTuple):
    """The identity of a reminder (SPEC §3.2), stored as columns in the ledger."""

    task: str
    milestone: str
    due: date
    stage: str
    repetition: int
    unit: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file carried by an e-mail (e.g. the 通报's .xlsx); robots ignore attachments."""

    filename: str
    content_type: str  # e.g. application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
    data: bytes


@dataclass(frozen=True, slots=True)
class Message:
    """One notice to one unit over one channel; `key` is stable for the same content."""

    key: str
    channel: str  # a ChannelKind value: email | wecom | dingtalk | feishu | outbox
    unit: str
    subject: str
    text: str  # email plain text, or the WeCom content
    to: tuple[str, ...] = ()  # email addresses
    html: str = ""
    payload: str = ""  # a robot's JSON body (unsigned: signatures are added at send time)
    reminders: tuple[ReminderId, ...] = ()  # the reminders it carries
    attachments: tuple[Attachment, ...] = ()  # e-mail only
