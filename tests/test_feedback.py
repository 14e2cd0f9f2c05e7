"""Feedback and review (SPEC §3.4): the write-back into tasks.toml, the pause of reminders, the CLI."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from scheduler.errors import DubanError
from scheduler.feedback.pause import Pause, apply_pause, pause_of
from scheduler.feedback.store import Store
from scheduler.feedback.writeback import Edit, commit, prepare
from scheduler.model import Reminder, Role
from tests.conftest import Project
from tests.web_support import TASKS, TZ, web_project

NOW = datetime(2021, 6, 28, 10, 0, tzinfo=TZ)


def submit(project: Project, unit: str, task: str, milestone: str, kind: str, day: str, note: str = "说明") -> int:
    store = Store(project.root / "state" / "duban.db")
    try:
        return store.submit(NOW, unit, task, milestone, kind, day, note, "127.0.0.1")
    finally:
        store.close()


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines: everything else is identical, in order."""
    import difflib

    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


# -- write-back -------------------------------------------------------------------------------------

def edit(kind: str, task: str, milestone: str, unit: str, whole: bool, day: date, old: date | None = None,
         written: str = "") -> Edit:
    return Edit(kind, task, milestone, unit, whole, day, date(2021, 6, 26), date(2021, 6, 28), old, written)


def test_done_by_the_lead_adds_one_line_and_keeps_everything_else_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    commit(prepare(path, edit("done", "T-01", "1", "省司法厅", True, date(2021, 6, 25))))
    assert changed_lines(TASKS, path.read_text(encoding="utf-8")) == (
        [], ["done = 2021-06-25  # 省司法厅报办结：2021-06-25完成，2021-06-26报送，2021-06-28审核同意\n"])
    after = path.read_text(encoding="utf-8")
    assert after.index("done = 2021-06-25") < after.index("\n\n[[task]]\nid = \"T-02\"")


def test_done_by_another_unit_adds_it_to_done_by_of_that_milestone(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    commit(prepare(path, edit("done", "T-04", "B", "省财政厅", False, date(2021, 6, 25))))
    assert changed_lines(TASKS, path.read_text(encoding="utf-8")) == (
        [], ['  done_by = ["省财政厅"]  # 省财政厅报办结：2021-06-25完成，2021-06-26报送，2021-06-28审核同意\n'])
    assert 'what = "全面实施"\n  done_by' in path.read_text(encoding="utf-8")


def test_done_of_a_recurring_occurrence_sets_done_through(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    commit(prepare(path, edit("done", "T-03", "2021-06-30", "省司法厅", True, date(2021, 6, 25))))
    assert changed_lines(TASKS, path.read_text(encoding="utf-8")) == (
        [], ["done_through = 2021-06-30  # 省司法厅报办结：2021-06-25完成，2021-06-26报送，2021-06-28审核同意\n"])


def test_an_extension_rewrites_the_deadline_and_keeps_the_phrase_in_the_comment(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    commit(prepare(path, edit("extend", "T-02", "1", "省财政厅", True, date(2022, 3, 31), date(2021, 12, 31),
                              "年底前")))
    assert changed_lines(TASKS, path.read_text(encoding="utf-8")) == (
        ['deadline = "年底前"\n'],
        ["deadline = 2022-03-31  # 延期：原时限“年底前”（2021-12-31），省财政厅于2021-06-26申请延期至2022-03-31，"
         "2021-06-28审核同意\n", "extended_from = 2021-12-31\n"])


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    prepared = prepare(path, edit("done", "T-01", "1", "省司法厅", True, date(2021, 6, 25)))
    edited = TASKS.replace("第一项任务", "第一项任务（已修改）")
    path.write_text(edited, encoding="utf-8")  # a coordinator saves meanwhile
    with pytest.raises(DubanError, match="在审核期间被修改过"):
        commit(prepared)
    assert path.read_text(encoding="utf-8") == edited
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.toml"]  # no temporary file left


def test_the_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "tasks.toml"
    path.write_text(TASKS, encoding="utf-8")
    os.chmod(path, 0o664)
    commit(prepare(path, edit("done", "T-01", "1", "省司法厅", True, date(2021, 6, 25))))
    assert path.stat().st_mode & 0o777 == 0o664


# -- the pause rule ------------------------------------------------------------------------------------

def reminder(task: str, unit: str, role: Role = Role.RESPONSIBLE) -> Reminder:
    return Reminder(NOW, task, "1", date(2021, 6, 30), date(2021, 6, 30), "到期提醒", 0, 0, role, unit, ("email",))


LEADS = {"T-01": frozenset({"省司法厅"}), "T-05": frozenset()}


@pytest.mark.parametrize(("waiting", "kept"), [
    ([], ["省司法厅", "西宁市", "海东市", "督查室"]),
    ([("T-01", "1", "省司法厅")], []),  # the lead reported: everyone pauses
    ([("T-01", "1", "西宁市")], ["省司法厅", "海东市", "督查室"]),  # another unit: only itself
    ([("T-01", "2", "省司法厅")], ["省司法厅", "西宁市", "海东市", "督查室"]),  # another milestone
])
def test_a_waiting_done_pauses_reminders(waiting: list[tuple[str, str, str]], kept: list[str]) -> None:
    candidates = [reminder("T-01", "省司法厅", Role.LEAD), reminder("T-01", "西宁市"), reminder("T-01", "海东市"),
                  reminder("T-01", "督查室", Role.COORDINATOR)]
    pause = pause_of(waiting, lambda t: LEADS.get(t, frozenset()))
    assert [r.unit for r in apply_pause(candidates, pause)] == kept


def test_a_task_without_lead_pauses_for_everyone() -> None:
    pause = pause_of([("T-05", "1", "省财政厅")], lambda t: LEADS.get(t, frozenset()))
    assert pause == Pause(frozenset({("T-05", "1")}), frozenset())


def _delivered(project: Project) -> list[tuple[str, str]]:
    db = sqlite3.connect(project.root / "state" / "duban.db")
    try:
        rows = db.execute("SELECT task, unit FROM reminders WHERE state = 'sent' ORDER BY task, unit")
        return [(str(t), str(u)) for t, u in rows]
    finally:
        db.close()


def test_the_daemon_does_not_remind_while_the_leads_done_waits(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    submit(project, "西宁市", "T-04", "1", "progress", "")  # 进展 pauses nothing
    result = duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T09:30")
    assert result.code == 0, result.err
    assert [t for t, _ in _delivered(project) if t == "T-01"] == []
    assert ("T-03", "省司法厅") in _delivered(project)


def test_a_rejection_ends_the_pause(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    ident = submit(project, "西宁市", "T-01", "1", "done", "2021-06-25")
    config = str(project.config)
    assert duban("feedback", "reject", str(ident), "--note", "材料不全", "--config", config, "--now",
                 "2021-06-29T10:00").code == 0
    assert duban("run", "--once", "--config", config, "--now", "2021-06-30T09:30").code == 0
    assert [u for t, u in _delivered(project) if t == "T-01"] == ["海东市", "省司法厅", "西宁市"]


def test_while_waiting_only_the_reporting_non_lead_unit_pauses(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    submit(project, "西宁市", "T-01", "1", "done", "2021-06-25")
    assert duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T09:30").code == 0
    assert [u for t, u in _delivered(project) if t == "T-01"] == ["海东市", "省司法厅"]


# -- the command line -------------------------------------------------------------------------------------

def test_feedback_json_lists_waiting_then_all(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25", "已印发")
    submit(project, "省财政厅", "T-02", "1", "progress", "", "推进中")
    config = str(project.config)
    waiting = json.loads(duban("feedback", "--format", "json", "--config", config).out)
    assert waiting == [{"id": 1, "submitted_at": "2021-06-28T10:00:00+08:00", "unit": "省司法厅", "task": "T-01",
                        "milestone": "1", "kind": "done", "date": "2021-06-25", "note": "已印发", "state": "waiting",
                        "decided_at": None, "decision_note": None}]
    accepted = duban("feedback", "accept", "1", "--note", "同意", "--config", config, "--now", "2021-06-29T11:00")
    assert (accepted.code, accepted.out) == (0, "已写入 tasks.toml：节点 T-01/1 写入 done = 2021-06-25\n")
    everything = json.loads(duban("feedback", "--all", "--format", "json", "--config", config).out)
    assert [(s["id"], s["state"], s["decided_at"], s["decision_note"]) for s in everything] == [
        (1, "accepted", "2021-06-29T11:00:00+08:00", "同意"), (2, "info", None, None)]
    assert "done = 2021-06-25  # 省司法厅报办结：2021-06-25完成，2021-06-28报送，2021-06-29审核同意" in (
        project.root / "tasks.toml").read_text(encoding="utf-8")


def test_feedback_reject_needs_a_note_and_a_decided_one_cannot_be_decided_again(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25")
    config = str(project.config)
    assert duban("feedback", "reject", "1", "--config", config).err == "错误：不同意时请写明理由（--note）\n"
    assert duban("feedback", "reject", "1", "--note", "不全", "--config", config).code == 0
    again = duban("feedback", "accept", "1", "--config", config)
    assert (again.code, again.err) == (1, "错误：反馈 1 不需要审核或已审核（未同意）\n")
    assert duban("feedback", "accept", "x", "--config", config).code == 1
    assert duban("feedback", "accept", "--config", config).code == 2


def test_link_prints_unit_and_coordinator_links_and_revokes(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    config = str(project.config)
    first = duban("link", "司法厅", "--config", config, "--now", "2021-06-28T10:00").out
    assert first.startswith("https://duban.example.gov.cn/u/")
    same = duban("link", "省司法厅", "--config", config, "--now", "2021-06-28T10:00").out
    assert same == first  # an alias names the same unit; the same instant gives the same link
    coordinator = duban("link", "--coordinator", "--config", config, "--now", "2021-06-28T10:00").out
    assert coordinator.startswith("https://duban.example.gov.cn/c/")
    revoked = duban("link", "省司法厅", "--revoke", "--config", config, "--now", "2021-06-28T10:00")
    assert revoked.out.startswith("已作废“省司法厅”此前的所有链接（第1代）。新链接：\nhttps://duban.example.gov.cn/u/")
    store = Store(project.root / "state" / "duban.db")
    try:
        assert [(e.at, e.actor, e.action, e.unit) for e in store.trail()] == [
            ("2021-06-28T10:00:00+08:00", "cli", "revoke", "省司法厅")]
    finally:
        store.close()
    assert duban("link", "省某厅", "--config", config).code == 1


def test_link_without_web_is_an_error(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    result = duban("link", "省司法厅", "--config", str(project.config))
    assert (result.code, result.err) == (1, "错误：duban.toml 中没有 [web]：未启用网页，没有链接\n")


def test_every_message_to_a_unit_ends_with_its_link(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    assert duban("run", "--once", "--config", str(project.config), "--now", "2021-06-30T09:30").code == 0
    import email
    import email.policy

    bodies = {}
    for path in sorted((project.root / "outbox").glob("*.eml")):
        mime = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = mime.get_body(("plain",))
        assert body is not None
        bodies[str(mime["To"])] = body.get_content()
    assert bodies  # the outbox received the digests
    for text in bodies.values():
        last = text.rstrip("\n").splitlines()[-1]
        assert last.startswith("反馈和查看本单位任务：https://duban.example.gov.cn/u/")


def test_check_refuses_a_short_web_secret_without_showing_it(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    (project.root / "web.secret").write_text("short-secret-value\n", encoding="utf-8")
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert "密钥太短：至少需要 32 字节" in result.out + result.err
    assert "short-secret-value" not in result.out + result.err


def _bodies(project: Project) -> dict[str, str]:
    import email
    import email.policy

    out: dict[str, str] = {}
    for path in sorted((project.root / "outbox").glob("*.eml")):
        mime = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = mime.get_body(("plain",))
        assert body is not None
        out[str(mime["To"]) + " " + str(mime["Date"])] = body.get_content()
    return out


def test_the_next_message_tells_a_decision_once(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    ident = submit(project, "西宁市", "T-01", "1", "done", "2021-06-25")
    config = str(project.config)
    assert duban("feedback", "reject", str(ident), "--note", "材料不全", "--config", config, "--now",
                 "2021-06-29T10:00").code == 0
    assert duban("run", "--once", "--config", config, "--now", "2021-06-30T09:30").code == 0
    first = [t for k, t in _bodies(project).items() if k.startswith("xn@")]
    assert len(first) == 1
    assert "反馈审核结果：\n- 2021-06-28报送的T-01/1办结（2021-06-25）：2021-06-29未同意，意见：材料不全\n" in first[0]
    assert duban("run", "--once", "--config", config, "--now", "2021-07-01T09:30").code == 0
    later = [t for k, t in _bodies(project).items() if k.startswith("xn@") and t not in first]
    assert len(later) == 1 and "反馈审核结果" not in later[0]


def test_feedback_table(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    submit(project, "省司法厅", "T-01", "1", "done", "2021-06-25", "已印发实施方案")
    submit(project, "省财政厅", "T-02", "1", "progress", "", "推进中")
    result = duban("feedback", "--all", "--config", str(project.config))
    assert result.out.splitlines() == [
        "  编号  提交时间          单位              节点              类型              状态    说明",
        "     1  2021-06-28 10:00  省司法厅          T-01/1            办结 2021-06-25   待审核  已印发实施方案",
        "     2  2021-06-28 10:00  省财政厅          T-02/1            进展              已收悉  推进中"]


def test_a_block_that_cannot_be_cut_out_is_edited_in_the_whole_file(tmp_path: Path) -> None:
    tricky = TASKS.replace('title = "第一项任务"\n', 'title = "第一项任务"\ndetail = """要求：\n[注] 见附件\n"""\n')
    escaped = TASKS.replace('id = "T-01"            # 第一项', 'id = "T\\u002D01"       # 第一项')
    for before in (tricky, escaped):
        path = tmp_path / "tasks.toml"
        path.write_text(before, encoding="utf-8")
        commit(prepare(path, edit("done", "T-01", "1", "省司法厅", True, date(2021, 6, 25))))
        assert changed_lines(before, path.read_text(encoding="utf-8")) == (
            [], ["done = 2021-06-25  # 省司法厅报办结：2021-06-25完成，2021-06-26报送，2021-06-28审核同意\n"])
