"""New digests are recorded a batch of units at a time (one transaction) and each batch is sent
from memory right after its commit; SIGTERM stops the recording of further batches too."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from scheduler.ledger import Ledger
from scheduler.messages import Message
from scheduler.pipeline import run_pass
from tests.conftest import Project
from tests.kit import ONE_TASK, FakeChannel, at, make_app

UNITS = "".join(f'[unit."{u}"]\nemail = ["{n}@example.gov.cn"]\n\n'
                for n, u in enumerate(("督查室", "省司法厅", "省财政厅", "省发改委")))
TASKS = ONE_TASK.replace('responsible = ["省财政厅"]', 'responsible = ["省财政厅", "省发改委"]')


@pytest.fixture
def cfg(project: Project) -> Path:
    project.write("units.toml", UNITS)
    project.write("tasks.toml", TASKS)
    return project.config


def _recorded(db: Path) -> int:
    with sqlite3.connect(db) as other:  # another connection: sees what was committed
        return int(other.execute("SELECT count(*) FROM messages").fetchone()[0])


def test_each_batch_is_committed_then_sent_as_recorded(cfg: Path, project: Project) -> None:
    db = project.root / "state" / "duban.db"
    seen: list[int] = []
    email = FakeChannel("email", hook=lambda m: seen.append(_recorded(db)))
    app = make_app(cfg, email)
    with Ledger(db) as ledger:
        result = asyncio.run(run_pass(app, ledger, at("2021-06-30T09:30"), batch_items=1))
        stored = {m.key: ledger.message(m.key) for m in email.sent}
    assert result.sent == 3 and email.units() == ["省发改委", "省司法厅", "省财政厅"]
    assert seen == [1, 2, 3]  # one unit per batch: each sent after its own commit, before the next is recorded
    assert all(stored[m.key] == m for m in email.sent)  # sent from memory: exactly what the ledger holds


def test_sigterm_during_the_sends_records_no_further_batch(cfg: Path, project: Project) -> None:
    db = project.root / "state" / "duban.db"
    stop = asyncio.Event()

    def terminate(message: Message) -> None:
        stop.set()

    email = FakeChannel("email", hook=terminate)
    app = make_app(cfg, email)
    with Ledger(db) as ledger:
        first = asyncio.run(run_pass(app, ledger, at("2021-06-30T09:30"), stop, batch_items=1))
        assert (first.sent, _recorded(db)) == (1, 1)  # the other units' reminders were not recorded
        email.hook = None
        second = asyncio.run(run_pass(app, ledger, at("2021-06-30T09:45")))
    assert second.sent == 2 and len(email.sent) == 3 and len({m.unit for m in email.sent}) == 3
