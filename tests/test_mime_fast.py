"""The outbox's fast .eml bytes equal the stdlib generator's (boundaries aside)."""

from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.messages import Attachment, Message
from scheduler.mime import email_mime
from scheduler.mime_fast import email_bytes

DATE = datetime(2021, 7, 1, 10, 0).astimezone()
SENDER = "督办系统 <duban@example.org>"
_BOUNDARY = re.compile(rb"=+\d+==")


def _stdlib(message: Message) -> bytes:
    return email_mime(message, SENDER, DATE).as_bytes()


def _same(message: Message) -> None:
    fast, slow = email_bytes(message, SENDER, DATE), _stdlib(message)
    assert _BOUNDARY.sub(b"B", fast) == _BOUNDARY.sub(b"B", slow)


def _message(text: str, html: str, attachments: tuple[Attachment, ...] = ()) -> Message:
    return Message("0123456789abcdef0123456789abcdef", "email", "单位甲", "【督办提醒】单位甲：2项任务临近完成时限", text,
                   ("a@example.org", "b@example.org"), html, "", (), attachments)


_LINE = st.text(alphabet=st.sampled_from("ab 任务=.\t\r\n-"), max_size=120)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=15), st.lists(_LINE, max_size=15), st.booleans())
def test_fast_bytes_equal_the_stdlib_generator(text: list[str], html: list[str], with_html: bool) -> None:
    _same(_message("\n".join(text), "\n".join(html) if with_html else ""))


def test_each_body_encoding_is_chosen_as_the_stdlib_does() -> None:
    _same(_message("short ascii lines\nonly\n", ""))  # 7bit
    _same(_message("中文短行\n第二行\n", "<p>中文</p>"))  # 8bit
    _same(_message("任务" * 60 + "\n" + "要求" * 80, "<td>" + "单位" * 100 + "</td>"))  # base64
    _same(_message("a" * 100 + "\n" + "b" * 90, ""))  # quoted-printable: the stdlib path
    _same(_message("", "<p>x</p>"))


def test_attachments_take_the_stdlib_path() -> None:
    _same(_message("通报见附件。\n", "", (Attachment("2021年7月通报.xlsx", "application/vnd.ms-excel", b"PK\x03\x04" * 50),)))
