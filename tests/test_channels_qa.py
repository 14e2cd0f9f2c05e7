"""Adversarial QA of what the channels send: hostile text in headers, odd recipient lists,
outbox versus SMTP. Real aiosmtpd on 127.0.0.1, no mocks of our modules."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import re
from collections.abc import Coroutine
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest

from scheduler.channels.base import Outcome
from scheduler.channels.email import EmailChannel
from scheduler.channels.outbox import OutboxChannel
from scheduler.group import Digest, group
from scheduler.load.settings import EmailSettings
from scheduler.messages import Message
from scheduler.mime import email_mime
from scheduler.plan import Window
from scheduler.render import MARKDOWN_LIMIT, TEXT_LIMIT, Renderer
from scheduler.render_items import one_line
from scheduler.render_robots import DINGTALK_LIMIT, FEISHU_LIMIT, SIGNATURE_ROOM, robot_messages
from scheduler.runtime import build_runtime, planner_for
from tests.conftest import SETTINGS, UNITS, Duban, Project, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.test_render import tasks_toml

NOW = datetime(2021, 6, 23, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SENDER = "督办系统 <duban@example.gov.cn>"
LINK = "https://duban.example.gov.cn/u/abc"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def settings(port: int) -> EmailSettings:
    return EmailSettings("127.0.0.1", port, "none", SENDER, "", None, 10.0)


def mail(subject: str, to: tuple[str, ...] = ("sft@example.gov.cn",), text: str = "正文：请按时办理。") -> Message:
    return Message("q" * 32, "email", "省司法厅", subject, text, to, "<p>正文</p>")


def test_one_line_removes_every_line_break_python_knows() -> None:
    # str.splitlines() (which the e-mail header policy uses) also breaks on NEL U+0085
    for breaker in ("\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\x00"):
        assert one_line(f"省司法厅{breaker}Bcc: x@evil.example") == "省司法厅 Bcc: x@evil.example"


def test_subject_with_nel_is_sent_on_one_line_without_a_bcc() -> None:
    """A unit name or title carrying U+0085 made email_mime raise ValueError (no mail at all)."""
    box = Mailbox()
    subject = "【督办提醒】省司法厅\x85Bcc: spy@evil.example\r\nCc: spy2@evil.example：1项已逾期"
    with SmtpServer(box) as srv:
        receipt = run(EmailChannel(settings(srv.port), None, lambda: NOW).send(mail(subject)))
    assert receipt.outcome is Outcome.SENT
    envelope = box.received[0]
    assert envelope.rcpt_tos == ["sft@example.gov.cn"]
    parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert parsed["Subject"] == "【督办提醒】省司法厅 Bcc: spy@evil.example Cc: spy2@evil.example：1项已逾期"
    assert parsed["Bcc"] is None and parsed["Cc"] is None


def test_duplicate_recipients_get_one_copy() -> None:
    box = Mailbox()
    to = ("sft@example.gov.cn", "sft@EXAMPLE.GOV.CN", "ban@example.gov.cn", "sft@example.gov.cn")
    with SmtpServer(box) as srv:
        receipt = run(EmailChannel(settings(srv.port), None, lambda: NOW).send(mail("【督办提醒】省司法厅", to)))
    assert receipt.outcome is Outcome.SENT
    assert box.received[0].rcpt_tos == ["sft@example.gov.cn", "ban@example.gov.cn"]
    parsed = email.message_from_bytes(box.received[0].content, policy=email.policy.default)
    assert str(parsed["To"]) == "sft@example.gov.cn, ban@example.gov.cn"


def test_message_id_is_the_same_on_a_resend_and_in_the_outbox(tmp_path: Path) -> None:
    box = Mailbox()
    message = mail("【督办提醒】省司法厅：1项已逾期", text="第1项 😀 \u202eRTL\u202c " + "长" * 400)
    with SmtpServer(box) as srv:
        channel = EmailChannel(settings(srv.port), None, lambda: NOW)
        assert run(channel.send(message)).outcome is Outcome.SENT
        assert run(channel.send(message)).outcome is Outcome.SENT
        assert box.wait_for(2)
    outbox = OutboxChannel(tmp_path, SENDER, lambda: NOW)
    receipt = run(outbox.send(message))
    stored = Path(receipt.detail).read_bytes()
    ids = {email.message_from_bytes(e.content, policy=email.policy.default)["Message-ID"] for e in box.received}
    assert ids == {f"<{'q' * 32}@example.gov.cn>"}
    # what the outbox holds is what SMTP carried, line ends and the random MIME boundary aside
    smtp = [unboundary(e.content.replace(b"\r\n", b"\n")) for e in box.received]
    assert smtp[0] == unboundary(stored) == smtp[1]


def unboundary(raw: bytes) -> bytes:
    return re.sub(rb"={15}\d+==", b"=BOUNDARY=", raw)


def test_email_mime_accepts_nel_in_the_subject_and_sender_name() -> None:
    mime = email_mime(mail("主题\x85二"), "督办\x85系统 <duban@example.gov.cn>", NOW)
    assert str(mime["Subject"]) == "主题 二"
    assert str(mime["From"]) == "督办 系统 <duban@example.gov.cn>"


# -- robots: a title too long for one message -----------------------------------------------------

def robot_digests(project: Project, title: str) -> dict[str, Digest]:
    project.write("tasks.toml", tasks_toml(1, title=title))
    runtime = build_runtime(project.config)
    reminders = planner_for(runtime).plan(runtime.tasks, Window(date(2021, 7, 1), date(2021, 7, 1)))
    digest = next(d for d in group(reminders, {t.id: t for t in runtime.tasks}) if d.unit == "省司法厅")
    return {kind: Digest(digest.unit, kind, digest.items) for kind in ("wecom", "dingtalk", "feishu")}


LIMITS = {("wecom", ()): MARKDOWN_LIMIT, ("wecom", ("13800000000",)): TEXT_LIMIT,
          ("dingtalk", ()): DINGTALK_LIMIT, ("dingtalk", ("13800000000",)): DINGTALK_LIMIT,
          ("feishu", ()): FEISHU_LIMIT - SIGNATURE_ROOM}


def test_a_huge_title_is_cut_but_the_due_date_stays(project: Project) -> None:
    """A title longer than a robot message (a pasted paragraph, 4-byte emoji, backslashes that
    double in JSON) is shortened; the stage, days and due date of the item are still sent."""
    title = "完善" + "😀\\\"长" * 3000
    digests = robot_digests(project, title)
    for (kind, mobiles), limit in LIMITS.items():
        renderer = Renderer(None)
        digest = digests[kind]
        messages = (renderer.wecom(digest, mobiles, NOW) if kind == "wecom"
                    else robot_messages(renderer.text, digest, mobiles))
        assert len(messages) == 1, kind
        payload = messages[0].payload
        body = json.loads(payload)
        content = body.get("markdown", body.get("text", {})).get("content") or body.get("markdown", {}).get("text")
        shown = content if content is not None else json.dumps(body, ensure_ascii=False)
        measured = len(payload.encode()) if kind != "wecom" else len(shown.encode())
        assert measured <= limit, (kind, mobiles, measured)
        assert "到期日 2021-07-06" in shown, (kind, mobiles)
        assert "完善😀" in shown


# -- recipients as written in units.toml ------------------------------------------------------------

@pytest.mark.parametrize("written", ["sft\\u0000x@example.gov.cn", "sft\\u007fx@example.gov.cn",
                                     "sft\\u001bx@example.gov.cn"])
def test_an_address_with_a_control_character_is_refused_by_check(project: Project, duban: Duban,
                                                                  written: str) -> None:
    """A NUL in an address passed the loader and made aiosmtplib raise ValueError at send time."""
    project.write("units.toml", UNITS.replace('"sft@example.gov.cn"', f'"{written}"'))
    result = duban("check", "--config", str(project.config))
    output = result.out + result.err
    assert result.code == 1, output
    assert 'units.toml' in output and '[unit."省司法厅"] → email[0]' in output and "不是电子邮件地址" in output
    assert f"“{written}”" in output  # the character is shown escaped, not written to the terminal
    assert "Traceback" not in output


# -- robots: many feedback decisions to tell ---------------------------------------------------------

NOTE = "2021-06-28报送的T-001/m1办结申请：2021-06-29已同意，意见：" + "材料齐全" * 20  # 313 bytes


def test_many_decisions_do_not_push_a_robot_message_over_its_limit(project: Project) -> None:
    """The notes ended the last part whatever their size: 40 decisions (a bulk review) made every
    WeCom text message ~10 KB (limit 2,048: errcode 40058, the reminders failed for good)."""
    notes = (NOTE,) * 40
    project.write("tasks.toml", tasks_toml(3, title="任务"))
    digests = robot_digests(project, "任务")
    renderer = Renderer(None, unit_link=lambda unit: LINK, unit_notes=lambda unit, now: notes)
    for (kind, mobiles), limit in LIMITS.items():
        digest = digests[kind]
        messages = (renderer.wecom(digest, mobiles, NOW) if kind == "wecom"
                    else robot_messages(renderer.text, digest, mobiles, LINK, notes))
        assert [i for m in messages for i in m.reminders] == [i.reminder.identity for i in digest.items]
        for message in messages:
            body = json.loads(message.payload)
            content = body["markdown"]["content"] if kind == "wecom" and not mobiles else (
                body["text"]["content"] if kind == "wecom" else message.payload)
            assert len(content.encode()) <= limit, (kind, mobiles, len(content.encode()))
        last = messages[-1].text
        assert LINK in last and "反馈审核结果：" in last, (kind, mobiles)
        told = last.count("报送的T-001/m1办结申请")
        assert 1 <= told < 40 and f"另有{40 - told}条审核结果，请在反馈页面查看" in last, (kind, mobiles, told)


# -- the sender ---------------------------------------------------------------------------------------

def test_a_quoted_sender_name_with_a_quote_or_comma_is_encoded() -> None:
    for name in ('督办"系统', "督办,系统", "Duban Office", "督办\\系统"):
        raw = email_mime(mail("主题"), f'"{name.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'
                         " <duban@example.gov.cn>", NOW).as_bytes()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        [address] = parsed["From"].addresses
        assert (address.display_name, address.addr_spec) == (name, "duban@example.gov.cn")


@pytest.mark.parametrize("sender", ["Duban, Office <duban@example.gov.cn>", "督办系统", "a@b.cn, c@d.cn",
                                    '督办"系统 <duban@example.gov.cn>'])
def test_a_sender_that_is_not_one_address_is_refused_by_check(project: Project, duban: Duban, sender: str) -> None:
    """`Duban, Office <…>` was sent as From: Duban (MAIL FROM:<Duban>): an unquoted comma makes two;
    `督办"系统 <…>` gave the address `督办` and the generator raised UnicodeEncodeError."""
    project.write("duban.toml", SETTINGS + email_channel(25).replace('"督办系统 <duban@example.gov.cn>"',
                                                                      "'" + sender + "'"))
    result = duban("check", "--config", str(project.config))
    output = result.out + result.err
    assert result.code == 1, output
    assert "duban.toml" in output and "[channels.email] → sender" in output and "不是一个发件人地址" in output
    assert "Traceback" not in output


def test_dot_lines_bare_cr_and_long_lines_arrive_as_the_outbox_has_them(tmp_path: Path) -> None:
    """SMTP dot-stuffing, a bare CR and a line far over 998 bytes: what the server stores is the
    outbox's .eml (line ends and the boundary aside), and the text parses back unchanged."""
    text = "第一行\n.\n..\n.以点开头\nFrom 开头\r第二段\r\n" + "长" * 2000 + "\n末行"
    message = mail("【督办提醒】省司法厅：1项已逾期", text=text)
    box = Mailbox()
    with SmtpServer(box) as srv:
        assert run(EmailChannel(settings(srv.port), None, lambda: NOW).send(message)).outcome is Outcome.SENT
    stored = Path(run(OutboxChannel(tmp_path, SENDER, lambda: NOW).send(message)).detail).read_bytes()
    assert unboundary(box.received[0].content.replace(b"\r\n", b"\n")) == unboundary(stored)
    parsed = email.message_from_bytes(box.received[0].content, policy=email.policy.default)
    plain = parsed.get_body(("plain",))
    assert plain is not None
    assert plain.get_content() == text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
