"""The ledger: SQLite state of delivery (schema 3). All SQL of delivery lives in this package (the
units' feedback keeps its own tables, beside these in the same database: feedback/store.py).

    messages   one row per message and channel: pending → sent | deferred | failed
               (DeliveryState), with the recipients still to reach, attempts, resends of an
               interrupted send, next attempt, first failure; the content is kept so a retry or
               a resend goes out with the same content and Message-ID
    reminders  one row per reminder identity (ReminderId as columns): fire time, ReminderState,
               when that state was reached, the channels that accepted it
    superseded one row per earlier stage a pass superseded without sending it (keyed by identity,
               WITHOUT ROWID): two thirds of a first pass's reminders, kept out of the reminders'
               index; `history` and `handled` read both tables, an identity is in one of them
    carries    which messages carry which reminder: a reminder is `sent` only when every message
               that carries it was accepted (one channel's success never settles another's)
    notices    fingerprints of messages enqueued once (coordinator reports, next-year notice …)

Every transition is a conditional UPDATE (`WHERE state = …`). A message is written before it is
sent; `sent` only after the server accepted it. The ledger is read through the small

    schema.py      the tables, and the migrations from schemas 1 and 2
    connection.py  opening, transactions, the guard that turns SQLite errors into Chinese ones
    reads.py       LedgerView and the reads (history, messages, failures)
    store.py       Ledger: every transition
    sql.py         the SQL shared by transitions (carries, the reminders' states from their messages)
    codec.py       values as stored (stamps, identities, compressed message content)
    files.py       the lock beside the database, read-only access, faults of the file system
    records.py     the frozen rows handed out
"""

from scheduler.ledger.connection import LOCK_WAIT
from scheduler.ledger.files import Lock
from scheduler.ledger.records import Failure, HistoryRow, LedgerView, OpenMessage
from scheduler.ledger.schema import SCHEMA_VERSION, create_v1
from scheduler.ledger.store import Ledger

__all__ = ["LOCK_WAIT", "SCHEMA_VERSION", "Failure", "HistoryRow", "Ledger", "LedgerView", "Lock", "OpenMessage",
           "create_v1"]
