"""The App: everything a pass needs that comes from the files, built whole and swapped whole.

    App = runtime (settings, units, tasks, calendar) + planner + renderer + channels + deliverer

A reload builds a new App completely (every fallible step: loading, validation, secrets,
channels) and only then replaces the old one; the old one's channels are closed after the swap.
Nothing of the old configuration survives a reload except the robots' sliding send logs (the
platform's quota does not reset because our configuration changed).

The ledger is not part of the App: the state outlives configurations. `open_state` opens it
(with the one-daemon lock), or a throw-away copy for --dry-run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scheduler.channels.factory import Channels, open_channels
from scheduler.deliver import Deliverer, Limiter
from scheduler.due import SendWindow
from scheduler.ledger import Ledger, Lock
from scheduler.pass_result import PassResult
from scheduler.plan import Planner
from scheduler.render import Renderer, UnitLink, UnitNotes
from scheduler.runtime import Runtime, build_runtime, planner_for


@dataclass(frozen=True, slots=True)
class App:
    runtime: Runtime
    planner: Planner
    renderer: Renderer
    channels: Channels
    deliverer: Deliverer
    dry_run: bool = False

    @property
    def window(self) -> SendWindow:
        s = self.runtime.settings
        return SendWindow(s.send_at, s.send_until, s.timezone, self.runtime.calendar)

    def files(self) -> tuple[Path, ...]:
        """The files this App was built from: the watcher reads the current App's list."""
        return self.runtime.files()

    async def aclose(self) -> None:
        await self.channels.aclose()


def assemble(runtime: Runtime, now: Callable[[], datetime], dry_run: bool = False,
             previous: App | None = None, unit_link: UnitLink | None = None, unit_notes: UnitNotes | None = None,
             clock: Callable[[], float] = time.monotonic) -> App:
    """An App around an already validated runtime (channels open; secrets resolved)."""
    s = runtime.settings
    per_minute = s.wecom.per_minute if s.wecom else 20
    history = previous.deliverer.limiter.sent if previous is not None else None
    deliverer = Deliverer(Limiter(per_minute, clock, history), clock=clock)
    renderer = Renderer(s.path.parent / "templates", unit_link, unit_notes)
    return App(runtime, planner_for(runtime), renderer, open_channels(runtime, now, dry_run), deliverer, dry_run)


def build_app(path: Path, now: Callable[[], datetime], dry_run: bool = False, previous: App | None = None,
              unit_link: UnitLink | None = None, unit_notes: UnitNotes | None = None) -> App:
    """Load, validate and open everything; raises ConfigError/DubanError before any swap."""
    runtime = build_runtime(path, strict_secrets=not dry_run)
    return assemble(runtime, now, dry_run, previous, unit_link, unit_notes)


class State:
    """The ledger and, for a real run, the lock that keeps a second `duban run` away."""

    def __init__(self, path: Path, dry_run: bool, lock_wait: float | None = None) -> None:
        self.lock: Lock | None = None
        if dry_run:
            self.ledger = Ledger.scratch(path)
            return
        self.lock = Lock(path)
        self.lock.acquire()
        try:
            self.ledger = Ledger(path) if lock_wait is None else Ledger(path, lock_wait=lock_wait)
        except BaseException:
            self.lock.release()
            raise

    def close(self) -> None:
        self.ledger.close()
        if self.lock is not None:
            self.lock.release()


async def run_once(runtime: Runtime, now: datetime, dry_run: bool) -> PassResult:
    """`run --once`: one pass at `now` (interrupted sends and retries included), then close."""
    from scheduler.feedback.readers import DecisionNotes
    from scheduler.pipeline import run_pass
    from scheduler.web.links import UnitLinker

    state = State(runtime.settings.state, dry_run)
    try:
        path = state.ledger.path
        app = assemble(runtime, lambda: now, dry_run, unit_link=UnitLinker(lambda: runtime, path, lambda: now),
                       unit_notes=DecisionNotes(lambda: runtime, path))
        try:
            return await run_pass(app, state.ledger, now)
        finally:
            await app.aclose()
    finally:
        state.close()
