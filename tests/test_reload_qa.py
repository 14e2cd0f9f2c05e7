"""QA pass on configuration, `duban check` and reload (SPEC §2, §3.3, §4): each case is a mistake a
coordinator or operator can make, run through the real CLI on real files in tmp_path."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from scheduler.app import State
from scheduler.channels.base import Outcome, Receipt
from scheduler.clock import FixedClock
from scheduler.daemon import Daemon
from tests.conftest import SETTINGS, TASKS, UNITS, Duban, Project
from tests.kit import FakeChannel, at, make_app


def check(duban: Duban, project: Project) -> tuple[int, str]:
    result = duban("check", "--config", str(project.config))
    assert "Traceback" not in result.out + result.err
    return result.code, result.out + result.err


def test_a_tasks_file_listed_twice_is_an_error_not_doubled_tasks(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "./tasks.toml"]'))
    code, out = check(duban, project)
    assert code == 1
    assert "duban.toml tasks[1]：与 tasks[0] 是同一个文件（./tasks.toml），请只列一次" in out


def test_a_symlink_to_a_listed_tasks_file_counts_as_the_same_file(project: Project, duban: Duban) -> None:
    (project.root / "link.toml").symlink_to(project.root / "tasks.toml")
    project.write("duban.toml", SETTINGS.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "link.toml"]'))
    code, out = check(duban, project)
    assert code == 1
    assert "duban.toml tasks[1]：与 tasks[0] 是同一个文件（link.toml），请只列一次" in out


def test_an_alias_equal_to_a_unit_defined_later_is_an_error(project: Project, duban: Duban) -> None:
    project.write("units.toml", UNITS.replace('aliases = ["司法厅"]', 'aliases = ["省财政厅"]'))
    code, out = check(duban, project)
    assert code == 1
    assert 'units.toml [unit."省司法厅"] → aliases：别名“省财政厅”与单位名称重复' in out


def test_an_alias_equal_to_a_unit_defined_earlier_is_an_error(project: Project, duban: Duban) -> None:
    project.write("units.toml", UNITS.replace('[unit."省财政厅"]', '[unit."省财政厅"]\naliases = ["督查室"]'))
    code, out = check(duban, project)
    assert code == 1
    assert 'units.toml [unit."省财政厅"] → aliases：别名“督查室”与单位名称重复' in out


def test_a_group_as_coordinator_is_told_to_name_a_unit(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS.replace('coordinator = "督查室"', 'coordinator = "各地区"'))
    code, out = check(duban, project)
    assert code == 1
    assert "duban.toml coordinator：“各地区”是 units.toml 中的分组，督办单位应为一个单位（或其别名）" in out
    assert "您是不是想写" not in out


def test_a_group_named_like_a_unit_is_placed_without_a_dangling_arrow(project: Project, duban: Duban) -> None:
    project.write("units.toml", UNITS + '\n[unit."各地区"]\n')
    code, out = check(duban, project)
    assert code == 1
    assert 'units.toml [group."各地区"]：分组名称“各地区”与单位名称或别名重复' in out


def test_a_tasks_file_in_gbk_names_the_file_and_the_way_out(project: Project, duban: Duban) -> None:
    (project.root / "tasks.toml").write_bytes(TASKS.encode("gbk"))
    code, out = check(duban, project)
    assert code == 1
    assert "tasks.toml 第2行：文件似乎是 GBK/GB18030 编码，duban 只接受 UTF-8" in out


# --- the running daemon: a bad edit keeps the last good configuration, the coordinator is told once


class Running:
    """A Daemon in-process on real files and a real state, its clock injected; `reload()` is what
    a file change or SIGHUP triggers."""

    def __init__(self, project: Project, email: FakeChannel | None = None) -> None:
        self.project = project
        self.email = email or FakeChannel("email")
        self.state = State(project.root / "state" / "duban.db", dry_run=False)
        self.clock = FixedClock(at("2021-06-30T09:30"))
        self.daemon = Daemon(project.config, make_app(project.config, self.email), self.state, self.clock)

    def reload(self) -> None:
        asyncio.run(self.daemon.reload())

    def task_ids(self) -> list[str]:
        return [t.id for t in self.daemon.app.runtime.tasks]

    def notices(self) -> list[str]:
        db = sqlite3.connect(self.state.ledger.path)
        try:
            return [str(r[0]) for r in db.execute("SELECT subject FROM messages WHERE kind = 'notice' ORDER BY rowid")]
        finally:
            db.close()

    def close(self) -> None:
        asyncio.run(self.daemon.app.aclose())
        self.state.close()


@pytest.fixture
def running(project: Project) -> Iterator[Running]:
    r = Running(project)
    yield r
    r.close()


BAD_LEAD = TASKS.replace('lead = ["省司法厅"]', 'lead = ["省司法局"]')


def test_the_same_mistake_made_again_after_a_fix_is_told_again(project: Project, running: Running) -> None:
    project.write("tasks.toml", BAD_LEAD)
    running.reload()
    running.reload()  # the same broken file again (a later pass, a SIGHUP): not told twice
    assert len(running.notices()) == 1
    project.write("tasks.toml", TASKS)
    running.reload()
    project.write("tasks.toml", BAD_LEAD)  # weeks later, the same slip
    running.reload()
    assert len(running.notices()) == 2
    assert running.task_ids() == ["T-01"]


def _delete(project: Project) -> None:
    (project.root / "tasks.toml").unlink()


def _directory(project: Project) -> None:
    (project.root / "tasks.toml").unlink()
    (project.root / "tasks.toml").mkdir()
    (project.root / "tasks.toml" / "notes.txt").write_text("不是任务文件\n", encoding="utf-8")


def _dangling(project: Project) -> None:
    (project.root / "tasks.toml").unlink()
    (project.root / "tasks.toml").symlink_to(project.root / "nowhere.toml")


def _drop_unit(project: Project) -> None:
    project.write("units.toml", UNITS.replace('[unit."省司法厅"]\naliases = ["司法厅"]\nemail = ["sft@example.gov.cn"]\n', ""))


def _gbk(project: Project) -> None:
    (project.root / "tasks.toml").write_bytes(TASKS.replace("第一项任务", "第一项任务（改）").encode("gbk"))


def _settings_deleted(project: Project) -> None:
    project.config.unlink()


def _units_bad_type(project: Project) -> None:
    project.write("units.toml", UNITS.replace('email = ["czt@example.gov.cn"]', "email = 3"))


def _listed_twice(project: Project) -> None:
    project.write("duban.toml", SETTINGS.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "tasks.toml"]'))


@pytest.mark.parametrize(("edit", "told"), [
    (_settings_deleted, "duban.toml：文件不存在"),
    (_units_bad_type, 'units.toml [unit."省财政厅"] → email：应为数组'),
    (_listed_twice, "duban.toml tasks[1]：与 tasks[0] 是同一个文件"),
    (_delete, "tasks.toml：文件不存在"),
    (_directory, "tasks.toml：这是一个目录，不是文件"),
    (_dangling, "tasks.toml：文件不存在"),
    (_drop_unit, "units.toml 中没有单位、别名或分组“省司法厅”"),
    (_gbk, "tasks.toml 第2行：文件似乎是 GBK/GB18030 编码"),
])
def test_a_broken_file_under_a_running_daemon_keeps_the_last_good_configuration(
        project: Project, running: Running, edit: Callable[[Project], None], told: str,
        caplog: pytest.LogCaptureFixture) -> None:
    edit(project)
    running.reload()
    running.reload()
    assert running.task_ids() == ["T-01"]
    assert running.notices() == ["【督办系统】配置文件有误，仍按上一版有效配置运行"]
    assert told in caplog.text
    assert "Traceback" not in caplog.text


def test_a_task_deleted_with_its_reminder_awaiting_a_retry_is_withdrawn(project: Project) -> None:
    project.write("tasks.toml", TASKS + '\n[[task]]\nid = "T-02"\ntitle = "第二项任务"\nlead = ["省财政厅"]\n'
                  "deadline = 2021-06-30\n")
    down = Running(project, FakeChannel("email", default=Receipt(Outcome.TEMPORARY, "421 try later")))
    try:
        asyncio.run(down.daemon.one_pass())  # every send fails for now: retries are queued
        project.write("tasks.toml", TASKS)  # T-02 deleted before its retry
        down.reload()
        down.clock.advance(timedelta(days=1))
        asyncio.run(down.daemon.one_pass())
        db = sqlite3.connect(down.state.ledger.path)
        states = dict(db.execute("SELECT unit, state FROM messages WHERE kind != 'notice'").fetchall())
        db.close()
    finally:
        down.close()
    assert states["省财政厅"] == "withdrawn"
    assert states["省司法厅"] == "sent"


@pytest.mark.parametrize(("written", "place"), [
    ('id = "T-01\\u0007"', 'tasks.toml 第6行 [[task]] id="T-01\\u0007" → id'),
    ('id = "T-01\\u007f"', 'tasks.toml 第6行 [[task]] id="T-01\\u007f" → id'),
])
def test_a_task_id_with_a_control_character_is_refused(project: Project, duban: Duban, written: str,
                                                        place: str) -> None:
    project.write("tasks.toml", TASKS.replace('id = "T-01"', written))
    code, out = check(duban, project)
    assert code == 1
    assert f"{place}：应为不含空格、引号和控制字符的编号" in out


@pytest.mark.parametrize("written", ['id = ""', 'id = "1\\t"', 'id = "a\\u0000"', 'id = "  "'])
def test_a_milestone_id_empty_or_with_a_control_character_is_refused(project: Project, duban: Duban,
                                                                      written: str) -> None:
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", f"[[task.milestone]]\n{written}\n"
                                              "deadline = 2021-06-30\n"))
    code, out = check(duban, project)
    assert code == 1
    assert 'tasks.toml 第6行 [[task]] id="T-01" → milestone[0] → id：时间节点编号不能为空，也不能含控制字符' in out


def test_an_empty_coordinator_is_an_error(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS.replace('coordinator = "督查室"', 'coordinator = ""'))
    code, out = check(duban, project)
    assert code == 1
    assert "duban.toml coordinator：不能为空，应为 units.toml 中的一个单位" in out


def test_an_empty_list_of_tasks_files_is_an_error(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS.replace('tasks = "tasks.toml"', "tasks = []"))
    code, out = check(duban, project)
    assert code == 1
    assert "duban.toml tasks：至少列出一个任务文件" in out


@pytest.mark.parametrize(("table", "place"), [
    ('[unit." 省司法厅"]', '[unit." 省司法厅"]'),
    ('[unit.""]', '[unit.""]'),
    ('[group."各地区 "]\nmembers = ["西宁市"]', '[group."各地区 "]'),
])
def test_a_unit_or_group_name_with_surrounding_spaces_or_empty_is_an_error(project: Project, duban: Duban,
                                                                           table: str, place: str) -> None:
    project.write("units.toml", UNITS + f"\n{table}\n")
    code, out = check(duban, project)
    assert code == 1
    assert f"units.toml {place}：名称不能为空，前后也不能有空格（任务中的名称会去掉前后空格，这个名称无法被引用）" in out


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_a_repeat_more_often_than_daily_is_refused_not_expanded(project: Project, duban: Duban, freq: str) -> None:
    project.write("tasks.toml", TASKS.replace("deadline = 2021-06-30", f'repeat = "FREQ={freq}"\n'
                                              "start = 2021-01-01\nuntil = 2040-12-31"))
    code, out = check(duban, project)
    assert code == 1
    assert (f'tasks.toml 第6行 [[task]] id="T-01" → repeat：“FREQ={freq}”重复得比每天更频繁：每次是一个以日期为编号的'
            "时间节点，应为 DAILY、WEEKLY、MONTHLY 或 YEARLY") in out
