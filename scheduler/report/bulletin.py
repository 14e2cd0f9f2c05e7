"""The 通报 draft (SPEC §3.5): counts per 状态, overdue and soon-due milestones, units ranked by
overdue count, feedback waiting for review. `Bulletin` is built once; .md and .docx render it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from scheduler.model import Document
from scheduler.readmodel import Register, Row, State, UnitRow
from scheduler.report.safe import printable

SOON_DAYS = 5  # "due within 5 working days"
_ORDER = (State.DONE, State.ON_TRACK, State.NEAR, State.OVERDUE, State.REVIEW, State.ONGOING, State.SUSPENDED)


@dataclass(frozen=True, slots=True)
class Item:
    task: str  # number + title
    task_id: str
    milestone: str
    due: date
    days: int
    units: str


@dataclass(frozen=True, slots=True)
class Bulletin:
    today: date
    documents: tuple[str, ...]
    counts: tuple[tuple[State, int], ...]
    overdue: tuple[Item, ...]
    soon: tuple[Item, ...]
    units: tuple[UnitRow, ...]  # with at least one overdue milestone, most first
    waiting: tuple[str, ...]  # feedback waiting for review, one line each

    @property
    def title(self) -> str:
        return f"督办工作通报（{cn_date(self.today)}）"

    def counts_text(self) -> str:
        counts = dict(self.counts)
        milestones = sum(n for s, n in self.counts if s is not State.ONGOING)
        parts = "，".join(f"{s.value}{counts[s]}个" for s in _ORDER if s is not State.ONGOING and counts[s])
        ongoing = f"；另有持续推进的任务{counts[State.ONGOING]}项" if counts[State.ONGOING] else ""
        if not milestones:
            return f"截至{cn_date(self.today)}，台账中没有时间节点{ongoing}。"
        return f"截至{cn_date(self.today)}，台账共列时间节点{milestones}个，其中{parts}{ongoing}。"


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def build(register: Register) -> Bulletin:
    rows = register.rows
    counts = register.counts()
    overdue = sorted((_item(register, r) for r in rows if r.state is State.OVERDUE), key=lambda i: (i.days, i.task_id))
    soon = sorted((_item(register, r) for r in rows if r.state.open and r.state is not State.OVERDUE
                   and r.days is not None and 0 <= r.days <= SOON_DAYS), key=lambda i: (i.days, i.task_id))
    waiting = [f"{r.task.id} 节点{r.milestone}：{r.last_feedback}" for r in rows if r.waiting]
    return Bulletin(register.today, _documents(register), tuple((s, counts[s]) for s in _ORDER),
                    tuple(overdue), tuple(soon), tuple(u for u in register.units if u.overdue), tuple(waiting))


def _item(register: Register, row: Row) -> Item:
    task = row.task
    units = "；".join(f"{label}：{'、'.join(names)}" for label, names in
                     (("牵头", task.lead), ("责任", task.responsible)) if names)
    assert row.due is not None and row.days is not None
    return Item(f"{task.number}{task.title}", task.id, row.milestone, row.due, row.days, units)


def _documents(register: Register) -> tuple[str, ...]:
    seen: dict[Document, None] = {}
    for row in register.rows:
        seen.setdefault(row.task.document, None)
    out = []
    for doc in seen:
        text = f"{doc.title}（{doc.number}）" if doc.title and doc.number else doc.title or doc.number
        if text:
            out.append(text)
    return tuple(out)


# -- Markdown ------------------------------------------------------------------------------------


def _md(text: str) -> str:
    return " ".join(printable(text).split()).replace("|", "｜")


def to_markdown(b: Bulletin) -> Iterator[str]:
    yield f"# {b.title}\n\n"
    for doc in b.documents:
        yield f"督办文件：{_md(doc)}\n\n"
    yield f"{b.counts_text()}\n\n"
    yield f"## 一、逾期事项（{len(b.overdue)}个）\n\n"
    yield from _md_items(b.overdue, "逾期工作日", lambda i: str(-i.days)) if b.overdue else iter(("无。\n\n",))
    yield f"## 二、{SOON_DAYS}个工作日内到期事项（{len(b.soon)}个）\n\n"
    yield from _md_items(b.soon, "剩余工作日", lambda i: str(i.days)) if b.soon else iter(("无。\n\n",))
    yield "## 三、各单位逾期情况\n\n"
    if b.units:
        yield "| 排名 | 单位 | 逾期 | 临期 | 未完成 |\n|---|---|---|---|---|\n"
        for n, u in enumerate(b.units, 1):
            yield f"| {n} | {_md(u.unit)} | {u.overdue} | {u.near} | {u.open} |\n"
        yield "\n"
    else:
        yield "各单位均无逾期事项。\n\n"
    yield f"## 四、待审核的反馈（{len(b.waiting)}条）\n\n"
    yield "".join(f"- {_md(w)}\n" for w in b.waiting) + "\n" if b.waiting else "无。\n\n"
    yield "（本通报由督办系统根据台账生成，请核对后签发。）\n"


def _md_items(items: tuple[Item, ...], days_label: str, days: Callable[[Item], str]) -> Iterator[str]:
    yield f"| 序号 | 任务 | 节点 | 到期日 | {days_label} | 承办单位 |\n|---|---|---|---|---|---|\n"
    for n, i in enumerate(items, 1):
        yield (f"| {n} | {_md(i.task)} | {_md(i.milestone)} | {i.due.isoformat()} | "
               f"{days(i)} | {_md(i.units)} |\n")
    yield "\n"


# -- Word ----------------------------------------------------------------------------------------


def write_docx(b: Bulletin, path: Path | BinaryIO) -> None:
    from scheduler.report.docx_writer import write

    write(b, path)
