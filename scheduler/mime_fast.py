"""The bytes of an e-mail (the outbox's .eml) without running the stdlib generator over the bodies.

`mime.email_mime(...).as_bytes()` spends most of its time on the bodies: choosing their
transfer encoding, base64-encoding them 57 bytes at a time and writing them back line by line.
For a digest of hundreds of items that is ~15 ms a message. Here the stdlib still builds and
writes the headers and the multipart skeleton (RFC 2047 words, folding, boundary), with a short
placeholder for each body; the bodies are encoded in one C call each, by the same rules as the
stdlib's content manager (7bit / 8bit when every line fits, else the shorter of base64 and
quoted-printable on the first ten lines), and put in place of the placeholders. The result is the
stdlib's bytes (tests/test_mime_fast.py compares them, boundaries aside). Messages this does not
cover (attachments, quoted-printable bodies, a boundary found in a body) take the stdlib path.
"""

from __future__ import annotations

import binascii
import email.quoprimime
import re
from datetime import datetime

from scheduler.messages import Message
from scheduler.mime import email_mime

MAX_LINE = 78  # email.policy.default.max_line_length


def email_bytes(message: Message, sender: str, date: datetime) -> bytes:
    """What `email_mime(message, sender, date).as_bytes()` gives (policy.default, "\\n" line ends)."""
    if message.attachments:
        return email_mime(message, sender, date).as_bytes()
    bodies = [_body(message.text)] + ([_body(message.html)] if message.html else [])
    if any(b is None for b in bodies):
        return email_mime(message, sender, date).as_bytes()
    skeleton = Message(message.key, message.channel, message.unit, message.subject, "x", message.to,
                       "x" if message.html else "", message.payload, message.reminders)
    mime = email_mime(skeleton, sender, date)
    parts = mime.get_payload() if mime.is_multipart() else [mime]
    marks: list[bytes] = []
    for n, (part, body) in enumerate(zip(parts, bodies, strict=True)):
        assert body is not None and not isinstance(part, str)
        mark = f"@@duban-body-{n}@@"
        part.set_payload(mark + "\n")
        part.replace_header("Content-Transfer-Encoding", body[0])
        marks.append(mark.encode() + b"\n")
    raw = mime.as_bytes()
    boundary = mime.get_boundary()
    if boundary is not None and any(b"--" + boundary.encode() in b[1] for b in bodies if b is not None):
        return email_mime(message, sender, date).as_bytes()  # the stdlib would choose another boundary
    for placeholder, body in zip(marks, bodies, strict=True):
        assert body is not None and raw.count(placeholder) == 1
        raw = raw.replace(placeholder, body[1])
    return raw


def _body(text: str) -> tuple[str, bytes] | None:
    """(Content-Transfer-Encoding, encoded body) as email.contentmanager chooses them for UTF-8
    text under policy.default; None for quoted-printable (left to the stdlib)."""
    data = text.encode("utf-8")
    if b"\r" in data:  # other line ends: normalised to "\n" line by line, as the stdlib does
        lines = data.splitlines()
        whole = b"\n".join(lines) + b"\n"
    else:  # the same bytes without splitting a long body into lines and joining them again
        whole = data if data.endswith(b"\n") else data + b"\n"
    if _LONG.search(whole) is None:
        return ("7bit" if whole.isascii() else "8bit"), whole
    sniff = _head(whole, 10)
    if len(email.quoprimime.body_encode(sniff.decode("latin-1"), MAX_LINE)) > len(binascii.b2a_base64(sniff)):
        return "base64", _base64_lines(whole)
    return None


_LONG = re.compile(rb"[^\n]{%d}" % (MAX_LINE + 1))  # a line longer than MAX_LINE bytes


def _head(whole: bytes, lines: int) -> bytes:
    """The first `lines` lines of `whole` (each ending in "\n"), or all of it."""
    end = -1
    for _ in range(lines):
        end = whole.find(b"\n", end + 1)
        if end < 0:
            return whole
    return whole[:end + 1]


def _base64_lines(data: bytes) -> bytes:
    """base64.encodebytes: 76-character lines, each ending in a newline (57 input bytes a line),
    appended to one buffer (no list of a hundred thousand line objects for a long digest)."""
    out = bytearray()
    view = memoryview(data)
    for start in range(0, len(data), 57):
        out += binascii.b2a_base64(view[start:start + 57])
    return bytes(out)
