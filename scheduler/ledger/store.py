"""The ledger: every transition of a message and of its reminders is a conditional UPDATE here."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from scheduler.ledger.codec import DAYS, cols, day_text, pack, stamp_of
from scheduler.ledger.reads import Reads
from scheduler.ledger.sql import IDENTITY, OPEN, PAUSED, carry_reminders, refresh_reminders
from scheduler.messages import Message, Reason, ReminderId
from scheduler.model import Identity, Reminder

RETENTION = timedelta(days=366)  # message bodies are kept this long after they settled and their milestones closed


class Ledger(Reads):
    """The SQLite ledger: opened (connection.py), read (reads.py) and written here.
    `readonly` for status/history; `lock_wait` bounds a locked database."""

    def queue(self, messages: Iterable[Message], now: datetime, reason: Reason = Reason.DUE,
              fire_times: dict[Identity, datetime] | None = None, unhandled: bool = False) -> list[str]:
        """Record new messages, due now, with their reminders pending (one transaction, before
        any of them is sent). Returns the keys that need sending (not already sent or failed).
        `unhandled`: their reminders were decided unhandled in this pass (`carry_reminders`)."""
        fire_times = fire_times or {}
        stamp = now.isoformat()
        keys: list[str] = []
        stamps: dict[datetime, str] = {}
        with self._write() as db:
            for message in messages:
                db.execute(
                    "INSERT OR IGNORE INTO messages(key, kind, channel, unit, recipient, subject, content, state, "
                    "reason, created_at, updated_at, next_attempt) VALUES (?, 'digest', ?, ?, ?, ?, ?, 'deferred', "
                    "?, ?, ?, ?)", (message.key, message.channel, message.unit, ",".join(message.to) or message.unit,
                                    message.subject, pack(message), reason.value, stamp, stamp, stamp))
                carry_reminders(db, message, [(*cols(rid), stamp_of(fire_times.get(rid, now), stamps), stamp)
                                              for rid in message.reminders], unhandled)
                state = db.execute("SELECT state FROM messages WHERE key = ?", (message.key,)).fetchone()[0]
                if state in OPEN:
                    keys.append(message.key)
                else:  # the same content was settled before: its reminders take its state
                    refresh_reminders(db, message.key, stamp)
        return keys

    def enqueue(self, message: Message, fingerprint: str, now: datetime, reason: Reason = Reason.NOTICE) -> bool:
        """A message for the coordinator or units (reports, notices), sent once per fingerprint and
        retried like every message. False if this fingerprint was enqueued before."""
        stamp = now.isoformat()
        with self._write() as db:
            told = db.execute("INSERT OR IGNORE INTO notices(fingerprint, at) VALUES (?, ?)", (fingerprint, stamp))
            if told.rowcount != 1:
                return False
            db.execute(
                "INSERT OR IGNORE INTO messages(key, kind, channel, unit, recipient, subject, content, state, reason, "
                "created_at, updated_at, next_attempt) VALUES (?, 'notice', ?, ?, ?, ?, ?, 'deferred', ?, ?, ?, ?)",
                (message.key, message.channel, message.unit, ",".join(message.to) or message.unit, message.subject,
                 pack(message), reason.value, stamp, stamp, stamp))
        return True

    def supersede(self, items: Iterable[tuple[ReminderId, datetime]], now: datetime) -> None:
        """Older stages replaced by a later one: recorded `superseded` (never sent)."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        self._supersede_rows((*cols(rid), stamp_of(at, stamps), stamp) for rid, at in items)

    def supersede_reminders(self, reminders: Iterable[Reminder], now: datetime) -> None:
        """`supersede` for the planner's reminders: their rows are built straight from the
        fields, without an identity object each (a first pass supersedes ~470,000)."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        days = DAYS
        self._supersede_rows((r.task, r.milestone, days.get(r.due) or day_text(r.due), r.stage, r.repetition, r.unit,
                              stamps.get(r.at) or stamp_of(r.at, stamps), stamp) for r in reminders)

    def _supersede_rows(self, rows: Iterable[tuple[str, str, str, str, int, str, str, str]]) -> None:
        """A reminder paused for review is superseded in place; one recorded in another state
        (sent, failed, carried by a message) stays as it is; the others go to `superseded`."""
        paused = self._paused()
        if paused:
            rows = list(rows)
            held = [r for r in rows if r[:6] in paused]
            rows = [r for r in rows if r[:6] not in paused]
        with self._write() as db:  # rows streamed
            db.executemany(f"INSERT OR IGNORE INTO superseded SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS "
                           f"(SELECT 1 FROM reminders WHERE {IDENTITY})", rows)
            if paused:
                db.executemany("UPDATE reminders SET state = 'superseded', handled_at = ?8 "
                               f"WHERE {IDENTITY} AND {PAUSED}", held)

    def pause(self, items: Iterable[tuple[ReminderId, datetime]], now: datetime) -> None:
        """Due reminders paused for review (SPEC 3.4): recorded `pending`, carried by no message,
        not counted as handled; the pass after the pause ends sends or supersedes them. The pause
        holds every latest stage of its milestones: one superseded before (in `superseded`) stays
        there, as one recorded in `reminders` stays as it is (an identity is in one table)."""
        stamp = now.isoformat()
        stamps: dict[datetime, str] = {}
        with self._write() as db:
            db.executemany("INSERT OR IGNORE INTO reminders(task, milestone, due, stage, repetition, unit, at, "
                           "state, handled_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8 WHERE NOT EXISTS "
                           f"(SELECT 1 FROM superseded WHERE {IDENTITY})",
                           [(*cols(rid), stamp_of(at, stamps), stamp) for rid, at in items])

    def settle_paused(self, still: set[ReminderId], now: datetime) -> int:
        """Paused reminders whose pause is over and that this pass neither sent nor superseded
        (the milestone was accepted as done, the unit is in done_by, an older repetition):
        `superseded`, never sent. `still`: the reminders paused now."""
        with self._write() as db:
            rows = db.execute(f"SELECT id, task, milestone, due, stage, repetition, unit FROM reminders "
                              f"WHERE {PAUSED}").fetchall()
            over = [(now.isoformat(), rid) for rid, t, m, d, s, rep, u in rows
                    if ReminderId(t, m, date.fromisoformat(d), s, rep, u) not in still]
            db.executemany(f"UPDATE reminders SET state = 'superseded', handled_at = ? WHERE id = ? AND {PAUSED}",
                           over)
        return len(over)

    def hold(self, key: str, next_attempt: datetime) -> None:
        """A deferred message whose reminders are all paused for review: not tried, not given up;
        its deferral limit starts again from the first failure after the pause."""
        self._transition(key, "next_attempt = ?, first_failure = NULL", "state = 'deferred'", next_attempt.isoformat())

    def begin_attempt(self, key: str, now: datetime) -> bool:
        """deferred → pending, written before the send. False: someone else settled it."""
        return self._transition(key, "state = 'pending', updated_at = ?", "state = 'deferred'", now.isoformat())

    def begin_resend(self, key: str, now: datetime) -> bool:
        """An interrupted send (pending at a pass's start): its one resend, recorded before it is
        made. False: it was resent once already (the caller fails it)."""
        return self._transition(key, "resends = resends + 1, updated_at = ?",
                                "state = 'pending' AND resends = 0", now.isoformat())

    def mark_sent(self, key: str, now: datetime, detail: str = "") -> None:
        stamp = now.isoformat()
        # a recipient refused for good at an earlier attempt keeps the message failed (reported then)
        self._transition(key, "state = CASE WHEN refused = '[]' THEN 'sent' ELSE 'failed' END, "
                              "attempts = attempts + 1, sent_at = ?, updated_at = ?, last_error = ?, remaining = '[]'",
                         "state = 'pending'", stamp, stamp, detail, refresh=stamp)

    def mark_deferred(self, key: str, now: datetime, next_attempt: datetime, error: str,
                      remaining: tuple[str, ...] = (), refused: tuple[str, ...] = (), attempted: bool = True) -> None:
        """pending → deferred: a temporary failure, a rate limit, or a channel down this pass."""
        stamp = now.isoformat()
        self._transition(
            key, "state = 'deferred', attempts = attempts + ?, next_attempt = ?, last_error = ?, updated_at = ?, "
                 "first_failure = COALESCE(first_failure, ?), "
                 "remaining = CASE WHEN ? = '[]' THEN remaining ELSE ? END, "
                 "refused = CASE WHEN ? = '[]' THEN refused ELSE ? END",
            "state = 'pending'", int(attempted), next_attempt.isoformat(), error, stamp, stamp,
            json.dumps(remaining), json.dumps(remaining), json.dumps(refused), json.dumps(refused))

    def postpone(self, key: str, next_attempt: datetime, failed_at: datetime | None = None, error: str = "") -> None:
        """A deferred message not tried this pass (budget spent, quota, channel down): a later
        attempt time; `failed_at` when the channel's failure counts (starts the deferral limit)."""
        if failed_at is None:
            self._transition(key, "next_attempt = ?", "state = 'deferred'", next_attempt.isoformat())
            return
        stamp = failed_at.isoformat()
        self._transition(key, "next_attempt = ?, first_failure = COALESCE(first_failure, ?), last_error = ?, "
                              "updated_at = ?", "state = 'deferred'", next_attempt.isoformat(), stamp, error, stamp)

    def retry_now(self, now: datetime) -> int:
        """After a reload: every deferred message may be tried at the next pass (the fault may be fixed)."""
        with self._write() as db:
            cursor = db.execute("UPDATE messages SET next_attempt = ? WHERE state = 'deferred'", (now.isoformat(),))
        return cursor.rowcount

    def mark_failed(self, key: str, now: datetime, error: str, attempted: bool = True,
                    refused: tuple[str, ...] = ()) -> bool:
        """pending | deferred → failed; its reminders become failed (and are reported)."""
        stamp = now.isoformat()
        return self._transition(
            key, "state = 'failed', attempts = attempts + ?, last_error = ?, updated_at = ?, "
                 "refused = CASE WHEN ? = '[]' THEN refused ELSE ? END",
            "state IN ('pending', 'deferred')", int(attempted), error, stamp, json.dumps(refused),
            json.dumps(refused), refresh=stamp)

    def mark_refused(self, key: str, now: datetime, error: str, refused: tuple[str, ...]) -> None:
        """sent → failed: the others accepted it, but some recipients refused it for good."""
        self._transition(key, "state = 'failed', last_error = ?, refused = ?, updated_at = ?", "state = 'sent'",
                         error, json.dumps(refused), now.isoformat(), refresh=now.isoformat())

    def withdraw(self, key: str, now: datetime) -> bool:
        """pending | deferred → withdrawn: every reminder it carries is about a milestone closed
        since it was queued; never sent, never reported. Its reminders become superseded (one
        that another channel's message delivered stays sent). False: settled meanwhile."""
        stamp = now.isoformat()
        return self._transition(key, "state = 'withdrawn', updated_at = ?", "state IN ('pending', 'deferred')",
                                stamp, refresh=stamp)

    def _transition(self, key: str, assign: str, condition: str, *values: object, refresh: str = "") -> bool:
        with self._write() as db:
            cursor = db.execute(f"UPDATE messages SET {assign} WHERE key = ? AND {condition}", (*values, key))
            if refresh and cursor.rowcount == 1:
                refresh_reminders(db, key, refresh)
        return cursor.rowcount == 1

    def prune(self, now: datetime, closed_on: Callable[[str, str], date | None]) -> int:
        """Retention: the body of a message is emptied (its row and the reminders' rows stay) a
        year after it settled and a year after every milestone it carries closed; `closed_on`
        (task, milestone) gives the day a milestone closed, None while it is open (retention.py)."""
        limit = now - RETENTION
        with self._guard("读取"):
            keys = [k for (k,) in self.db.execute(
                "SELECT key FROM messages WHERE pruned = 0 AND state IN ('sent', 'failed', 'withdrawn') "
                "AND updated_at < ?", (limit.isoformat(),))]
        due = [(k,) for k in keys if self._all_closed_before(k, closed_on, limit.date())]
        with self._write() as db:
            db.executemany("UPDATE messages SET content = '{}', pruned = 1 WHERE key = ? AND pruned = 0", due)
        return len(due)

    def _all_closed_before(self, key: str, closed_on: Callable[[str, str], date | None], day: date) -> bool:
        for task, milestone in {(t, m) for t, m, _ in self.carried(key)}:
            closed = closed_on(task, milestone)
            if closed is None or closed >= day:
                return False
        return True
