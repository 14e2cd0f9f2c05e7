"""The read model's values: a milestone's 状态 (SPEC §3.5), a unit's feedback as the store hands it
over, and one `Row` per milestone and per ongoing task."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from scheduler.model import Task


class State(Enum):
    DONE = "已办结"
    ON_TRACK = "按期推进"
    NEAR = "临期"
    OVERDUE = "逾期"
    REVIEW = "待审核"
    ONGOING = "持续推进"
    SUSPENDED = "暂停"

    @property
    def open(self) -> bool:
        return self in OPEN


OPEN = frozenset({State.ON_TRACK, State.NEAR, State.OVERDUE, State.REVIEW})
FEEDBACK_KIND = {"progress": "进展", "done": "办结", "extend": "延期申请"}


@dataclass(frozen=True, slots=True)
class Feedback:
    """One submission of a unit (SPEC §3.4), as the feedback store will hand it over."""

    unit: str
    kind: str  # progress | done | extend
    submitted_at: datetime
    date: date | None = None  # the date finished (done) or the new deadline (extend)
    note: str = ""
    waiting: bool = False  # a 办结 or 延期申请 the coordinator has not decided yet

    def describe(self) -> str:
        """`2021-12-27 省市场监管局 办结（待审核，完成于2021-12-27）：已印发实施方案`."""
        detail = ["待审核"] if self.waiting else []
        if self.date is not None:
            detail.append(("申请延至" if self.kind == "extend" else "完成于") + self.date.isoformat())
        head = f"{self.submitted_at:%Y-%m-%d} {self.unit} {FEEDBACK_KIND.get(self.kind, self.kind)}"
        return head + (f"（{'，'.join(detail)}）" if detail else "") + (f"：{self.note}" if self.note else "")


# (task id, milestone id) → the submissions about it, oldest first
FeedbackIndex = Mapping[tuple[str, str], Sequence[Feedback]]
NO_FEEDBACK: FeedbackIndex = {}


@dataclass(frozen=True, slots=True)
class Row:
    task: Task
    milestone: str  # "" for an ongoing task
    what: str
    written: str  # the deadline as written: a phrase, an ISO date, or "持续推进"
    deadline: date | None
    due: date | None
    state: State
    light: str  # 绿/黄/红 for an open milestone (待审核 too), "" otherwise
    days: int | None  # working days left; negative when overdue; None when not open
    done: date | None
    extended_from: date | None
    done_by: frozenset[str]  # units whose part is done
    last_reminder: str
    last_feedback: str
    waiting: int = 0  # submissions waiting for review

    @property
    def on_time(self) -> bool:
        return self.done is not None and self.due is not None and self.done <= self.due
