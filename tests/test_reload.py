"""Reload and stop (defects 7 and 8): the watcher follows the current files and symlinks, a reload
swaps the whole App, SIGTERM lets the first pass stop cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scheduler.app import build_app
from tests.conftest import SETTINGS, Project, email_channel
from tests.fakes import Mailbox, SmtpServer
from tests.kit import at


async def _until_seen(wanted: asyncio.Event, change: Callable[[int], object], timeout: float = 15.0) -> bool:
    """Make a change until the watcher reports it (it may not be watching yet at the first one)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    n = 0
    while loop.time() < end:
        change(n)
        n += 1
        try:
            await asyncio.wait_for(wanted.wait(), 0.5)
            return True
        except TimeoutError:
            continue
    return False


def _watch(files: Callable[[], tuple[Path, ...]], steps: Callable[[asyncio.Event, asyncio.Event], object]) -> None:
    from scheduler.watch import watch_files

    async def main() -> None:
        wanted, stop, reloaded = asyncio.Event(), asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(watch_files(files, wanted, stop, reloaded))
        try:
            await steps(wanted, reloaded)  # type: ignore[misc]
        finally:
            stop.set()
            await asyncio.wait_for(task, 10)

    asyncio.run(main())


def test_defect_7_a_file_replaced_by_a_symlink_and_its_edited_target_are_changes(tmp_path: Path) -> None:
    conf, other = tmp_path / "conf", tmp_path / "elsewhere"
    conf.mkdir()
    other.mkdir()
    tasks, target = conf / "tasks.toml", other / "real.toml"
    tasks.write_text("# v0\n", encoding="utf-8")
    target.write_text("# target\n", encoding="utf-8")

    def to_link(n: int) -> None:
        if not tasks.is_symlink():
            tasks.unlink()
            tasks.symlink_to(target)
        else:
            target.write_text(f"# touched {n}\n", encoding="utf-8")

    async def steps(wanted: asyncio.Event, reloaded: asyncio.Event) -> None:
        assert await _until_seen(wanted, to_link)
        wanted.clear()
        reloaded.set()
        assert await _until_seen(wanted, lambda n: target.write_text(f"# edited {n}\n", encoding="utf-8"))

    _watch(lambda: (tasks,), steps)


def test_defect_7_a_tasks_file_added_by_a_reload_is_watched(tmp_path: Path) -> None:
    first, added = tmp_path / "a" / "tasks.toml", tmp_path / "b" / "more.toml"
    for path in (first, added):
        path.parent.mkdir()
        path.write_text("# v0\n", encoding="utf-8")
    current: list[Path] = [first]

    async def steps(wanted: asyncio.Event, reloaded: asyncio.Event) -> None:
        assert await _until_seen(wanted, lambda n: first.write_text(f"# {n}\n", encoding="utf-8"))
        current.append(added)  # the reload took a settings file naming a second tasks file
        wanted.clear()
        reloaded.set()
        assert await _until_seen(wanted, lambda n: added.write_text(f"# {n}\n", encoding="utf-8"))

    _watch(lambda: tuple(current), steps)


def test_defect_7_a_reload_takes_the_new_limits(project: Project) -> None:
    project.write("duban.toml", SETTINGS + '\n[channels.wecom]\nper_minute = 20\n')
    old = build_app(project.config, lambda: at("2021-06-30T09:30"), dry_run=True)
    old.deliverer.limiter.record("wecom:robot")
    project.write("duban.toml", SETTINGS + '\n[channels.wecom]\nper_minute = 5\n')
    new = build_app(project.config, lambda: at("2021-06-30T09:30"), dry_run=True, previous=old)
    assert (old.deliverer.limiter.per_minute, new.deliverer.limiter.per_minute) == (20, 5)
    assert len(new.deliverer.limiter.sent["wecom:robot"]) == 1  # the robot's quota does not reset
    assert new.runtime is not old.runtime and new.channels is not old.channels


def test_defect_8_sigterm_during_the_first_pass_stops_it_cleanly(project: Project) -> None:
    hung = Mailbox(hold=True)
    with SmtpServer(hung) as srv:
        project.write("duban.toml", SETTINGS + email_channel(srv.port, "timeout = 60\n"))
        proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "run", "--config", str(project.config),
                                 "--now", "2021-06-30T09:30"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert hung.data_started.wait(20)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopping" in err
    db = sqlite3.connect(project.root / "state" / "duban.db")
    states = sorted(r[0] for r in db.execute("SELECT state FROM messages"))
    assert states.count("pending") == 1  # the cut send: resent once at the next start
    assert "sent" not in states  # no new send was started after SIGTERM


def test_defect_10_a_locked_state_is_reported_and_the_daemon_goes_on(project: Project,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    from scheduler.app import State
    from scheduler.clock import FixedClock
    from scheduler.daemon import Daemon
    from tests.kit import FakeChannel, make_app

    email = FakeChannel("email")
    app = make_app(project.config, email)
    state = State(project.root / "state" / "duban.db", dry_run=False, lock_wait=0.2)
    other = sqlite3.connect(project.root / "state" / "duban.db", isolation_level=None)

    async def main() -> tuple[int, int, int]:
        daemon = Daemon(project.config, app, state, FixedClock(at("2021-06-30T09:30")))
        other.execute("BEGIN EXCLUSIVE")
        locked = await daemon.one_pass()
        sent_while_locked = len(email.sent)
        other.execute("ROLLBACK")
        later = await daemon.one_pass()
        return locked, sent_while_locked, later

    try:
        assert asyncio.run(main()) == (0, 0, 0)
    finally:
        state.close()
    assert any("锁定超过" in r.getMessage() for r in caplog.records)
    assert email.sent  # sent once the lock was gone
