"""QA of ledger schema 3 (issue #12): an identity is recorded in `reminders` or in `superseded`,
never both, on every path that writes reminders; `history` lists each reminder once."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from scheduler.feedback.store import Store
from scheduler.ledger import Ledger
from scheduler.messages import ReminderId, ReminderState
from tests.conftest import SETTINGS, Duban, Project
from tests.kit import FakeChannel, at, make_app, one_pass

EARLY = ReminderId("T-01", "1", date(2021, 6, 30), "提前告知", 0, "省司法厅")
NEAR = EARLY._replace(stage="临期提醒")
UNITS = ("海东市", "省司法厅", "西宁市")


def _in_both(ledger: Ledger) -> int:
    return int(ledger.db.execute("SELECT count(*) FROM superseded s JOIN reminders r "
                                 "USING (task, milestone, due, stage, repetition, unit)").fetchone()[0])


def _rows(ledger: Ledger) -> list[tuple[str, str, str, bool]]:
    return [(r.stage, r.unit, r.state.value, r.paused) for r in ledger.history()]


def test_pausing_a_stage_superseded_before_leaves_it_superseded(tmp_path: Path) -> None:
    with Ledger(tmp_path / "duban.db") as ledger:
        ledger.supersede([(EARLY, at("2021-06-16T09:00"))], at("2021-06-25T09:30"))
        ledger.pause([(EARLY, at("2021-06-16T09:00")), (NEAR, at("2021-06-25T09:00"))], at("2021-06-28T09:30"))
        assert _in_both(ledger) == 0
        assert _rows(ledger) == [("提前告知", "省司法厅", "superseded", False), ("临期提醒", "省司法厅", "pending", True)]
        assert ledger.handled([EARLY, NEAR]) == {EARLY}  # the superseded stage stays handled


def test_a_done_waiting_for_review_after_a_catch_up_pass_records_each_reminder_once(project: Project) -> None:
    """A first pass on 06-25 supersedes the 提前告知 of 06-16 (into `superseded`) and sends the 临期提醒;
    the lead's 办结 then pauses the milestone: the pause filter holds every latest stage, the
    superseded one included, and the pause must not record it a second time as pending."""
    email = FakeChannel("email")
    app = make_app(project.config, email=email)
    with Ledger(project.root / "state" / "duban.db") as ledger:
        one_pass(app, ledger, "2021-06-25T09:30")
        before = _rows(ledger)
        assert before == [*(("提前告知", u, "superseded", False) for u in UNITS),
                          *(("临期提醒", u, "sent", False) for u in UNITS)]
        store = Store(project.root / "state" / "duban.db")
        ident = store.submit(at("2021-06-25T16:00"), "省司法厅", "T-01", "1", "done", "2021-06-25", "已完成", "127.0.0.1")
        one_pass(app, ledger, "2021-06-28T09:30")
        assert (_in_both(ledger), _rows(ledger)) == (0, before)
        assert store.decide(ident, False, at("2021-06-28T10:00"), "督查室", "材料不全", "127.0.0.1")
        store.close()
        one_pass(app, ledger, "2021-06-30T09:30")
        assert _in_both(ledger) == 0
        assert _rows(ledger) == [*before, *(("到期提醒", u, "sent", False) for u in UNITS)]
        assert sorted(m.unit for m in email.sent) == sorted(UNITS * 2)
        assert {r.state for r in ledger.history() if r.stage == "提前告知"} == {ReminderState.SUPERSEDED}


def test_history_bounds_are_days_of_the_configured_zone_for_stamps_of_an_earlier_zone(
        project: Project, duban: Duban) -> None:
    """A state written under Asia/Shanghai (+08:00 stamps), read after `timezone` became
    America/New_York (-04:00 in summer): --from/--to are that zone's days, compared as instants."""
    east = timezone(timedelta(hours=8))
    fired = [datetime(2021, 6, 30, 9, 0, tzinfo=east), datetime(2021, 6, 30, 13, 0, tzinfo=east),
             datetime(2021, 7, 1, 11, 59, tzinfo=east), datetime(2021, 7, 1, 12, 0, tzinfo=east)]
    with Ledger(project.root / "state" / "duban.db") as ledger:
        ledger.supersede([(EARLY._replace(repetition=n), moment) for n, moment in enumerate(fired)],
                         datetime(2021, 7, 2, 9, 30, tzinfo=east))
    project.write("duban.toml", SETTINGS.replace("Asia/Shanghai", "America/New_York"))
    result = duban("history", "--config", str(project.root / "duban.toml"), "--from", "2021-06-30", "--to",
                   "2021-06-30", "--format", "json")
    assert result.code == 0, result.err
    # 2021-06-30 in New York is 06-30 12:00 … 07-01 11:59:59 in Shanghai
    assert [r["at"] for r in json.loads(result.out)] == ["2021-06-30T13:00:00+08:00", "2021-07-01T11:59:00+08:00"]
