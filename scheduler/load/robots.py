"""`[channels.dingtalk]` and `[channels.feishu]` (SPEC §2.1) and the robot keys of units (§2.2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scheduler import secrets
from scheduler.errors import DubanError, Problem, Severity
from scheduler.load.schema import Report, Section, timeout_of
from scheduler.model import SecretRef

if TYPE_CHECKING:
    from scheduler.load.settings import Settings
    from scheduler.load.units import Directory

DINGTALK_URL = "https://oapi.dingtalk.com/robot/send"
FEISHU_URL = "https://open.feishu.cn/open-apis/bot/v2/hook"
# the platforms' own ceilings: DingTalk 20 a minute per robot, Feishu 100 a minute (and 5 a second)
MAX_PER_MINUTE = {"dingtalk": 20, "feishu": 100}
_HINT = {
    "dingtalk": "access_token 写在 units.toml 的 dingtalk_token_env/dingtalk_token_file",
    "feishu": "hook 令牌写在 units.toml 的 feishu_hook_env/feishu_hook_file",
}


@dataclass(frozen=True, slots=True)
class RobotSettings:
    base_url: str
    per_minute: int
    timeout: float = 15.0
    per_second: int | None = None  # Feishu: 5


def usable_url(url: str) -> bool:
    """An http(s) address a request can go to: it parses, and its port (if any) is 1–65535 (an
    out-of-range port passes a pattern and fails only when sending, with a traceback)."""
    import httpx  # only for a configured channel: the other commands do not load it

    if not re.match(r"https?://[^/\s]+", url):
        return False
    try:
        port = urlsplit(url).port
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        return False
    return port != 0


def robot_settings(channels: Section, kind: str) -> RobotSettings | None:
    """`[channels.dingtalk]` or `[channels.feishu]`; None when the table is absent."""
    sec = channels.optional(kind, f"[channels.{kind}]")
    if sec is None:
        return None
    default = DINGTALK_URL if kind == "dingtalk" else FEISHU_URL
    base_url = sec.text("base_url", default=default).rstrip("/")
    if not usable_url(base_url) or "access_token=" in base_url or "?" in base_url:
        sec.error("base_url", f"应为 http(s) 地址，不含查询参数和密钥（{_HINT[kind]}）")
    ceiling = MAX_PER_MINUTE[kind]
    per_minute = sec.integer("per_minute", ceiling) or 0  # 0 is refused, not the default
    if not 1 <= per_minute <= ceiling:
        sec.error("per_minute",
                  f"应为 1–{ceiling} 之间的整数（平台限制每个机器人每分钟 {ceiling} 条；不写即为 {ceiling}）")
        per_minute = ceiling
    timeout = timeout_of(sec, 15)
    sec.finish()
    return RobotSettings(base_url, per_minute, timeout, 5 if kind == "feishu" else None)


@dataclass(frozen=True, slots=True)
class RobotRefs:
    dingtalk_token: SecretRef | None
    dingtalk_secret: SecretRef | None
    feishu_hook: SecretRef | None
    feishu_secret: SecretRef | None


def robot_refs(sec: Section, base: Path) -> RobotRefs:
    """A unit's DingTalk and Feishu keys; a signing secret without its robot is an error."""
    from scheduler.load.settings import secret_ref

    refs = RobotRefs(secret_ref(sec, "dingtalk_token", base), secret_ref(sec, "dingtalk_secret", base),
                     secret_ref(sec, "feishu_hook", base), secret_ref(sec, "feishu_secret", base))
    if refs.dingtalk_secret and not refs.dingtalk_token:
        sec.error("dingtalk_secret_env", "只配置了加签密钥，缺少机器人的 access_token（dingtalk_token_env 或 "
                  "dingtalk_token_file）")
    if refs.feishu_secret and not refs.feishu_hook:
        sec.error("feishu_secret_env", "只配置了签名校验密钥，缺少机器人的 hook 令牌（feishu_hook_env 或 "
                  "feishu_hook_file）")
    return refs


_TOKEN_PART = {"dingtalk": "access_token 参数的值", "wecom": "key= 之后的部分"}  # else Feishu's hook


def key_problem(kind: str, value: str) -> str:
    """What is wrong with a token's shape (a full URL pasted in is the usual mistake), or ""."""
    if "://" in value or "access_token=" in value or "/hook/" in value or "key=" in value:
        what = _TOKEN_PART.get(kind, "网址最后一段（hook/ 之后的部分）")
        return f"应只填写机器人网址中的{what}，不是完整网址"
    if re.search(r"\s", value):
        return "不应包含空格或换行"
    return ""



def check_robot_keys(settings: Settings, directory: Directory, strict: bool, report: Report) -> None:
    """Every DingTalk/Feishu key and secret of a configured robot channel: present (a warning for
    `check`, an error for `run`), and a token not pasted as a whole URL. Values are never shown."""
    severity = Severity.ERROR if strict else Severity.WARNING
    for unit in directory.units.values():
        if unit.feishu_hook and unit.mention_mobiles and not (unit.wecom_key or unit.dingtalk_token):
            report(Problem(Severity.WARNING, settings.units.name, f'[unit."{unit.name}"] → mention_mobiles',
                           "飞书机器人不能按手机号 @ 人：mention_mobiles 只对企业微信和钉钉机器人有效"))
        fields = (("dingtalk", "dingtalk_token", unit.dingtalk_token),
                  ("dingtalk", "dingtalk_secret", unit.dingtalk_secret),
                  ("feishu", "feishu_hook", unit.feishu_hook), ("feishu", "feishu_secret", unit.feishu_secret))
        for kind, name, ref in fields:
            if ref is None or getattr(settings, kind) is None:
                continue
            place = f'[unit."{unit.name}"] → {name}'
            try:
                value = secrets.resolve(ref).reveal()
            except DubanError:
                value = ""
            if not value:
                report(Problem(severity, settings.units.name, place, f"找不到密钥：{ref.describe()} 不存在或为空"))
            elif name.endswith(("_token", "_hook")) and (problem := key_problem(kind, value)):
                report(Problem(Severity.ERROR, settings.units.name, place, f"{ref.describe()} 的内容{problem}"))
