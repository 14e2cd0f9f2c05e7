"""E-mail over SMTP with aiosmtplib: implicit TLS (465), STARTTLS (587) or plain (tests)."""

from __future__ import annotations

import base64
import ssl
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Literal

import aiosmtplib
from aiosmtplib.response import SMTPResponse
from aiosmtplib.typing import Default

from scheduler import secrets
from scheduler.channels.base import Outcome, Receipt
from scheduler.load.settings import EmailSettings
from scheduler.messages import Message
from scheduler.mime import email_mime, recipients
from scheduler.model import Secret


class EmailChannel:
    kind = "email"

    def __init__(self, settings: EmailSettings, password: Secret | None, now: Callable[[], datetime],
                 tls_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self._password = password
        self._now = now
        self._tls = tls_context

    async def send(self, message: Message) -> Receipt:
        receipt = await self._send(message)
        return replace(receipt, detail=self._redact(receipt.detail)) if receipt.detail else receipt

    def _redact(self, text: str) -> str:
        """The password out of a server's answer, raw or as AUTH sent it (LOGIN: base64 of the
        password; PLAIN: base64 of "\\0user\\0password"), should the server quote it back."""
        if self._password is None or not self._password.reveal():
            return text
        password = self._password.reveal()
        plain = base64.b64encode(f"\0{self.settings.username}\0{password}".encode()).decode()
        for form in sorted((*secrets.forms(password), plain), key=len, reverse=True):
            text = text.replace(form, "<key>")
        return text

    async def _send(self, message: Message) -> Receipt:
        s = self.settings
        mime = email_mime(message, s.sender, self._now())
        client = _Client(hostname=s.host, port=s.port, username=s.username or None,
                         password=self._password.reveal() if self._password and s.username else None,
                         use_tls=s.security == "tls", start_tls=s.security == "starttls",
                         timeout=s.timeout, tls_context=self._tls)
        try:
            async with client:  # as aiosmtplib.send, with the DATA stage observed
                errors, _ = await client.send_message(mime, sender=_address(s.sender),
                                                      recipients=recipients(message.to))
        except aiosmtplib.SMTPRecipientsRefused as err:
            return _refused({r.recipient: r.code for r in err.recipients})
        except aiosmtplib.SMTPResponseException as err:
            outcome = Outcome.TEMPORARY if 400 <= err.code < 500 else Outcome.PERMANENT
            return Receipt(outcome, f"SMTP {err.code} {err.message}", credentials=err.code in (530, 534, 535))
        except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPConnectError,
                aiosmtplib.SMTPTimeoutError, OSError) as err:
            if client.data_begun:  # the content may have been accepted: an interrupted send (Receipt.unanswered)
                return Receipt(Outcome.TEMPORARY, f"邮件服务器在 DATA 之后没有应答：{type(err).__name__}: {err}",
                               down=True, unanswered=True)
            return Receipt(Outcome.TEMPORARY, f"连接邮件服务器失败：{type(err).__name__}: {err}", down=True)
        except aiosmtplib.SMTPException as err:
            return Receipt(Outcome.PERMANENT, f"邮件服务器不支持所需功能：{err}")
        return _partial(message, {rcpt: resp.code for rcpt, resp in errors.items()})

    def quota_key(self, message: Message) -> str | None:
        return None

    async def aclose(self) -> None:
        return None


class _Client(aiosmtplib.SMTP):
    """An SMTP client that remembers whether DATA began: a timeout or a closed connection after
    that leaves the outcome unknown (the server may have taken the message)."""

    data_begun = False

    async def data(self, message: str | bytes, /, *,
                   timeout: float | Literal[Default.token] | None = Default.token) -> SMTPResponse:
        self.data_begun = True
        return await super().data(message, timeout=timeout)


def _address(sender: str) -> str:
    from email.utils import parseaddr

    return parseaddr(sender)[1]


def _refused(codes: dict[str, int]) -> Receipt:
    temporary = tuple(sorted(r for r, c in codes.items() if 400 <= c < 500))
    permanent = tuple(sorted(r for r, c in codes.items() if not 400 <= c < 500))
    detail = "收件人被拒绝：" + "、".join(f"{r}（{c}）" for r, c in sorted(codes.items()))
    if temporary:
        return Receipt(Outcome.TEMPORARY, detail, retry_to=temporary, refused=permanent)
    return Receipt(Outcome.PERMANENT, detail, refused=permanent)


def _partial(message: Message, codes: dict[str, int]) -> Receipt:
    """aiosmtplib does not raise when only some recipients are refused: read the dict."""
    if not codes:
        return Receipt(Outcome.SENT)
    receipt = _refused(codes)
    if receipt.outcome is Outcome.TEMPORARY:
        return receipt  # accepted for the others; deliver.py retries only `retry_to`
    return replace(receipt, outcome=Outcome.SENT)
