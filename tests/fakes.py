"""Real protocol peers on 127.0.0.1 for the channel tests.

- WecomRobot: an HTTP server that behaves like the documented group robot: errcode 0 on success,
  93000 for an unknown key, 45009 past `per_minute` accepted messages per key in 60 s, 40058 past
  4096 (markdown) / 2048 (text) bytes, 40008 for a bad msgtype, 44004 for empty content, and
  optional scripted failures (HTTP 500, errcode -1). It records what it accepted.
- SmtpServer: aiosmtpd in a thread, optionally with STARTTLS, implicit TLS, AUTH, or refusals.
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol, Self
from urllib.parse import parse_qs, urlparse

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LIMITS = {"markdown": 4096, "text": 2048}


@dataclass
class WecomRobot:
    keys: set[str]
    per_minute: int = 20
    script: list[tuple[int, int]] = field(default_factory=list)  # (http status, errcode) served first
    accepted: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # request paths (with the key), for assertions
    _log: dict[str, deque[float]] = field(default_factory=dict)

    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        self.requests.append(path)
        if self.script:
            status, errcode = self.script.pop(0)
            return status, {"errcode": errcode, "errmsg": "scripted"}
        key = parse_qs(urlparse(path).query).get("key", [""])[0]
        if key not in self.keys:
            return 200, {"errcode": 93000, "errmsg": f"invalid webhook url, hint: [{key}]"}
        log = self._log.setdefault(key, deque())
        now = time.monotonic()
        while log and now - log[0] >= 60:
            log.popleft()
        if len(log) >= self.per_minute:
            return 200, {"errcode": 45009, "errmsg": "api freq out of limit"}
        log.append(now)  # failed sends count too, as reported for the real robot
        try:
            data = json.loads(body)
            kind = data["msgtype"]
            content = data[kind]["content"]
        except (ValueError, KeyError, TypeError):
            return 200, {"errcode": 40008, "errmsg": "invalid message type"}
        if kind not in LIMITS:
            return 200, {"errcode": 40008, "errmsg": "invalid message type"}
        if not content:
            return 200, {"errcode": 44004, "errmsg": "empty content"}
        if len(content.encode()) > LIMITS[kind]:
            return 200, {"errcode": 40058, "errmsg": f"{kind}.content exceed max length {LIMITS[kind]}"}
        self.accepted.append(data)
        return 200, {"errcode": 0, "errmsg": "ok"}


class Answerer(Protocol):
    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]: ...


class _Handler(BaseHTTPRequestHandler):
    """POSTs go to the server's answerer: JSON under HTTP 200..499, an HTML error page from 500 on."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        answerer: Answerer = self.server.answerer  # type: ignore[attr-defined]
        status, answer = answerer.answer(self.path, body)
        data = json.dumps(answer).encode() if status < 500 else b"<html>502 Bad Gateway</html>"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


class JsonServer:
    """A fake platform on 127.0.0.1:0 in a thread; `with` starts and stops it; `url` is its endpoint."""

    path = "/"

    def __init__(self, answerer: Answerer) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.answerer = answerer  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.path}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class WecomServer(JsonServer):
    path = "/cgi-bin/webhook/send"

    def __init__(self, robot: WecomRobot) -> None:
        super().__init__(robot)
        self.robot = robot


@dataclass
class Mailbox:
    """An aiosmtpd handler: records envelopes; refuses recipients by prefix; optional DATA answer.
    `hold` makes DATA hang (a server that never answers) after setting `data_started`."""

    data_answer: str = "250 Message accepted"
    received: list[Any] = field(default_factory=list)
    hold: bool = False
    data_started: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 20.0) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.received) >= count, timeout)

    def subjects(self) -> list[str]:
        import email
        import email.policy

        return [str(email.message_from_bytes(e.content, policy=email.policy.default)["Subject"])
                for e in self.received]

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.startswith("bad"):
            return "550 5.1.1 User unknown"
        if address.startswith("busy"):
            return "450 4.2.1 Mailbox busy"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_started.set()
        if self.hold:
            await asyncio.sleep(3600)
        if self.data_answer.startswith("250"):
            with self.arrived:
                self.received.append(envelope)
                self.arrived.notify_all()
        return self.data_answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def authenticator(user: str, password: str):  # type: ignore[no-untyped-def]
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    return check


class SmtpServer:
    def __init__(self, mailbox: Mailbox, *, starttls: ssl.SSLContext | None = None,
                 implicit: ssl.SSLContext | None = None, auth: tuple[str, str] | None = None,
                 size_limit: int | None = None) -> None:
        """`size_limit`: the server's SIZE (bytes); a larger message is refused with 552."""
        self.port = free_port()
        kwargs: dict[str, Any] = {}
        if size_limit is not None:
            kwargs.update(data_size_limit=size_limit)
        if starttls is not None:
            kwargs.update(tls_context=starttls, require_starttls=True)
        if implicit is not None:
            kwargs.update(ssl_context=implicit)
        if auth is not None:
            kwargs.update(authenticator=authenticator(*auth), auth_required=True,
                          auth_require_tls=starttls is not None or implicit is not None)
        self.controller = Controller(mailbox, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
