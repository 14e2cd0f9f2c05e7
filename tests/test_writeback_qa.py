"""An adversarial pass on the write-back of accepted feedback (SPEC §3.4): tasks files written the way
coordinators write them, edited meanwhile, linked, read-only; the CLI and the web review on real files."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from scheduler.errors import DubanError
from scheduler.feedback.store import Store
from scheduler.feedback.writeback import Edit, commit, prepare
from scheduler.runtime import build_runtime
from tests.conftest import Duban, Project
from tests.web_support import TASKS, TZ, Site, csrf_of, make_site, running_site, web_project

NOW = datetime(2021, 6, 28, 10, 0, tzinfo=TZ)
NOTE = "省司法厅报办结：2021-06-25完成，2021-06-26报送，2021-06-28审核同意"


def done(task: str = "A", milestone: str = "1", unit: str = "省司法厅", whole: bool = True) -> Edit:
    return Edit("done", task, milestone, unit, whole, date(2021, 6, 25), date(2021, 6, 26), date(2021, 6, 28))


def extend(day: date, old: date, written: str = "", task: str = "A") -> Edit:
    return Edit("extend", task, "1", "省司法厅", True, day, date(2021, 6, 26), date(2021, 6, 28), old, written)


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def accept(path: Path, edit: Edit) -> str:
    prepared = prepare(path, edit)
    commit(prepared)
    tomllib.loads(path.read_bytes().decode("utf-8-sig"))  # still TOML after every write
    return prepared.summary


def submit(project: Project, unit: str, task: str, milestone: str, kind: str, day: str) -> int:
    store = Store(project.root / "state" / "duban.db")
    try:
        return store.submit(NOW, unit, task, milestone, kind, day, "说明", "127.0.0.1")
    finally:
        store.close()


# -- layouts a coordinator writes ----------------------------------------------------------------------

def test_comments_and_blank_lines_around_and_inside_the_task_are_kept_byte_for_byte(tmp_path: Path) -> None:
    before = ('# 清单\n\n[[task]]  # 第一项\n# 编号不要改\nid = "A"  # 编号\n\n# 标题\ntitle = "t"\n\n'
              'deadline = 2021-07-01\n# A 的尾注\n\n# B 的说明\n[[task]]\nid = "B"\ntitle = "t"\ndeadline = 2021-07-01\n')
    path = write(tmp_path / "tasks.toml", before)
    accept(path, done())
    assert path.read_text(encoding="utf-8") == before.replace(
        "deadline = 2021-07-01\n# A", f"deadline = 2021-07-01\ndone = 2021-06-25  # {NOTE}\n# A")


def test_a_crlf_file_keeps_crlf_on_every_line(tmp_path: Path) -> None:
    before = ('[[task]]\r\nid = "A"\r\ntitle = "t"\r\ndeadline = 2021-07-01\r\n\r\n'
              '[[task]]\r\nid = "B"\r\ntitle = "t"\r\n  [[task.milestone]]\r\n  deadline = 2021-07-01\r\n')
    path = write(tmp_path / "tasks.toml", before)
    accept(path, extend(date(2021, 9, 30), date(2021, 7, 1), task="A"))
    accept(path, done())
    accept(path, done("B", whole=False))
    after = path.read_bytes().decode("utf-8")
    assert after.count("\n") == after.count("\r\n") == before.count("\r\n") + 3


def test_a_bom_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "tasks.toml", b'\xef\xbb\xbf[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n')
    accept(path, done())
    assert path.read_bytes() == ('\ufeff[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n'
                                 f"done = 2021-06-25  # {NOTE}\n").encode()


def test_a_unit_joins_an_existing_multiline_done_by(tmp_path: Path) -> None:
    path = write(tmp_path / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\n  [[task.milestone]]\n'
                 '  deadline = 2021-07-01\n  done_by = [\n    "西宁市",\n  ]\n  what = "w"\n')
    accept(path, done(unit="海东市", whole=False))
    text = path.read_text(encoding="utf-8")
    assert '  done_by = ["西宁市", "海东市"]  # 海东市报办结：' in text and text.endswith('  what = "w"\n')


@pytest.mark.parametrize("layout", [
    '[[task]]\nid = "A"\ntitle = "t"\nmilestone = [{deadline = 2021-07-01}]\n',
    'task = [{id = "A", title = "t", deadline = 2021-07-01}]\n',
])
def test_inline_tables_are_refused_with_a_message_saying_what_to_write(tmp_path: Path, layout: str) -> None:
    path = write(tmp_path / "tasks.toml", layout)
    with pytest.raises(DubanError, match=r"行内表.*\[\[task"):
        prepare(path, done())
    assert path.read_text(encoding="utf-8") == layout


# -- the file changed between the submission and the decision ---------------------------------------------

def test_a_milestone_already_marked_done_by_hand_keeps_the_coordinators_date(tmp_path: Path) -> None:
    before = '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\ndone = 2021-06-20  # 协调人手工销号\n'
    path = write(tmp_path / "tasks.toml", before)
    assert accept(path, done()) == "节点 A/1 已写有 done = 2021-06-20，任务文件未改动"
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("marked", "message"), [
    ("done = 2021-06-20\n", "节点 A/1 已办结（done = 2021-06-20），不能再延期"),
    ('status = "done"\n', '节点 A/1 已办结（任务 status = "done"），不能再延期'),
])
def test_an_extension_of_a_milestone_marked_done_meanwhile_is_refused(tmp_path: Path, marked: str,
                                                                     message: str) -> None:
    before = '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n' + marked
    path = write(tmp_path / "tasks.toml", before)
    with pytest.raises(DubanError, match=re.escape(message)):
        prepare(path, extend(date(2021, 9, 30), date(2021, 7, 1)))
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("written", "message"), [
    ("2021-10-31", "时限已是 2021-10-31"),  # moved past the request: not shortened
    ("2021-08-31", "时限已改为 2021-08-31"),  # moved, still before the request: the coordinator decides again
    ('"9月底前"', "时限已改为“9月底前”"),
    ("2021-10-31T18:00:00", "时限已改为 2021-10-31 18:00:00"),  # a date-time (which check refuses): no crash
])
def test_an_extension_whose_deadline_was_changed_meanwhile_is_refused(tmp_path: Path, written: str,
                                                                    message: str) -> None:
    before = f'[[task]]\nid = "A"\ntitle = "t"\ndeadline = {written}  # 协调人已改\n'
    path = write(tmp_path / "tasks.toml", before)
    with pytest.raises(DubanError, match=message):
        prepare(path, extend(date(2021, 9, 30), date(2021, 7, 1)))
    assert path.read_text(encoding="utf-8") == before


def test_an_extension_keeps_the_coordinators_comment_on_the_deadline_line(tmp_path: Path) -> None:
    path = write(tmp_path / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\ndeadline = "年底前"   # 原文：年底前完成\n')
    accept(path, extend(date(2022, 3, 31), date(2021, 12, 31), "年底前"))
    accept(path, extend(date(2022, 6, 30), date(2022, 3, 31)))
    assert path.read_text(encoding="utf-8").splitlines()[-2:] == [
        "deadline = 2022-06-30   # 原文：年底前完成；延期：原时限“年底前”（2021-12-31），省司法厅于2021-06-26申请延期至"
        "2022-03-31，2021-06-28审核同意；延期：原时限 2022-03-31，省司法厅于2021-06-26申请延期至2022-06-30，"
        "2021-06-28审核同意",
        "extended_from = 2022-03-31"]


def test_a_unit_already_in_done_by_leaves_the_file_and_its_comment_alone(tmp_path: Path) -> None:
    before = '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\ndone_by = ["西宁市"]  # 协调人已填\n'
    path = write(tmp_path / "tasks.toml", before)
    assert accept(path, done(unit="西宁市", whole=False)) == "节点 A/1 的 done_by 已有“西宁市”，任务文件未改动"
    assert path.read_text(encoding="utf-8") == before


def test_a_tasks_file_that_became_invalid_meanwhile_is_not_written(tmp_path: Path) -> None:
    before = '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n\n[[task]]\nid = "B"\ntitle = "t\n'
    path = write(tmp_path / "tasks.toml", before)
    with pytest.raises(DubanError, match=r"tasks.toml 现在不是有效的 TOML.*请先改正"):
        prepare(path, done())
    assert path.read_text(encoding="utf-8") == before


def test_a_non_lead_units_done_of_a_recurring_occurrence_does_not_close_it_for_everyone(tmp_path: Path) -> None:
    before = ('[[task]]\nid = "A"\ntitle = "t"\nlead = ["省司法厅"]\nresponsible = ["西宁市"]\n'
              'repeat = "FREQ=MONTHLY;BYMONTHDAY=-1"\nstart = 2021-06-01\n')
    path = write(tmp_path / "tasks.toml", before)
    with pytest.raises(DubanError, match="不是牵头单位"):
        prepare(path, done(milestone="2021-06-30", unit="西宁市", whole=False))
    assert path.read_text(encoding="utf-8") == before
    accept(path, done(milestone="2021-06-30"))
    assert path.read_text(encoding="utf-8") == before + f"done_through = 2021-06-30  # {NOTE}\n"


# -- the file system ------------------------------------------------------------------------------------------

def test_a_symlinked_tasks_file_is_written_through_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = write(tmp_path / "real" / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n')
    link = tmp_path / "tasks.toml"
    link.symlink_to(real)
    accept(link, done())
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").endswith(f"done = 2021-06-25  # {NOTE}\n")
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["tasks.toml"]


def test_a_read_only_tasks_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    before = '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n'
    path = write(tmp_path / "tasks.toml", before)
    os.chmod(path, 0o444)
    with pytest.raises(DubanError, match="只读"):
        commit(prepare(path, done()))
    assert (path.read_text(encoding="utf-8"), path.stat().st_mode & 0o777) == (before, 0o444)
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.toml"]


def test_a_read_only_directory_gives_a_chinese_message_and_no_temporary_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anyway: the case is covered by a non-root run
        folder = tmp_path / "ro"
        folder.mkdir()
        path = write(folder / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n')
        accept(path, done())
        assert [p.name for p in folder.iterdir()] == ["tasks.toml"]
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n')
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(DubanError, match="无法写入任务文件"):
            commit(prepare(path, done()))
        assert [p.name for p in folder.iterdir()] == ["tasks.toml"]
    finally:
        os.chmod(folder, 0o755)


def test_the_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    path = write(tmp_path / "tasks.toml", '[[task]]\nid = "A"\ntitle = "t"\ndeadline = 2021-07-01\n')
    os.chmod(path, 0o664)
    if os.geteuid() == 0:
        os.chown(path, 4321, 4322)
    owner = (path.stat().st_uid, path.stat().st_gid)
    accept(path, done())
    assert (path.stat().st_uid, path.stat().st_gid, path.stat().st_mode & 0o777) == (*owner, 0o664)


# -- through the command line and the web -----------------------------------------------------------------------

SPLIT = """\
[[task]]
id = "S-01"
title = "第二个文件中的任务"
lead = ["省财政厅"]
deadline = 2021-07-30
"""


def test_a_task_in_the_second_tasks_file_is_written_there_and_check_passes(project: Project, duban: Duban) -> None:
    web_project(project)
    settings = project.config.read_text(encoding="utf-8")
    project.write("duban.toml", settings.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "more.toml"]'))
    project.write("more.toml", SPLIT)
    ident = submit(project, "省财政厅", "S-01", "1", "extend", "2021-09-30")
    config = str(project.config)
    result = duban("feedback", "accept", str(ident), "--config", config, "--now", "2021-06-29T10:00")
    assert (result.code, result.out) == (0, "已写入 more.toml：节点 S-01/1 的时限改为 2021-09-30（原 2021-07-30）\n")
    assert (project.root / "tasks.toml").read_text(encoding="utf-8") == TASKS
    assert duban("check", "--config", config).code == 0
    reloaded = build_runtime(project.config)
    moved = next(t for t in reloaded.tasks if t.id == "S-01").milestones[0]
    assert (moved.deadline, moved.extended_from) == (date(2021, 9, 30), date(2021, 7, 30))


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project) as found:
        yield found


def test_the_same_submission_accepted_in_two_tabs_is_written_once(site: Site) -> None:
    ident = submit(site.project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    site.sign_in()
    page = site.client.get("/feedback").text  # both tabs were loaded before either decided
    tasks = site.project.root / "tasks.toml"
    for _ in range(2):
        site.client.post(f"/feedback/{ident}", data={"decision": "accept", "note": "", "csrf": csrf_of(page)},
                         follow_redirects=False)
    after = tasks.read_text(encoding="utf-8")
    assert after.count("done = 2021-06-25") == 1
    assert "反馈 1 不需要审核或已审核（已同意）" in site.client.get(f"/feedback?done={ident}").text
    assert site.reloads == [1]


def test_an_edit_saved_after_the_page_loaded_is_kept_and_the_task_that_moved_is_found(project: Project) -> None:
    web_project(project)
    settings = project.config.read_text(encoding="utf-8")
    project.write("duban.toml", settings.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "t01.toml"]'))
    project.write("t01.toml", "# 第一项任务单独放在这里\n")
    site = make_site(project)
    try:
        ident = submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25")
        site.sign_in()
        page = site.client.get("/feedback").text
        block = TASKS[TASKS.index('[[task]]\nid = "T-01"'):TASKS.index('[[task]]\nid = "T-02"')]
        moved = "# 第一项任务单独放在这里\n" + block.replace("第一项任务", "第一项任务（协调人已改）")
        project.write("tasks.toml", TASKS.replace(block, ""))  # saved before the daemon reloaded
        project.write("t01.toml", moved)
        site.client.post(f"/feedback/{ident}", data={"decision": "accept", "note": "", "csrf": csrf_of(page)},
                         follow_redirects=False)
        assert "已写入 t01.toml" in site.client.get(f"/feedback?done={ident}").text
        assert (project.root / "t01.toml").read_text(encoding="utf-8") == moved.replace(
            "# 原文：6月底前\n", f"# 原文：6月底前\ndone = 2021-06-25  # {NOTE.replace('06-26报送', '06-28报送')}\n")
        site.reload()
        assert next(t for t in site.runtime.tasks if t.id == "T-01").milestones[0].done == date(2021, 6, 25)
    finally:
        site.client.close()
        site.store.close()


def test_a_tasks_file_holding_no_task_yet_loads(project: Project, duban: Duban) -> None:
    """Found on the way: a second tasks file with only a comment crashed the loader's memo (a traceback)."""
    settings = project.config.read_text(encoding="utf-8")
    project.write("duban.toml", settings.replace('tasks = "tasks.toml"', 'tasks = ["tasks.toml", "later.toml"]'))
    project.write("later.toml", "# 下半年的任务写在这里\n")
    result = duban("check", "--config", str(project.config))
    assert (result.code, result.err) == (0, "")
    assert [t.id for t in build_runtime(project.config).tasks] == ["T-01"]


def test_the_whole_file_is_parsed_again_only_when_it_is_not_the_content_last_loaded(project: Project) -> None:
    from scheduler.load import cache

    path = (project.root / "tasks.toml").resolve()
    build_runtime(project.config)
    loaded = path.read_bytes()
    assert (cache.known_good(path, loaded), cache.known_good(path, loaded + b"\n# \xe6\x94\xb9\n")) == (True, False)


def test_after_an_accepted_done_the_next_pass_reminds_nobody_of_it(project: Project, duban: Duban) -> None:
    web_project(project)
    config = str(project.config)
    ident = submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    assert duban("feedback", "accept", str(ident), "--config", config, "--now", "2021-06-29T10:00").code == 0
    assert duban("check", "--config", config).code == 0
    assert duban("run", "--once", "--config", config, "--now", "2021-06-30T09:30").code == 0
    history = duban("history", "--task", "T-01", "--format", "json", "--config", config)
    assert (history.code, history.out) == (0, "[]\n")


def test_a_refused_write_back_on_the_web_says_why_and_the_submission_still_waits(site: Site) -> None:
    ident = submit(site.project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    tasks = site.project.root / "tasks.toml"
    os.chmod(tasks, 0o444)
    site.sign_in()
    page = site.client.get("/feedback").text
    response = site.client.post(f"/feedback/{ident}", data={"decision": "accept", "note": "", "csrf": csrf_of(page)},
                                follow_redirects=False)
    assert response.status_code == 303
    shown = site.client.get(f"/feedback?done={ident}").text
    assert "未完成：任务文件 tasks.toml 是只读的（或本服务无权写入）：本次未写入。" in shown
    sub = site.store.get(ident)
    assert (tasks.read_text(encoding="utf-8"), sub is not None and sub.state, site.reloads) == (TASKS, "waiting", [])


def test_a_refusal_in_the_file_that_holds_the_task_is_told_alone(project: Project, duban: Duban) -> None:
    web_project(project)
    settings = project.config.read_text(encoding="utf-8")
    project.write("duban.toml", settings.replace('tasks = "tasks.toml"', 'tasks = ["more.toml", "tasks.toml"]'))
    project.write("more.toml", SPLIT)
    tasks = project.root / "tasks.toml"
    ident = submit(project, "省司法厅", "T-04", "1", "extend", "2021-08-31")
    tasks.write_text(TASKS.replace("  deadline = 2021-07-15\n", "  deadline = 2021-07-15\n  done = 2021-07-01\n"),
                     encoding="utf-8")
    result = duban("feedback", "accept", str(ident), "--config", str(project.config), "--now", "2021-06-29T10:00")
    assert (result.code, result.err) == (
        1, "错误：节点 T-04/1 已办结（done = 2021-07-01），不能再延期：请不同意并说明\n")


def test_no_other_decider_gets_between_the_check_and_the_write_back(project: Project) -> None:
    """Two tabs, or the web and the CLI: the state is locked while the accepted one is written back, and
    a write-back that fails leaves the submission waiting."""
    import sqlite3

    ident = submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    store = Store(project.root / "state" / "duban.db")
    locked: list[str] = []

    def other_decider() -> None:
        other = sqlite3.connect(project.root / "state" / "duban.db", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            locked.append(str(err))
        finally:
            other.close()

    def refused() -> None:
        raise DubanError("任务文件 tasks.toml 是只读的")

    try:
        with pytest.raises(DubanError, match="只读"):
            store.decide(ident, True, NOW, "督办单位（网页）", "", "", refused)
        waiting = store.get(ident)
        assert waiting is not None and waiting.state == "waiting"
        assert store.decide(ident, True, NOW, "督办单位（网页）", "", "", other_decider)
        assert locked == ["database is locked"]
        assert not store.decide(ident, False, NOW, "命令行（root）", "不同意", "", other_decider)
        assert [e.action for e in store.trail()] == ["submit:done", "decide:accepted"]
    finally:
        store.close()


def test_a_done_through_written_as_a_date_time_meanwhile_does_not_crash_the_write_back(tmp_path: Path) -> None:
    before = ('[[task]]\nid = "A"\ntitle = "t"\nrepeat = "FREQ=MONTHLY;BYMONTHDAY=-1"\nstart = 2021-06-01\n'
              "done_through = 2021-07-31T00:00:00\n")
    path = write(tmp_path / "tasks.toml", before)
    assert accept(path, done(milestone="2021-06-30")) == "任务 A 写入 done_through = 2021-06-30"
