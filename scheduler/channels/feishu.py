"""Feishu/Lark (飞书) custom group robot: POST JSON to base_url/HOOK.

Signed (签名校验) when the unit has a secret: `timestamp` (seconds, the real clock `wall`, never
`--now`) and `sign` are added to the JSON body at send time, so neither the ledger nor the outbox
ever holds them. Success is code 0 (older answers: StatusCode 0). The hook token, the secret and
the signature are redacted from every text returned.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from scheduler.channels.base import Fault, Receipt
from scheduler.channels.robot import Platform, Redactor, RobotChannel, RobotKey, feishu_sign, post
from scheduler.messages import Message

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


class FeishuChannel(RobotChannel):
    kind = "feishu"
    missing = "飞书机器人的 hook"

    async def _send(self, robot: RobotKey, message: Message) -> Receipt:
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
