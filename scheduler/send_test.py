"""`duban send-test UNIT`: one short test message to each contact of a unit, with the outcome."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from scheduler.channels.base import Outcome
from scheduler.channels.factory import open_channels
from scheduler.deliver import send_once
from scheduler.errors import DubanError
from scheduler.messages import Message
from scheduler.model import Unit
from scheduler.render_robots import plain_payload
from scheduler.runtime import Runtime

SUBJECT = "【督办系统】测试消息"


def test_messages(unit: Unit, now: datetime) -> list[tuple[str, Message]]:
    """(contact label, message) for every contact of the unit."""
    text = f"{unit.name}：这是督办系统的测试消息（{now:%Y-%m-%d %H:%M}），收到即说明联系方式配置正确，无需回复。"
    out = []
    for address in unit.emails:
        key = hashlib.sha256(f"test|{address}|{now.isoformat()}".encode()).hexdigest()[:32]
        out.append((f"邮件 {address}", Message(key, "email", unit.name, SUBJECT, text, (address,))))
    if unit.wecom_key:
        body: dict[str, object] = {"msgtype": "text", "text": {"content": text}}
        if unit.mention_mobiles:
            body["text"] = {"content": text, "mentioned_mobile_list": list(unit.mention_mobiles)}
        key = hashlib.sha256(f"test|wecom|{unit.name}|{now.isoformat()}".encode()).hexdigest()[:32]
        payload = json.dumps(body, ensure_ascii=False)
        out.append(("企业微信机器人", Message(key, "wecom", unit.name, SUBJECT, text, payload=payload)))
    for kind, label, configured in (("dingtalk", "钉钉机器人", unit.dingtalk_token),
                                    ("feishu", "飞书机器人", unit.feishu_hook)):
        if configured:
            key = hashlib.sha256(f"test|{kind}|{unit.name}|{now.isoformat()}".encode()).hexdigest()[:32]
            payload = plain_payload(kind, text, unit.mention_mobiles if kind == "dingtalk" else ())
            out.append((label, Message(key, kind, unit.name, SUBJECT, text, payload=payload)))
    return out


async def send_test(runtime: Runtime, name: str, now: datetime) -> tuple[bool, list[str]]:
    directory = runtime.directory
    if name not in directory.units and name not in directory.aliases:
        raise DubanError(f"units.toml 中没有单位“{name}”{directory.suggest(name)}（分组不能发送测试消息）")
    unit = directory.units[directory.resolve(name)[0]]
    messages = test_messages(unit, now)
    if not messages:
        return False, [f"单位“{unit.name}”没有配置任何联系方式（email、wecom_key、dingtalk_token 或 feishu_hook）"]
    channels = open_channels(runtime, lambda: now)
    lines, ok = [], True
    try:
        for label, message in messages:
            channel = channels.for_kind(message.channel)
            receipt = await send_once(channel, message)
            where = "（未配置该渠道，已写入发件箱）" if channel.kind == "outbox" else ""
            if receipt.outcome is Outcome.SENT:
                lines.append(f"{label}：成功{where}  {receipt.detail}".rstrip())
            else:
                ok = False
                lines.append(f"{label}：失败（{'可重试' if receipt.outcome is Outcome.TEMPORARY else '不可重试'}）"
                             f"  {receipt.detail}")
    finally:
        await channels.aclose()
    return ok, lines
