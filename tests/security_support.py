"""Peers that misbehave the way a leak would need, and a scanner for every form a secret can take.

- EchoRobots: a robot platform (WeCom, DingTalk and Feishu at once) that answers an error code and
  echoes the request line it received, the key URL-encoded as it arrived (some gateways do).
- EchoSmtp: an SMTP server offering AUTH that refuses it with 535 and echoes what the client sent
  (base64 of the password for LOGIN, of "\\0user\\0password" for PLAIN).
- HttpPeer: a plain HTTP server answering a 404 HTML page, a redirect, nothing (a held request) or a
  closed connection.
- forms()/leaks(): a secret raw, URL-encoded, base64 and hex; where any of them occurs.
"""

from __future__ import annotations

import asyncio
import base64
import io
import sqlite3
import threading
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import quote, quote_plus

from tests.fakes import free_port


class EchoRobots:
    """An Answerer for tests.fakes.JsonServer: every request fails with the platform's key error."""

    def answer(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        text = f"invalid request {path}"
        if "key=" in path:
            return 200, {"errcode": 93000, "errmsg": text}
        if "access_token=" in path:
            return 200, {"errcode": 310000, "errmsg": text}
        return 200, {"code": 19001, "msg": text, "data": {}}


class _Peer(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        peer: HttpPeer = self.server.peer  # type: ignore[attr-defined]
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        peer.requests.append(self.path)
        if peer.mode == "hold":
            peer.release.wait(30)
            return
        if peer.mode == "close":
            self.close_connection = True
            return
        if peer.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", f"{peer.target}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = f"<html><body><h1>404 Not Found</h1><p>{self.path}</p></body></html>".encode()
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


class HttpPeer:
    """`mode`: "404" (an HTML page echoing the path), "redirect" (to `target`), "hold" (no answer
    until the test ends), "close" (the connection closed without an answer). `requests`: the paths
    asked for."""

    def __init__(self, mode: str, target: str = "http://127.0.0.1:1") -> None:
        self.mode = mode
        self.target = target  # where "redirect" sends the client
        self.requests: list[str] = []
        self.release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Peer)
        self.httpd.daemon_threads = True
        self.httpd.peer = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class EchoSmtp:
    """Offers AUTH `mechanisms`; refuses every AUTH with 535 quoting what the client sent."""

    def __init__(self, mechanisms: str = "PLAIN LOGIN") -> None:
        self.mechanisms = mechanisms
        self.auth: list[str] = []  # the AUTH commands received
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", self.port))
        self.ready.set()
        self.loop.run_forever()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def say(text: str) -> None:
            writer.write(text.encode() + b"\r\n")
            await writer.drain()

        await say("220 echo ESMTP")
        while line := (await reader.readline()).decode().strip():
            verb = line.split(" ", 1)[0].upper()
            if verb == "AUTH":
                self.auth.append(line)
            if verb in ("EHLO", "HELO"):
                await say(f"250-echo\r\n250 AUTH {self.mechanisms}")
            elif verb == "AUTH" and line.upper().startswith("AUTH LOGIN"):
                parts = line.split()
                user = parts[2] if len(parts) > 2 else ""
                if not user:
                    await say("334 VXNlcm5hbWU6")
                    user = (await reader.readline()).decode().strip()
                await say("334 UGFzc3dvcmQ6")
                password = (await reader.readline()).decode().strip()
                await say(f"535 5.7.8 credentials {user} {password} refused")
            elif verb == "AUTH":
                await say(f"535 5.7.8 credentials refused: {line}")
            elif verb == "QUIT":
                await say("221 bye")
                break
            else:
                await say("502 5.5.2 not here")
        writer.close()

    def __enter__(self) -> Self:
        self.thread.start()
        assert self.ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def forms(value: str, user: str = "") -> list[str]:
    """What a secret can look like where it leaks: raw, URL-encoded (path, query, form), base64
    (SMTP AUTH LOGIN; AUTH PLAIN with the user), hex."""
    raw = value.encode()
    found = [value, quote(value, safe=""), quote(value), quote_plus(value), base64.b64encode(raw).decode(),
             base64.urlsafe_b64encode(raw).decode(), raw.hex(), raw.hex().upper()]
    if user:
        found.append(base64.b64encode(b"\0" + user.encode() + b"\0" + raw).decode())
    return list(dict.fromkeys(found))


def leaks(secrets: Mapping[str, str], blobs: Mapping[str, bytes], user: str = "") -> list[str]:
    """Each (secret name, form, place) found: `blobs` maps a place to its bytes."""
    found = []
    for place, data in blobs.items():
        for name, value in secrets.items():
            for form in forms(value, user):
                if form.encode() in data:
                    found.append(f"{name} as {form!r} in {place}")
    return found


def written(root: Path, skip: Iterable[str] = ()) -> dict[str, bytes]:
    """Every file under `root` (but `skip`), zip members (xlsx, docx) and each SQLite value
    (compressed message content inflated) as places to scan."""
    blobs: dict[str, bytes] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name not in skip):
        data = path.read_bytes()
        blobs[str(path.relative_to(root))] = data
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                blobs.update({f"{path.name}!{n}": archive.read(n) for n in archive.namelist()})
        if path.suffix == ".db":
            blobs.update(database(path))
    return blobs


def database(path: Path) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for n, row in enumerate(con.execute(f'SELECT * FROM "{table}"')):
                for i, value in enumerate(row):
                    blobs[f"{path.name}:{table}[{n}][{i}]"] = _inflate(value)
    finally:
        con.close()
    return blobs


def _inflate(value: object) -> bytes:
    if isinstance(value, bytes):
        try:
            return zlib.decompress(value)
        except zlib.error:
            return value
    return str(value).encode()
