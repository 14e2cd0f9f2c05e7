"""Issue #16 follow-up: `duban check` prints each settings error once; a state locked at the
daemon's start-up is reported and tried again (SPEC 3.3), not a reason to exit."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from scheduler.app import State
from scheduler.daemon import open_state
from scheduler.ledger import Ledger
from tests.conftest import SETTINGS, Duban, Project


def test_check_prints_a_settings_error_once(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS.replace('send_at = "09:00"', 'send_at = "25:00"'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    output = result.out + result.err
    assert output.count("send_at：时间“25:00”写法不对") == 1, output
    assert "检查未通过：1个错误，0条警告" in output


def _locked_database(path: Path) -> sqlite3.Connection:
    """Another program holding the whole database (exclusive locking mode: readers wait too)."""
    Ledger(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_state_locked_at_start_up_is_reported_and_opened_once_free(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    other = _locked_database(path)
    reports: list[str] = []

    async def scenario() -> State | None:
        stopping, reported = asyncio.Event(), asyncio.Event()

        def report(text: str) -> None:
            reports.append(text)
            reported.set()

        opening = asyncio.create_task(open_state(path, False, stopping, report, lock_wait=0.1, retry=0.05))
        await asyncio.wait_for(reported.wait(), 10)
        assert not opening.done()  # still waiting: not an exit
        other.execute("COMMIT")
        other.close()
        return await asyncio.wait_for(opening, 10)

    state = asyncio.run(scenario())
    assert state is not None
    state.close()
    assert reports[0] == f"状态数据库 {path} 被其他程序锁定超过 0 秒，本次不发送；稍后重试"


def test_sigterm_while_the_state_is_locked_at_start_up_stops_without_a_state(tmp_path: Path) -> None:
    path = tmp_path / "duban.db"
    other = _locked_database(path)

    async def scenario() -> State | None:
        stopping = asyncio.Event()
        return await open_state(path, False, stopping, lambda _text: stopping.set(), lock_wait=0.1, retry=30)

    try:
        assert asyncio.run(asyncio.wait_for(scenario(), 10)) is None
    finally:
        other.close()
