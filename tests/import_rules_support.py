"""Helpers shared by the import-rule tests (tests/test_import_rules*.py)."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import Draft, DraftTask


def units(task: DraftTask) -> tuple[list[str], list[str], list[str]]:
    """(lead, responsible, cooperating) of a drafted task."""
    a = task.assignment
    return a.lead, a.responsible, a.cooperating


def dates(task: DraftTask, draft: Draft) -> list[date]:
    """The task's deadlines resolved against the draft's issue date."""
    return [d for d, _, _ in resolve_deadlines(task, draft.issued.year if draft.issued else None, draft.issued)]
