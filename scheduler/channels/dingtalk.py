"""DingTalk (钉钉) custom group robot: POST JSON to base_url?access_token=T[&timestamp=MS&sign=S].

Signed (加签) when the unit has a secret: the millisecond timestamp and the signature go in the
query string, from the real clock (`wall`), never the planning clock (`--now`): the platform
refuses a timestamp more than an hour off. A robot secured by keyword or IP is sent unsigned.
Success is errcode 0. The token, secret and signature are redacted from every text returned.
"""

from __future__ import annotations

from scheduler.channels.base import Fault, Receipt
from scheduler.channels.robot import Platform, Redactor, RobotChannel, RobotKey, dingtalk_sign, post
from scheduler.messages import Message

KEYWORD_HINT = ("签名不匹配、时间戳无效、消息缺少安全设置中的自定义关键词，或服务器 IP 不在白名单：请核对 "
                "dingtalk_secret；安全设置为“自定义关键词”时，把“督办”设为关键词（每条消息都含有它）")
DINGTALK = Platform(
    label="钉钉", code_fields=("errcode",), message_fields=("errmsg",),
    temporary={130101: 60.0, -1: 0.0},
    permanent={
        310000: (Fault.CONFIG, KEYWORD_HINT),
        300001: (Fault.CONFIG, "access_token 不存在：机器人已被移除，或把完整网址填成了 access_token"),
        460101: (Fault.CONTENT, "消息超过 20000 字节"),
        90030: (Fault.QUOTA, "机器人今日发送量已达上限，明天恢复"),
    },
)


class DingtalkChannel(RobotChannel):
    kind = "dingtalk"
    missing = "钉钉机器人的 access_token"

    async def _send(self, robot: RobotKey, message: Message) -> Receipt:
        redact = Redactor()
        params = {"access_token": robot.token.reveal()}
        redact.add(params["access_token"])
        if robot.secret is not None:
            ms = int(self._wall() * 1000)
            params["timestamp"] = str(ms)
            params["sign"] = dingtalk_sign(robot.secret.reveal(), ms)
            redact.add(robot.secret.reveal(), params["sign"])
        return await post(self._client, DINGTALK, self.settings.base_url, params, message.payload.encode(), redact)
