"""The vocabulary of duban: one word per concept, as frozen values.

Glossary
- task:       one numbered item of a work plan (`[[task]]` in tasks.toml).
- milestone:  one deadline of a task; a task has none (持续推进), one, several, or a recurrence.
- deadline:   the date written in the plan; `due` is the last working day on or before it.
- stage:      one step of a policy (提前告知, 临期提醒, 到期提醒, 逾期催办), `offset` working days from due.
- policy:     a named list of stages.
- unit:       an organisation (省司法厅) with its contacts; a group names several units.
- role:       why a unit is told: lead (牵头), responsible (责任), cooperating (配合), coordinator.
- reminder:   one firing of one stage for one milestone to one unit, at a local date-time.
- contact:    an e-mail address or a WeCom robot key of a unit.
- channel:    a way to deliver: email, wecom, dingtalk, feishu, or the outbox directory.
- digest:     the due reminders of one unit for one channel, gathered into one notice.
- message:    one rendered notice ready to send (a long WeCom digest becomes several).
- receipt:    what a channel says about one send: sent, temporary or permanent failure.
- delivery:   the life of one message in the ledger: pending → sent | deferred | failed.
- notice:     a message to the coordinator (or units) enqueued by a feature, sent once per fingerprint.
- attachment: a file carried by a message (e-mail only; other channels ignore it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from scheduler.messages import ReminderId


class Role(Enum):
    """Why a unit receives a reminder; `rank` orders them (lower is higher)."""

    LEAD = "lead"
    RESPONSIBLE = "responsible"
    COOPERATING = "cooperating"
    COORDINATOR = "coordinator"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    @property
    def label(self) -> str:
        return _ROLE_LABEL[self]


_ROLE_RANK = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATING: 2, Role.COORDINATOR: 3}
_ROLE_LABEL = {
    Role.LEAD: "牵头",
    Role.RESPONSIBLE: "责任",
    Role.COOPERATING: "配合",
    Role.COORDINATOR: "督办",
}


class TaskStatus(Enum):
    OPEN = "open"
    DONE = "done"
    SUSPENDED = "suspended"


class Secret:
    """A password or webhook key: prints as <secret> everywhere; `reveal()` to use it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __str__(self) -> str:
        return "<secret>"

    def __repr__(self) -> str:
        return "Secret(<secret>)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class SecretRef:
    """Where a secret lives: an environment variable or a file (e.g. a systemd credential)."""

    env: str | None = None
    file: Path | None = None

    def describe(self) -> str:
        return f"环境变量 {self.env}" if self.env else f"文件 {self.file}"


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    offset: int
    to: tuple[Role, ...]
    repeat_every: int | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    stages: tuple[Stage, ...]


DEFAULT_POLICY = Policy(
    "default",
    (
        Stage("提前告知", -10, (Role.LEAD, Role.RESPONSIBLE)),
        Stage("临期提醒", -3, (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)),
        Stage("到期提醒", 0, (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING)),
        Stage("逾期催办", 1, (Role.LEAD, Role.RESPONSIBLE, Role.COORDINATOR), 5),
    ),
)


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    aliases: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    wecom_key: SecretRef | None = None
    mention_mobiles: tuple[str, ...] = ()
    dingtalk_token: SecretRef | None = None  # DingTalk robot access_token
    dingtalk_secret: SecretRef | None = None  # its 加签 secret (optional: unsigned without it)
    feishu_hook: SecretRef | None = None  # Feishu robot hook token (the last part of the hook URL)
    feishu_secret: SecretRef | None = None  # its 签名校验 secret (optional)

    @property
    def channels(self) -> tuple[str, ...]:
        """The channel kinds that reach this unit, in a fixed order."""
        kinds = []
        if self.emails:
            kinds.append("email")
        if self.wecom_key is not None:
            kinds.append("wecom")
        if self.dingtalk_token is not None:
            kinds.append("dingtalk")
        if self.feishu_hook is not None:
            kinds.append("feishu")
        return tuple(kinds)


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str = ""
    number: str = ""
    issued: date | None = None


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    deadline: date
    what: str = ""
    done: date | None = None
    written: str = ""  # the deadline as the document writes it, e.g. "6月底前"
    done_by: tuple[str, ...] = ()  # names (units, aliases, groups) whose part is done
    extended_from: date | None = None  # the deadline before an accepted extension (延期)


@dataclass(frozen=True, slots=True)
class Recurrence:
    rule: str
    start: date
    until: date | None = None
    done_through: date | None = None


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    title: str
    source: str  # file name, for messages
    line: int = 0
    number: str = ""
    detail: str = ""
    lead: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    cooperating: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    recurrence: Recurrence | None = None
    status: TaskStatus = TaskStatus.OPEN
    policy: str = "default"
    start: date | None = None
    document: Document = field(default_factory=Document)

    @property
    def ongoing(self) -> bool:
        """持续推进: no deadline at all."""
        return not self.milestones and self.recurrence is None

    def names(self, role: Role) -> tuple[str, ...]:
        if role is Role.LEAD:
            return self.lead
        if role is Role.RESPONSIBLE:
            return self.responsible
        if role is Role.COOPERATING:
            return self.cooperating
        return ()


class Reminder(NamedTuple):
    """One firing: identity is (task, milestone, due, stage, repetition, unit).

    A NamedTuple rather than a frozen dataclass: a first pass at 20,000 tasks builds ~700,000 of
    them, and a tuple is built four times faster (fields are compared and hashed the same way)."""

    at: datetime
    task: str
    milestone: str
    deadline: date
    due: date
    stage: str
    offset: int
    repetition: int
    role: Role
    unit: str
    channels: tuple[str, ...]
    via: str | None = None

    @property
    def identity(self) -> ReminderId:
        # the fields picked in C and the tuple made without the generated __new__'s frame (every
        # message carries its reminders' identities: ~230,000 in a first pass at 20,000 tasks)
        return tuple.__new__(ReminderId, identity_of(self))


# a reminder's identity as a plain tuple, built in C: equal to its ReminderId and hashed the same
# (for membership tests; the second pass at 20,000 tasks looks up ~700,000)
Identity = tuple[str, str, date, str, int, str]  # a ReminderId, or the same values as a plain tuple
identity_of: Callable[[Reminder], Identity] = itemgetter(1, 2, 4, 5, 7, 9)

