"""What the web app needs from its host (the daemon, or a test): injected, never global."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from scheduler.feedback.mine import UnitIndex
from scheduler.feedback.store import Store
from scheduler.load.web import WebSettings
from scheduler.runtime import Runtime
from scheduler.web.dashboard import BoardCache
from scheduler.web.tokens import Tokens


@dataclass
class WebContext:
    runtime: Callable[[], Runtime]  # the current runtime (swapped whole on reload)
    store: Store
    tokens: Tokens
    web: WebSettings
    now: Callable[[], datetime]
    last_pass: Callable[[], datetime | None] = lambda: None
    on_change: Callable[[], None] = lambda: None  # a tasks file was written: reload
    boards: BoardCache = field(default_factory=BoardCache)
    outcomes: dict[int, str] = field(default_factory=dict)  # the last decision's outcome, shown once
    _index: tuple[Runtime, UnitIndex] | None = field(default=None, init=False)

    def index(self) -> UnitIndex:
        """The unit index of the current runtime, built once per runtime."""
        runtime = self.runtime()
        if self._index is None or self._index[0] is not runtime:
            self._index = (runtime, UnitIndex(runtime))
        return self._index[1]

    def client(self, peer: str | None, forwarded: str | None) -> str:
        """The source address: X-Forwarded-For is believed only from a trusted proxy (the
        right-most address that is not itself a trusted proxy)."""
        address = peer or ""
        if not forwarded or not self._trusted(address):
            return address
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if not self._trusted(hop):
                return hop
            address = hop
        return address

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in ipaddress.ip_network(p, strict=False) for p in self.web.trusted_proxies)
