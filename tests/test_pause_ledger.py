"""Issue #16 follow-up: reminders paused by a 办结 waiting for review are `pending` in the ledger
(SPEC §4), sent or superseded when a rejection ends the pause, superseded without a send when the
milestone is accepted; a message recorded before the 办结 waits while all its reminders are paused."""

from __future__ import annotations

from scheduler.channels.base import Outcome, Receipt
from scheduler.feedback.store import Store
from scheduler.ledger import HistoryRow, Ledger
from scheduler.messages import DeliveryState
from tests.conftest import TASKS, Project
from tests.kit import SENT, FakeChannel, at, make_app, one_pass

TEMPORARY = Receipt(Outcome.TEMPORARY, "451 try later")
SECOND = """
[[task]]
id = "T-02"
title = "第二项任务"
responsible = ["西宁市"]
deadline = 2021-06-30
"""


def _submit(project: Project, unit: str, task: str, when: str) -> int:
    store = Store(project.root / "state" / "duban.db")
    try:
        return store.submit(at(when), unit, task, "1", "done", "2021-06-24", "已完成", "127.0.0.1")
    finally:
        store.close()


def _decide(project: Project, ident: int, accept: bool, when: str) -> None:
    store = Store(project.root / "state" / "duban.db")
    try:
        assert store.decide(ident, accept, at(when), "督查室", "" if accept else "材料不全", "127.0.0.1")
    finally:
        store.close()


def _rows(ledger: Ledger, task: str = "T-01") -> list[tuple[str, str, str, bool]]:
    return [(r.stage, r.unit, r.state.value, r.paused) for r in ledger.history() if r.task == task]


def _ledger(project: Project) -> Ledger:
    return Ledger(project.root / "state" / "duban.db")


PAUSED_0625 = [("提前告知", "海东市", "pending", True), ("提前告知", "省司法厅", "pending", True),
               ("提前告知", "西宁市", "pending", True), ("临期提醒", "海东市", "pending", True),
               ("临期提醒", "省司法厅", "pending", True), ("临期提醒", "西宁市", "pending", True)]


def test_paused_reminders_are_pending_then_sent_or_superseded_after_a_rejection(project: Project) -> None:
    ident = _submit(project, "省司法厅", "T-01", "2021-06-24T16:00")  # the lead: every unit pauses
    email = FakeChannel("email")
    app = make_app(project.config, email=email)
    with _ledger(project) as ledger:
        one_pass(app, ledger, "2021-06-25T09:30")
        assert email.sent == []
        assert _rows(ledger) == PAUSED_0625
        assert ledger.last_reminders() == {}  # never sent: not the "last reminder" of status
        one_pass(app, ledger, "2021-06-30T09:30")  # 到期提醒 paused too
        assert [r[2] for r in _rows(ledger)] == ["pending"] * 9
        _decide(project, ident, False, "2021-06-30T10:00")
        one_pass(app, ledger, "2021-06-30T10:30")
        assert email.units() == ["海东市", "省司法厅", "西宁市"]
        rows = ledger.history()
    states = {(r.stage, r.unit): (r.state.value, r.paused) for r in rows if r.task == "T-01"}
    assert states == {**{(s, u): ("superseded", False) for s in ("提前告知", "临期提醒")
                         for u in ("海东市", "省司法厅", "西宁市")},
                      **{("到期提醒", u): ("sent", False) for u in ("海东市", "省司法厅", "西宁市")}}
    sent = [r for r in rows if r.state.value == "sent"]
    assert {r.handled_at for r in sent} == {at("2021-06-30T10:30")}


def test_an_accepted_done_settles_paused_reminders_as_superseded_without_a_send(project: Project) -> None:
    ident = _submit(project, "省司法厅", "T-01", "2021-06-24T16:00")
    email = FakeChannel("email")
    with _ledger(project) as ledger:
        one_pass(make_app(project.config, email=email), ledger, "2021-06-25T09:30")
        _decide(project, ident, True, "2021-06-28T10:00")  # the write-back of the acceptance:
        project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", "deadline = 2021-06-30\ndone = 2021-06-24"))
        one_pass(make_app(project.config, email=email), ledger, "2021-06-30T09:30")
        assert email.sent == []
        rows: list[HistoryRow] = ledger.history()
    assert [(r.stage, r.unit, r.state.value, r.paused) for r in rows] == [
        (s, u, "superseded", False) for s, u, _st, _p in PAUSED_0625]
    assert {r.handled_at for r in rows} == {at("2021-06-30T09:30")}


def _deferred_before_the_done(project: Project) -> tuple[FakeChannel, Ledger]:
    email = FakeChannel("email", default=TEMPORARY)
    ledger = _ledger(project)
    one_pass(make_app(project.config, email=email), ledger, "2021-06-25T09:30")  # deferred: 451
    assert sorted(m.unit for m in ledger.open_messages()) == ["海东市", "省司法厅", "西宁市"]
    email.sent.clear()
    email.default = SENT
    return email, ledger


def test_a_message_deferred_before_the_done_waits_for_the_pause_and_goes_after_a_rejection(project: Project) -> None:
    email, ledger = _deferred_before_the_done(project)
    ident = _submit(project, "省司法厅", "T-01", "2021-06-25T09:40")
    app = make_app(project.config, email=email)
    with ledger:
        for now in ("2021-06-25T11:00", "2021-06-28T17:00", "2021-06-29T10:00"):  # past the deferral limit
            result = one_pass(app, ledger, now)
            assert (email.sent, result.failed) == ([], []), now
            assert {m.state for m in ledger.open_messages()} == {DeliveryState.DEFERRED}
        _decide(project, ident, False, "2021-06-29T10:10")
        one_pass(app, ledger, "2021-06-29T10:20")
        assert email.units() == ["海东市", "省司法厅", "西宁市"]
        assert ledger.open_messages() == []
        assert {r.state.value for r in ledger.history()} == {"sent", "superseded"}


def test_a_message_with_a_reminder_not_paused_is_still_retried(project: Project) -> None:
    project.write("tasks.toml", TASKS + SECOND)
    email, ledger = _deferred_before_the_done(project)
    _submit(project, "西宁市", "T-01", "2021-06-25T09:40")  # not the lead: only 西宁市's T-01 pauses
    with ledger:
        one_pass(make_app(project.config, email=email), ledger, "2021-06-25T11:00")
        assert email.units() == ["海东市", "省司法厅", "西宁市"]  # 西宁市 still has T-02 open in it
        assert ledger.open_messages() == []
