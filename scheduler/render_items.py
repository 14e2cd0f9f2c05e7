"""The words of a digest shared by every channel's template: an item as it is shown, the summary
line, the subject, the per-unit counts of an escalation. Pure.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from scheduler.group import Digest, DigestItem
from scheduler.model import Role

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")  # NEL too: str.splitlines() breaks on it


def days_phrase(offset: int) -> str:
    """还剩N个工作日 / 今天到期 / 已逾期N个工作日, from a firing's offset to due."""
    if offset < 0:
        return f"还剩{-offset}个工作日"
    return "今天到期" if offset == 0 else f"已逾期{offset}个工作日"


def one_line(text: str) -> str:
    """No line breaks or control characters: safe in a header and in a list item."""
    return _CONTROL.sub(" ", text).strip()


class ItemView(NamedTuple):
    """One item of a digest as the templates show it (a NamedTuple: ~230,000 are built in a
    first pass at 20,000 tasks, four times faster than a frozen dataclass)."""

    number: str
    title: str
    stage: str
    days: str
    written: str
    due: str
    role: str
    for_unit: str
    others: str
    what: str
    document: str
    color: str  # WeCom font colour
    html_color: str


_new = tuple.__new__
_NAMES = "\x00names"  # cache key beside the milestone ids (which never hold control characters)


def item_view(item: DigestItem, cache: dict[tuple[int, str], tuple[str, ...]] | None = None) -> ItemView:
    r, task = item.reminder, item.task
    key = (id(task), r.milestone)
    fixed = cache.get(key) if cache is not None else None
    if fixed is None:
        fixed = _fixed_view(item)
        if cache is not None:
            cache[key] = fixed
    number, title, written, what, document = fixed
    urgent = r.offset >= 0
    if cache is None:
        others = "、".join(item.others)
    else:  # DigestItem.others, from the task's names deduplicated once (the same for every unit)
        names = cache.get((id(task), _NAMES))
        if names is None:
            names = cache[(id(task), _NAMES)] = DigestItem(r._replace(unit=""), task).others
        unit = r.unit
        others = "、".join([n for n in names if n != unit])
    days = _PHRASES.get(r.offset) or _PHRASES.setdefault(r.offset, days_phrase(r.offset))
    due = _ISO.get(r.due) or _ISO.setdefault(r.due, r.due.isoformat())
    # tuple.__new__ with the fields in ItemView's order (a first pass builds ~230,000; the
    # generated __new__ with keywords costs three times as much)
    return _new(ItemView, (number, title, r.stage, days, written, due, r.role.label, r.unit if r.via else "", others,
                           what, document, "warning" if urgent else "info",
                           "#c0392b" if r.offset > 0 else "#d35400" if urgent else "#2c3e50"))


# a digest repeats a few hundred offsets and due dates over thousands of items
_PHRASES: dict[int, str] = {}
_ISO: dict[date, str] = {}


def _fixed_view(item: DigestItem) -> tuple[str, ...]:
    """The parts of an item that depend only on the task and milestone (shared by every unit)."""
    r, task = item.reminder, item.task
    milestone = next((m for m in task.milestones if m.id == r.milestone), None)
    written = milestone.written if milestone and milestone.written else r.deadline.isoformat()
    what = (milestone.what if milestone and milestone.what else task.detail)[:200]
    doc = task.document
    document = f"{doc.title}（{doc.number}）" if doc.title and doc.number else doc.title or doc.number
    return one_line(task.number), one_line(task.title), one_line(written), one_line(what), one_line(document)


def summary(digest: Digest) -> str:
    """`2项任务临近完成时限，1项已逾期`."""
    offsets = [i.reminder.offset for i in digest.items]
    counts = ((sum(o < 0 for o in offsets), "临近完成时限"), (sum(o == 0 for o in offsets), "今天到期"),
              (sum(o > 0 for o in offsets), "已逾期"))
    parts: list[str] = []
    for n, label in counts:
        if n:
            parts.append(f"{n}项{'' if parts else '任务'}{label}")
    return "，".join(parts)


def subject(digest: Digest) -> str:
    kind = "【督办通报】" if digest.escalation else "【督办提醒】"
    return one_line(f"{kind}{digest.unit}：{summary(digest)}")


def by_unit(digest: Digest) -> list[dict[str, str]]:
    """For escalations: per unit concerned, how many items are overdue or near."""
    counts: dict[str, list[int]] = {}
    for item in digest.items:
        r = item.reminder
        if r.via:
            units: tuple[str, ...] = (r.unit,)
        elif r.role is Role.COORDINATOR:
            units = item.task.lead + item.task.responsible
        else:
            continue
        for unit in units:
            row = counts.setdefault(unit, [0, 0])
            row[0 if r.offset > 0 else 1] += 1
    return [{"unit": u, "text": "，".join(t for t in (f"{o}项逾期" if o else "", f"{n}项临期或到期" if n else "") if t)}
            for u, (o, n) in sorted(counts.items())]
