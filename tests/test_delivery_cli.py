"""Delivery through the command line: real aiosmtpd, real SQLite, `run --once` and `history`."""

from __future__ import annotations

import json
import sqlite3

from scheduler.ledger import Ledger
from scheduler.messages import Message
from tests.conftest import SETTINGS, Project, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.kit import LEAD_ONLY, at

UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
email = ["sft@example.gov.cn", "busy@example.gov.cn"]
"""

TASKS = LEAD_ONLY


def configure(project: Project, port: int) -> None:
    project.write("duban.toml", SETTINGS + email_channel(port, "timeout = 5\n"))
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS)


def once(duban, project: Project, now: str, *extra: str):  # type: ignore[no-untyped-def]
    return duban("run", "--once", *extra, "--config", str(project.config), "--now", now)


def rcpts(box: Mailbox) -> list[str]:
    return sorted(r for e in box.received for r in e.rcpt_tos)


def test_defect_1_a_dry_run_changes_nothing_a_real_run_sends(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        project.write("units.toml", UNITS.replace(', "busy@example.gov.cn"', ""))
        dry = once(duban, project, "2021-06-30T09:30", "--dry-run")
        assert dry.code == 0 and box.received == []
        assert len(list((project.root / "outbox").glob("email-*.eml"))) == 1
        real = once(duban, project, "2021-06-30T09:31")
    assert real.code == 0 and "发送1条消息" in real.out
    assert rcpts(box) == ["sft@example.gov.cn"]


def test_defect_2_a_refused_recipient_is_retried_alone_then_failed_and_reported(  # type: ignore[no-untyped-def]
        project: Project, duban) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        runs = [once(duban, project, now) for now in
                ("2021-06-30T09:30", "2021-06-30T09:31", "2021-06-30T09:40", "2021-07-01T17:50", "2021-07-02T09:00")]
        history = duban("history", "--config", str(project.config), "--format", "json")
    codes = [r.code for r in runs]
    assert codes == [0, 0, 0, 0, 1], [r.out for r in runs]
    assert "暂时未能发送" in runs[0].out and "发送0条消息" in runs[1].out
    assert "省司法厅（邮件）：自 2021-06-30 09:30 起一直暂时失败，已到重试期限" in runs[4].out
    copies = [(_message_id(e), r) for e in box.received for r in e.rcpt_tos]
    assert len(copies) == len(set(copies))  # no recipient got a message twice
    assert "busy@example.gov.cn" not in rcpts(box)
    assert rcpts(box).count("sft@example.gov.cn") == 2  # 到期提醒 on 06-30, 逾期催办 on 07-01
    assert "消息发送失败" in box.subjects()[-1] and box.received[-1].rcpt_tos == ["dcs@example.gov.cn"]
    rows = json.loads(history.out)
    due = next(r for r in rows if r["stage"] == "到期提醒")
    assert (due["state"], due["channels"], due["handled_at"]) == ("failed", [], "2021-07-02T09:00:00+08:00")


def _message_id(envelope: object) -> str:
    import email
    import email.policy

    content = envelope.content  # type: ignore[attr-defined]
    return str(email.message_from_bytes(content, policy=email.policy.default)["Message-ID"])


def test_history_json_and_table_and_filters(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        project.write("units.toml", UNITS.replace(', "busy@example.gov.cn"', ""))
        once(duban, project, "2021-06-30T09:30")
    rows = json.loads(duban("history", "--config", str(project.config), "--format", "json", "--from", "2021-06-30",
                            "--to", "2021-06-30").out)
    assert rows == [{"at": "2021-06-30T09:00:00+08:00", "task": "T-01", "milestone": "1", "due": "2021-06-30",
                     "stage": "到期提醒", "repetition": 0, "unit": "省司法厅", "state": "sent",
                     "handled_at": "2021-06-30T09:30:00+08:00", "channels": ["email"]}]
    everything = json.loads(duban("history", "--config", str(project.config), "--format", "json").out)
    assert [(r["stage"], r["state"]) for r in everything] == [("提前告知", "superseded"), ("临期提醒", "superseded"),
                                                              ("到期提醒", "sent")]
    assert json.loads(duban("history", "--config", str(project.config), "--format", "json", "--unit", "督查室").out) == []
    table = duban("history", "--config", str(project.config), "--task", "T-01")
    assert "已送达" in table.out and "已被取代" in table.out and "邮件" in table.out
    unknown = duban("history", "--config", str(project.config), "--unit", "省司法局")
    assert unknown.code == 1 and "省司法厅" in unknown.err


def test_defect_10_state_faults_and_dates_are_messages_not_tracebacks(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    configure(project, 1)
    state = project.root / "state"
    state.mkdir()
    (state / "duban.db").write_bytes(b"garbage, not SQLite" * 300)
    commands: list[tuple[str, ...]] = [("run", "--once", "--now", "2021-06-30T09:30"), ("status",), ("history",)]
    for args in commands:
        result = duban(*args, "--config", str(project.config))
        assert result.code == 1 and "已损坏" in result.err and "Traceback" not in result.err, args
    dates: list[tuple[str, ...]] = [("plan", "--from", "9999-01-01"), ("status", "--now", "9999-12-31"),
                                    ("plan", "--to", "1999-12-31")]
    for args in dates:
        result = duban(*args, "--config", str(project.config))
        assert result.code == 1 and "超出支持的日期范围" in result.err, args


def test_an_interrupted_send_found_at_night_waits_for_the_window(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        project.write("units.toml", UNITS.replace(', "busy@example.gov.cn"', ""))
        with Ledger(project.root / "state" / "duban.db") as ledger:
            message = Message("p" * 32, "email", "省司法厅", "【督办提醒】", "正文", ("sft@example.gov.cn",))
            ledger.queue([message], at("2021-06-30T17:59"))
            ledger.begin_attempt("p" * 32, at("2021-06-30T17:59"))
        night = once(duban, project, "2021-06-30T20:00")
        assert "不在发送时段" in night.out and box.received == []
        morning = once(duban, project, "2021-07-01T09:00")
    assert "补发中断的1条" in morning.out
    db = sqlite3.connect(project.root / "state" / "duban.db")
    assert db.execute("SELECT state, resends FROM messages WHERE key = ?", ("p" * 32,)).fetchone() == ("sent", 1)
