"""The daemon under a systemd-like supervisor: a datagram socket the test owns as NOTIFY_SOCKET."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scheduler.logs import JournalFormatter
from scheduler.systemd import Notifier
from tests.conftest import REPO


class Supervisor:
    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.received: list[tuple[float, str]] = []

    def next(self, wanted: str, timeout: float = 20.0) -> tuple[float, str]:
        """The next datagram containing `wanted` (earlier ones are kept in `received`)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            self.sock.settimeout(left)
            data = self.sock.recv(4096).decode("utf-8")
            self.received.append((time.monotonic(), data))
            if wanted in data:
                return self.received[-1]
        raise AssertionError(f"no {wanted!r} within {timeout} s; got {self.received}")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "config", tmp_path / "config")
    shutil.copy(REPO / "tasks.toml", tmp_path / "tasks.toml")
    return tmp_path / "config" / "duban.toml"


def test_ready_watchdog_reload_status_and_stop(tmp_path: Path, sample: Path) -> None:
    supervisor = Supervisor(tmp_path / "notify.sock")
    env = {**os.environ, "NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "600000",
           "JOURNAL_STREAM": "8:1234"}
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--config", str(sample),
                             "--now", "2021-07-03T10:00"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        supervisor.next("READY=1")
        status = supervisor.next("STATUS=下一次发送：")[1]
        assert "STATUS=下一次发送：2021-07-05 09:00，待发" in status  # Saturday: waits for Monday
        pings = [supervisor.next("WATCHDOG=1")[0] for _ in range(4)]
        gaps = [b - a for a, b in itertools.pairwise(pings)]
        assert all(0.15 < g < 0.6 for g in gaps), gaps  # every WATCHDOG_USEC / 2 = 0.3 s
        proc.send_signal(signal.SIGHUP)
        reloading = supervisor.next("RELOADING=1")[1]
        assert "MONOTONIC_USEC=" in reloading
        supervisor.next("READY=1")
        proc.send_signal(signal.SIGTERM)
        supervisor.next("STOPPING=1")
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert err.startswith("<6>duban started")  # journald priority prefix, no timestamp
    assert all(line[:3] in ("<6>", "<4>", "<3>", "<7>") for line in err.splitlines()), err


def test_nothing_is_sent_without_notify_socket() -> None:
    notifier = Notifier({})
    notifier.ready("已加载")  # no socket: a no-op, no error
    assert notifier.address == "" and notifier.watchdog_interval is None


def test_watchdog_is_for_the_main_pid_only() -> None:
    assert Notifier({"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "2000000"}).watchdog_interval == 1.0
    assert Notifier({"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"}).watchdog_interval is None
    assert Notifier({"NOTIFY_SOCKET": "@abstract"}).address == "\0abstract"


def test_journal_lines_carry_priorities() -> None:
    import logging

    record = logging.LogRecord("duban", logging.ERROR, __file__, 1, "发送失败\n第二行", None, None)
    assert JournalFormatter("%(message)s").format(record) == "<3>发送失败\n<3>第二行"
