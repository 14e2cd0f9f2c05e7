"""DingTalk and Feishu robots through the whole program: routing, signed delivery with the real
clock under --now, wrong secrets reported and not retried, rate limits deferred to a later pass,
long digests split, mentions, secrets kept out of the outbox and the state, check, send-test."""

from __future__ import annotations

import asyncio
import email
import email.message
import email.policy
import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from scheduler.app import App
from scheduler.channels.factory import open_channels
from scheduler.deliver import Deliverer, Limiter, Verdict
from scheduler.group import group
from scheduler.ledger import Ledger
from scheduler.pipeline import run_pass
from scheduler.plan import Window
from scheduler.render import Renderer
from scheduler.render_robots import DINGTALK_LIMIT, FEISHU_LIMIT
from scheduler.runtime import build_runtime, planner_for
from tests.conftest import SETTINGS, TASKS, Project, Result
from tests.fakes_robots import Bot, DingtalkRobots, FeishuRobots, RobotServer
from tests.test_robots import FS_SECRET, HOOK, SECRET, TOKEN, FakeTime

TZ = ZoneInfo("Asia/Shanghai")
Duban = Callable[..., Result]
MOBILES = ["13800000000", "13900000001"]
UNITS = f"""\
[unit."督查室"]
email = ["dcs@example.gov.cn"]

[unit."省司法厅"]
aliases = ["司法厅"]
dingtalk_token_env = "DUBAN_DT"
dingtalk_secret_env = "DUBAN_DT_SIGN"

[unit."省财政厅"]
feishu_hook_env = "DUBAN_FS"
feishu_secret_env = "DUBAN_FS_SIGN"

[unit."省残联"]

[group."各地区"]
members = ["西宁市", "海东市"]

[unit."西宁市"]
dingtalk_token_env = "DUBAN_DT"        # the same robot as 省司法厅: they share its quota
dingtalk_secret_env = "DUBAN_DT_SIGN"
mention_mobiles = {json.dumps(MOBILES)}

[unit."海东市"]
email = ["hd@example.gov.cn"]
"""
TASKS_ROBOTS = TASKS + 'cooperating = ["省财政厅"]\n'


@pytest.fixture
def robots(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    for name, value in (("DUBAN_DT", TOKEN), ("DUBAN_DT_SIGN", SECRET), ("DUBAN_FS", HOOK),
                        ("DUBAN_FS_SIGN", FS_SECRET)):
        monkeypatch.setenv(name, value)
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS_ROBOTS)
    return project


def configure(project: Project, dingtalk: str | None, feishu: str | None) -> None:
    text = SETTINGS
    if dingtalk:
        text += f'\n[channels.dingtalk]\nbase_url = "{dingtalk}"\n'
    if feishu:
        text += f'\n[channels.feishu]\nbase_url = "{feishu}"\n'
    project.write("duban.toml", text)


def everything_written(project: Project) -> str:
    """The outbox files and the state database, as text."""
    files = [p for p in project.root.rglob("*") if p.is_file() and (p.parent.name in ("outbox", "state"))]
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in files)


def test_signed_delivery_uses_the_real_clock_under_now(robots: Project, duban: Duban,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)})
    fs = FeishuRobots({HOOK: Bot(secret=FS_SECRET)}, per_minute=100, per_second=5)
    with RobotServer(dt) as a, RobotServer(fs) as b:
        configure(robots, a.url, b.url)
        result = duban("run", "--once", "--config", str(robots.config), "--now", "2021-06-30T09:30")
    assert result.code == 0, result.out + result.err
    assert dt.codes == [0, 0] and fs.codes == [0]  # 2021 timestamps would be refused (310000/19021)
    by_kind = {a.body["msgtype"]: a for a in dt.accepted}
    assert by_kind["markdown"].body["markdown"]["title"] == "【督办提醒】省司法厅：1项任务今天到期"
    assert "**1. 第一项任务**" in by_kind["markdown"].body["markdown"]["text"]
    mentioned = by_kind["text"]
    assert mentioned.body["at"] == {"atMobiles": MOBILES, "isAtAll": False}
    assert dt.notified(mentioned) == MOBILES  # the numbers are in the text too
    assert mentioned.body["text"]["content"].startswith("【督办提醒】西宁市：1项任务今天到期")
    post = fs.accepted[0].body["content"]["post"]["zh_cn"]
    assert post["title"] == "【督办提醒】省财政厅：1项任务今天到期"
    assert post["content"][0][0]["text"].startswith("1. 第一项任务\n【到期提醒】今天到期\n")
    assert not list((robots.root / "outbox").glob("dingtalk-*")) and not list((robots.root / "outbox").glob("feishu-*"))
    written = everything_written(robots) + caplog.text + result.out + result.err
    sign = dt.accepted[0].query["sign"]
    for secret in (TOKEN, SECRET, HOOK, FS_SECRET, sign, fs.accepted[0].body["sign"]):
        assert secret not in written


def test_an_unconfigured_robot_kind_goes_to_the_outbox_unsigned(robots: Project, duban: Duban) -> None:
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)})
    with RobotServer(dt) as a:
        configure(robots, a.url, None)  # no [channels.feishu]
        result = duban("run", "--once", "--config", str(robots.config), "--now", "2021-06-30T09:30")
        plan = duban("plan", "--config", str(robots.config), "--from", "2021-06-30", "--to", "2021-06-30",
                     "--format", "json", "--unit", "省财政厅")
    assert result.code == 0, result.err
    assert len(dt.accepted) == 2
    [path] = (robots.root / "outbox").glob("feishu-省财政厅-*.json")
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["msg_type"] == "post" and "sign" not in body and "timestamp" not in body
    assert HOOK not in path.read_text(encoding="utf-8") and FS_SECRET not in path.read_text(encoding="utf-8")
    assert [r["channels"] for r in json.loads(plan.out)] == [["feishu"]]


def test_wrong_secret_is_reported_to_the_coordinator_and_not_retried_that_day(robots: Project, duban: Duban) -> None:
    dt = DingtalkRobots({TOKEN: Bot(secret="SECthe-robot-has-another-secret")})
    with RobotServer(dt) as a:
        configure(robots, a.url, None)
        first = duban("run", "--once", "--config", str(robots.config), "--now", "2021-06-30T09:30")
        second = duban("run", "--once", "--config", str(robots.config), "--now", "2021-06-30T10:30")
    # A configuration fault (SPEC 3.3): reported at once, tried again after a reload or on the next working day.
    assert first.code == 0 and "2条暂时未能发送" in first.out
    assert dt.codes == [310000, 310000]  # one try for each of the two units on that robot, ...
    assert "发送0条消息" in second.out and dt.codes == [310000, 310000]  # ... none again the same day
    [report] = (robots.root / "outbox").glob("email-督查室-*.eml")
    mail = email.message_from_bytes(report.read_bytes(), policy=email.policy.default)
    assert mail["Subject"] == "【督办系统】发送渠道认证失败，请检查配置（修改后重新加载或下一个工作日重试）"
    body = mail.get_body(("plain",))
    text = body.get_content() if isinstance(body, email.message.EmailMessage) else ""
    assert "- 省司法厅（钉钉）：errcode=310000" in text and "- 西宁市（钉钉）：errcode=310000" in text
    assert SECRET not in text and TOKEN not in text


def app_for(project: Project, t: FakeTime, now: datetime) -> App:
    """An App whose robots sign with, and whose limiter counts, the test's clock."""
    runtime = build_runtime(project.config)
    channels = open_channels(runtime, lambda: now, wall=t.clock)
    return App(runtime, planner_for(runtime), Renderer(None), channels, Deliverer(Limiter(20, t.clock), clock=t.clock))


def test_a_rate_limited_message_is_deferred_and_delivered_at_a_later_pass(robots: Project) -> None:
    t = FakeTime(datetime.now().timestamp())
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)}, clock=t.clock,
                        script=[(200, {"errcode": 130101, "errmsg": "send too fast"})])
    now = datetime(2021, 6, 30, 9, 30, tzinfo=TZ)
    with RobotServer(dt) as a:
        configure(robots, a.url, None)
        app = app_for(robots, t, now)
        ledger = Ledger(robots.root / "state" / "duban.db")
        first = asyncio.run(run_pass(app, ledger, now))
        waited = len(dt.accepted)
        t.now += 15 * 60
        second = asyncio.run(run_pass(app, ledger, datetime(2021, 6, 30, 9, 45, tzinfo=TZ)))
        asyncio.run(app.aclose())
        ledger.close()
    # both robot messages wait: one was answered "too fast", the other held back for the same robot
    assert (first.deferred, first.failed, waited) == (2, [], 0)
    assert (second.sent, second.deferred) == (2, 0)
    assert sorted(a.body["msgtype"] for a in dt.accepted) == ["markdown", "text"]
    assert dt.codes == [130101, 0, 0]


def digests_for(project: Project, n: int) -> tuple[Any, list[Any]]:
    head = '[document]\ntitle = "测试工作要点"\nnumber = "测〔2021〕1号"\nissued = 2021-06-02\n'
    tasks = [head] + [
        f'[[task]]\nid = "T-{i:03d}"\nnumber = "({i})"\ntitle = "{"推进政务服务“一网通办”" * 4}第{i}项"\n'
        f'lead = ["省司法厅", "西宁市"]\nresponsible = ["省财政厅"]\ndeadline = 2021-07-06\n' for i in range(n)]
    project.write("tasks.toml", "\n".join(tasks))
    runtime = build_runtime(project.config)
    reminders = planner_for(runtime).plan(runtime.tasks, Window(date(2021, 7, 1), date(2021, 7, 1)))
    return runtime, group(reminders, {t.id: t for t in runtime.tasks})


def test_long_digests_are_split_under_the_byte_limit_and_all_delivered(robots: Project) -> None:
    configure(robots, "http://127.0.0.1:1/robot/send", "http://127.0.0.1:1/open-apis/bot/v2/hook")
    runtime, digests = digests_for(robots, 160)
    renderer = Renderer(None)
    now = datetime(2021, 7, 1, 9, 0, tzinfo=TZ)
    rendered = {(d.unit, d.channel): renderer.render(d, runtime.directory.units[d.unit], now) for d in digests}
    assert sorted(rendered) == [("省司法厅", "dingtalk"), ("省财政厅", "feishu"), ("西宁市", "dingtalk")]
    for (unit, kind), messages in rendered.items():
        limit = DINGTALK_LIMIT if kind == "dingtalk" else FEISHU_LIMIT - 100
        sizes = [len(m.payload.encode()) for m in messages]
        assert len(messages) >= 3 and max(sizes) <= limit, (unit, sizes)
        assert [f"（{i}/{len(messages)}）" in m.text.split("\n")[0] for i, m in enumerate(messages, 1)] == \
            [True] * len(messages)
        carried = [k for m in messages for k in m.reminders]
        assert len(carried) == len(set(carried)) == 160  # every task once, none lost
    t = FakeTime()
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)}, clock=t.clock)
    fs = FeishuRobots({HOOK: Bot(secret=FS_SECRET)}, clock=t.clock, per_minute=100, per_second=5)
    with RobotServer(dt) as a, RobotServer(fs) as b:
        configure(robots, a.url, b.url)
        runtime = build_runtime(robots.config)
        channels = open_channels(runtime, lambda: now, wall=t.clock)
        d = Deliverer(Limiter(20, t.clock), clock=t.clock)

        async def send() -> list[Verdict]:
            out = []
            for (_, kind), messages in rendered.items():
                channel = channels.for_kind(kind)
                for m in messages:
                    while (held := d.admit(m, channel, d.start_pass())) is not None:
                        t.now += held[0]
                    out.append((await d.attempt(m, channel, 0, d.start_pass())).verdict)
            await channels.aclose()
            return out

        verdicts = asyncio.run(send())
    assert set(verdicts) == {Verdict.SENT} and len(dt.accepted) + len(fs.accepted) == len(verdicts)
    texts = [a.body["text"]["content"] for a in dt.accepted if a.body["msgtype"] == "text"]
    assert all(dt.notified(a) == MOBILES for a in dt.accepted if a.body["msgtype"] == "text") and texts


def test_feishu_has_no_mobile_mentions_and_text_cannot_inject_markup(robots: Project) -> None:
    robots.write("units.toml", UNITS.replace('feishu_hook_env = "DUBAN_FS"',
                                             'feishu_hook_env = "DUBAN_FS"\nmention_mobiles = ["13700000000"]'))
    configure(robots, "http://127.0.0.1:1/robot/send", "http://127.0.0.1:1/open-apis/bot/v2/hook")
    robots.write("tasks.toml", TASKS_ROBOTS.replace('"第一项任务"', '"**粗体**<at user_id=\\"all\\">[链接](http://x)"'))
    runtime = build_runtime(robots.config)
    reminders = planner_for(runtime).plan(runtime.tasks, Window(date(2021, 6, 30), date(2021, 6, 30)))
    digests = {d.unit: d for d in group(reminders, {t.id: t for t in runtime.tasks})}
    now = datetime(2021, 6, 30, 9, 0, tzinfo=TZ)
    [fs] = Renderer(None).render(digests["省财政厅"], runtime.directory.units["省财政厅"], now)
    [md] = Renderer(None).render(digests["省司法厅"], runtime.directory.units["省司法厅"], now)
    assert json.loads(fs.payload)["msg_type"] == "post" and "13700000000" not in fs.payload
    assert "<at" not in fs.payload and "＜at" in fs.payload
    text = json.loads(md.payload)["markdown"]["text"]
    assert "＊＊粗体＊＊" in text and "［链接］（http://x）" in text and "**粗体**" not in text


# -- duban check and send-test -------------------------------------------------------------------

def test_check_names_robot_key_mistakes(robots: Project, duban: Duban, monkeypatch: pytest.MonkeyPatch) -> None:
    configure(robots, "https://oapi.dingtalk.com/robot/send", "https://open.feishu.cn/open-apis/bot/v2/hook")
    monkeypatch.setenv("DUBAN_DT", f"https://oapi.dingtalk.com/robot/send?access_token={TOKEN}")
    monkeypatch.delenv("DUBAN_FS_SIGN")
    units = UNITS.replace('dingtalk_secret_env = "DUBAN_DT_SIGN"\n\n[unit."省财政厅"]',
                          'dingtalk_secert_env = "DUBAN_DT_SIGN"\n\n[unit."省财政厅"]')
    robots.write("units.toml", units + '\n[unit."省残联2"]\nfeishu_secret_file = "fs_sign"\n')
    result = duban("check", "--config", str(robots.config))
    assert result.code == 1
    err = result.out
    assert '[unit."省司法厅"] → dingtalk_secert_env：未知的键，您是不是想写 “dingtalk_secret_env”' in err
    assert '[unit."省残联2"] → feishu_secret_env：只配置了签名校验密钥，缺少机器人的 hook 令牌' in err
    robots.write("units.toml", UNITS)
    result = duban("check", "--config", str(robots.config))
    assert result.code == 1
    assert ('[unit."省司法厅"] → dingtalk_token：环境变量 DUBAN_DT 的内容应只填写机器人网址中的access_token 参数的值，'
            "不是完整网址") in result.out
    assert TOKEN not in result.out + result.err
    assert "找不到密钥：环境变量 DUBAN_FS_SIGN 不存在或为空" in result.out


def test_check_warns_that_feishu_cannot_mention_by_mobile(robots: Project, duban: Duban) -> None:
    configure(robots, None, "https://open.feishu.cn/open-apis/bot/v2/hook")
    robots.write("units.toml", UNITS.replace('feishu_hook_env = "DUBAN_FS"',
                                             'feishu_hook_env = "DUBAN_FS"\nmention_mobiles = ["13700000000"]'))
    result = duban("check", "--config", str(robots.config))
    assert result.code == 0, result.out
    assert ('units.toml [unit."省财政厅"] → mention_mobiles：飞书机器人不能按手机号 @ 人') in result.out
    assert '[unit."西宁市"] → mention_mobiles' not in result.out  # DingTalk can  # warnings are listed with errors


@pytest.mark.parametrize(("table", "expected"), [
    ('[channels.feishu]\nper_minute = 200\n', "[channels.feishu] → per_minute：应为 1–100 之间的整数"),
    ('[channels.dingtalk]\nper_minute = 30\n', "[channels.dingtalk] → per_minute：应为 1–20 之间的整数"),
    ('[channels.dingtalk]\nbase_url = "https://oapi.dingtalk.com/robot/send?access_token=abc"\n',
     "[channels.dingtalk] → base_url：应为 http(s) 地址，不含查询参数和密钥"),
    ('[channels.feishu]\nbase_ulr = "https://open.feishu.cn/open-apis/bot/v2/hook"\n',
     "[channels.feishu] → base_ulr：未知的键，您是不是想写 “base_url”"),
])
def test_check_validates_the_robot_channels(robots: Project, duban: Duban, table: str, expected: str) -> None:
    robots.write("duban.toml", SETTINGS + "\n" + table)
    result = duban("check", "--config", str(robots.config))
    assert result.code == 1 and expected in result.out


def test_send_test_shows_each_platforms_code_and_the_keyword_hint(robots: Project, duban: Duban) -> None:
    dt = DingtalkRobots({TOKEN: Bot(secret="SECanother")})
    fs = FeishuRobots({HOOK: Bot(secret=FS_SECRET, keyword="督办")}, per_minute=100, per_second=5)
    with RobotServer(dt) as a, RobotServer(fs) as b:
        configure(robots, a.url, b.url)
        bad = duban("send-test", "司法厅", "--config", str(robots.config))
        good = duban("send-test", "省财政厅", "--config", str(robots.config))
    assert bad.code == 1 and good.code == 0, good.out + good.err
    assert "钉钉机器人：失败（不可重试）  errcode=310000 errmsg=sign not match" in bad.out
    assert "自定义关键词" in bad.out and "“督办”" in bad.out
    assert "飞书机器人：成功  code=0 msg=success" in good.out
    assert "测试消息" in fs.accepted[0].body["content"]["text"]
    assert all(s not in bad.out + good.out for s in (TOKEN, SECRET, HOOK, FS_SECRET))


def test_send_test_mentions_by_mobile_on_dingtalk(robots: Project, duban: Duban) -> None:
    dt = DingtalkRobots({TOKEN: Bot(secret=SECRET)})
    with RobotServer(dt) as a:
        configure(robots, a.url, None)
        result = duban("send-test", "西宁市", "--config", str(robots.config))
    assert result.code == 0 and "钉钉机器人：成功  errcode=0 errmsg=ok" in result.out
    assert dt.notified(dt.accepted[0]) == MOBILES
