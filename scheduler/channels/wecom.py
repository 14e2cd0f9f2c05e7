"""WeChat Work group robot: POST JSON to base_url?key=KEY; success is errcode 0, not HTTP 200.

The key is the robot's only credential: it appears only in the request's query string and is
redacted from every text this module returns.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import httpx

from scheduler import secrets
from scheduler.channels.base import Outcome, Receipt
from scheduler.channels.robot import UNANSWERED
from scheduler.load.settings import WecomSettings
from scheduler.logs import guard_http_logs
from scheduler.messages import Message
from scheduler.model import Secret

TEMPORARY_ERRCODES = {-1, 45009}
PERMANENT_HINTS = {
    93000: "机器人地址无效（密钥错误、已被移除，或把完整网址填成了密钥）",
    40008: "消息类型不合法",
    40058: "消息内容超出长度限制",
    44004: "消息内容为空",
}


class WecomChannel:
    kind = "wecom"

    def __init__(self, settings: WecomSettings, keys: Mapping[str, Secret],
                 client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self._keys = dict(keys)  # unit name → robot key
        self._client = client or httpx.AsyncClient(timeout=settings.timeout, trust_env=False)
        guard_http_logs()

    async def send(self, message: Message) -> Receipt:
        key = self._keys.get(message.unit)
        if key is None:
            return Receipt(Outcome.PERMANENT, f"单位“{message.unit}”没有配置企业微信机器人密钥")
        secret = key.reveal()
        try:
            response = await self._client.post(
                self.settings.base_url, params={"key": secret}, content=message.payload.encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
        except UNANSWERED as err:
            return Receipt(Outcome.TEMPORARY, redact(f"企业微信没有应答：{type(err).__name__}: {err}", secret),
                           down=True, unanswered=True)
        except httpx.HTTPError as err:
            return Receipt(Outcome.TEMPORARY, redact(f"连接企业微信失败：{type(err).__name__}: {err}", secret),
                           down=True)
        return classify(response.status_code, response.content, secret)

    def quota_key(self, message: Message) -> str | None:
        """Units sharing one robot share its quota: the key is a hash of the robot key."""
        key = self._keys.get(message.unit)
        return "wecom:" + hashlib.sha256(key.reveal().encode()).hexdigest()[:16] if key else None

    async def aclose(self) -> None:
        await self._client.aclose()


def classify(status: int, body: bytes, secret: str) -> Receipt:
    if status >= 500 or status == 429:
        return Receipt(Outcome.TEMPORARY, f"企业微信服务器返回 HTTP {status}", down=status >= 500)
    try:
        answer = json.loads(body)
        errcode = int(answer.get("errcode", -999))
        errmsg = redact(str(answer.get("errmsg", "")), secret)
    except (ValueError, AttributeError, TypeError):
        # a non-JSON answer below 500 (e.g. 404 from a wrong base_url) will not change by waiting
        return Receipt(Outcome.PERMANENT,
                       f"企业微信返回无法识别的内容（HTTP {status}），请检查 [channels.wecom] base_url")
    if errcode == 0:
        return Receipt(Outcome.SENT, f"errcode=0 errmsg={errmsg}")
    detail = f"errcode={errcode} errmsg={errmsg}"
    if errcode in TEMPORARY_ERRCODES:
        return Receipt(Outcome.TEMPORARY, detail, retry_after=60.0 if errcode == 45009 else 0.0)
    hint = PERMANENT_HINTS.get(errcode, "")
    return Receipt(Outcome.PERMANENT, f"{detail}（{hint}）" if hint else detail, credentials=errcode == 93000)


def redact(text: str, secret: str) -> str:
    """The key raw and URL-encoded (as a gateway echoing the request line writes it)."""
    for form in sorted(secrets.forms(secret), key=len, reverse=True):
        text = text.replace(form, "<key>")
    return text
