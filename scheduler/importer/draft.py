"""The draft a document is read into: its header facts and its numbered items as tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scheduler.importer.assign import Assignment
from scheduler.importer.sections import OTHER


@dataclass
class DraftTask:
    number: str  # as written, ASCII parentheses: "(二)", "3."
    key: str  # id suffix: "02", "05-3"
    line: int
    title: str
    detail: str
    assignment: Assignment
    deadlines: list[tuple[str, str]] = field(default_factory=list)  # (phrase, clause)
    ongoing: str = ""
    phase: bool = False  # a step of 实施步骤: a task even without units
    section: str = OTHER  # the kind of section the item stands in (sections.py)


@dataclass
class Draft:
    title: str = ""
    number: str = ""
    issued: date | None = None
    year: int | None = None  # when no date is found: the year the title names (header.title_year)
    tasks: list[DraftTask] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # prose items: no units, no deadline
    damaged: set[int] = field(default_factory=set)  # lines whose garbled number could not be repaired
    signed_at: int | None = None  # how many items came before the first signature
