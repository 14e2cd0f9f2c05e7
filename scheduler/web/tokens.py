"""Signed tokens (itsdangerous, one salt per purpose), on an injected clock so `--now` holds.

    unit link      {"u": unit, "g": generation}     valid link_days; a revoked generation fails
    sign-in link   {"n": nonce}                     valid 12 hours, once (the nonce is recorded)
    session        {"s": random}                    the cookie, valid 12 hours
    csrf           sha256(link token or session)    valid as long as what it is bound to
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer

SIGNIN_SECONDS = 12 * 3600
SESSION_SECONDS = 12 * 3600
ENTERING_SECONDS = 120
_SALTS = {"unit": "duban.unit-link", "signin": "duban.coordinator-signin", "session": "duban.session",
          "csrf": "duban.csrf", "entering": "duban.entering"}


class Tokens:
    def __init__(self, secret: str, link_days: int, now: Callable[[], datetime]) -> None:
        self.link_seconds = link_days * 86400
        clock = now

        class Clocked(TimestampSigner):
            def get_timestamp(self) -> int:
                return int(clock().timestamp())

        self._s = {purpose: URLSafeTimedSerializer(secret, salt=salt, signer=Clocked)
                   for purpose, salt in _SALTS.items()}

    def _load(self, purpose: str, token: str, max_age: int) -> Any:
        try:
            return self._s[purpose].loads(token, max_age=max_age)
        except (BadData, UnicodeError, ValueError, TypeError):
            return None

    def unit_token(self, unit: str, generation: int) -> str:
        return str(self._s["unit"].dumps({"u": unit, "g": generation}))

    def unit_of(self, token: str, generation: Callable[[str], int]) -> str | None:
        """The unit a valid, unexpired, unrevoked link names; None otherwise."""
        data = self._load("unit", token, self.link_seconds)
        if not (isinstance(data, dict) and isinstance(data.get("u"), str) and isinstance(data.get("g"), int)):
            return None
        return data["u"] if generation(data["u"]) == data["g"] else None

    def signin_token(self) -> str:
        return str(self._s["signin"].dumps({"n": secrets.token_urlsafe(16)}))

    def signin_nonce(self, token: str) -> str | None:
        data = self._load("signin", token, SIGNIN_SECONDS)
        return data["n"] if isinstance(data, dict) and isinstance(data.get("n"), str) else None

    def session(self) -> str:
        return str(self._s["session"].dumps({"s": secrets.token_urlsafe(16)}))

    def session_ok(self, cookie: str | None) -> bool:
        return bool(cookie) and isinstance(self._load("session", cookie or "", SESSION_SECONDS), dict)

    def entering(self) -> str:
        """The marker of a sign-in that has just happened (grants nothing; valid 2 minutes)."""
        return str(self._s["entering"].dumps(1))

    def entering_ok(self, cookie: str | None) -> bool:
        return bool(cookie) and self._load("entering", cookie or "", ENTERING_SECONDS) == 1

    def csrf(self, bound_to: str) -> str:
        return str(self._s["csrf"].dumps(_digest(bound_to)))

    def csrf_ok(self, token: str, bound_to: str, max_age: int) -> bool:
        return bool(token) and self._load("csrf", token, max_age) == _digest(bound_to)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]
