"""The MIME message of an e-mail (what the SMTP channel sends and the outbox writes). Pure.

Plain text and HTML as alternatives, RFC 2047 headers, a Message-ID stable per message (a resend
is recognised), attachments whose Chinese names Outlook, Exchange and QQ mail all show.
"""

from __future__ import annotations

import base64
import email
import email.policy
import textwrap
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr
from urllib.parse import quote

from scheduler.messages import Attachment, Message
from scheduler.render_items import one_line


def email_mime(message: Message, sender: str, date: datetime) -> EmailMessage:
    """The MIME message: multipart plain + HTML, RFC 2047 headers, stable Message-ID."""
    mime = EmailMessage()
    name, address = parseaddr(sender)
    mime["Subject"] = one_line(message.subject)
    mime["From"] = formataddr((one_line(name), address)) if name else address
    mime["To"] = ", ".join(recipients(message.to))
    mime["Date"] = format_datetime(date)
    mime["Message-ID"] = f"<{message.key}@{address.rpartition('@')[2] or 'duban.local'}>"
    mime.set_content(message.text)
    if message.html:
        mime.add_alternative(message.html, subtype="html")
    for attachment in message.attachments:
        add_attachment(mime, attachment)
    return mime


def recipients(to: tuple[str, ...]) -> list[str]:
    """`to` without repeats, in order: an address written twice (the domain in any case) gets one copy."""
    seen: dict[tuple[str, str], str] = {}
    for address in to:
        local, _, domain = address.strip().rpartition("@")
        seen.setdefault((local, domain.lower()), address.strip())
    return list(seen.values())


def add_attachment(mime: EmailMessage, attachment: Attachment) -> None:
    """A real MIME attachment. The Chinese file name is written twice: RFC 2231 `filename*` in
    Content-Disposition (the standard) and an RFC 2047 word in Content-Type `name` (what Outlook
    and Exchange read when they ignore RFC 2231). The part is parsed from its source so that the
    generator keeps these lines as written (it would re-encode `name` the RFC 2231 way); names are
    kept short enough for one line, since some clients (QQ mail) mishandle RFC 2231 continuations."""
    name = one_line(attachment.filename)
    word = base64.b64encode(name.encode()).decode()
    body = "\r\n".join(textwrap.wrap(base64.b64encode(attachment.data).decode(), 76))
    # the long xlsx type on a line of its own: a first line over 78 characters is refolded (badly)
    source = (f'Content-Type:\r\n {attachment.content_type};\r\n name="=?utf-8?b?{word}?="\r\n'
              "Content-Transfer-Encoding: base64\r\n"
              f"Content-Disposition: attachment;\r\n filename*=utf-8''{quote(name, safe='')}\r\n\r\n{body}\r\n")
    if not mime.is_multipart() or mime.get_content_type() != "multipart/mixed":
        mime.make_mixed()
    mime.attach(email.message_from_bytes(source.encode("ascii"), policy=email.policy.default))
