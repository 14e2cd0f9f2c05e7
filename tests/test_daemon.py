"""`duban run` end to end: a real SMTP server, real SQLite, time driven by --now.

Every pass is a real `duban run --once` (in-process) or a real daemon subprocess."""

from __future__ import annotations

import email
import email.policy
import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import SETTINGS, Duban, Project, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.kit import ONE_TASK

TASKS = ONE_TASK + """
[[task]]
id = "T-02"
title = "第二项任务"
lead = ["省司法厅"]
deadline = 2021-07-09
"""


def configure(project: Project, port: int) -> None:
    project.write("duban.toml", SETTINGS + email_channel(port, "timeout = 5\n"))
    project.write("tasks.toml", TASKS)


def once(duban, project: Project, now: str):  # type: ignore[no-untyped-def]
    return duban("run", "--once", "--config", str(project.config), "--now", now)


def recipients(box: Mailbox) -> list[str]:
    return sorted(r for e in box.received for r in e.rcpt_tos)


def test_second_pass_at_the_same_time_sends_nothing(project: Project, duban: Duban) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        first = once(duban, project, "2021-06-30T09:30")
        second = once(duban, project, "2021-06-30T09:30")
        third = once(duban, project, "2021-06-30T15:00")
    assert first.code == 0, first.err
    assert recipients(box) == ["czt@example.gov.cn", "sft@example.gov.cn"]  # 到期提醒 T-01
    assert "发送0条消息" in second.out and "发送0条消息" in third.out


def test_after_three_weeks_of_downtime_one_message_per_unit_with_the_current_stage(project: Project, duban: Duban) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        result = once(duban, project, "2021-07-21T10:00")
    assert result.code == 0, result.err
    assert recipients(box) == ["czt@example.gov.cn", "dcs@example.gov.cn", "sft@example.gov.cn"]
    sft = next(e for e in box.received if e.rcpt_tos == ["sft@example.gov.cn"])
    body = email.message_from_bytes(sft.content, policy=email.policy.default).get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.count("阶段：") == 2  # T-01 and T-02, one stage each
    assert "逾期催办（已逾期" in text and "提前告知" not in text and "临期提醒" not in text
    assert "superseded" in _states(project)


def _states(project: Project) -> dict[str, int]:
    db = sqlite3.connect(project.root / "state" / "duban.db")
    return dict(db.execute("SELECT state, count(*) FROM (SELECT state FROM reminders UNION ALL "
                           "SELECT 'superseded' FROM superseded) GROUP BY state").fetchall())


@pytest.mark.parametrize("now", ["2021-06-30T20:00", "2021-07-04T10:00", "2021-06-30T08:59"])
def test_outside_the_window_nothing_is_sent_until_it_opens(project: Project, duban: Duban, now: str) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        waiting = once(duban, project, now)
        assert waiting.code == 0 and "不在发送时段" in waiting.out and box.received == []
        morning = once(duban, project, "2021-07-05T09:00")
    assert "发送" in morning.out and box.received


def test_crash_between_pending_and_sent_resends_exactly_once(project: Project) -> None:
    hung = Mailbox(hold=True)
    with SmtpServer(hung) as srv:
        configure(project, srv.port)
        proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--once", "--config",
                                 str(project.config), "--now", "2021-06-30T09:30"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert hung.data_started.wait(20)
        proc.kill()
        proc.wait(10)
    db = sqlite3.connect(project.root / "state" / "duban.db")
    pending = [r[0] for r in db.execute("SELECT key FROM messages WHERE state = 'pending'")]
    assert pending
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        rerun = subprocess.run([sys.executable, "-m", "scheduler.cli", "run", "--once", "--config",
                                str(project.config), "--now", "2021-06-30T09:40"], capture_output=True, text=True)
        again = subprocess.run([sys.executable, "-m", "scheduler.cli", "run", "--once", "--config",
                                str(project.config), "--now", "2021-06-30T11:00"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "补发中断的" in rerun.stdout and "发送0条消息" in again.stdout
    assert recipients(box) == ["czt@example.gov.cn", "sft@example.gov.cn"]  # one each, no doubles
    ids = {email.message_from_bytes(e.content, policy=email.policy.default)["Message-ID"] for e in box.received}
    assert {f"<{key}@example.gov.cn>" for key in pending} <= ids  # the interrupted ones kept their Message-ID


def test_second_daemon_on_the_same_state_refuses(project: Project, duban: Duban) -> None:
    from scheduler.ledger import Lock

    configure(project, 1)
    lock = Lock(project.root / "state" / "duban.db")
    lock.acquire()
    try:
        result = once(duban, project, "2021-06-30T09:30")
    finally:
        lock.release()
    assert result.code == 1 and "另一个 duban run" in result.err


def test_dry_run_writes_the_outbox_and_needs_no_secret(project: Project, duban: Duban) -> None:
    configure(project, 1)
    project.write("duban.toml", (project.root / "duban.toml").read_text(encoding="utf-8")
                  + 'password_env = "DUBAN_TEST_UNSET"\nusername = "u"\n')
    assert once(duban, project, "2021-06-30T09:30").code == 1  # a real run needs the password
    result = duban("run", "--once", "--dry-run", "--config", str(project.config), "--now", "2021-06-30T09:30")
    assert result.code == 0, result.err
    assert len(list((project.root / "outbox").glob("email-*.eml"))) == 2


def test_status_shows_lights_last_reminder_and_unit_counts(project: Project, duban: Duban) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        once(duban, project, "2021-07-01T09:30")
    result = duban("status", "--config", str(project.config), "--now", "2021-07-06", "--format", "json")
    data = json.loads(result.out)
    lights = {(m["task"], m["light"], m["days"]) for m in data["milestones"]}
    assert lights == {("T-01", "红", -4), ("T-02", "黄", 3)}  # 07-07..07-09 left; 07-01..07-06 overdue
    t1 = next(m for m in data["milestones"] if m["task"] == "T-01")
    assert t1["last"].startswith("2021-07-01 09:30 逾期催办：")
    assert {"unit": "省司法厅", "open": 2, "yellow": 1, "red": 1} in data["units"]
    table = duban("status", "--config", str(project.config), "--now", "2021-07-06")
    assert "红" in table.out and "逾期4个工作日" in table.out


def test_daemon_reloads_edits_and_keeps_the_last_good_configuration(project: Project) -> None:
    box = Mailbox()
    with SmtpServer(box) as srv:
        configure(project, srv.port)
        proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--config", str(project.config),
                                 "--now", "2021-06-30T10:00"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            assert box.wait_for(2), "first pass"
            broken = TASKS.replace('lead = ["省司法厅"]\nresponsible', 'lead = ["省司法局"]\nresponsible')
            project.write("tasks.toml", broken)
            assert box.wait_for(3), "the coordinator is told"
            assert "配置文件有误" in box.subjects()[2] and box.received[2].rcpt_tos == ["dcs@example.gov.cn"]
            os.kill(proc.pid, signal.SIGHUP)  # the same broken file again: no second notice
            project.write("tasks.toml", TASKS.replace("2021-07-09", "2021-07-05"))  # fixed, T-02 moved
            assert box.wait_for(4), "the fixed edit is picked up"
            assert "1项任务临近完成时限" in box.subjects()[3]  # T-02 due 07-05: 临期提醒 on 06-30
        finally:
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert len(box.received) == 4, box.subjects()
    assert "reload failed" in err and "reloaded" in err
