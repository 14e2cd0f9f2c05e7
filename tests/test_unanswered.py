"""A server that takes a message but answers after the client's timeout (QA trial of #12).

The send's outcome is unknown: the message may have arrived. Retrying it with backoff like a
failure posted it again at every pass until the deferral limit (a robot that answered late got
the same reminder 10 times in a day and a half). It is an interrupted send instead: resent once
at the next pass, and if that resend goes unanswered too, failed and reported (SPEC §3.3: a
recipient that accepted a message never receives it again, except once).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from scheduler.channels.base import Outcome, Receipt
from scheduler.channels.dingtalk import DINGTALK
from scheduler.channels.feishu import FEISHU
from scheduler.channels.robot import Platform, Redactor, post
from tests.conftest import SETTINGS, Duban, Project, email_channel
from tests.fakes import JsonServer, Mailbox, SmtpServer, WecomRobot, WecomServer
from tests.kit import LEAD_ONLY

KEY = "robot-key-0123456789"
UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
wecom_key_env = "DUBAN_TEST_WK"
"""
TASKS = LEAD_ONLY


@dataclass
class SilentRobot(WecomRobot):
    """Accepts the message, then says nothing until released (past the client's timeout)."""

    release: threading.Event = field(default_factory=threading.Event)

    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        result = super().answer(path, body)
        self.release.wait(30)
        return result


@dataclass
class SilentMailbox(Mailbox):
    """Takes a message for `silent` (recorded as received), then holds the final answer until
    released; answers the others at once (the coordinator's report gets through)."""

    silent: str = "sft@example.gov.cn"
    release: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        if self.silent in envelope.rcpt_tos:
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
        return answer


def run(duban: Duban, project: Project, now: str) -> tuple[int, str]:
    result = duban("run", "--once", "--config", str(project.config), "--now", now)
    return result.code, result.out


def text_of(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    body = message.get_body(("plain",))
    return str(body.get_content()) if body is not None else ""


def states(project: Project) -> list[tuple[str, str, int]]:
    db = sqlite3.connect(project.root / "state" / "duban.db")
    try:
        return sorted(db.execute("SELECT unit, state, resends FROM messages"))
    finally:
        db.close()


@pytest.fixture
def silent_robot() -> Iterator[tuple[SilentRobot, str]]:
    robot = SilentRobot({KEY})
    with WecomServer(robot) as server:
        yield robot, server.url
        robot.release.set()


def test_a_robot_that_answers_after_the_timeout_gets_the_message_twice_at_most(
        project: Project, duban: Duban, silent_robot: tuple[SilentRobot, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    robot, url = silent_robot
    monkeypatch.setenv("DUBAN_TEST_WK", KEY)
    project.write("duban.toml", SETTINGS + f'\n[channels.wecom]\nbase_url = "{url}"\ntimeout = 1\n')
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS)

    first = run(duban, project, "2021-06-30T09:30")
    assert first == (0, "发送0条消息，2条较早阶段的提醒已被新阶段取代，1条暂时未能发送，稍后重试\n")
    assert states(project) == [("省司法厅", "pending", 0)]  # an interrupted send, not a failure to back off
    resend = run(duban, project, "2021-06-30T09:45")
    assert resend == (0, "发送0条消息，1条暂时未能发送，稍后重试\n")
    assert states(project) == [("省司法厅", "pending", 1)]
    given_up = run(duban, project, "2021-06-30T10:00")
    assert given_up[0] == 1 and "省司法厅（企业微信）：发送两次被中断" in given_up[1]
    later = [run(duban, project, f"2021-06-30T{h}:00") for h in ("11", "14", "17")]
    assert later == [(0, "发送0条消息\n")] * 3
    assert len(robot.accepted) == 2  # the first send and its one resend; before: one per pass with backoff
    assert [r for r in states(project) if r[0] == "省司法厅"] == [("省司法厅", "failed", 1)]
    outbox = list((project.root / "outbox").glob("email-督查室-*.eml"))
    assert len(outbox) == 1 and "请人工确认对方是否收到" in text_of(outbox[0].read_bytes())
    assert KEY not in given_up[1] + text_of(outbox[0].read_bytes())


def test_an_smtp_server_that_answers_after_data_past_the_timeout_gets_it_twice_at_most(
        project: Project, duban: Duban) -> None:
    box = SilentMailbox()
    with SmtpServer(box) as srv:
        try:
            project.write("duban.toml", SETTINGS + email_channel(srv.port, "timeout = 1\n"))
            project.write("units.toml", UNITS.replace('wecom_key_env = "DUBAN_TEST_WK"', 'email = ["sft@example.gov.cn"]'))
            project.write("tasks.toml", TASKS)
            first = run(duban, project, "2021-06-30T09:30")
            resend = run(duban, project, "2021-06-30T09:45")
            given_up = run(duban, project, "2021-06-30T10:00")
            later = [run(duban, project, f"2021-06-30T{h}:00") for h in ("11", "14", "17")]
        finally:
            box.release.set()
    assert first == (0, "发送0条消息，2条较早阶段的提醒已被新阶段取代，1条暂时未能发送，稍后重试\n")
    assert resend == (0, "发送0条消息，1条暂时未能发送，稍后重试\n")
    assert given_up[0] == 1 and "省司法厅（邮件）：发送两次被中断" in given_up[1]
    assert later == [(0, "发送0条消息\n")] * 3
    to_unit = [e for e in box.received if e.rcpt_tos == ["sft@example.gov.cn"]]
    ids = {email.message_from_bytes(e.content, policy=email.policy.default)["Message-ID"] for e in to_unit}
    assert len(to_unit) == 2 and len(ids) == 1  # once, and once more with the same Message-ID
    reports = [e for e in box.received if e.rcpt_tos == ["dcs@example.gov.cn"]]
    assert len(reports) == 1 and "请人工确认对方是否收到" in text_of(reports[0].content)


@dataclass
class Silent:
    """A DingTalk or Feishu endpoint that takes the request and answers only when released."""

    release: threading.Event = field(default_factory=threading.Event)
    requests: int = 0

    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        self.requests += 1
        self.release.wait(30)
        return 200, {"errcode": 0, "code": 0}


@pytest.mark.parametrize("platform", [DINGTALK, FEISHU], ids=["dingtalk", "feishu"])
def test_a_robot_request_without_an_answer_is_unanswered_not_down_only(platform: Platform) -> None:
    silent = Silent()
    with JsonServer(silent) as server:
        async def call() -> Receipt:
            async with httpx.AsyncClient(timeout=0.5, trust_env=False) as client:
                return await post(client, platform, server.url, {"access_token": KEY}, b"{}", Redactor([KEY]))

        try:
            receipt = asyncio.run(call())
        finally:
            silent.release.set()
    assert (receipt.outcome, receipt.unanswered, receipt.down, silent.requests) == (Outcome.TEMPORARY, True, True, 1)
    assert receipt.detail.startswith(f"{platform.label}没有应答：ReadTimeout") and KEY not in receipt.detail


def test_a_robot_that_cannot_be_reached_is_not_unanswered() -> None:
    from tests.fakes import free_port

    async def call() -> Receipt:
        async with httpx.AsyncClient(timeout=0.5, trust_env=False) as client:
            return await post(client, DINGTALK, f"http://127.0.0.1:{free_port()}/robot/send", {}, b"{}", Redactor())

    receipt = asyncio.run(call())
    assert (receipt.outcome, receipt.unanswered, receipt.down) == (Outcome.TEMPORARY, False, True)
