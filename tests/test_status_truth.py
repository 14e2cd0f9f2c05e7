"""`status` does not present a reminder that has not arrived as told (QA trial of #12).

After a crash between the record and the send, or while a server refuses for now, `status`
showed `2021-06-30 09:30 到期提醒：省司法厅、省财政厅` although no unit had received anything:
only failed units were marked. A unit not reached yet is marked （待发）.
"""

from __future__ import annotations

import json

import pytest

from scheduler.channels.base import Outcome, Receipt
from scheduler.ledger import Ledger
from tests.conftest import Duban, Project
from tests.kit import FakeChannel, make_app, one_pass

LATER = Receipt(Outcome.TEMPORARY, "SMTP 451 4.3.0 try later")
REFUSED = Receipt(Outcome.PERMANENT, "SMTP 550 5.1.1 User unknown")


def test_the_last_reminder_marks_the_units_it_has_not_reached(project: Project, duban: Duban) -> None:
    email = FakeChannel("email", script={"西宁市": [LATER], "海东市": [REFUSED]})
    app = make_app(project.config, email)
    with Ledger(project.root / "state" / "duban.db") as ledger:
        result = one_pass(app, ledger, "2021-06-30T09:30")
    assert (result.sent, result.deferred, len(result.failed)) == (1, 1, 1)
    status = duban("status", "--config", str(project.config), "--now", "2021-06-30T10:00", "--format", "json")
    last = json.loads(status.out)["milestones"][0]["last"]
    assert last == "2021-06-30 09:30 到期提醒：海东市（失败）、省司法厅、西宁市（待发）"


def test_a_unit_reached_on_one_channel_of_two_is_marked_so(project: Project, duban: Duban,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_TEST_WK", "robot-key-0123456789")
    units = (project.root / "units.toml").read_text(encoding="utf-8")
    project.write("units.toml", units.replace('email = ["sft@example.gov.cn"]',
                                              'email = ["sft@example.gov.cn"]\nwecom_key_env = "DUBAN_TEST_WK"'))
    email = FakeChannel("email", script={"省司法厅": [LATER]})
    app = make_app(project.config, email, FakeChannel("wecom"))
    with Ledger(project.root / "state" / "duban.db") as ledger:
        one_pass(app, ledger, "2021-06-30T09:30")
    status = duban("status", "--config", str(project.config), "--now", "2021-06-30T10:00", "--format", "json")
    last = json.loads(status.out)["milestones"][0]["last"]
    assert last == "2021-06-30 09:30 到期提醒：海东市、省司法厅（部分渠道待发）、西宁市"


def test_failed_sends_are_listed_in_chinese(project: Project, duban: Duban) -> None:
    email = FakeChannel("email", script={"海东市": [REFUSED]})
    with Ledger(project.root / "state" / "duban.db") as ledger:
        one_pass(make_app(project.config, email), ledger, "2021-06-30T09:30")
    table = duban("status", "--config", str(project.config), "--now", "2021-06-30T10:00")
    assert table.out.endswith("\n发送失败：\n  海东市（邮件）2021-06-30 09:30：SMTP 550 5.1.1 User unknown\n")
