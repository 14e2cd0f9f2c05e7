"""`duban send-test UNIT` against a real SMTP server and the local WeCom robot."""

from __future__ import annotations

import pytest

from tests.conftest import SETTINGS, Duban, Project, email_channel
from tests.fakes import Mailbox, SmtpServer, WecomRobot, WecomServer

KEY = "robot-key-for-send-test-123"


def configure(project: Project, smtp_port: int, wecom_url: str) -> None:
    project.write("duban.toml", SETTINGS + email_channel(smtp_port) + f'\n[channels.wecom]\nbase_url = "{wecom_url}"\n')
    units = (project.root / "units.toml").read_text(encoding="utf-8")
    project.write("units.toml", units.replace('email = ["sft@example.gov.cn"]',
                                              'email = ["sft@example.gov.cn"]\nwecom_key_env = "DUBAN_TEST_KEY"'))


def test_send_test_reaches_every_contact(project: Project, duban: Duban, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_TEST_KEY", KEY)
    box, robot = Mailbox(), WecomRobot({KEY})
    with SmtpServer(box) as smtp, WecomServer(robot) as wecom:
        configure(project, smtp.port, wecom.url)
        result = duban("send-test", "司法厅", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    assert "邮件 sft@example.gov.cn：成功" in result.out
    assert "企业微信机器人：成功  errcode=0 errmsg=ok" in result.out
    assert box.received[0].rcpt_tos == ["sft@example.gov.cn"]
    assert "测试消息" in robot.accepted[0]["text"]["content"]


def test_send_test_reports_errcode_without_the_key(project: Project, duban: Duban, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_TEST_KEY", KEY)
    with SmtpServer(Mailbox(data_answer="550 5.7.1 Rejected")) as smtp, WecomServer(WecomRobot(set())) as wecom:
        configure(project, smtp.port, wecom.url)
        result = duban("send-test", "省司法厅", "--config", str(project.config))
    assert result.code == 1
    assert "邮件 sft@example.gov.cn：失败（不可重试）  SMTP 550" in result.out
    assert "errcode=93000" in result.out
    assert KEY not in result.out + result.err


def test_send_test_needs_the_secret(project: Project, duban: Duban, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUBAN_TEST_KEY", raising=False)
    configure(project, 25, "http://127.0.0.1:1/send")
    result = duban("send-test", "省司法厅", "--config", str(project.config))
    assert result.code == 1 and "DUBAN_TEST_KEY" in result.err


def test_send_test_without_channels_writes_the_outbox(project: Project, duban: Duban) -> None:
    result = duban("send-test", "省司法厅", "--config", str(project.config))
    assert result.code == 0
    assert "已写入发件箱" in result.out
    assert list((project.root / "outbox").glob("email-省司法厅-*.eml"))
