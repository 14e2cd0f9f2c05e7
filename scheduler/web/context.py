"""What the web app needs from its host (the daemon, or a test): injected, never global."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import anyio

from scheduler.feedback.mine import UnitIndex
from scheduler.feedback.store import Store
from scheduler.load.web import WebSettings
from scheduler.runtime import Runtime
from scheduler.web.dashboard import BoardCache
from scheduler.web.tokens import Tokens

PAGE_CACHE = 256


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
    deciding: anyio.Lock = field(default_factory=anyio.Lock)  # one decision (and write-back) at a time
    _index: tuple[Runtime, UnitIndex] | None = field(default=None, init=False)
    _owners: tuple[object, ...] = field(default=(), init=False)
    _pages: dict[tuple[object, ...], str] = field(default_factory=dict, init=False)

    def index(self) -> UnitIndex:
        """The unit index of the current runtime, built once per runtime."""
        runtime = self.runtime()
        if self._index is None or self._index[0] is not runtime:
            self._index = (runtime, UnitIndex(runtime))
        return self._index[1]

    def cached(self, owners: tuple[object, ...], key: tuple[object, ...], render: Callable[[], str]) -> str:
        """A rendered page, kept while the objects it was drawn from (`owners`: the board, the
        unit index — replaced whole, never changed) stay the same; `key` names everything else."""
        if len(self._owners) != len(owners) or any(a is not b for a, b in zip(self._owners, owners, strict=True)):
            self._owners, self._pages = owners, {}
        page = self._pages.get(key)
        if page is None:
            if len(self._pages) >= PAGE_CACHE:
                self._pages.clear()
            page = self._pages[key] = render()
        return page

    def client(self, peer: str | None, forwarded: str | None) -> str:
        """The source address: X-Forwarded-For is believed only from a trusted proxy (the
        right-most address that is not itself a trusted proxy)."""
        address = peer or ""
        if not forwarded or not self._trusted(address):
            return address
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if not self._trusted(hop):  # not an address ("unknown", a port, text): the last proxy is the source
                return hop if _is_address(hop) else address
            address = hop
        return address

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in ipaddress.ip_network(p, strict=False) for p in self.web.trusted_proxies)


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
