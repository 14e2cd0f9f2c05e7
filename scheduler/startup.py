"""Signals that come before the daemon's event loop takes them over (`daemon.py`): while the
configuration is first loaded and the state opened (a locked state is waited for, minutes).

Their default actions end the process: SIGHUP (`systemctl reload`, sent once READY=1 is out) did
so with no word in the log, and under systemd an end by SIGHUP or SIGTERM is clean, so
Restart=on-failure never brought the daemon back. Here they are remembered instead, and acted on
once the loop runs: a stop stops it (exit 0, nothing sent), a reload reloads."""

from __future__ import annotations

import signal
from types import FrameType


class EarlySignals:
    def __init__(self) -> None:
        self.stop = False
        self.reload = False

    def install(self) -> EarlySignals:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._stop)
        signal.signal(signal.SIGHUP, self._reload)
        return self

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop = True

    def _reload(self, signum: int, frame: FrameType | None) -> None:
        self.reload = True
