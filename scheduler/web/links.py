"""Links for people: a unit's page (in every message to it) and the coordinator's sign-in link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

from scheduler import secrets
from scheduler.feedback.readers import generation_of
from scheduler.load.web import WebSettings
from scheduler.runtime import Runtime
from scheduler.web.tokens import Tokens


def tokens_for(web: WebSettings, now: Callable[[], datetime]) -> Tokens:
    assert web.secret is not None  # checked when the settings were loaded
    return Tokens(secrets.resolve(web.secret).reveal(), web.link_days, now)


def unit_url(web: WebSettings, tokens: Tokens, unit: str, generation: int) -> str:
    return f"{web.base_url}/u/{tokens.unit_token(unit, generation)}"


def signin_url(web: WebSettings, tokens: Tokens) -> str:
    return f"{web.base_url}/c/{tokens.signin_token()}"


class UnitLinker:
    """The renderer's `unit_link` hook: unit → its page, or None without [web].

    The link is signed as of the start of the day, so all messages of a day carry the same link
    (a message's content, and so its key, does not change from one pass to the next); it is valid
    `link_days` from that instant. `runtime` is read at each call: a reload that adds, changes or
    removes [web] takes effect at once."""

    def __init__(self, runtime: Callable[[], Runtime], state: Path, now: Callable[[], datetime]) -> None:
        self.runtime = runtime
        self.state = state
        self.now = now
        self._tokens: tuple[WebSettings, datetime, Tokens] | None = None

    def __call__(self, unit: str) -> str | None:
        web = self.runtime().settings.web
        if web is None:
            return None
        now = self.now()
        day = datetime.combine(now.date(), time(), now.tzinfo)
        if self._tokens is None or self._tokens[0] is not web or self._tokens[1] != day:
            self._tokens = (web, day, tokens_for(web, lambda: day))
        return unit_url(web, self._tokens[2], unit, generation_of(self.state, unit))
