"""Channels against real servers on 127.0.0.1: aiosmtpd (plain, STARTTLS+AUTH, implicit TLS,
refusals) and a local WeCom robot. No patching of aiosmtplib, httpx or our modules."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import logging
import ssl
from collections.abc import Coroutine
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
import trustme

from scheduler.channels.base import Outcome, Receipt
from scheduler.channels.email import EmailChannel
from scheduler.channels.wecom import WecomChannel
from scheduler.deliver import Limiter
from scheduler.load.settings import EmailSettings, WecomSettings
from scheduler.messages import Message
from scheduler.model import Secret
from tests.fakes import Mailbox, SmtpServer, WecomRobot, WecomServer

NOW = datetime(2021, 6, 23, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
KEY = "0f3c6a2e-robot-key-abcdef"
T = TypeVar("T")


def mail(to: tuple[str, ...] = ("sft@example.gov.cn",), subject: str = "【督办提醒】省司法厅：1项已逾期") -> Message:
    return Message("k" * 32, "email", "省司法厅", subject, "正文：请按时办理。", to, "<p>正文</p>")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture(scope="module")
def client_tls(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ca.configure_trust(ctx)
    return ctx


def settings(port: int, security: str = "none", username: str = "") -> EmailSettings:
    return EmailSettings("127.0.0.1", port, security, "督办系统 <duban@example.gov.cn>", username, None, 10.0)


# -- e-mail -------------------------------------------------------------------------------------

def test_plain_smtp_delivers_multipart_with_encoded_subject_and_stable_id() -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        receipt = run(EmailChannel(settings(srv.port), None, lambda: NOW).send(mail()))
    assert receipt.outcome is Outcome.SENT
    parsed = email.message_from_bytes(box.received[0].content, policy=email.policy.default)
    assert parsed["Subject"] == "【督办提醒】省司法厅：1项已逾期"
    assert b"=?utf-8?" in box.received[0].content  # RFC 2047
    assert parsed["Message-ID"] == f"<{'k' * 32}@example.gov.cn>"
    assert parsed["Date"].endswith("+0800")
    assert parsed.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert box.received[0].mail_from == "duban@example.gov.cn"


def test_starttls_with_auth(server_tls: ssl.SSLContext, client_tls: ssl.SSLContext) -> None:
    box = Mailbox()
    with SmtpServer(box, starttls=server_tls, auth=("duban@example.gov.cn", "s3cret-pass")) as srv:
        channel = EmailChannel(settings(srv.port, "starttls", "duban@example.gov.cn"), Secret("s3cret-pass"),
                               lambda: NOW, client_tls)
        assert run(channel.send(mail())).outcome is Outcome.SENT
        wrong = EmailChannel(settings(srv.port, "starttls", "duban@example.gov.cn"), Secret("wrong-pass"),
                             lambda: NOW, client_tls)
        refused = run(wrong.send(mail()))
    assert len(box.received) == 1
    assert refused.outcome is Outcome.PERMANENT and "535" in refused.detail
    assert "wrong-pass" not in refused.detail


def test_implicit_tls(server_tls: ssl.SSLContext, client_tls: ssl.SSLContext) -> None:
    box = Mailbox()
    with SmtpServer(box, implicit=server_tls) as srv:
        receipt = run(EmailChannel(settings(srv.port, "tls"), None, lambda: NOW, client_tls).send(mail()))
    assert receipt.outcome is Outcome.SENT and len(box.received) == 1


@pytest.mark.parametrize(("answer", "outcome"), [
    ("450 4.3.0 Try again later", Outcome.TEMPORARY),
    ("550 5.7.1 Rejected as spam", Outcome.PERMANENT),
])
def test_data_answers_are_classified(answer: str, outcome: Outcome) -> None:
    with SmtpServer(Mailbox(data_answer=answer)) as srv:
        receipt = run(EmailChannel(settings(srv.port), None, lambda: NOW).send(mail()))
    assert receipt.outcome is outcome
    assert answer[:3] in receipt.detail


def test_partial_refusal_is_read_from_the_result() -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        channel = EmailChannel(settings(srv.port), None, lambda: NOW)
        some_bad = run(channel.send(mail(("ok@example.gov.cn", "bad@example.gov.cn"))))
        some_busy = run(channel.send(mail(("ok@example.gov.cn", "busy@example.gov.cn"))))
        all_bad = run(channel.send(mail(("bad@example.gov.cn",))))
    assert some_bad.outcome is Outcome.SENT and some_bad.refused == ("bad@example.gov.cn",)
    assert some_busy.outcome is Outcome.TEMPORARY and some_busy.retry_to == ("busy@example.gov.cn",)
    assert all_bad.outcome is Outcome.PERMANENT
    assert [e.rcpt_tos for e in box.received] == [["ok@example.gov.cn"], ["ok@example.gov.cn"]]


def test_connection_refused_is_temporary() -> None:
    from tests.fakes import free_port

    receipt = run(EmailChannel(settings(free_port()), None, lambda: NOW).send(mail()))
    assert receipt.outcome is Outcome.TEMPORARY


def test_title_with_header_injection_adds_no_header() -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        run(EmailChannel(settings(srv.port), None, lambda: NOW).send(
            mail(subject="【督办提醒】测试\r\nBcc: spy@evil.example\r\nX-Evil: 1")))
    raw = box.received[0].content
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Bcc"] is None and parsed["X-Evil"] is None
    assert box.received[0].rcpt_tos == ["sft@example.gov.cn"]


# -- WeCom --------------------------------------------------------------------------------------

def wecom(robot: WecomRobot, url: str) -> WecomChannel:
    return WecomChannel(WecomSettings(url, 20, 5.0), {"省司法厅": Secret(KEY)})


def robot_message(content: str = "**督办** 测试", kind: str = "markdown") -> Message:
    payload = json.dumps({"msgtype": kind, kind: {"content": content}}, ensure_ascii=False)
    return Message("w" * 32, "wecom", "省司法厅", "s", content, payload=payload)


def test_wecom_success_is_errcode_zero() -> None:
    robot = WecomRobot({KEY})
    with WecomServer(robot) as srv:
        receipt = run(wecom(robot, srv.url).send(robot_message()))
    assert receipt.outcome is Outcome.SENT
    assert robot.accepted[0]["markdown"]["content"] == "**督办** 测试"


@pytest.mark.parametrize(("keys", "script", "message", "outcome", "code"), [
    (set(), [], robot_message(), Outcome.PERMANENT, "93000"),
    ({KEY}, [], robot_message("长" * 1400), Outcome.PERMANENT, "40058"),
    ({KEY}, [], robot_message("x" * 2100, "text"), Outcome.PERMANENT, "40058"),
    ({KEY}, [], robot_message("", "text"), Outcome.PERMANENT, "44004"),
    ({KEY}, [(200, -1)], robot_message(), Outcome.TEMPORARY, "errcode=-1"),
    ({KEY}, [(502, 0)], robot_message(), Outcome.TEMPORARY, "HTTP 502"),
])
def test_wecom_answers_are_classified(keys, script, message, outcome, code) -> None:  # type: ignore[no-untyped-def]
    robot = WecomRobot(keys, script=list(script))
    with WecomServer(robot) as srv:
        receipt = run(wecom(robot, srv.url).send(message))
    assert receipt.outcome is outcome
    assert code in receipt.detail
    assert KEY not in receipt.detail


def test_wecom_rate_limit_answer_asks_for_a_minute() -> None:
    robot = WecomRobot({KEY})  # 20 a minute, like the real robot

    async def burst() -> list[Receipt]:
        channel = wecom(robot, srv.url)
        try:
            return [await channel.send(robot_message()) for _ in range(21)]
        finally:
            await channel.aclose()

    with WecomServer(robot) as srv:
        receipts = run(burst())
    assert [r.outcome for r in receipts] == [Outcome.SENT] * 20 + [Outcome.TEMPORARY]
    assert "45009" in receipts[-1].detail and receipts[-1].retry_after == 60.0


def test_key_never_appears_in_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    robot = WecomRobot(set())
    with WecomServer(robot) as srv:
        bad = run(wecom(robot, srv.url).send(robot_message()))
    unreachable = run(WecomChannel(WecomSettings("http://127.0.0.1:1/send", 20, 2.0), {"省司法厅": Secret(KEY)})
                      .send(robot_message()))
    assert KEY in robot.requests[0]  # it was really sent in the query string ...
    texts = [bad.detail, unreachable.detail, caplog.text, repr(Secret(KEY)), str(Secret(KEY))]
    assert all(KEY not in t for t in texts)  # ... and nowhere else
    assert str(Secret(KEY)) == "<secret>"


# -- retries and the limiter --------------------------------------------------------------------

class FakeTime:
    """A clock and a sleep that advances it: the limiter and backoff run without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_limiter_holds_20_per_minute_under_a_burst_of_50() -> None:
    t = FakeTime()
    limiter = Limiter(20, t.clock)
    sent_at: list[float] = []

    async def burst() -> None:
        for _ in range(50):
            await limiter.acquire("wecom:省司法厅", t.sleep)
            sent_at.append(t.now)

    run(burst())
    assert len(sent_at) == 50
    for i, start in enumerate(sent_at):
        assert sum(1 for s in sent_at[i:] if s < start + 60) <= 20
    assert sent_at[20] == 60.0 and sent_at[40] == 120.0
