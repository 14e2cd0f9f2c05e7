"""deliver.py: one attempt per message per pass, per-robot quota, budget, unexpected errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from scheduler.channels.base import Outcome, Receipt
from scheduler.channels.wecom import WecomChannel, classify
from scheduler.deliver import Backoff, Deliverer, Limiter, Verdict, send_once
from scheduler.ledger import Ledger
from scheduler.load.settings import WecomSettings
from scheduler.messages import Message
from scheduler.model import Secret
from tests.conftest import Project
from tests.fakes import WecomRobot, WecomServer
from tests.kit import FakeChannel, Tick, make_app, one_pass

SHARED = "shared-robot-key-0123456789"


def test_units_sharing_a_robot_share_one_quota_key_that_hides_the_key() -> None:
    channel = WecomChannel(WecomSettings("http://127.0.0.1:1/", 20, 1.0),
                           {"甲": Secret(SHARED), "乙": Secret(SHARED), "丙": Secret("other-key")})
    keys = [channel.quota_key(Message("k", "wecom", unit, "s", "t")) for unit in ("甲", "乙", "丙")]
    assert keys[0] == keys[1] != keys[2]
    assert all(k and SHARED not in k for k in keys)
    asyncio.run(channel.aclose())


def test_a_non_json_404_from_a_wrong_base_url_is_permanent() -> None:
    receipt = classify(404, b"<html>Not Found</html>", "key")
    assert receipt.outcome is Outcome.PERMANENT and "base_url" in receipt.detail


def test_an_unexpected_exception_fails_the_message_with_a_logged_traceback(caplog: pytest.LogCaptureFixture) -> None:
    class Broken(FakeChannel):
        async def send(self, message: Message) -> Receipt:
            raise KeyError("bug")

    receipt = asyncio.run(send_once(Broken("email"), Message("k" * 32, "email", "甲", "s", "t")))
    assert receipt.outcome is Outcome.PERMANENT and "KeyError" in receipt.detail
    assert caplog.records[-1].exc_info is not None


def test_budget_and_down_channels_hold_messages_without_trying() -> None:
    tick = Tick()
    deliverer = Deliverer(Limiter(20, tick), budget=30.0, clock=tick)
    budget = deliverer.start_pass()
    message = Message("k" * 32, "email", "甲", "s", "t")
    email = FakeChannel("email")
    assert deliverer.admit(message, email, budget) is None
    budget.down["email"] = "本轮此前连接失败"
    assert deliverer.admit(message, email, budget) == (120.0, "本轮此前连接失败")
    tick.now += 30
    held = deliverer.admit(message, FakeChannel("wecom"), budget)
    assert held is not None and "时间已用完" in held[1]


def test_backoff_grows_and_is_capped() -> None:
    assert [Backoff().after(n) for n in (1, 2, 3, 6, 9)] == [120.0, 240.0, 480.0, 3600.0, 3600.0]


def test_45009_blocks_the_robot_for_a_minute() -> None:
    robot = WecomRobot({SHARED}, script=[(200, 45009)])
    tick = Tick()
    deliverer = Deliverer(Limiter(20, tick), clock=tick)
    with WecomServer(robot) as srv:
        channel = WecomChannel(WecomSettings(srv.url, 20, 5.0), {"甲": Secret(SHARED)})
        message = Message("k" * 32, "wecom", "甲", "s", "t", payload='{"msgtype":"text","text":{"content":"t"}}')
        attempt = asyncio.run(deliverer.attempt(message, channel, 0, deliverer.start_pass()))
        asyncio.run(channel.aclose())
    assert attempt.verdict is Verdict.DEFERRED and attempt.wait == 120.0
    assert deliverer.limiter.wait_for(channel.quota_key(message) or "") == pytest.approx(60.0)


def test_defect_9_thirty_units_on_one_real_robot_never_hit_its_limit(project: Project) -> None:
    names = [f"县{i:02d}" for i in range(30)]
    project.write("units.toml", '[unit."督查室"]\nemail = ["dcs@example.gov.cn"]\n'
                  + "".join(f'\n[unit."{n}"]\nwecom_key_env = "WK_SHARED"\n' for n in names))
    project.write("tasks.toml", '[document]\ntitle = "测试"\nissued = 2021-06-02\n\n[[task]]\nid = "T-01"\n'
                  'title = "任务"\nlead = [' + ", ".join(f'"{n}"' for n in names) + ']\ndeadline = 2021-06-30\n')
    robot = WecomRobot({SHARED})
    tick = Tick()
    with WecomServer(robot) as srv:
        channel = WecomChannel(WecomSettings(srv.url, 20, 5.0), {n: Secret(SHARED) for n in names})
        app = make_app(project.config, FakeChannel("email"), channel, tick)
        with Ledger(project.root / "state" / "duban.db") as ledger:
            first = one_pass(app, ledger, "2021-06-30T09:30")
            tick.now += 60
            robot._log.clear()  # the fake's own minute passes with our clock
            second = one_pass(app, ledger, "2021-06-30T09:31")
        asyncio.run(channel.aclose())
    assert (first.sent, first.deferred, second.sent) == (20, 10, 10)
    assert len(robot.accepted) == 30 and len(robot.requests) == 30  # no request was refused with 45009


def test_outbox_path_is_unchanged(tmp_path: Path) -> None:
    from scheduler.channels.outbox import OutboxChannel

    outbox = OutboxChannel(tmp_path, "a <a@b.c>", lambda: __import__("datetime").datetime.now().astimezone())
    assert outbox.quota_key(Message("k" * 32, "email", "甲", "s", "t")) is None
