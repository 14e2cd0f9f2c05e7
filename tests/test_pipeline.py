"""The pass in-process: real runtime and SQLite ledger, fake channels, clocks moved by hand.

One test per reproduced defect of issue #12 (numbers in the names)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from scheduler.channels.base import Outcome, Receipt
from scheduler.errors import StateBrokenError
from scheduler.history import row_json
from scheduler.ledger import Ledger
from scheduler.messages import DeliveryState, Message, ReminderState
from scheduler.notices import notify
from scheduler.plan import Window
from tests.conftest import SETTINGS, Project
from tests.kit import ONE_TASK, FakeChannel, Tick, at, make_app, one_pass

UNITS = """\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
email = ["sft@example.gov.cn", "busy@example.gov.cn"]
wecom_key_env = "WK_SFT"

[unit."省财政厅"]
wecom_key_env = "WK_CZT"

[unit."省发改委"]
wecom_key_env = "WK_FGW"
"""

TASKS = ONE_TASK

TEMP = Receipt(Outcome.TEMPORARY, "SMTP 451 try later")
DOWN = Receipt(Outcome.TEMPORARY, "连接失败：ConnectionRefusedError", down=True)


@pytest.fixture
def cfg(project: Project) -> Path:
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS)
    return project.config


def ledger_in(project: Project) -> Ledger:
    return Ledger(project.root / "state" / "duban.db")


def states(ledger: Ledger) -> dict[tuple[str, str], tuple[str, list[str]]]:
    return {(r.unit, r.stage): (r.state.value, list(r.channels)) for r in ledger.history()}


def test_a_pass_records_before_and_after_and_a_second_pass_sends_nothing(cfg: Path, project: Project) -> None:
    email, wecom = FakeChannel("email"), FakeChannel("wecom")
    app = make_app(cfg, email, wecom)
    with ledger_in(project) as ledger:
        first = one_pass(app, ledger, "2021-06-30T09:30")
        second = one_pass(app, ledger, "2021-06-30T11:00")
        rows = [row_json(r) for r in ledger.history() if r.state is not ReminderState.SUPERSEDED]
    assert (first.sent, second.sent) == (3, 0)
    assert email.units() == ["省司法厅"] and wecom.units() == ["省司法厅", "省财政厅"]
    assert rows[0] == {"at": "2021-06-30T09:00:00+08:00", "task": "T-01", "milestone": "1", "due": "2021-06-30",
                       "stage": "到期提醒", "repetition": 0, "unit": "省司法厅", "state": "sent",
                       "handled_at": "2021-06-30T09:30:00+08:00", "channels": ["email", "wecom"]}


def test_defect_1_dry_run_leaves_the_real_state_alone(cfg: Path, project: Project) -> None:
    from scheduler.app import State

    app = make_app(cfg)
    real = project.root / "state" / "duban.db"
    with Ledger(real) as ledger:  # an interrupted real send: queued and begun, never settled
        key = ledger.queue([Message("k" * 32, "email", "省司法厅", "s", "t", ("sft@example.gov.cn",))],
                           at("2021-06-29T09:30"))[0]
        ledger.begin_attempt(key, at("2021-06-29T09:30"))
    dry = State(real, dry_run=True)
    try:
        one_pass(app, dry.ledger, "2021-06-30T09:30")
        assert dry.ledger.state_of(key) is DeliveryState.SENT
    finally:
        dry.close()
    with Ledger(real) as ledger:
        assert ledger.state_of(key) is DeliveryState.PENDING  # still an interrupted real send
        assert ledger.history() == []  # nothing of the dry run


def test_defect_2_only_the_refused_recipient_is_retried_across_passes(cfg: Path, project: Project) -> None:
    partial = Receipt(Outcome.TEMPORARY, "收件人被拒绝：busy@example.gov.cn（450）", retry_to=("busy@example.gov.cn",))
    email = FakeChannel("email", script={"省司法厅": [partial]})
    app = make_app(cfg, email)
    with ledger_in(project) as ledger:
        one_pass(app, ledger, "2021-06-30T09:30")
        assert states(ledger)[("省司法厅", "到期提醒")] == ("pending", ["wecom"])
        early = one_pass(app, ledger, "2021-06-30T09:31")  # before the backoff: nothing
        later = one_pass(app, ledger, "2021-06-30T09:33")
        assert states(ledger)[("省司法厅", "到期提醒")] == ("sent", ["email", "wecom"])
    assert early.sent == 0 and later.sent == 1
    assert [m.to for m in email.sent] == [("sft@example.gov.cn", "busy@example.gov.cn"), ("busy@example.gov.cn",)]
    assert email.sent[0].key == email.sent[1].key  # the same Message-ID


def test_defect_2_a_server_that_is_down_costs_one_attempt_per_pass(cfg: Path, project: Project) -> None:
    project.write("tasks.toml", TASKS.replace('responsible = ["省财政厅"]', 'responsible = ["省财政厅", "省发改委"]'))
    wecom = FakeChannel("wecom", default=DOWN)
    app = make_app(cfg, FakeChannel("email"), wecom)
    with ledger_in(project) as ledger:
        first = one_pass(app, ledger, "2021-06-30T09:30")
        assert len(wecom.sent) == 1 and first.deferred == 3  # three robots, one attempt
        one_pass(app, ledger, "2021-06-30T09:33")
        assert len(wecom.sent) == 2


def test_defect_2_temporary_failures_end_failed_and_reported(cfg: Path, project: Project) -> None:
    wecom = FakeChannel("wecom", default=TEMP)
    email = FakeChannel("email")
    app = make_app(cfg, email, wecom)
    with ledger_in(project) as ledger:
        now = at("2021-06-30T09:30")
        results = []
        while now < at("2021-07-01T18:00"):
            results.append(one_pass(app, ledger, now))
            now += timedelta(minutes=15)
        assert not any(r.failed for r in results[:-5])
        failed = [line for r in results for line in r.failed]
        assert len(failed) == 2 and all("已放弃" in line for line in failed)  # 省司法厅, 省财政厅 robots
        assert states(ledger)[("省财政厅", "到期提醒")] == ("failed", [])
    report = [m for m in email.sent if m.unit == "督查室" and "消息发送失败" in m.subject]
    assert len(report) == 1 and "消息发送失败" in report[0].subject and "省财政厅（企业微信）" in report[0].text


def test_defect_3_one_channel_never_settles_another(cfg: Path, project: Project) -> None:
    email = FakeChannel("email", script={"省司法厅": [TEMP]})
    app = make_app(cfg, email)
    with ledger_in(project) as ledger:
        one_pass(app, ledger, "2021-06-30T09:30")
        assert states(ledger)[("省司法厅", "到期提醒")] == ("pending", ["wecom"])
        assert states(ledger)[("省财政厅", "到期提醒")] == ("sent", ["wecom"])
        one_pass(app, ledger, "2021-06-30T10:00")
        assert states(ledger)[("省司法厅", "到期提醒")] == ("sent", ["email", "wecom"])
    assert len(email.sent) == 2


def test_defect_3_a_notice_whose_channel_fails_is_retried(cfg: Path, project: Project) -> None:
    email = FakeChannel("email", script={"督查室": [TEMP]})
    app = make_app(cfg, email)
    with ledger_in(project) as ledger:
        keys = notify(app, ledger, "配置文件有误", ["tasks.toml 第3行：错误"], at("2021-06-30T09:30"))
        assert notify(app, ledger, "配置文件有误", ["tasks.toml 第3行：错误"], at("2021-06-30T09:31")) == []
        one_pass(app, ledger, "2021-06-30T09:30")
        assert ledger.state_of(keys[0]) is DeliveryState.DEFERRED
        one_pass(app, ledger, "2021-06-30T10:00")
        assert ledger.state_of(keys[0]) is DeliveryState.SENT
    assert [m.unit for m in email.sent].count("督查室") == 2


def _interrupted(ledger: Ledger, when: str) -> str:
    """A send begun and never settled, as a kill -9 leaves it."""
    message = Message("i" * 32, "email", "省司法厅", "【督办提醒】", "正文", ("sft@example.gov.cn",))
    key = ledger.queue([message], at(when))[0]
    assert ledger.begin_attempt(key, at(when))
    return key


@pytest.mark.parametrize("night", ["2021-06-30T20:00", "2021-07-01T02:00", "2021-07-03T10:00"])
def test_defect_4_interrupted_sends_wait_for_the_window(cfg: Path, project: Project, night: str) -> None:
    email = FakeChannel("email")
    app = make_app(cfg, email, FakeChannel("wecom"))
    with ledger_in(project) as ledger:
        key = _interrupted(ledger, "2021-06-30T17:59")
        waiting = one_pass(app, ledger, night)
        assert waiting.waiting and email.sent == [] and ledger.state_of(key) is DeliveryState.PENDING
        morning = one_pass(app, ledger, "2021-07-05T09:00")
    assert morning.resent == 1 and [m.key for m in email.sent].count(key) == 1


def test_defect_4_a_second_interruption_fails_instead_of_resending(cfg: Path, project: Project) -> None:
    email = FakeChannel("email")
    app = make_app(cfg, email, FakeChannel("wecom"))
    with ledger_in(project) as ledger:
        key = _interrupted(ledger, "2021-06-30T09:00")
        assert ledger.begin_resend(key, at("2021-06-30T09:01"))  # its resend was interrupted too
        result = one_pass(app, ledger, "2021-06-30T09:30")
        assert ledger.state_of(key) is DeliveryState.FAILED
    assert key not in [m.key for m in email.sent]
    assert any("发送两次被中断" in line for line in result.failed)


def test_defect_5_a_send_whose_outcome_cannot_be_recorded_stops_the_pass(cfg: Path, project: Project) -> None:
    ledger = ledger_in(project)
    email = FakeChannel("email", hook=lambda m: ledger.db.execute("PRAGMA query_only = 1"))
    wecom = FakeChannel("wecom")
    app = make_app(cfg, email, wecom)
    with pytest.raises(StateBrokenError, match="不可写"):
        one_pass(app, ledger, "2021-06-30T09:30")
    ledger.close()
    assert len(email.sent) == 1 and wecom.sent == []  # nothing more after the failed record
    for _restart in range(3):  # a crash loop: the interrupted message goes out once more, at most
        with ledger_in(project) as again:
            one_pass(app, again, "2021-06-30T09:40")
    assert [m.key for m in email.sent].count(email.sent[0].key) == 2


def _long_offsets(project: Project) -> None:
    project.write("duban.toml", SETTINGS + """
[policy.long]
stages = [
  { name = "提前告知", offset = -45, to = ["lead"] },
  { name = "逾期催办", offset = 1, to = ["lead"], repeat_every = 5 },
]
""")
    project.write("tasks.toml", """\
[document]
title = "测试工作要点"
issued = 2021-01-04

[[task]]
id = "R-01"
title = "每季度调度"
lead = ["省司法厅"]
policy = "long"
repeat = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"
start = 2021-01-04
until = 2021-12-31
""")


def test_defect_6_the_daemon_sends_long_offsets_on_the_day_plan_lists_them(cfg: Path, project: Project) -> None:
    _long_offsets(project)
    app = make_app(cfg)
    year = Window(at("2021-01-01T00:00").date(), at("2021-12-31T00:00").date())
    planned = [r for r in app.planner.plan(app.runtime.tasks, year) if r.stage == "提前告知"]
    # 45 working days before the quarter ends (04-30, 07-30, 10-29); January's is before `start`
    assert [(r.milestone, r.at.date().isoformat()) for r in planned] == [
        ("2021-04-30", "2021-02-26"), ("2021-07-31", "2021-05-27"), ("2021-10-31", "2021-08-23")]
    with ledger_in(project) as ledger:
        for r in planned:
            one_pass(app, ledger, r.at + timedelta(minutes=5))
            handled = {(h.milestone, h.stage) for h in ledger.history() if h.at.date() == r.at.date()}
            assert (r.milestone, "提前告知") in handled


def test_defect_9_units_sharing_one_robot_share_its_quota(cfg: Path, project: Project) -> None:
    names = [f"县{i:02d}" for i in range(30)]
    project.write("units.toml", UNITS + "".join(f'\n[unit."{n}"]\nwecom_key_env = "WK_SHARED"\n' for n in names))
    project.write("tasks.toml", TASKS.replace('responsible = ["省财政厅"]', f"responsible = {names!r}"
                                              .replace("'", '"')))
    tick = Tick()
    wecom = FakeChannel("wecom", quota=lambda m: "one-robot" if m.unit.startswith("县") else m.unit)
    app = make_app(cfg, FakeChannel("email"), wecom, tick)
    with ledger_in(project) as ledger:
        first = one_pass(app, ledger, "2021-06-30T09:30")
        shared = [m for m in wecom.sent if m.unit.startswith("县")]
        assert len(shared) == 20 and first.deferred == 10
        assert first.next_attempt == at("2021-06-30T09:31")
        one_pass(app, ledger, "2021-06-30T09:30:30")  # still inside the same minute: nothing more
        assert len([m for m in wecom.sent if m.unit.startswith("县")]) == 20
        tick.now += 60
        one_pass(app, ledger, "2021-06-30T09:31")
    assert len([m for m in wecom.sent if m.unit.startswith("县")]) == 30


def test_defect_10_a_milestone_id_with_a_separator_is_stored_as_columns(cfg: Path, project: Project) -> None:
    # SPEC §2.3: ids hold no control characters (refused at load, tests/test_reload_qa.py); punctuation
    # that a joined key could split on still goes into the ledger as columns
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", '[[task.milestone]]\nid = "a|b:c"\n'
                                              'deadline = 2021-06-30'))
    app = make_app(cfg)
    with ledger_in(project) as ledger:
        result = one_pass(app, ledger, "2021-06-30T09:30")
        assert result.sent == 3
        assert {r.milestone for r in ledger.history()} == {"a|b:c"}
        assert {r.state for r in ledger.history()} == {ReminderState.SENT, ReminderState.SUPERSEDED}


def test_a_refused_credential_is_reported_at_once_and_tried_again_the_next_working_day(cfg: Path,
                                                                                       project: Project) -> None:
    bad_key = Receipt(Outcome.PERMANENT, "errcode=93000 errmsg=invalid webhook url", credentials=True)
    email, wecom = FakeChannel("email"), FakeChannel("wecom", script={"省财政厅": [bad_key]})
    app = make_app(cfg, email, wecom)
    with ledger_in(project) as ledger:
        first = one_pass(app, ledger, "2021-06-30T09:30")
        assert first.failed == [] and first.faults == ["省财政厅（企业微信）：errcode=93000 errmsg=invalid webhook url"]
        assert [m.subject for m in email.sent if m.unit == "督查室"] == [
            "【督办系统】发送渠道认证失败，请检查配置（修改后重新加载或下一个工作日重试）"]
        one_pass(app, ledger, "2021-06-30T17:00")  # not again the same day
        assert [m.unit for m in wecom.sent].count("省财政厅") == 1
        one_pass(app, ledger, "2021-07-01T09:00")  # the key was fixed meanwhile
        assert states(ledger)[("省财政厅", "到期提醒")] == ("sent", ["wecom"])


def test_a_recipient_refused_for_good_is_reported_and_the_others_still_retried(cfg: Path, project: Project) -> None:
    project.write("units.toml", UNITS.replace('"busy@example.gov.cn"', '"busy@example.gov.cn", "bad@example.gov.cn"'))
    mixed = Receipt(Outcome.TEMPORARY, "收件人被拒绝：bad@（550）、busy@（450）", retry_to=("busy@example.gov.cn",),
                    refused=("bad@example.gov.cn",))
    email = FakeChannel("email", script={"省司法厅": [mixed]})
    app = make_app(cfg, email)
    with ledger_in(project) as ledger:
        first = one_pass(app, ledger, "2021-06-30T09:30")
        assert first.failed == ["省司法厅（邮件）：部分收件人被拒收 bad@example.gov.cn"]
        one_pass(app, ledger, "2021-06-30T10:00")
        assert states(ledger)[("省司法厅", "到期提醒")] == ("failed", ["wecom"])  # given up on bad@
    assert [m.to for m in email.sent if m.unit == "省司法厅"][1] == ("busy@example.gov.cn",)
