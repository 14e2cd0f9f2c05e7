"""The periodic 通报 (SPEC §3.5): its schedule (pure), and the daemon's pass sending it to a real
SMTP server (aiosmtpd on 127.0.0.1) with the 台账 attached, once per period."""

from __future__ import annotations

import asyncio
import email
import email.header
import email.policy
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from scheduler import readmodel
from scheduler.app import assemble
from scheduler.ledger import Ledger
from scheduler.pass_result import PassResult
from scheduler.pipeline import run_pass
from scheduler.report import bulletin, notice
from scheduler.report.periodic import due_period, period_of
from scheduler.runtime import build_runtime
from scheduler.workdays import WorkCalendar
from tests.conftest import SETTINGS, Project, email_channel
from tests.fakes import Mailbox, SmtpServer

TZ = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
D = date


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


@pytest.mark.parametrize(("every", "on", "day", "send_on"), [
    ("week", 5, D(2021, 6, 23), D(2021, 6, 25)),  # an ordinary Friday
    ("week", 5, D(2021, 9, 29), D(2021, 9, 30)),  # Friday 10-01 is National Day: Thursday
    ("week", 5, D(2022, 6, 1), D(2022, 6, 2)),  # Friday 06-03 is 端午: Thursday
    ("week", 7, D(2021, 9, 22), D(2021, 9, 26)),  # Sunday 09-26 is a make-up working day
    ("week", 1, D(2021, 10, 6), D(2021, 10, 8)),  # the week's Monday..Thursday are holidays: first working day
    ("month", 31, D(2021, 6, 1), D(2021, 6, 30)),  # day 31 in a 30-day month: its last day
    ("month", 31, D(2021, 10, 15), D(2021, 10, 29)),  # Sunday 10-31: Friday
    ("month", 1, D(2021, 10, 20), D(2021, 10, 8)),  # 10-01 a holiday, the day before is last month
])
def test_send_day_of_a_period(every: str, on: int, day: date, send_on: date) -> None:
    period = period_of(day, every, on, CAL)
    assert period is not None and period.send_on == send_on


@pytest.mark.parametrize(("now", "key", "label"), [
    ("2021-06-25T09:00", "2021-W25", "2021年第25周（6月21日至6月27日）"),
    ("2021-06-25T08:59", "2021-W24", "2021年第24周（6月14日至6月20日）"),  # before send_at
    ("2021-07-14T10:00", "2021-W27", "2021年第27周（7月5日至7月11日）"),  # three weeks down: the latest only
    ("2021-09-30T09:00", "2021-W39", "2021年第39周（9月27日至10月3日）"),
])
def test_due_period_is_the_latest_whose_moment_passed(now: str, key: str, label: str) -> None:
    period = due_period("week", 5, CAL, time(9, 0), TZ, at(now))
    assert period is not None and (period.key, period.label) == (key, label)


def test_due_month() -> None:
    period = due_period("month", 31, CAL, time(9, 0), TZ, at("2021-07-15T12:00"))
    assert period is not None and (period.key, period.label, period.send_on) == ("2021-06", "2021年6月", D(2021, 6, 30))


# -- against a real SMTP server -------------------------------------------------------------------


@dataclass
class Daemon:
    project: Project
    mailbox: Mailbox
    state: Path

    def run(self, now: str) -> PassResult:
        """One pass of the daemon at `now`, with the real channels and the real state."""
        when = at(now)
        app = assemble(build_runtime(self.project.config), lambda: when)
        ledger = Ledger(self.state)
        try:
            return asyncio.run(run_pass(app, ledger, when))
        finally:
            ledger.close()

    def reports(self) -> list[EmailMessage]:
        mails = [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.mailbox.received]
        return [m for m in mails if str(m["Subject"]).startswith("【督办通报】20")]


@pytest.fixture
def daemon(project: Project, tmp_path: Path) -> Iterator[Daemon]:
    mailbox = Mailbox()
    with SmtpServer(mailbox) as server:
        project.write("duban.toml", SETTINGS + email_channel(server.port)
                      + '\n[report]\nevery = "week"\non = 5\nto = ["督查室", "司法厅"]\n')
        yield Daemon(project, mailbox, tmp_path / "state" / "duban.db")


def _subjects(mails: list[EmailMessage]) -> list[tuple[str, str]]:
    return sorted((str(m["To"]), str(m["Subject"])) for m in mails)


def test_report_mail_carries_the_register_once_per_period(daemon: Daemon) -> None:
    daemon.run("2021-06-25T10:00")
    reports = daemon.reports()
    week = "【督办通报】2021年第25周（6月21日至6月27日）：逾期0个，临期1个"
    assert _subjects(reports) == [("dcs@example.gov.cn", week), ("sft@example.gov.cn", week)]
    mail = reports[0]
    (attachment,) = list(mail.iter_attachments())
    assert attachment.get_filename() == "督办台账2021-06-25.xlsx"
    name = attachment.get_param("name")
    assert isinstance(name, str)
    assert str(email.header.make_header(email.header.decode_header(name))) == "督办台账2021-06-25.xlsx"
    raw = daemon.mailbox.received[-1].content.decode()
    assert "filename*=utf-8''%E7%9D%A3%E5%8A%9E%E5%8F%B0%E8%B4%A62021-06-25.xlsx" in raw  # RFC 2231, one line
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert book.sheetnames == ["台账", "按单位"]
    assert [c.value for c in book["台账"][2]][1:4] == ["T-01", None, "第一项任务"]
    body = mail.get_body(("plain",))
    assert body is not None and "截至2021年6月25日，台账共列时间节点1个，其中临期1个。" in body.get_content()

    daemon.run("2021-06-25T11:00")
    daemon.run("2021-06-28T10:00")  # Monday of the next week: its report is due on Friday
    assert len(daemon.reports()) == 2
    daemon.run("2021-07-02T09:30")
    assert sorted({str(m["Subject"])[6:15] for m in daemon.reports()}) == ["2021年第25周", "2021年第26周"]


def test_catch_up_after_downtime_sends_only_the_latest_period(daemon: Daemon) -> None:
    daemon.run("2021-07-14T10:00")  # weeks 25, 26 and 27 were missed
    assert {str(m["Subject"])[6:27] for m in daemon.reports()} == {"2021年第27周（7月5日至7月11日）"}


def test_holiday_friday_sends_on_thursday(daemon: Daemon) -> None:
    daemon.run("2022-06-01T10:00")
    daemon.run("2022-06-02T09:00")  # Friday 2022-06-03 is 端午
    assert sorted({str(m["Subject"])[6:15] for m in daemon.reports()}) == ["2022年第21周", "2022年第22周"]
    daemon.run("2022-06-06T10:00")
    assert len(daemon.reports()) == 4


def test_temporary_refusal_is_retried_at_the_next_pass_and_sent_once(daemon: Daemon) -> None:
    daemon.mailbox.data_answer = "451 4.3.0 Try again later"
    first = daemon.run("2021-06-25T10:00")
    assert daemon.reports() == [] and first.deferred >= 2
    daemon.mailbox.data_answer = "250 Message accepted"
    daemon.run("2021-06-25T10:15")
    daemon.run("2021-06-25T10:30")
    assert len(daemon.reports()) == 2


def test_robot_summary_lists_overdue_items(project: Project) -> None:
    project.write("tasks.toml", '[[task]]\nid = "T-9"\ntitle = "逾期任务"\nlead = ["省司法厅"]\ndeadline = 2021-06-18\n')
    b = bulletin.build(readmodel.build(build_runtime(project.config), D(2021, 6, 25), {}))
    assert notice.robot_summary("【督办通报】测试", b).splitlines() == [
        "【督办通报】测试", "截至2021年6月25日，台账共列时间节点1个，其中逾期1个。", "逾期事项（1个）：",
        "1. 逾期任务（节点1）逾期5个工作日，牵头：省司法厅"]
