"""A pass that reaches the end of the send window stops sending (QA trial of #12).

The window was checked once, when a pass began: a pass started at 17:59:57 with a slow server
went on sending until its 300 s budget was spent (9 of 12 digests arrived after 18:00 in the
trial, `duban run --now 2021-06-30T17:59:57` against aiosmtpd answering in 0.7 s). The pass's
budget now also ends when the window closes; what is left waits for the next opening.
"""

from __future__ import annotations

from pathlib import Path

from scheduler.ledger import Ledger
from scheduler.messages import Message
from tests.conftest import Project
from tests.kit import FakeChannel, Tick, at, make_app, one_pass


def test_no_send_starts_after_the_window_closes(project: Project, tmp_path: Path) -> None:
    tick = Tick()

    def slow(_message: Message) -> None:
        tick.now += 60.0  # each send takes a minute

    email = FakeChannel("email", hook=slow)
    app = make_app(project.config, email, tick=tick)
    with Ledger(tmp_path / "duban.db") as ledger:
        evening = one_pass(app, ledger, "2021-06-30T17:58:30")  # the window closes 90 s later
        sent_by_18 = email.units()
        morning = one_pass(app, ledger, "2021-07-01T09:00")
    assert (evening.sent, evening.deferred) == (2, 1)  # at 17:58:30 and 17:59:30; not at 18:00:30
    assert sent_by_18 == ["海东市", "省司法厅"]
    # the morning: 西宁市's 到期提醒 left over, and the 逾期催办 of 07-01 to the three units and the coordinator
    assert (morning.sent, morning.deferred) == (5, 0)
    assert email.units() == ["海东市", "海东市", "省司法厅", "省司法厅", "督查室", "西宁市", "西宁市"]


def test_seconds_left_in_the_window(project: Project) -> None:
    window = make_app(project.config).window  # 09:00–18:00 on working days
    assert window.seconds_left(at("2021-06-30T17:58:30")) == 90.0
    assert window.seconds_left(at("2021-06-30T18:00")) == 0.0  # [send_at, send_until)
    assert window.seconds_left(at("2021-06-27T10:00")) == 0.0  # a Sunday
