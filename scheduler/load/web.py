"""`[web]` of duban.toml (SPEC §2.1, §6): where the dashboard listens and how links are signed."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scheduler import secrets
from scheduler.errors import Problem, Severity
from scheduler.load.schema import Report, Section
from scheduler.model import SecretRef

MIN_SECRET_BYTES = 32


@dataclass(frozen=True, slots=True)
class WebSettings:
    host: str
    port: int
    base_url: str  # without a trailing slash
    secret: SecretRef | None
    link_days: int = 60
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)

    @property
    def https(self) -> bool:
        return self.base_url.startswith("https://")


def parse_web(sec: Section, base: Path, secret_ref: Callable[[Section, str, Path], SecretRef | None]
              ) -> WebSettings | None:
    web = sec.optional("web", "[web]")
    if web is None:
        return None
    host, port = _listen(web)
    base_url = web.text("base_url", required=True).rstrip("/")
    if base_url and not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", base_url):
        web.error("base_url", f"“{base_url}”不是 http(s) 地址，应如 \"https://duban.example.gov.cn\"")
    secret = secret_ref(web, "secret", base)
    if secret is None:
        web.error("secret_env", "缺少必填项：secret_env 或 secret_file（签名链接和会话的密钥，至少 32 字节）")
    days = web.integer("link_days", 60)
    if days is None or not 1 <= days <= 366:
        web.error("link_days", "应为 1–366 之间的整数（单位链接的有效天数）")
        days = 60
    proxies = web.texts("trusted_proxies") if "trusted_proxies" in web.data else ("127.0.0.1",)
    for i, proxy in enumerate(proxies):
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            web.error(f"trusted_proxies[{i}]", f"“{proxy}”不是 IP 地址或网段，应如 \"127.0.0.1\" 或 \"10.0.0.0/8\"")
    web.finish()
    return WebSettings(host, port, base_url, secret, days, tuple(proxies))


def _listen(web: Section) -> tuple[str, int]:
    text = web.text("listen", default="127.0.0.1:8650")
    match = re.fullmatch(r"\[?([0-9A-Za-z.:-]+?)\]?:(\d{1,5})", text.strip())
    if not match or not 0 < int(match[2]) < 65536:
        web.error("listen", f"“{text}”写法不对，应为“地址:端口”，如 \"127.0.0.1:8650\"")
        return "127.0.0.1", 8650
    if not loopback(match[1]):
        web.warn("listen", f"网页监听 {match[1]}，本机以外的计算机可以不经反向代理（没有 HTTPS）直接访问；"
                           "除非确有需要，请改为 \"127.0.0.1:端口\"，由内网的 nginx 对外发布")
    return match[1], int(match[2])


def loopback(host: str) -> bool:
    """This machine only: localhost or a loopback address (a host name may resolve to any interface)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def check_web_secret(web: WebSettings | None, label: str, strict: bool, report: Report) -> None:
    """[web] signs links and sessions with a secret of at least 32 bytes (its value is never shown)."""
    ref = web.secret if web else None
    if ref is None:
        return
    if not secrets.present(ref):
        severity = Severity.ERROR if strict else Severity.WARNING
        report(Problem(severity, label, "[web] → secret", f"找不到密钥：{ref.describe()} 不存在或为空"))
    elif len(secrets.resolve(ref).reveal().encode()) < MIN_SECRET_BYTES:
        report(Problem(Severity.ERROR, label, "[web] → secret",
                       f"{ref.describe()} 中的密钥太短：至少需要 {MIN_SECRET_BYTES} 字节"
                       "（可用 openssl rand -base64 48 生成）"))
