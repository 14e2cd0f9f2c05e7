"""Serving the web app inside the daemon's event loop: uvicorn as a task, stopped before the
scheduler shuts down. uvicorn's own signal handling is switched off: signals belong to daemon.py."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable, Generator
from datetime import datetime
from pathlib import Path

import uvicorn

from scheduler.errors import DubanError, os_reason
from scheduler.feedback.store import Store
from scheduler.runtime import Runtime
from scheduler.web.app import create_app
from scheduler.web.context import WebContext
from scheduler.web.links import tokens_for

log = logging.getLogger("duban")
STOP_SECONDS = 5.0


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield  # the daemon handles SIGTERM/SIGINT/SIGHUP itself


class WebServer:
    def __init__(self, runtime: Callable[[], Runtime], state: Path, now: Callable[[], datetime],
                 last_pass: Callable[[], datetime | None], on_change: Callable[[], None]) -> None:
        web = runtime().settings.web
        assert web is not None
        self.store = Store(state)
        self.context = WebContext(runtime, self.store, tokens_for(web, now), web, now, last_pass, on_change)
        config = uvicorn.Config(create_app(self.context), host=web.host, port=web.port, lifespan="off",
                                log_config=None, access_log=False, proxy_headers=False, server_header=False)
        self.server = _Server(config)
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Bind first (a busy port is a Chinese message, not uvicorn's exit), then serve."""
        web = self.context.web
        sock = socket.socket(socket.AF_INET6 if ":" in web.host else socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((web.host, web.port))
        except OSError as err:
            sock.close()
            self.store.close()
            raise DubanError(f"网页服务无法在 {web.host}:{web.port} 上启动：{os_reason(err)}"
                             "（[web] listen 的端口是否已被占用？）") from None
        self.task = asyncio.create_task(self.server.serve(sockets=[sock]))
        while not self.server.started and not self.task.done():
            await asyncio.sleep(0.02)
        log.info("web pages on http://%s:%d", web.host, web.port)

    async def stop(self) -> None:
        self.server.should_exit = True
        if self.task is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError, SystemExit):
                await asyncio.wait_for(self.task, STOP_SECONDS)
        self.store.close()
