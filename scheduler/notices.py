"""Messages of duban itself to the coordinator (or a unit): failures of a pass, faults of a reload,
the calendar's next-year notice, the periodic 通报. Each is recorded and retried like every
message and enqueued once per fingerprint.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from scheduler.app import App
from scheduler.calendar_notice import next_year_notices, open_deadlines
from scheduler.ledger import Ledger
from scheduler.messages import Attachment, Message
from scheduler.render_robots import plain_payload


def notify(app: App, ledger: Ledger, title: str, lines: list[str], now: datetime, fingerprint: str | None = None,
           attachments: tuple[Attachment, ...] = (), unit: str | None = None) -> list[str]:
    """Enqueue a message to the coordinator (or to `unit`), recorded and retried like every
    message and enqueued once per `fingerprint` (default: the content). The keys enqueued now.

    Other features use this: the calendar's next-year notice (fingerprint: year + content), the
    periodic 通报 (fingerprint: the period; an .xlsx in `attachments`, e-mail only)."""
    runtime = app.runtime
    name = unit or runtime.settings.coordinator
    resolved = runtime.directory.resolve(name) if name else ()
    target = runtime.directory.units.get(resolved[0]) if resolved else None
    fingerprint = fingerprint or hashlib.sha256("\n".join([title, *lines]).encode()).hexdigest()
    text = f"{name}：督办系统{title}：\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
    subject = f"【督办系统】{title}"
    kinds = (target.channels if target else ()) or ("email",)
    keys: list[str] = []
    for kind in kinds:
        payload = plain_payload(kind, text)
        key = hashlib.sha256(f"{fingerprint}|{kind}".encode()).hexdigest()[:32]
        message = Message(key, kind, name, subject, text, target.emails if target and kind == "email" else (), "",
                          payload, (), attachments if kind == "email" else ())
        if ledger.enqueue(message, f"{fingerprint}|{kind}", now):
            keys.append(key)
    return keys


def calendar_notices(app: App, ledger: Ledger, now: datetime) -> list[str]:
    """SPEC §3.6: enqueue once (per year and content) each next-year notice due today; the keys."""
    today, runtime = now.date(), app.runtime
    notices = next_year_notices(runtime.calendar, open_deadlines(runtime.tasks, today), today)
    return [k for n in notices for k in notify(app, ledger, n.title, list(n.lines), now, n.fingerprint)]
