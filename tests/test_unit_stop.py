"""The unit's stop timeout leaves the daemon time to act on SIGTERM (QA trial of #12).

A pass runs in the event loop; a state locked by another program is waited for up to LOCK_WAIT
inside SQLite, and SIGTERM is handled only after that, then a send in progress gets STOP_GRACE.
With TimeoutStopSec=30, `systemctl stop` during a locked pass SIGKILLed the daemon mid-pass (tried
with `sqlite3` holding BEGIN EXCLUSIVE: the daemon exited 0 only 60 s after SIGTERM).
"""

from __future__ import annotations

import re

from scheduler.daemon import STOP_GRACE
from scheduler.ledger import LOCK_WAIT
from tests.conftest import REPO


def _seconds(key: str) -> int:
    text = (REPO / "systemd" / "duban.service").read_text(encoding="utf-8")
    found = re.search(rf"^{key}=(\d+)$", text, re.MULTILINE)
    assert found is not None, key
    return int(found.group(1))


def test_the_stop_timeout_outlasts_a_lock_wait_and_the_send_grace() -> None:
    assert _seconds("TimeoutStopSec") >= LOCK_WAIT + STOP_GRACE + 10


def test_the_watchdog_outlasts_a_lock_wait() -> None:
    assert _seconds("WatchdogSec") / 2 > LOCK_WAIT  # pinged at half the interval, between passes
