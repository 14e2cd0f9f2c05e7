"""What DingTalk and Feishu robots share: keys, signatures, redaction, answers with error codes.

Both platforms answer HTTP 200 with an error code in the JSON body; success is code 0, never the
HTTP status alone. The two signatures are mirror images (FACTS §8):

    DingTalk  HMAC-SHA256(key=secret,               msg=f"{ms}\\n{secret}")  ms  in the query
    Feishu    HMAC-SHA256(key=f"{s}\\n{secret}",    msg=b"")             s   in the JSON body
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx

from scheduler import secrets
from scheduler.channels.base import Fault, Outcome, Quota, Receipt
from scheduler.logs import guard_http_logs
from scheduler.messages import Message
from scheduler.model import Secret

if TYPE_CHECKING:
    from scheduler.load.robots import RobotSettings

UNANSWERED = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)  # see Receipt.unanswered
DAY_QUOTA_WAIT = 3600.0  # seconds: DingTalk 90030, the robot's daily quota is spent


def dingtalk_sign(secret: str, ms: int) -> str:
    """Base64 of HMAC-SHA256(secret, "ms\\nsecret"); URL-encoded once by the HTTP client."""
    digest = hmac.new(secret.encode(), f"{ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(secret: str, seconds: int) -> str:
    """Base64 of HMAC-SHA256 keyed by "seconds\\nsecret" over an empty message."""
    digest = hmac.new(f"{seconds}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass(frozen=True, slots=True)
class RobotKey:
    """One robot: its token (DingTalk access_token or Feishu hook) and optional signing secret."""

    token: Secret
    secret: Secret | None = None

    @property
    def name(self) -> str:
        """Names the robot in quotas and logs without revealing the token."""
        return hashlib.sha256(self.token.reveal().encode()).hexdigest()[:12]

    def quota(self, kind: str, per_minute: int, per_second: int | None) -> Quota:
        windows = ((per_minute, 60.0),) + (((per_second, 1.0),) if per_second else ())
        return Quota(f"{kind}:{self.name}", windows)


@dataclass
class Redactor:
    """Every credential of one request, replaced wherever it could echo back (errors, errmsg)."""

    values: list[str] = field(default_factory=list)

    def add(self, *values: str) -> None:
        """Each value raw and as a URL or a gateway would echo it (URL-encoded, base64)."""
        self.values.extend(form for v in values for form in secrets.forms(v))

    def __call__(self, text: str) -> str:
        for value in sorted(self.values, key=len, reverse=True):
            text = text.replace(value, "<key>")
        return text


@dataclass(frozen=True, slots=True)
class Platform:
    """How one platform answers: field names and the codes that matter."""

    label: str  # 钉钉 / 飞书
    code_fields: tuple[str, ...]  # the first present one carries the code
    message_fields: tuple[str, ...]
    temporary: Mapping[int, float]  # code → minimum wait in seconds
    permanent: Mapping[int, tuple[Fault, str]]  # code → (why, a hint in Chinese)


def classify(platform: Platform, status: int, body: bytes, redact: Redactor) -> Receipt:
    answer = _json(body)
    if answer is None:
        if status >= 500 or status in (408, 429):
            return Receipt(Outcome.TEMPORARY, f"{platform.label}服务器返回 HTTP {status}", down=status >= 500)
        # e.g. 404 from a wrong base_url: waiting will not change it
        return Receipt(Outcome.PERMANENT, f"{platform.label}返回无法识别的内容（HTTP {status}），请检查 base_url")
    code = _code(answer, platform.code_fields)
    text = redact(_text(answer, platform.message_fields))
    if code is None:
        if status >= 500 or status in (408, 429):
            return Receipt(Outcome.TEMPORARY, f"{platform.label}服务器返回 HTTP {status}", down=status >= 500)
        return Receipt(Outcome.PERMANENT, f"{platform.label}返回的内容没有错误码（HTTP {status}）")
    names = (platform.code_fields[0], platform.message_fields[0])
    detail = f"{names[0]}={code} {names[1]}={text}"
    if code == 0:
        return Receipt(Outcome.SENT, detail)
    if code in platform.temporary:
        return Receipt(Outcome.TEMPORARY, detail, retry_after=platform.temporary[code])
    if code not in platform.permanent and (status >= 500 or status == 429):
        return Receipt(Outcome.TEMPORARY, f"{detail}（HTTP {status}）", down=status >= 500)
    fault, hint = platform.permanent.get(code, (None, ""))
    text = f"{detail}（{hint}）" if hint else detail
    if fault is Fault.QUOTA:  # the robot's quota for the day is spent: try again later, not the same pass
        return Receipt(Outcome.TEMPORARY, text, retry_after=DAY_QUOTA_WAIT, fault=fault)
    # A configuration fault (bad token, signature, keyword, IP): reported at once, retried after a
    # reload or on the next working day (SPEC 3.3), like SMTP 535 and WeCom 93000.
    return Receipt(Outcome.PERMANENT, text, fault=fault, credentials=fault is Fault.CONFIG)


def _json(body: bytes) -> dict[str, object] | None:
    try:
        answer = json.loads(body)
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


def _code(answer: Mapping[str, object], fields: tuple[str, ...]) -> int | None:
    for name in fields:
        value = answer.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lstrip("-").isdigit():
            return int(value)
    return None


def _text(answer: Mapping[str, object], fields: tuple[str, ...]) -> str:
    return next((str(answer[name]) for name in fields if answer.get(name) is not None), "")


async def post(client: httpx.AsyncClient, platform: Platform, url: str, params: Mapping[str, str],
               body: bytes, redact: Redactor) -> Receipt:
    """POST one JSON body; transport errors are temporary; the answer is classified."""
    try:
        response = await client.post(url, params=dict(params), content=body,
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    except UNANSWERED as err:  # written, no answer: the robot may have posted it
        return Receipt(Outcome.TEMPORARY, redact(f"{platform.label}没有应答：{type(err).__name__}: {err}"), down=True,
                       unanswered=True)
    except httpx.HTTPError as err:
        return Receipt(Outcome.TEMPORARY, redact(f"连接{platform.label}失败：{type(err).__name__}: {err}"), down=True)
    return classify(platform, response.status_code, response.content, redact)


class RobotChannel(ABC):
    """A robot channel apart from its platform: the unit's robot, its quota, the HTTP client.
    Subclasses set `kind` and `missing` (what a unit without a robot lacks) and sign and post in `_send`."""

    kind = ""
    missing = ""

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
            return Receipt(Outcome.PERMANENT, f"单位“{message.unit}”没有配置{self.missing}", fault=Fault.CONFIG)
        return await self._send(robot, message)

    @abstractmethod
    async def _send(self, robot: RobotKey, message: Message) -> Receipt:
        """Sign, post and classify one message (each platform's own)."""

    async def aclose(self) -> None:
        await self._client.aclose()
