"""What the ledger answers: the LedgerView of `due.decide`, history, messages, failures."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from scheduler.ledger.codec import chunks, cols, load_content, time_of, unpack, with_to
from scheduler.ledger.connection import Connection
from scheduler.ledger.records import Failure, HistoryRow, OpenMessage
from scheduler.ledger.sql import OPEN, PAUSED
from scheduler.messages import DeliveryState, Message, ReminderState
from scheduler.model import Identity


class Reads(Connection):
    """The reads of the ledger."""

    def handled(self, ids: Iterable[Identity]) -> set[Identity]:
        """Those of `ids` recorded in any state (sent, superseded, pending, failed), except the
        ones paused for review (they are decided again when the pause ends)."""
        if not self.has_reminders():
            return set()  # a first pass: the identities are not even built
        wanted = ids if isinstance(ids, list) else list(ids)
        # the rows are collected as SQLite gives them (due as text), without a Python step per row
        recorded: set[tuple[str, str, str, str, int, str]] = set()
        with self._guard("读取"):
            for chunk in chunks(sorted({r[0] for r in wanted}), 500):
                marks = ",".join("?" * len(chunk))
                for table in ("reminders", "superseded"):
                    recorded.update(self.db.execute("SELECT task, milestone, due, stage, repetition, unit "
                                                    f"FROM {table} WHERE task IN ({marks})", chunk))
        recorded -= self._paused()
        return {r for r in wanted if cols(r) in recorded}

    def _paused(self) -> set[tuple[str, str, str, str, int, str]]:
        """The identities of the reminders paused for review (few), read again only when the
        state changed since (by this connection or another): `handled` is asked per few hundred
        tasks, and reading the identities alone lets SQLite answer from its index."""
        with self._guard("读取"):
            version = (self.db.total_changes, self.db.execute("PRAGMA data_version").fetchone()[0])
            if self._paused_memo is None or self._paused_memo[0] != version:
                rows = self.db.execute("SELECT task, milestone, due, stage, repetition, unit FROM reminders "
                                       f"WHERE {PAUSED}")
                self._paused_memo = (version, set(rows))
        return self._paused_memo[1]

    def has_reminders(self) -> bool:
        with self._guard("读取"):
            return any(self.db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
                       for table in ("reminders", "superseded"))

    def open_messages(self) -> list[OpenMessage]:
        with self._guard("读取"):
            rows = self.db.execute(
                "SELECT key, kind, channel, unit, state, attempts, resends, next_attempt, first_failure, "
                "last_error FROM messages WHERE state IN (?, ?) ORDER BY created_at, key", OPEN).fetchall()
        return [OpenMessage(k, kind, ch, u, DeliveryState(st), a, rs, time_of(na), time_of(ff), err)
                for k, kind, ch, u, st, a, rs, na, ff, err in rows]

    # -- reading ---------------------------------------------------------------------------------

    def message(self, key: str) -> Message | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT content, remaining FROM messages WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = load_content(row[0])
        if not data:
            return None  # its body was pruned (retention): nothing left to send
        if "reminders" not in data:  # stored since the carries rows hold them (a v1 message holds its own)
            with self._guard("读取"):
                data["reminders"] = self.db.execute(
                    "SELECT r.task, r.milestone, r.due, r.stage, r.repetition, r.unit FROM carries c "
                    "JOIN reminders r ON r.id = c.reminder WHERE c.message = ? ORDER BY c.rowid", (key,)).fetchall()
        message = unpack(data)
        remaining = tuple(json.loads(row[1]))
        return with_to(message, remaining) if remaining else message

    def untouched(self, key: str) -> bool:
        """Recorded and never tried: its stored content is what was recorded, to every recipient."""
        with self._guard("读取"):
            row = self.db.execute("SELECT attempts, remaining FROM messages WHERE key = ?", (key,)).fetchone()
        return row is not None and row[0] == 0 and row[1] == "[]"

    def state_of(self, key: str) -> DeliveryState | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT state FROM messages WHERE key = ?", (key,)).fetchone()
        return DeliveryState(row[0]) if row else None

    def history(self, start: datetime | None = None, end: datetime | None = None, task: str | None = None,
                units: Iterable[str] | None = None) -> list[HistoryRow]:
        """Reminders whose fire time lies in [start, end] (of one task, of some units), by (at,
        task, milestone, stage, unit)."""
        return list(self.history_rows(start, end, task, units))

    def history_rows(self, start: datetime | None = None, end: datetime | None = None, task: str | None = None,
                     units: Iterable[str] | None = None) -> Iterator[HistoryRow]:
        """`history`, row by row as SQLite gives them: the whole history of a large plan (~700,000
        rows at 20,000 tasks) is never held. The task and units are chosen by SQLite (`task` from
        the index), the fire times from text bounds widened past any offset, then exactly."""
        where: list[str] = []
        args: list[str] = []
        for bound, op, side in ((start, ">=", -1), (end, "<=", 1)):
            widened = _widened(bound, side)
            if widened is not None:
                where.append(f"at {op} ?")
                args.append(widened)
        if task is not None:
            where.append("task = ?")
            args.append(task)
        if units is not None:
            chosen = sorted(set(units))
            where.append(f"unit IN ({','.join('?' * len(chosen))})" if chosen else "0")
            args += chosen
        for row in self._history_rows(" AND ".join(where) or "1", tuple(args)):
            if (start is None or row.at >= start) and (end is None or row.at <= end):
                yield row

    def task_history(self, task: str) -> list[HistoryRow]:
        """The reminders of one task (the dashboard's history of a task), in the order of `history`."""
        return list(self._history_rows("task = ?", (task,)))

    def _history_rows(self, where: str, args: tuple[str, ...], superseded: bool = True) -> Iterator[HistoryRow]:
        """In order of fire time (the instant: `julianday` reads the offset), task, milestone,
        stage and unit, sorted by SQLite. `superseded`: with the stages superseded without a
        message (their own table)."""
        sql = ("SELECT julianday(at) AS instant, at, task, milestone, due, stage, repetition, unit, state, handled_at, "
               f"channels, {PAUSED} FROM reminders WHERE {where}")
        if superseded:
            sql += (" UNION ALL SELECT julianday(at), at, task, milestone, due, stage, repetition, unit, 'superseded', "
                    f"handled_at, '', 0 FROM superseded WHERE {where}")
        sql += " ORDER BY instant, task, milestone, stage, unit, due, repetition"
        states = {s.value: s for s in ReminderState}
        parse = datetime.fromisoformat
        with self._guard("读取"):
            for _, at, t, m, d, s, rep, u, st, h, ch, p in self.db.execute(sql, args * 2 if superseded else args):
                yield HistoryRow(parse(at), t, m, date.fromisoformat(d), s, rep, u, states[st], parse(h),
                                 tuple(c for c in ch.split(",") if c) if ch else (), bool(p))

    def last_reminders(self) -> dict[tuple[str, str, str], HistoryRow]:
        """The last handled (not superseded, not paused) reminder per (task, milestone, unit): for
        status, the 台账 and the dashboard — the last of each in `history`'s order, chosen by
        SQLite (after months of passes a milestone has a row per stage and unit)."""
        sql = ("SELECT at, task, milestone, due, stage, repetition, unit, state, handled_at, channels FROM ("
               "SELECT *, row_number() OVER (PARTITION BY task, milestone, unit ORDER BY julianday(at) DESC, "
               "stage DESC, due DESC, repetition DESC) AS n "
               f"FROM reminders WHERE state != 'superseded' AND NOT ({PAUSED})) WHERE n = 1")
        states = {s.value: s for s in ReminderState}
        parse = datetime.fromisoformat
        with self._guard("读取"):
            return {(t, m, u): HistoryRow(parse(at), t, m, date.fromisoformat(d), s, rep, u, states[st], parse(h),
                                          tuple(c for c in ch.split(",") if c) if ch else ())
                    for at, t, m, d, s, rep, u, st, h, ch in self.db.execute(sql)}

    def failures(self) -> list[Failure]:
        with self._guard("读取"):
            rows = self.db.execute("SELECT unit, channel, last_error, updated_at FROM messages "
                                   "WHERE state = 'failed' ORDER BY updated_at").fetchall()
        return [Failure(*r) for r in rows]

    def carried(self, key: str) -> list[tuple[str, str, str]]:
        """(task, milestone, unit) of the reminders a message carries."""
        with self._guard("读取"):
            rows = self.db.execute("SELECT r.task, r.milestone, r.unit FROM carries c JOIN reminders r "
                                   "ON r.id = c.reminder WHERE c.message = ?", (key,)).fetchall()
        return [(t, m, u) for t, m, u in rows]

    def first_failure(self, key: str) -> datetime | None:
        with self._guard("读取"):
            row = self.db.execute("SELECT first_failure FROM messages WHERE key = ?", (key,)).fetchone()
        return time_of(row[0]) if row else None

    def attempts(self, key: str) -> int:
        with self._guard("读取"):
            row = self.db.execute("SELECT attempts FROM messages WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0


def _widened(bound: datetime | None, side: int) -> str | None:
    """A bound on fire times as text for SQLite, two days wider than `bound` (stamps are compared
    as text, and may carry another offset than the bound); None when there is none to apply."""
    if bound is None:
        return None
    try:
        return (bound + timedelta(days=2 * side)).isoformat()
    except OverflowError:  # --from 0001-01-01, --to 9999-12-31: nothing to narrow
        return None
