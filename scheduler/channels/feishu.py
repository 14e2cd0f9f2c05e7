"""Feishu/Lark (飞书) custom group robot: POST JSON to base_url/HOOK.

Signed (签名校验) when the unit has a secret: `timestamp` (seconds, the real clock `wall`, never
`--now`) and `sign` are added to the JSON body at send time, so neither the ledger nor the outbox
ever holds them. Success is code 0 (older answers: StatusCode 0). The hook token, the secret and
the signature are redacted from every text returned.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from urllib.parse import quote

import httpx

from scheduler.channels.base import Fault, Outcome, Quota, Receipt
from scheduler.channels.robot import Platform, Redactor, RobotKey, feishu_sign, post
from scheduler.load.robots import RobotSettings
from scheduler.logs import guard_http_logs
from scheduler.model import Message

FEISHU = Platform(
    label="飞书", code_fields=("code", "StatusCode"), message_fields=("msg", "StatusMessage"),
    temporary={11232: 60.0},
    permanent={
        19021: (Fault.CONFIG, "签名校验失败或时间戳与服务器相差超过一小时：请核对 feishu_secret 与服务器时间"),
        19022: (Fault.CONFIG, "服务器 IP 不在机器人的 IP 白名单中"),
        19024: (Fault.CONFIG, "消息缺少安全设置中的自定义关键词：把“督办”设为关键词（每条消息都含有它）"),
        19001: (Fault.CONFIG, "hook 地址无效：机器人已被移除，或 feishu_hook 填写有误"),
        9499: (Fault.CONTENT, "请求格式有误"),
    },
)


class FeishuChannel:
    kind = "feishu"

    def __init__(self, settings: RobotSettings, robots: Mapping[str, RobotKey],
                 wall: Callable[[], float] = time.time, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self._robots = dict(robots)  # unit name → robot
        self._wall = wall
        self._client = client or httpx.AsyncClient(timeout=settings.timeout, trust_env=False)
        guard_http_logs()

    def _quota(self, message: Message) -> Quota | None:
        robot = self._robots.get(message.unit)
        return robot.quota(self.kind, self.settings.per_minute, self.settings.per_second) if robot else None

    def quota_key(self, message: Message) -> str | None:
        quota = self._quota(message)
        return quota.key if quota else None

    def quota_windows(self, message: Message) -> tuple[tuple[int, float], ...]:
        quota = self._quota(message)
        return quota.windows if quota else ()

    async def send(self, message: Message) -> Receipt:
        robot = self._robots.get(message.unit)
        if robot is None:
            return Receipt(Outcome.PERMANENT, f"单位“{message.unit}”没有配置飞书机器人的 hook",
                           fault=Fault.CONFIG)
        redact = Redactor()
        hook = robot.token.reveal()
        redact.add(hook, quote(hook, safe=""))
        body = message.payload.encode()
        if robot.secret is not None:
            seconds = int(self._wall())
            sign = feishu_sign(robot.secret.reveal(), seconds)
            redact.add(robot.secret.reveal(), sign)
            signed = {"timestamp": str(seconds), "sign": sign, **json.loads(message.payload)}
            body = json.dumps(signed, ensure_ascii=False).encode()
        url = f"{self.settings.base_url}/{quote(hook, safe='')}"
        return await post(self._client, FEISHU, url, {}, body, redact)

    async def aclose(self) -> None:
        await self._client.aclose()
