"""Signals that come before the daemon's event loop takes them over (`daemon.py`): while the
configuration is first loaded and the state opened (a locked state is waited for, minutes).

Their default actions end the process: SIGHUP (`systemctl reload`, sent once READY=1 is out) did
so with no word in the log, and under systemd an end by SIGHUP or SIGTERM is clean, so
Restart=on-failure never brought the daemon back. Here they are remembered instead, and acted on
once the loop runs: a stop stops it (exit 0, nothing sent), a reload reloads.

`serve` starts the daemon: the state opened (a locked one waited for), the App assembled, then
`Daemon.main` until it stops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from scheduler import logs
from scheduler.app import assemble
from scheduler.clock import Clock, ShiftedClock, SystemClock, parse_now
from scheduler.daemon import Daemon, open_state
from scheduler.feedback.readers import DecisionNotes
from scheduler.runtime import Runtime, build_runtime
from scheduler.systemd import Notifier
from scheduler.watch import signature
from scheduler.web.links import UnitLinker

log = logging.getLogger("duban")


def run_daemon(path: Path, dry_run: bool, now: str | None) -> int:
    """`duban run`: load and validate the files (signals kept meanwhile), then serve."""
    early = EarlySignals()
    with early.installed():
        runtime = build_runtime(path, strict_secrets=not dry_run)
        tz = runtime.settings.timezone
        clock = ShiftedClock(parse_now(now, tz)) if now else SystemClock(tz)
        return serve(path, runtime, dry_run, clock, early)


class EarlySignals:
    def __init__(self) -> None:
        self.stop = False
        self.reload = False

    @contextlib.contextmanager
    def installed(self) -> Iterator[EarlySignals]:
        """The handlers for the time it takes; the ones found are put back after (an in-process caller)."""
        found = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._stop)
        signal.signal(signal.SIGHUP, self._reload)
        try:
            yield self
        finally:
            for sig, handler in found.items():
                if handler is not None:  # None: not set from Python; nothing to put back
                    signal.signal(sig, handler)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop = True

    def _reload(self, signum: int, frame: FrameType | None) -> None:
        self.reload = True


def serve(path: Path, runtime: Runtime, dry_run: bool, clock: Clock, early: EarlySignals | None = None) -> int:
    """The daemon on a validated runtime; a state that cannot be opened is a Chinese message.
    `early`: the signals that came while the runtime was loaded."""
    logs.setup()
    return asyncio.run(_serve(path, runtime, dry_run, clock, early or EarlySignals()))


async def _serve(path: Path, runtime: Runtime, dry_run: bool, clock: Clock, early: EarlySignals) -> int:
    stopping, reload = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    loop.add_signal_handler(signal.SIGHUP, reload.set)  # while the state is opened (a lock: minutes) too
    if early.stop:
        stopping.set()
    if early.reload:
        reload.set()
    notifier = Notifier()
    loaded = signature(runtime.files())

    def locked(text: str) -> None:  # under systemd: started (not killed by TimeoutStartSec), and alive
        log.error("%s", text)
        notifier.ready(text)
        notifier.send("WATCHDOG=1")

    state = await open_state(runtime.settings.state, dry_run, stopping, locked)
    if state is None:
        log.info("stopping before the first pass")
        notifier.stopping()
        return 0
    linker = UnitLinker(lambda: runtime, state.ledger.path, clock.now)
    notes = DecisionNotes(lambda: runtime, state.ledger.path)
    try:
        app = assemble(runtime, clock.now, dry_run, unit_link=linker, unit_notes=notes)
    except BaseException:
        state.close()
        raise
    daemon = Daemon(path, app, state, clock)
    daemon.stopping, daemon.reload_wanted = stopping, reload
    linker.runtime = notes.runtime = lambda: daemon.app.runtime
    linker.now = daemon.now
    if signature(runtime.files()) != loaded:  # edited while the state was awaited (the watcher starts now)
        reload.set()
    return await daemon.main()
