"""Issue #12 follow-up: a message queued before its milestones were closed (deferred for a retry,
or interrupted) is withdrawn when every reminder it carries is closed now; one that still carries
an open reminder goes out whole. In-process pass: real runtime and SQLite ledger, fake channels."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from scheduler.channels.base import Outcome, Receipt
from scheduler.feedback.store import Store
from scheduler.history import row_json
from scheduler.ledger import Ledger
from scheduler.messages import DeliveryState, Message
from scheduler.model import DEFAULT_POLICY, Milestone, Recurrence, Task, TaskStatus, Unit
from scheduler.pass_result import describe
from scheduler.plan import Audience
from scheduler.retention import closing_days
from scheduler.withdraw import Closure
from tests.conftest import TASKS as CONFTEST_TASKS
from tests.conftest import Project
from tests.kit import ONE_TASK, FakeChannel, at, make_app, one_pass

UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
email = ["sft@example.gov.cn"]
wecom_key_env = "WK_SFT"

[unit."省财政厅"]
wecom_key_env = "WK_CZT"

[unit."省发改委"]
wecom_key_env = "WK_FGW"
"""

TASKS = ONE_TASK

SECOND = """
[[task]]
id = "T-02"
title = "第二项任务"
responsible = ["省财政厅"]
deadline = 2021-06-30
"""

TEMP = Receipt(Outcome.TEMPORARY, "errcode=-1 系统繁忙")
DONE = "deadline = 2021-06-30\ndone = 2021-06-29"


class Killed(BaseException):
    """kill -9 between the record of an attempt and the server's answer."""


@pytest.fixture
def cfg(project: Project) -> Path:
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS)
    return project.config


def _ledger(project: Project) -> Ledger:
    return Ledger(project.root / "state" / "duban.db")


def _key_of(ledger: Ledger, unit: str) -> str:
    keys = [m.key for m in ledger.open_messages() if m.unit == unit]
    assert len(keys) == 1
    return keys[0]


def _due_row(ledger: Ledger, unit: str, task: str = "T-01") -> dict[str, object]:
    rows = [row_json(r) for r in ledger.history() if (r.task, r.stage, r.unit) == (task, "到期提醒", unit)]
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("later_at", ["2021-06-30T10:00", "2021-07-02T10:00"])  # before, past the deferral limit
def test_a_deferred_message_whose_milestone_is_now_done_is_withdrawn(cfg: Path, project: Project,
                                                                     later_at: str) -> None:
    email, wecom = FakeChannel("email"), FakeChannel("wecom", script={"省财政厅": [TEMP]})
    with _ledger(project) as ledger:
        first = one_pass(make_app(cfg, email, wecom), ledger, "2021-06-30T09:30")
        assert (first.sent, first.deferred) == (2, 1)
        key = _key_of(ledger, "省财政厅")
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", DONE))  # done, then a reload
        app = make_app(cfg, email, wecom)
        later = one_pass(app, ledger, later_at)
        assert ledger.state_of(key) is DeliveryState.WITHDRAWN
        assert _due_row(ledger, "省财政厅") == {
            "at": "2021-06-30T09:00:00+08:00", "task": "T-01", "milestone": "1", "due": "2021-06-30",
            "stage": "到期提醒", "repetition": 0, "unit": "省财政厅", "state": "superseded",
            "handled_at": f"{later_at}:00+08:00", "channels": []}
        past_the_limit = one_pass(app, ledger, "2021-07-05T10:00")  # the deferral limit was 07-01 18:00
        assert ledger.open_messages() == [] and ledger.failures() == []
    assert [m.unit for m in wecom.sent].count("省财政厅") == 1  # the first attempt only
    assert (later.sent, later.withdrawn, later.failed, past_the_limit.failed) == (0, 1, [], [])
    assert describe(later) == "发送0条消息，1条消息因所含事项已办结而撤回"
    assert [m.unit for m in email.sent] == ["省司法厅"]  # no failure report to 督查室


def test_a_message_held_for_review_is_withdrawn_once_the_done_is_accepted(project: Project) -> None:
    """The README's former known gap: deferred before a 办结, held during the review, then accepted."""
    email = FakeChannel("email", default=TEMP)
    with _ledger(project) as ledger:  # the shared project: T-01, lead 省司法厅, responsible 各地区
        one_pass(make_app(project.config, email=email), ledger, "2021-06-25T09:30")
        keys = {m.key for m in ledger.open_messages()}
        assert len(keys) == 3
        email.default, email.sent = Receipt(Outcome.SENT, "ok"), []
        store = Store(project.root / "state" / "duban.db")
        try:
            ident = store.submit(at("2021-06-25T09:40"), "省司法厅", "T-01", "1", "done", "2021-06-24", "已完成",
                                 "127.0.0.1")
            one_pass(make_app(project.config, email=email), ledger, "2021-06-25T11:00")  # held: nothing sent
            assert store.decide(ident, True, at("2021-06-28T10:00"), "督查室", "", "127.0.0.1")
        finally:
            store.close()
        project.write("tasks.toml", CONFTEST_TASKS.replace("deadline = 2021-06-30", DONE))  # the write-back
        result = one_pass(make_app(project.config, email=email), ledger, "2021-06-28T10:05")
        assert {ledger.state_of(k) for k in keys} == {DeliveryState.WITHDRAWN}
        assert {r.state.value for r in ledger.history()} == {"superseded"}
    assert (email.sent, result.withdrawn, result.failed) == ([], 3, [])


def test_a_message_with_one_milestone_still_open_is_sent_whole(cfg: Path, project: Project) -> None:
    project.write("tasks.toml", TASKS + SECOND)
    wecom = FakeChannel("wecom", script={"省财政厅": [TEMP]})
    with _ledger(project) as ledger:
        one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T09:30")
        key = _key_of(ledger, "省财政厅")
        assert sorted(ledger.carried(key)) == [("T-01", "1", "省财政厅"), ("T-02", "1", "省财政厅")]
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", DONE) + SECOND)  # T-01 done only
        result = one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T10:00")
        assert ledger.state_of(key) is DeliveryState.SENT
        assert [_due_row(ledger, "省财政厅", t)["state"] for t in ("T-01", "T-02")] == ["sent", "sent"]
    first, retry = [m for m in wecom.sent if m.unit == "省财政厅"]
    assert (result.sent, result.withdrawn) == (1, 0)
    assert retry == first and retry.key == key  # the same content and key, both tasks in it


def test_an_interrupted_send_whose_milestone_is_now_done_is_not_resent(cfg: Path, project: Project) -> None:
    def kill(message: Message) -> None:
        if message.unit == "省财政厅":
            raise Killed

    wecom = FakeChannel("wecom", hook=kill)
    with _ledger(project) as ledger:
        with pytest.raises(Killed):
            one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T09:30")
        key = _key_of(ledger, "省财政厅")
        assert ledger.state_of(key) is DeliveryState.PENDING  # interrupted
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", DONE))
        wecom.hook = None
        result = one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T09:40")
        assert ledger.state_of(key) is DeliveryState.WITHDRAWN
        assert _due_row(ledger, "省财政厅")["state"] == "superseded"
    assert (result.resent, result.withdrawn, result.failed) == (0, 1, [])
    assert [m.unit for m in wecom.sent].count("省财政厅") == 1  # the interrupted attempt only


def test_a_unit_in_done_by_has_its_message_withdrawn_the_other_unit_gets_its_own(cfg: Path,
                                                                                  project: Project) -> None:
    two = TASKS.replace('responsible = ["省财政厅"]', 'responsible = ["省财政厅", "省发改委"]')
    project.write("tasks.toml", two)
    wecom = FakeChannel("wecom", script={"省财政厅": [TEMP], "省发改委": [TEMP]})
    with _ledger(project) as ledger:
        one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T09:30")
        czt, fgw = _key_of(ledger, "省财政厅"), _key_of(ledger, "省发改委")
        project.write("tasks.toml", two.replace("deadline = 2021-06-30", 'deadline = 2021-06-30\ndone_by = ["省财政厅"]'))
        result = one_pass(make_app(cfg, FakeChannel("email"), wecom), ledger, "2021-06-30T10:00")
        assert (ledger.state_of(czt), ledger.state_of(fgw)) == (DeliveryState.WITHDRAWN, DeliveryState.SENT)
        assert [_due_row(ledger, u)["state"] for u in ("省财政厅", "省发改委")] == ["superseded", "sent"]
    assert (result.sent, result.withdrawn) == (1, 1)
    assert [m.unit for m in wecom.sent if m.unit != "省司法厅"] == ["省发改委", "省财政厅", "省发改委"]


def test_a_reminder_another_channel_delivered_stays_sent_when_its_other_message_is_withdrawn(
        cfg: Path, project: Project) -> None:
    email, wecom = FakeChannel("email"), FakeChannel("wecom", script={"省司法厅": [TEMP]})
    with _ledger(project) as ledger:
        one_pass(make_app(cfg, email, wecom), ledger, "2021-06-30T09:30")
        assert (_due_row(ledger, "省司法厅")["state"], _due_row(ledger, "省司法厅")["channels"]) == ("pending", ["email"])
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", DONE))
        result = one_pass(make_app(cfg, email, wecom), ledger, "2021-06-30T10:00")
        row = _due_row(ledger, "省司法厅")
    assert (result.withdrawn, row["state"], row["channels"]) == (1, "sent", ["email"])
    assert row["handled_at"] == "2021-06-30T10:00:00+08:00"


def test_a_notice_to_the_coordinator_is_never_withdrawn(cfg: Path, project: Project) -> None:
    email = FakeChannel("email", script={"督查室": [TEMP]})
    wecom = FakeChannel("wecom", default=Receipt(Outcome.PERMANENT, "errcode=40008 invalid message type"))
    with _ledger(project) as ledger:
        one_pass(make_app(cfg, email, wecom), ledger, "2021-06-30T09:30")  # wecom fails: a report, deferred
        report = _key_of(ledger, "督查室")
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", DONE))
        result = one_pass(make_app(cfg, email, wecom), ledger, "2021-06-30T10:00")
        assert (ledger.state_of(report), result.withdrawn) == (DeliveryState.SENT, 0)


def test_withdraw_only_moves_an_unsettled_message(cfg: Path, project: Project) -> None:
    with _ledger(project) as ledger:
        now = at("2021-06-30T09:30")
        sent, open_ = (ledger.queue([Message(k * 32, "email", "省司法厅", "s", "t", ("a@b.cn",))], now)[0]
                       for k in "so")
        assert ledger.begin_attempt(sent, now)
        ledger.mark_sent(sent, now)
        assert (ledger.withdraw(sent, now), ledger.withdraw(open_, now), ledger.withdraw(open_, now)) == (
            False, True, False)
        assert ledger.open_messages() == []
        assert ledger.prune(at("2022-07-02T09:30"), closing_days([])) == 2  # a withdrawn body: like a sent one


# -- Closure: the pure rule, one row per case -----------------------------------------------------------


@dataclass(frozen=True)
class Directory:
    units: Mapping[str, Unit] = field(default_factory=lambda: {n: Unit(n, emails=(f"{n}@x.cn",)) for n in (
        "督查室", "省司法厅", "省财政厅", "西宁市", "海东市")})

    def resolve(self, name: str) -> tuple[str, ...]:
        return ("西宁市", "海东市") if name == "各地区" else (name,) if name in self.units else ()


def task(tid: str = "T", *milestones: Milestone, status: TaskStatus = TaskStatus.OPEN,
         recurrence: Recurrence | None = None) -> Task:
    return Task(tid, "任务", "tasks.toml", lead=("省司法厅",), responsible=("各地区",),
                milestones=milestones or (Milestone("1", date(2021, 6, 30)),), status=status, recurrence=recurrence)


QUARTERLY = Recurrence("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", date(2021, 1, 1), date(2021, 12, 31),
                       done_through=date(2021, 6, 30))
REC = Task("R", "季度调度", "tasks.toml", lead=("省司法厅",), recurrence=QUARTERLY)
TWO = task("T", Milestone("1", date(2021, 6, 30), done=date(2021, 6, 29)), Milestone("2", date(2021, 9, 30)))


@pytest.mark.parametrize(("tasks", "carried", "closed"), [
    ([task()], [("T", "1", "省司法厅")], False),  # open
    ([task("T", Milestone("1", date(2021, 6, 30), done=date(2021, 6, 29)))], [("T", "1", "省司法厅")], True),
    ([task(status=TaskStatus.DONE)], [("T", "1", "省司法厅")], True),  # the task is done
    ([task(status=TaskStatus.SUSPENDED)], [("T", "1", "省司法厅")], True),  # suspended: nothing fires
    ([], [("T", "1", "省司法厅")], True),  # the task is gone from the files
    ([task()], [("T", "9", "省司法厅")], True),  # the milestone is gone
    ([TWO], [("T", "1", "西宁市"), ("T", "2", "西宁市")], False),  # one of two closed: still open
    ([TWO], [("T", "1", "西宁市"), ("T", "1", "海东市")], True),
    ([task("T", Milestone("1", date(2021, 6, 30), done_by=("各地区",)))], [("T", "1", "西宁市")], True),  # group
    ([task("T", Milestone("1", date(2021, 6, 30), done_by=("西宁市",)))], [("T", "1", "海东市")], False),
    ([task("T", Milestone("1", date(2021, 6, 30), done_by=("省司法厅",)))], [("T", "1", "督查室")], False),  # 逾期催办
    ([task()], [("T", "1", "省财政厅")], True),  # no longer a unit of the task
    ([REC], [("R", "2021-04-30", "省司法厅")], True),  # done_through covers it
    ([REC], [("R", "2021-07-31", "省司法厅")], False),  # the next quarter
    ([REC], [("R", "2021-07-30", "省司法厅")], True),  # not a date of the rule (any more)
    ([REC], [("R", "1", "省司法厅")], True),  # not a date at all
    ([task()], [], False),  # carries nothing (a notice): never withdrawn
])
def test_closure(tasks: list[Task], carried: list[tuple[str, str, str]], closed: bool) -> None:
    closure = Closure(tasks, Audience(Directory(), "督查室"), {"default": DEFAULT_POLICY})
    assert closure.all_closed(carried) is closed


def test_the_rule_loads_no_io_library() -> None:
    code = ("import sys, scheduler.withdraw\n"
            "print(sorted({'sqlite3', 'httpx', 'aiosmtplib', 'scheduler.ledger', 'scheduler.channels'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
