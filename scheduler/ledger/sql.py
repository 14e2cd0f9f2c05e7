"""SQL shared by the transitions: which messages carry which reminders, and the state of a
reminder worked out from every message that carries it."""

from __future__ import annotations

import sqlite3

from scheduler.messages import DeliveryState, Message

OPEN = (DeliveryState.PENDING.value, DeliveryState.DEFERRED.value)
# a reminder paused for review (SPEC 3.4): recorded `pending`, carried by no message
PAUSED = "state = 'pending' AND NOT EXISTS (SELECT 1 FROM carries WHERE carries.reminder = reminders.id)"
# a reminders row with the identity bound as ?1 … ?6 (task, milestone, due, stage, repetition, unit)
IDENTITY = "task = ?1 AND milestone = ?2 AND due = ?3 AND stage = ?4 AND repetition = ?5 AND unit = ?6"
# a reminder carried by another message than :key too
SHARED = "EXISTS (SELECT 1 FROM carries o WHERE o.reminder = reminders.id AND o.message != :key)"


Row = tuple[str, str, str, str, int, str, str, str]  # a reminder's identity as columns, its fire time, the stamp


def carry_reminders(db: sqlite3.Connection, message: Message, rows: list[Row], unhandled: bool = False) -> None:
    """The message's reminders (pending unless recorded before) and which of them it carries.
    The ids are the ones SQLite would choose (max + 1 …); when every row is new — a first pass —
    the carries are written from them instead of looking each reminder up again. `unhandled`:
    the caller knows none of them was recorded (a pass's new reminders: `decide` sends only
    those), so none is looked for among the superseded stages (a first pass would look for
    ~230,000 in a table of ~470,000)."""
    first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM reminders").fetchone()[0]
    before = db.total_changes
    db.executemany("INSERT OR IGNORE INTO reminders(id, task, milestone, due, stage, repetition, unit, at, state, "
                   "handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                   [(first + n, *row) for n, row in enumerate(rows)])
    fresh = db.total_changes - before
    if fresh and not unhandled:
        _revive_superseded(db, first)
    if fresh == len(rows):
        db.executemany("INSERT OR IGNORE INTO carries(reminder, message) VALUES (?, ?)",
                       [(first + n, message.key) for n in range(len(rows))])
        return
    db.executemany("INSERT OR IGNORE INTO carries(reminder, message) SELECT id, ? FROM reminders "
                   "WHERE task = ? AND milestone = ? AND due = ? AND stage = ? AND repetition = ? AND unit = ?",
                   [(message.key, *row[:6]) for row in rows])


_COLUMNS = "task, milestone, due, stage, repetition, unit"
# a superseded row and a reminders row of the same identity
_SAME = ("s.task = reminders.task AND s.milestone = reminders.milestone AND s.due = reminders.due "
         "AND s.stage = reminders.stage AND s.repetition = reminders.repetition AND s.unit = reminders.unit")


def _revive_superseded(db: sqlite3.Connection, first: int) -> None:
    """Reminders superseded earlier that a message now carries (never in a pass: a superseded
    reminder is handled, so never sent) keep their superseded state as `reminders` rows (from
    id `first` on), the only ones `carries` can name; an identity is in one table, never both."""
    if not db.execute("UPDATE reminders SET state = 'superseded', at = s.at, handled_at = s.handled_at "
                      f"FROM superseded s WHERE reminders.id >= ? AND {_SAME}", (first,)).rowcount:
        return
    db.execute(f"DELETE FROM superseded WHERE ({_COLUMNS}) IN (SELECT {_COLUMNS} FROM reminders "
               "WHERE id >= ? AND state = 'superseded')", (first,))


def refresh_reminders(db: sqlite3.Connection, key: str, stamp: str) -> None:
    """The state of each reminder carried by `key`, from every message that carries it.
    Reminders carried by `key` alone (all of them when a unit has one channel) take its state
    in one statement; the others are worked out from all their messages."""
    row = db.execute("SELECT state, channel FROM messages WHERE key = ?", (key,)).fetchone()
    if row is None:
        return
    state, channel = row
    new = state if state in ("sent", "failed") else "superseded" if state == "withdrawn" else "pending"
    simple = db.execute("UPDATE reminders SET handled_at = CASE WHEN state != :new THEN :stamp ELSE handled_at END, "
                        "state = :new, channels = :channels WHERE id IN (SELECT reminder FROM carries "
                        f"WHERE message = :key) AND state != 'superseded' AND NOT ({SHARED})",
                        {"new": new, "stamp": stamp, "channels": channel if new == "sent" else "", "key": key}).rowcount
    if simple == db.execute("SELECT count(*) FROM carries WHERE message = ?", (key,)).fetchone()[0]:
        return  # every reminder it carries is carried by it alone (a unit with one channel)
    rows = db.execute(
        "SELECT r.id, r.state, group_concat(m.state), group_concat(CASE WHEN m.state = 'sent' THEN m.channel END) "
        "FROM reminders r JOIN carries c ON c.reminder = r.id JOIN messages m ON m.key = c.message "
        "WHERE r.id IN (SELECT reminder FROM carries WHERE message = :key) AND r.state != 'superseded' "
        f"AND {SHARED.replace('reminders.id', 'r.id')} GROUP BY r.id", {"key": key}).fetchall()
    changed: list[tuple[str, str, str, int, str]] = []
    same: list[tuple[str, int]] = []
    for rid, old, states, channels in rows:
        found = set(states.split(",")) - {"withdrawn"}  # a withdrawn message settles nothing
        new = ("superseded" if not found else "failed" if "failed" in found
               else "sent" if found == {"sent"} else "pending")
        accepted = ",".join(sorted(set((channels or "").split(",")) - {""}))
        if new != old:
            changed.append((new, stamp, accepted, rid, old))
        else:
            same.append((accepted, rid))
    db.executemany("UPDATE reminders SET state = ?, handled_at = ?, channels = ? WHERE id = ? AND state = ?", changed)
    db.executemany("UPDATE reminders SET channels = ? WHERE id = ?", same)
