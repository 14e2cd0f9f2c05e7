"""Values as the ledger stores them: stamps, identities as columns, compressed message content."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from scheduler.messages import Attachment, Message, ReminderId
from scheduler.model import Identity


def stamp_of(moment: datetime, cache: dict[datetime, str]) -> str:
    text = cache.get(moment)
    if text is None:
        text = cache[moment] = moment.isoformat()
    return text


def cols(rid: Identity) -> tuple[str, str, str, str, int, str]:
    task, milestone, due, stage, repetition, unit = rid
    return task, milestone, DAYS.get(due) or day_text(due), stage, repetition, unit


def day_text(due: date) -> str:
    text = DAYS[due] = due.isoformat()
    return text


DAYS: dict[date, str] = {}  # due dates as text: a first pass writes ~700,000 rows over a few hundred dates


def time_of(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def load_content(content: str | bytes) -> dict[str, Any]:
    """A message's content: zlib-compressed JSON (schema 2), or plain JSON (migrated from 1)."""
    data: dict[str, Any] = json.loads(zlib.decompress(content) if isinstance(content, bytes) else content)
    return data


def pack(message: Message) -> bytes:
    data: dict[str, Any] = {
        "key": message.key, "channel": message.channel, "unit": message.unit, "subject": message.subject,
        "text": message.text, "to": list(message.to), "html": message.html, "payload": message.payload,
        "attachments": [{"filename": a.filename, "content_type": a.content_type,
                         "data": base64.b64encode(a.data).decode()} for a in message.attachments],
    }
    # compressed: a digest of a few hundred items is ~1 MB of text and HTML, ~50 KB compressed;
    # the JSON object is fed to the compressor member by member (the coordinator's digest of
    # 20,000 escalations would otherwise be held three times over: ~45 MB at once)
    packer = zlib.compressobj(1)
    parts = [packer.compress(b"{")]
    for n, (name, value) in enumerate(data.items()):
        member = f"{', ' if n else ''}{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
        parts.append(packer.compress(member.encode()))
    parts.append(packer.compress(b"}") + packer.flush())
    return b"".join(parts)


def unpack(data: dict[str, Any]) -> Message:
    """The content stored by `pack`. The reminders a message carries are the `carries` rows;
    only a message migrated from schema 1 still holds them in its content."""
    reminders = tuple(ReminderId(t, m, date.fromisoformat(d), s, int(rep), u)
                      for t, m, d, s, rep, u in data.get("reminders", ()))
    attachments = tuple(Attachment(a["filename"], a["content_type"], base64.b64decode(a["data"]))
                        for a in data.get("attachments", ()))
    return Message(data["key"], data["channel"], data["unit"], data["subject"], data["text"], tuple(data["to"]),
                   data.get("html", ""), data.get("payload", ""), reminders, attachments)


def with_to(message: Message, to: tuple[str, ...]) -> Message:
    return Message(message.key, message.channel, message.unit, message.subject, message.text, to, message.html,
                   message.payload, message.reminders, message.attachments)



def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
