"""DingTalk and Feishu robots against local fakes that check signatures and answer the documented
codes (tests/fakes_robots.py): signing, classification, quotas, splitting, mentions, secrecy."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Coroutine
from datetime import datetime
from typing import Any, TypeVar

import pytest

from scheduler.channels.base import Fault, Outcome, Receipt
from scheduler.channels.dingtalk import DingtalkChannel
from scheduler.channels.feishu import FeishuChannel
from scheduler.channels.robot import RobotKey, dingtalk_sign, feishu_sign
from scheduler.deliver import Attempt, Deliverer, Limiter, Verdict
from scheduler.load.robots import RobotSettings
from scheduler.messages import Message
from scheduler.model import Secret
from scheduler.render_robots import dingtalk_body, plain_payload
from tests.fakes_robots import Bot, DingtalkRobots, FeishuRobots, RobotServer

T = TypeVar("T")
TOKEN = "dt0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"
SECRET = "SEC7d1f3c2b9e8a7f6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918"
HOOK = "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9"
FS_SECRET = "fsSignSecretQWERTYuiop1234"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


class FakeTime:
    """Wall-clock seconds for signatures, the limiter and the fakes; tests move it by hand."""

    def __init__(self, start: float = 1_790_000_000.0) -> None:
        self.now = start
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now


def deliverer(t: FakeTime) -> Deliverer:
    return Deliverer(Limiter(20, t.clock), clock=t.clock)


async def like_passes(d: Deliverer, channel: DingtalkChannel | FeishuChannel, messages: list[Message],
                      t: FakeTime) -> list[Attempt]:
    """Each message as later passes would send it: held back by the quota until it fits."""
    out = []
    try:
        for message in messages:
            while (held := d.admit(message, channel, d.start_pass())) is not None:
                t.waits.append(held[0])
                t.now += held[0]
            out.append(await d.attempt(message, channel, 0, d.start_pass()))
    finally:
        await channel.aclose()
    return out


def dingtalk(url: str, robots: dict[str, RobotKey], wall: Any = None, per_minute: int = 20) -> DingtalkChannel:
    settings = RobotSettings(url, per_minute, 5.0)
    return DingtalkChannel(settings, robots, wall) if wall else DingtalkChannel(settings, robots)


def feishu(url: str, robots: dict[str, RobotKey], wall: Any = None) -> FeishuChannel:
    settings = RobotSettings(url, 100, 5.0, 5)
    return FeishuChannel(settings, robots, wall) if wall else FeishuChannel(settings, robots)


def dt_message(unit: str = "省司法厅", text: str = "【督办提醒】请按时办理", n: int = 0) -> Message:
    return Message(f"{n:032d}", "dingtalk", unit, "s", text, payload=dingtalk_body(text, "【督办提醒】", ()))


def fs_message(unit: str = "省司法厅", text: str = "【督办提醒】请按时办理", n: int = 0) -> Message:
    return Message(f"{n:032d}", "feishu", unit, "s", text, payload=plain_payload("feishu", text))


async def send_all(channel: DingtalkChannel | FeishuChannel, messages: list[Message]) -> list[Receipt]:
    try:
        return [await channel.send(m) for m in messages]
    finally:
        await channel.aclose()


# -- signatures: against values computed independently with openssl ----------------------------
#   printf '1700000000000\nSECabc123' | openssl dgst -sha256 -hmac 'SECabc123' -binary | base64
#   printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\nfs-secret-xyz')" -binary | base64

def test_signatures_match_an_independent_reference() -> None:
    assert dingtalk_sign("SECabc123", 1_700_000_000_000) == "N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk="
    assert feishu_sign("fs-secret-xyz", 1_700_000_000) == "OUTfHgFBx48QzJlN985Nkrc9KIw1p59lLN3WkhxRfh8="
    # mirror images: one scheme's signature is never the other's
    assert dingtalk_sign("fs-secret-xyz", 1_700_000_000) != feishu_sign("fs-secret-xyz", 1_700_000_000)


def test_dingtalk_signed_delivery_puts_ms_timestamp_and_sign_in_the_query() -> None:
    fake = DingtalkRobots({TOKEN: Bot(secret=SECRET)})
    with RobotServer(fake) as srv:
        [receipt] = run(send_all(dingtalk(srv.url, {"省司法厅": RobotKey(Secret(TOKEN), Secret(SECRET))}),
                                 [dt_message()]))
    assert receipt.outcome is Outcome.SENT and receipt.detail == "errcode=0 errmsg=ok"
    [accepted] = fake.accepted
    assert accepted.body["markdown"]["text"] == "【督办提醒】请按时办理"
    ms = int(accepted.query["timestamp"])
    assert len(accepted.query["timestamp"]) == 13 and abs(ms / 1000 - accepted.at) < 600
    assert accepted.query["sign"] == dingtalk_sign(SECRET, ms)
    assert "%2B" in fake.raw[0][0] or "+" not in accepted.query["sign"]  # URL-encoded exactly once


def test_dingtalk_unsigned_robot_gets_no_timestamp_or_sign() -> None:
    fake = DingtalkRobots({TOKEN: Bot(keyword="督办")})
    with RobotServer(fake) as srv:
        receipts = run(send_all(dingtalk(srv.url, {"省司法厅": RobotKey(Secret(TOKEN))}),
                                [dt_message(), dt_message(text="没有关键词的消息")]))
    assert [r.outcome for r in receipts] == [Outcome.SENT, Outcome.PERMANENT]
    assert set(fake.accepted[0].query) == {"access_token"}
    assert "310000" in receipts[1].detail and "关键词" in receipts[1].detail


def test_feishu_signed_delivery_puts_seconds_and_sign_in_the_body() -> None:
    fake = FeishuRobots({HOOK: Bot(secret=FS_SECRET)}, per_minute=100, per_second=5)
    with RobotServer(fake) as srv:
        [receipt] = run(send_all(feishu(srv.url, {"省司法厅": RobotKey(Secret(HOOK), Secret(FS_SECRET))}),
                                 [fs_message()]))
    assert receipt.outcome is Outcome.SENT and receipt.detail == "code=0 msg=success"
    [accepted] = fake.accepted
    path, _ = fake.raw[0]
    assert path == f"/open-apis/bot/v2/hook/{HOOK}"  # nothing in the query
    seconds = int(accepted.body["timestamp"])
    assert len(accepted.body["timestamp"]) == 10 and abs(seconds - accepted.at) < 600
    assert accepted.body["sign"] == feishu_sign(FS_SECRET, seconds)
    assert accepted.body["content"]["text"] == "【督办提醒】请按时办理"


def test_feishu_unsigned_robot_body_has_no_signature() -> None:
    fake = FeishuRobots({HOOK: Bot()}, per_minute=100, per_second=5)
    with RobotServer(fake) as srv:
        [receipt] = run(send_all(feishu(srv.url, {"省司法厅": RobotKey(Secret(HOOK))}), [fs_message()]))
    assert receipt.outcome is Outcome.SENT
    assert set(fake.accepted[0].body) == {"msg_type", "content"}


def test_a_clock_an_hour_off_is_refused_by_both() -> None:
    """The reason signatures take the real clock: the platforms refuse a timestamp an hour off."""
    late = FakeTime(1_790_000_000.0 - 3700)
    dt, fs = DingtalkRobots({TOKEN: Bot(secret=SECRET)}), FeishuRobots({HOOK: Bot(secret=FS_SECRET)})
    with RobotServer(dt) as a, RobotServer(fs) as b:
        [r1] = run(send_all(dingtalk(a.url, {"省司法厅": RobotKey(Secret(TOKEN), Secret(SECRET))}, late.clock),
                            [dt_message()]))
        [r2] = run(send_all(feishu(b.url, {"省司法厅": RobotKey(Secret(HOOK), Secret(FS_SECRET))}, late.clock),
                            [fs_message()]))
    assert "errcode=310000 errmsg=invalid timestamp" in r1.detail and r1.fault is Fault.CONFIG
    assert "code=19021" in r2.detail and r2.fault is Fault.CONFIG


# -- classification ------------------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "outcome", "fault", "shown"), [
    ((200, {"errcode": 310000, "errmsg": "sign not match"}), Outcome.PERMANENT, Fault.CONFIG, "自定义关键词"),
    ((200, {"errcode": 300001, "errmsg": "token is not exist"}), Outcome.PERMANENT, Fault.CONFIG, "完整网址"),
    ((200, {"errcode": 460101, "errmsg": "message too long"}), Outcome.PERMANENT, Fault.CONTENT, "20000"),
    ((200, {"errcode": 90030, "errmsg": "webhook over limit"}), Outcome.TEMPORARY, Fault.QUOTA, "明天恢复"),
    ((200, {"errcode": 130101, "errmsg": "send too fast"}), Outcome.TEMPORARY, None, "errcode=130101"),
    ((502, {}), Outcome.TEMPORARY, None, "HTTP 502"),
])
def test_dingtalk_codes_are_classified(answer: tuple[int, dict[str, Any]], outcome: Outcome,
                                       fault: Fault | None, shown: str) -> None:
    fake = DingtalkRobots({TOKEN: Bot()}, script=[answer])
    with RobotServer(fake) as srv:
        [receipt] = run(send_all(dingtalk(srv.url, {"省司法厅": RobotKey(Secret(TOKEN))}), [dt_message()]))
    assert (receipt.outcome, receipt.fault) == (outcome, fault)
    assert shown in receipt.detail
    waits = {"130101": 60.0, "90030": 3600.0}  # too fast: a minute; the day's quota spent: an hour at least
    assert receipt.retry_after == next((w for code, w in waits.items() if code in receipt.detail), 0.0)
    assert receipt.credentials is (fault is Fault.CONFIG)


@pytest.mark.parametrize(("answer", "outcome", "shown"), [
    ((200, {"code": 19021, "msg": "sign match fail"}), Outcome.PERMANENT, "签名校验失败"),
    ((200, {"code": 19001, "msg": "param invalid"}), Outcome.PERMANENT, "hook 地址无效"),
    ((400, {"code": 9499, "msg": "Bad Request"}), Outcome.PERMANENT, "code=9499"),
    ((200, {"code": 19024, "msg": "Key Words Not Found"}), Outcome.PERMANENT, "关键词"),
    ((200, {"code": 11232, "msg": "frequency limited"}), Outcome.TEMPORARY, "code=11232"),
    ((200, {"StatusCode": 0, "StatusMessage": "success"}), Outcome.SENT, "code=0 msg=success"),
    ((500, {}), Outcome.TEMPORARY, "HTTP 500"),
])
def test_feishu_codes_are_classified(answer: tuple[int, dict[str, Any]], outcome: Outcome, shown: str) -> None:
    fake = FeishuRobots({HOOK: Bot()}, script=[answer])
    with RobotServer(fake) as srv:
        [receipt] = run(send_all(feishu(srv.url, {"省司法厅": RobotKey(Secret(HOOK))}), [fs_message()]))
    assert receipt.outcome is outcome
    assert shown in receipt.detail


def test_wrong_secret_is_a_configuration_fault() -> None:
    dt, fs = DingtalkRobots({TOKEN: Bot(secret=SECRET)}), FeishuRobots({HOOK: Bot(secret=FS_SECRET)})
    t = FakeTime(datetime.now().timestamp())
    with RobotServer(dt) as a, RobotServer(fs) as b:
        [a1] = run(like_passes(deliverer(t), dingtalk(a.url, {"省司法厅": RobotKey(Secret(TOKEN), Secret("SECx"))}),
                               [dt_message()], t))
        [a2] = run(like_passes(deliverer(t), feishu(b.url, {"省司法厅": RobotKey(Secret(HOOK), Secret("x"))}),
                               [fs_message()], t))
    assert (a1.verdict, a1.receipt.fault, dt.codes) == (Verdict.CONFIG, Fault.CONFIG, [310000])
    assert (a2.verdict, a2.receipt.fault, fs.codes) == (Verdict.CONFIG, Fault.CONFIG, [19021])


# -- quotas --------------------------------------------------------------------------------------

def test_units_sharing_a_dingtalk_robot_share_its_quota() -> None:
    t = FakeTime()
    fake = DingtalkRobots({TOKEN: Bot(secret=SECRET)}, clock=t.clock)
    shared = RobotKey(Secret(TOKEN), Secret(SECRET))
    messages = [dt_message("省司法厅" if n % 2 else "省财政厅", n=n) for n in range(45)]
    with RobotServer(fake) as srv:
        attempts = run(like_passes(deliverer(t), dingtalk(srv.url, {"省司法厅": shared, "省财政厅": shared}, t.clock),
                                   messages, t))
    assert [a.verdict for a in attempts] == [Verdict.SENT] * 45
    assert 130101 not in fake.codes and len(fake.accepted) == 45
    assert fake.max_in_window(60) == 20
    assert t.now - 1_790_000_000.0 == 120.0  # 20 at once, 20 a minute later, 5 a minute after that


def test_feishu_quota_holds_five_a_second_and_100_a_minute() -> None:
    t = FakeTime()
    fake = FeishuRobots({HOOK: Bot(secret=FS_SECRET)}, clock=t.clock, per_minute=100, per_second=5)
    with RobotServer(fake) as srv:
        attempts = run(like_passes(deliverer(t), feishu(srv.url, {"省司法厅": RobotKey(Secret(HOOK), Secret(FS_SECRET))},
                                                         t.clock), [fs_message(n=n) for n in range(105)], t))
    assert [a.verdict for a in attempts] == [Verdict.SENT] * 105
    assert 11232 not in fake.codes
    assert fake.max_in_window(1) == 5 and fake.max_in_window(60) == 100
    assert [a.at - 1_790_000_000.0 for a in fake.accepted[:11]] == [0.0] * 5 + [1.0] * 5 + [2.0]


def test_a_too_fast_answer_defers_and_holds_the_whole_robot_for_a_minute() -> None:
    t = FakeTime()
    fake = DingtalkRobots({TOKEN: Bot()}, clock=t.clock,
                          script=[(200, {"errcode": 130101, "errmsg": "send too fast"})])
    d = deliverer(t)

    async def go(channel: DingtalkChannel) -> tuple[Attempt, tuple[float, str] | None, list[Attempt]]:
        first = await d.attempt(dt_message(), channel, 0, d.start_pass())
        held = d.admit(dt_message("省财政厅"), channel, d.start_pass())  # the same robot, another unit
        return first, held, await like_passes(d, channel, [dt_message(), dt_message("省财政厅", n=1)], t)

    shared = RobotKey(Secret(TOKEN))
    with RobotServer(fake) as srv:
        first, held, later = run(go(dingtalk(srv.url, {"省司法厅": shared, "省财政厅": shared}, t.clock)))
    assert first.verdict is Verdict.DEFERRED and first.wait >= 60.0
    assert held is not None and held[0] == 60.0
    assert [a.verdict for a in later] == [Verdict.SENT, Verdict.SENT] and t.waits == [60.0]
    assert fake.codes == [130101, 0, 0]


# -- secrets -------------------------------------------------------------------------------------

def test_tokens_secrets_and_signatures_never_appear_in_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)})
    fs = FeishuRobots({"another-hook": Bot()})  # answers 19001 and echoes the hook it was given
    with RobotServer(dt) as a, RobotServer(fs) as b:
        ok = run(send_all(dingtalk(a.url, {"省司法厅": RobotKey(Secret(TOKEN), Secret(SECRET))}), [dt_message()]))
        bad = run(send_all(feishu(b.url, {"省司法厅": RobotKey(Secret(HOOK), Secret(FS_SECRET))}), [fs_message()]))
    down = run(send_all(dingtalk("http://127.0.0.1:1/robot/send", {"省司法厅": RobotKey(Secret(TOKEN))}),
                        [dt_message()]))
    sign = dt.accepted[0].query["sign"]
    assert TOKEN in dt.raw[0][0] and HOOK in fs.raw[0][0]  # really sent ...
    assert "code=19001" in bad[0].detail and down[0].outcome is Outcome.TEMPORARY
    texts = [caplog.text, ok[0].detail, bad[0].detail, down[0].detail, repr(RobotKey(Secret(TOKEN), Secret(SECRET)))]
    assert "HTTP Request: POST" in caplog.text  # httpx did log the requests
    for secret in (TOKEN, SECRET, HOOK, FS_SECRET, sign):
        assert all(secret not in text for text in texts), secret  # ... and shown nowhere


def test_message_payloads_hold_no_signature() -> None:
    body = json.loads(fs_message().payload)
    assert "sign" not in body and "timestamp" not in body


def test_dingtalk_at_all_is_is_at_all() -> None:
    body = json.loads(dingtalk_body("【督办提醒】x", "t", ("13800000000", "@all")))
    assert body["at"] == {"atMobiles": ["13800000000"], "isAtAll": True}
    assert json.loads(plain_payload("dingtalk", "测试", ("@all",)))["text"]["content"] == "测试"
