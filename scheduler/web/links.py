"""Links for people: a unit's page (in every message to it) and the coordinator's sign-in link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from scheduler import secrets
from scheduler.feedback.store import generation_of
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


def link_maker(runtime: Runtime, state: Path, now: datetime) -> Callable[[str], str]:
    """unit → its link issued at `now`; '' for everyone without [web]."""
    web = runtime.settings.web
    if web is None:
        return lambda _unit: ""
    tokens = tokens_for(web, lambda: now)
    return lambda unit: unit_url(web, tokens, unit, generation_of(state, unit))
