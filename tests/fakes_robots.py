"""DingTalk and Feishu custom group robots on 127.0.0.1, as FACTS §8 documents them.

Each fake checks the signature its own way (HMAC computed here, not with duban's code), against
its own clock (`clock`, wall seconds; tests share a FakeTime with the limiter), and answers the
documented codes with HTTP 200:

    DingTalk  300001 unknown token · 310000 bad or missing signature, stale timestamp, missing
              keyword · 130101 over `per_minute` · 460101 body over 20,000 bytes · 0 ok
    Feishu    19001 unknown hook · 19021 bad signature or stale timestamp · 19024 missing keyword
              · 11232 over 100 a minute or 5 a second · 9499 bad body or over 20,000 bytes · 0 ok

`script` answers come first: (HTTP status, JSON answer). Accepted bodies are recorded with the
robot's token and the clock's time; every answer's code is recorded in `codes`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from tests.fakes import JsonServer

BODY_LIMIT = 20_000
Answer = tuple[int, dict[str, Any]]


@dataclass(frozen=True)
class Bot:
    """One robot's security setting: a signing secret, a keyword, or neither (IP whitelist)."""

    secret: str | None = None
    keyword: str | None = None


@dataclass
class Accepted:
    token: str
    body: dict[str, Any]
    at: float
    query: dict[str, str]


@dataclass
class FakeRobots:
    bots: dict[str, Bot]
    clock: Callable[[], float] = time.time
    per_minute: int = 20
    per_second: int | None = None
    script: list[Answer] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    raw: list[tuple[str, bytes]] = field(default_factory=list)  # (path, body) as received
    _log: dict[str, list[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    platform = ""

    def answer(self, path: str, body: bytes) -> Answer:
        with self._lock:
            self.raw.append((path, body))
            status, data = self.script.pop(0) if self.script else (200, self.judge(path, body))
            code = next((data[k] for k in ("errcode", "code", "StatusCode") if k in data), -999)
            self.codes.append(int(code))
            return status, data

    def judge(self, path: str, body: bytes) -> dict[str, Any]:
        raise NotImplementedError

    def over_quota(self, token: str) -> bool:
        now = self.clock()
        log = [t for t in self._log.get(token, []) if now - t < 60]
        self._log[token] = log
        if len(log) >= self.per_minute:
            return True
        return self.per_second is not None and sum(1 for t in log if now - t < 1) >= self.per_second

    def accept(self, token: str, data: dict[str, Any], query: dict[str, str]) -> None:
        now = self.clock()
        self._log.setdefault(token, []).append(now)
        self.accepted.append(Accepted(token, data, now, query))

    def max_in_window(self, span: float) -> int:
        """The most accepted messages of one robot in any window of `span` seconds."""
        best = 0
        for a in self.accepted:
            best = max(best, sum(1 for b in self.accepted if b.token == a.token and a.at <= b.at < a.at + span))
        return best


class DingtalkRobots(FakeRobots):
    platform = "dingtalk"

    def judge(self, path: str, body: bytes) -> dict[str, Any]:
        query = {k: v[0] for k, v in parse_qs(urlparse(path).query).items()}
        token = query.get("access_token", "")
        bot = self.bots.get(token)
        if bot is None:
            return _dt(300001, "token is not exist")
        if bot.secret is not None:
            ms = query.get("timestamp", "")
            if not ms.isdigit() or abs(int(ms) - self.clock() * 1000) > 3_600_000:
                return _dt(310000, "invalid timestamp")
            mac = hmac.new(bot.secret.encode(), f"{ms}\n{bot.secret}".encode(), hashlib.sha256).digest()
            if query.get("sign") != base64.b64encode(mac).decode():
                return _dt(310000, "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]")
        if self.over_quota(token):
            return _dt(130101, "send too fast, exceed 20 times per minute")
        if len(body) > BODY_LIMIT:
            return _dt(460101, "message too long, exceed 20000 bytes")
        try:
            data = json.loads(body)
            kind = data["msgtype"]
            content = data["text"]["content"] if kind == "text" else data["markdown"]["text"]
            if kind == "markdown" and not data["markdown"]["title"]:
                raise KeyError("title")
        except (ValueError, KeyError, TypeError):
            return _dt(40035, "缺少参数 json")
        if bot.keyword is not None and bot.keyword not in content:
            return _dt(310000, "keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]")
        self.accept(token, data, query)
        return _dt(0, "ok")

    def notified(self, accepted: Accepted) -> list[str]:
        """Mobiles really @-mentioned: in at.atMobiles and written as @number in the text."""
        text = accepted.body.get("text", {}).get("content", "")
        return [m for m in accepted.body.get("at", {}).get("atMobiles", []) if f"@{m}" in text]


class FeishuRobots(FakeRobots):
    platform = "feishu"

    def judge(self, path: str, body: bytes) -> dict[str, Any]:
        hook = unquote(urlparse(path).path.rsplit("/", 1)[-1])
        bot = self.bots.get(hook)
        if bot is None:
            return _fs(19001, f"param invalid: incoming webhook access token invalid: {hook}")
        try:
            data = json.loads(body)
            kind = data["msg_type"]
            content = _feishu_text(data)
        except (ValueError, KeyError, TypeError, IndexError):
            return _fs(9499, "Bad Request")
        if bot.secret is not None:
            seconds = str(data.get("timestamp", ""))
            if not seconds.isdigit() or abs(int(seconds) - self.clock()) > 3600:
                return _fs(19021, "sign match fail or timestamp is not within one hour from current time")
            mac = hmac.new(f"{seconds}\n{bot.secret}".encode(), b"", hashlib.sha256).digest()
            if data.get("sign") != base64.b64encode(mac).decode():
                return _fs(19021, "sign match fail or timestamp is not within one hour from current time")
        if self.over_quota(hook):
            return _fs(11232, "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]")
        if len(body) > BODY_LIMIT:
            return _fs(9499, "Bad Request: body too large")
        if bot.keyword is not None and bot.keyword not in content:
            return _fs(19024, "Key Words Not Found")
        if kind not in ("text", "post"):
            return _fs(9499, "Bad Request")
        self.accept(hook, data, {})
        return {"code": 0, "msg": "success", "data": {}}


def _feishu_text(data: dict[str, Any]) -> str:
    if data["msg_type"] == "text":
        return str(data["content"]["text"])
    post = data["content"]["post"]["zh_cn"]
    return str(post["title"]) + "".join(str(e["text"]) for p in post["content"] for e in p if e["tag"] == "text")


def _dt(code: int, message: str) -> dict[str, Any]:
    return {"errcode": code, "errmsg": message}


def _fs(code: int, message: str) -> dict[str, Any]:
    return {"code": code, "msg": message, "data": {}}


class RobotServer(JsonServer):
    """`with RobotServer(DingtalkRobots({...})) as srv:` … `srv.url` is the channel's base_url."""

    def __init__(self, robots: FakeRobots) -> None:
        super().__init__(robots)
        self.robots = robots
        self.path = "/robot/send" if robots.platform == "dingtalk" else "/open-apis/bot/v2/hook"

