"""Reading the feedback tables without writing: what a pass (the pause, the next message's
decision notes, the unit links) and the read model need. A state without these tables reads as
empty (no feedback yet)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date as Day
from datetime import datetime
from pathlib import Path

from scheduler.errors import DubanError
from scheduler.feedback.store import COLUMNS, KIND_LABEL, Submission
from scheduler.readmodel import Feedback
from scheduler.runtime import Runtime


def pending_done(path: Path) -> list[tuple[str, str, str]]:
    """(task, milestone, unit) of 办结 waiting for review, read without writing; [] without tables."""
    if not path.is_file():
        return []
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            rows = db.execute("SELECT task, milestone, unit FROM submissions WHERE state = 'waiting' "
                              "AND kind = 'done'").fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError as err:
        if "no such table" in str(err):
            return []
        raise DubanError(f"无法读取状态数据库 {path}：{err}") from None
    return [(str(t), str(m), str(u)) for t, m, u in rows]


def generation_of(path: Path, unit: str) -> int:
    """The unit's link generation, read without writing (0 before any revocation)."""
    if not path.is_file():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            row = db.execute("SELECT generation FROM link_generations WHERE unit = ?", (unit,)).fetchone()
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def feedback_index(path: Path) -> dict[tuple[str, str], list[Feedback]]:
    """Every submission by (task, milestone), oldest first, for the read model; read without writing."""
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            rows = db.execute("SELECT task, milestone, unit, kind, submitted_at, date, note, state FROM submissions "
                              "ORDER BY submitted_at, id").fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError:
        return {}
    out: dict[tuple[str, str], list[Feedback]] = {}
    for task, milestone, unit, kind, at, day, note, state in rows:
        out.setdefault((task, milestone), []).append(Feedback(
            unit, kind, datetime.fromisoformat(at), Day.fromisoformat(day) if day else None, note, state == "waiting"))
    return out


class DecisionNotes:
    """The renderer's `unit_notes` hook (SPEC 3.4: a unit sees a decision "in its next message"):
    the decisions on a unit's submissions taken since the last message queued for it, as lines.
    Without [web] (no page to answer on) there is nothing to tell."""

    def __init__(self, runtime: Callable[[], Runtime], state: Path) -> None:
        self.runtime = runtime
        self.state = state

    def __call__(self, unit: str, now: datetime) -> tuple[str, ...]:
        if self.runtime().settings.web is None or not self.state.is_file():
            return ()
        stamp = now.isoformat()
        try:
            db = sqlite3.connect(f"file:{self.state}?mode=ro", uri=True, timeout=60)
            try:
                row = db.execute("SELECT MAX(created_at) FROM messages WHERE unit = ? AND created_at < ?",
                                 (unit, stamp)).fetchone()
                rows = db.execute(f"SELECT {COLUMNS} FROM submissions WHERE unit = ? AND decided_at != '' "
                                  "AND decided_at > ? AND decided_at <= ? ORDER BY decided_at, id",
                                  (unit, (row[0] or "") if row else "", stamp)).fetchall()
            finally:
                db.close()
        except sqlite3.OperationalError:
            return ()
        return tuple(_told(Submission(*r)) for r in rows)


def _told(s: Submission) -> str:
    what = KIND_LABEL[s.kind] + (f"（{s.date}）" if s.date else "")
    verdict = "已同意" if s.state == "accepted" else "未同意"
    note = f"，意见：{s.decision_note}" if s.decision_note else ""
    return f"{s.submitted_at[:10]}报送的{s.task}/{s.milestone}{what}：{s.decided_at[:10]}{verdict}{note}"
