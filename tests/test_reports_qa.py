"""An adversarial pass on the reports (SPEC §3.5, `duban report`, `[report]`): what coordinators'
data and habits do to the 台账 and the 通报 — characters that break formats, holidays, the ends of
the calendar, an empty tasks file, `--output` paths, and the periodic 通报 across restarts and dry
runs. Everything through the real CLI, real files in tmp_path, read back with openpyxl, python-docx,
csv and a CommonMark parser."""

from __future__ import annotations

import contextlib
import csv
import email
import email.policy
import io
import os
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from markdown_it import MarkdownIt

from tests.conftest import SETTINGS, Duban, Project

NOW = "2021-06-25T10:00"  # a Friday


def _report(duban: Duban, project: Project, *args: str, now: str = NOW) -> str:
    result = duban("report", "--config", str(project.config), "--now", now, *args)
    assert result.code == 0, result.err
    return result.out


def _csv_rows(duban: Duban, project: Project, now: str = NOW) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_report(duban, project, "--format", "csv", now=now).lstrip("\ufeff"))))


# -- characters that break formats ------------------------------------------------------------------

HOSTILE = """\
[document]
title = "测试|工作\\n要点"
number = "测〔2021〕1号"
issued = 2021-06-02

[[task]]
id = "T-1"
title = "从Word复制的标题\\u000b软换行\\u0001\\u001f控制\\u000c分页"
lead = ["省司法厅"]
deadline = 2021-06-18

[[task]]
id = "T-2"
number = "-1"
title = "结尾是反斜杠\\\\"
lead = ["省财政厅"]
responsible = ["各地区"]
deadline = 2021-06-18

[[task]]
id = "T-3"
title = "表情😀与|竖线\\n和换行"
lead = ["省财政厅"]
  [[task.milestone]]
  id = "-A"
  deadline = 2021-06-28
  what = "=cmd|' /C calc'!A0"
"""


@pytest.fixture
def hostile(project: Project) -> Project:
    project.write("tasks.toml", HOSTILE)
    return project


def test_docx_bulletin_with_control_characters_opens(hostile: Project, duban: Duban, tmp_path: Path) -> None:
    """Text copied from Word carries vertical tabs (a soft line break) and other control characters,
    which XML forbids: the 通报 is still written, the soft break as a line break, the rest dropped."""
    out = tmp_path / "通报.docx"
    result = duban("report", "--config", str(hostile.config), "--now", NOW, "--output", str(out))
    assert result.code == 0, result.err
    overdue = docx.Document(str(out)).tables[0]
    assert [c.text for c in overdue.rows[1].cells][1:3] == ["从Word复制的标题\n软换行控制\n分页", "1"]
    assert [c.text for c in overdue.rows[2].cells][1] == "-1结尾是反斜杠\\"


def _table_cells(markdown: str) -> list[list[str]]:
    """Each row of each table as a GFM renderer sees it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: list[list[str]] = []
    in_cell = False
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("td_open", "th_open", "td_close", "th_close"):
            in_cell = token.type.endswith("_open")
        elif token.type == "inline" and in_cell:
            rows[-1].append(token.content)
    return rows


def test_markdown_tables_keep_their_columns(hostile: Project, duban: Duban) -> None:
    """"|", line breaks and a trailing backslash in titles do not split or merge a table's cells."""
    md = _report(duban, hostile)
    assert "督办文件：测试｜工作 要点（测〔2021〕1号）\n" in md
    rows = [r for r in _table_cells(md) if len(r) == 6]
    assert [r[1] for r in rows] == ["任务", "从Word复制的标题 软换行控制 分页", "-1结尾是反斜杠\\", "任务",
                                    "表情😀与｜竖线 和换行"]
    assert [len(r) for r in _table_cells(md)] == [6, 6, 6, 6, 6, 5, 5, 5, 5, 5]


def test_formula_starts_in_every_text_column_are_neutralised(hostile: Project, duban: Duban,
                                                             tmp_path: Path) -> None:
    rows = _csv_rows(duban, hostile)
    by_id = {r[1]: r for r in rows[1:]}
    assert by_id["T-2"][2] == "'-1"
    assert by_id["T-3"][4] == "'-A：=cmd|' /C calc'!A0"
    out = tmp_path / "台账.xlsx"
    _report(duban, hostile, "--output", str(out))
    sheet = openpyxl.load_workbook(out)["台账"]
    cells = {r[1].value: r for r in sheet.iter_rows(min_row=2)}
    assert (cells["T-2"][2].value, cells["T-3"][4].value) == ("'-1", "'-A：=cmd|' /C calc'!A0")
    assert cells["T-1"][3].value == "从Word复制的标题\n软换行控制\n分页"  # as in the .docx
    assert by_id["T-1"][3] == "从Word复制的标题\n软换行控制\n分页"
    assert cells["T-3"][3].value == "表情😀与|竖线\n和换行"


# -- holidays, roles, the ends of the calendar, an empty file -----------------------------------------

CALENDAR = """\
[[task]]
id = "H-1"
title = "国庆节当天到期"
lead = ["省司法厅"]
responsible = ["各地区", "省司法厅"]
cooperating = ["西宁市"]
deadline = 2021-10-01

[[task]]
id = "H-2"
title = "调休上班的周六到期"
lead = ["西宁市"]
deadline = 2021-09-18

[[task]]
id = "H-3"
title = "春节长假中到期"
lead = ["省财政厅"]
deadline = "2022年2月5日前"
"""


def test_due_dates_on_holidays_and_make_up_days(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", CALENDAR)
    rows = _csv_rows(duban, project, now="2021-09-17T10:00")
    assert [r[8:12] for r in rows[1:]] == [
        ["2021-10-01", "2021-09-30", "按期推进", "9"],  # 09-18 (Saturday) and 09-26 (Sunday) are working days
        ["2021-09-18", "2021-09-18", "临期", "1"],
        ["2022年2月5日前", "2022-01-30", "按期推进", "92"],  # 01-30 is a make-up Sunday before 春节
    ]


def test_a_unit_in_several_roles_counts_once_under_its_highest(project: Project, duban: Duban,
                                                                tmp_path: Path) -> None:
    project.write("tasks.toml", CALENDAR)
    out = tmp_path / "台账.xlsx"
    _report(duban, project, "--output", str(out), now="2021-09-17T10:00")
    units = {r[0]: r[1:] for r in openpyxl.load_workbook(out)["按单位"].iter_rows(min_row=2, values_only=True)}
    # 单位: 牵头, 责任, 配合, 未完成, 临期, 逾期, 已办结, 按期办结
    assert units == {"省司法厅": (1, 0, 0, 1, 0, 0, 0, 0), "西宁市": (1, 1, 0, 2, 1, 0, 0, 0),
                     "海东市": (0, 1, 0, 1, 0, 0, 0, 0), "省财政厅": (1, 0, 0, 1, 0, 0, 0, 0)}


def test_the_last_working_day_of_a_year_and_a_year_without_data(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", """\
        [[task]]
        id = "Y-1"
        title = "次年春节前"
        lead = ["省司法厅"]
        deadline = 2027-02-06
        """)
    rows = _csv_rows(duban, project, now="2026-12-31T17:00")
    # 2027 has no notice yet: the statutory rule (除夕 02-05 off; no make-up days guessed)
    assert rows[1][9:12] == ["2027-02-04", "按期推进", "24"]


def test_open_ended_recurrence_near_the_calendars_end(project: Project, duban: Duban) -> None:
    """A recurring task without `until` lists occurrences a year ahead: in 2099 that year reaches past
    the calendar (2000–2099); the 台账 and `status` stop at its end instead of failing."""
    project.write("tasks.toml", """\
        [[task]]
        id = "R-1"
        title = "每月报送"
        lead = ["省司法厅"]
        repeat = "FREQ=MONTHLY;BYMONTHDAY=-1"
        start = 2099-01-01
        done_through = 2099-05-31
        """)
    rows = _csv_rows(duban, project, now="2099-06-30T10:00")
    assert [r[4] for r in rows[1:]][-2:] == ["2099-11-30", "2099-12-31"]
    assert len(rows) == 13
    for now in ("2099-06-30T10:00", "2099-12-21T10:00"):  # the last 60 working days of the calendar too
        status = duban("status", "--config", str(project.config), "--now", now)
        assert status.code == 0, status.err
    assert _csv_rows(duban, project, now="2099-12-21T10:00")[-1][4] == "2099-12-31"
    ran = duban("run", "--once", "--config", str(project.config), "--now", "2099-12-21T10:00")
    assert ran.code == 0, ran.err


def test_an_empty_tasks_file(project: Project, duban: Duban, tmp_path: Path) -> None:
    project.write("tasks.toml", "")
    md = _report(duban, project)
    assert "截至2021年6月25日，台账中没有时间节点。\n" in md
    assert _csv_rows(duban, project) == [list(_csv_rows(duban, project)[0])]
    out = tmp_path / "台账.xlsx"
    _report(duban, project, "--output", str(out))
    book = openpyxl.load_workbook(out)
    assert (book["台账"].max_row, book["按单位"].max_row) == (1, 1)
    _report(duban, project, "--output", str(tmp_path / "通报.docx"))


def test_only_ongoing_tasks(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", '[[task]]\nid = "G-1"\ntitle = "长期"\nlead = ["省司法厅"]\ndeadline = "常态化"\n')
    assert "截至2021年6月25日，台账中没有时间节点；另有持续推进的任务1项。\n" in _report(duban, project)


# -- --output paths (run as root: a directory without write permission could not be tested) -----------


def test_output_replaces_an_existing_file_keeping_its_permissions(project: Project, duban: Duban,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "台账.csv"
    out.write_text("旧的台账", encoding="utf-8")
    out.chmod(0o600)  # a private copy stays private
    _report(duban, project, "--output", str(out))
    assert out.read_text(encoding="utf-8-sig").startswith("序号,任务编号")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["duban.toml", "tasks.toml", "units.toml", "台账.csv"]


def test_a_new_output_file_follows_the_umask(project: Project, duban: Duban, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        _report(duban, project, "--output", str(tmp_path / "通报.md"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "通报.md").stat().st_mode) == 0o640


def test_output_through_a_symbolic_link_writes_its_target(project: Project, duban: Duban, tmp_path: Path) -> None:
    shared = tmp_path / "共享"
    shared.mkdir()
    (shared / "台账.xlsx").write_bytes(b"old")
    link = tmp_path / "台账.xlsx"
    link.symlink_to(shared / "台账.xlsx")
    _report(duban, project, "--output", str(link))
    assert link.is_symlink() and openpyxl.load_workbook(shared / "台账.xlsx").sheetnames == ["台账", "按单位"]


@pytest.mark.parametrize(("name", "expected"), [
    ("输出", "无法写入 {path}：这是一个目录，请给出文件名"),
    ("文件.txt/台账.xlsx", "无法写入 {path}：{parent} 不是目录"),
    ("无此目录/台账.xlsx", "无法写入 {path}：目录 {parent} 不存在"),
])
def test_bad_output_paths_are_named(project: Project, duban: Duban, tmp_path: Path, name: str,
                                    expected: str) -> None:
    (tmp_path / "输出").mkdir()
    (tmp_path / "文件.txt").write_text("x", encoding="utf-8")
    path = tmp_path / name
    result = duban("report", "--config", str(project.config), "--now", NOW, "--format", "xlsx", "--output", str(path))
    assert (result.code, result.err) == (1, "错误：" + expected.format(path=path, parent=path.parent) + "\n")


# -- the periodic 通报 through `duban run --once`: restarts, reloads, dry runs --------------------------


def _outbox_reports(project: Project) -> list[str]:
    """Subjects of the 通报 in the outbox, then the outbox emptied (so each run's are counted apart)."""
    box = project.root / "outbox"
    subjects = []
    for path in sorted(box.glob("*.eml")) if box.is_dir() else []:
        mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if str(mail["Subject"]).startswith("【督办通报】20"):
            subjects.append(f"{mail['To']} {mail['Subject']}")
    shutil.rmtree(box, ignore_errors=True)
    return subjects


@pytest.fixture
def periodic(project: Project) -> Iterator[Project]:
    project.write("duban.toml", SETTINGS + '\n[report]\nevery = "week"\non = 5\nto = ["督查室", "各地区"]\n')
    yield project


def _run(duban: Duban, project: Project, now: str, *extra: str) -> None:
    result = duban("run", "--once", "--config", str(project.config), "--now", now, *extra)
    assert result.code == 0, result.err


WEEK25 = "【督办通报】2021年第25周（6月21日至6月27日）：逾期0个，临期1个"


def test_periodic_report_once_per_period_across_dry_runs_restarts_and_edits(periodic: Project,
                                                                            duban: Duban) -> None:
    _run(duban, periodic, "2021-06-24T10:00")  # first configured on Thursday: last week's report at once
    week24 = "【督办通报】2021年第24周（6月14日至6月20日）：逾期0个，临期0个"
    assert sorted(_outbox_reports(periodic)) == [
        f"{to} {week24}" for to in ("dcs@example.gov.cn", "hd@example.gov.cn", "xn@example.gov.cn")]
    _run(duban, periodic, "2021-06-25T08:59")  # before send_at: nothing
    assert _outbox_reports(periodic) == []
    _run(duban, periodic, "2021-06-25T09:30", "--dry-run")
    dry = _outbox_reports(periodic)
    assert sorted(dry) == [f"{to} {WEEK25}" for to in ("dcs@example.gov.cn", "hd@example.gov.cn", "xn@example.gov.cn")]
    _run(duban, periodic, "2021-06-25T09:31")  # the dry run changed nothing: sent for real now
    assert sorted(_outbox_reports(periodic)) == sorted(dry)
    periodic.write("tasks.toml", HOSTILE)  # edited (reloaded) during the week: no second report
    _run(duban, periodic, "2021-06-25T15:00")
    _run(duban, periodic, "2021-06-28T09:30")
    assert _outbox_reports(periodic) == []
    _run(duban, periodic, "2021-07-02T17:59")  # the next Friday, before send_until
    assert len(_outbox_reports(periodic)) == 3


def test_periodic_report_outside_the_window_waits_for_the_next_working_day(periodic: Project,
                                                                           duban: Duban) -> None:
    _run(duban, periodic, "2021-06-25T18:30")  # after send_until: nothing is done
    assert _outbox_reports(periodic) == []
    _run(duban, periodic, "2021-06-26T10:00")  # Saturday
    assert _outbox_reports(periodic) == []
    _run(duban, periodic, "2021-06-28T09:00")  # Monday: last week's report, as of Monday
    assert [s.split(" ", 1)[1] for s in _outbox_reports(periodic)] == [
        "【督办通报】2021年第25周（6月21日至6月27日）：逾期0个，临期1个"] * 3


def test_very_long_text_fits_excels_cell_limit(project: Project, duban: Duban, tmp_path: Path) -> None:
    """Excel holds 32,767 characters (UTF-16 units) a cell and "repairs" a file with more: the .xlsx
    cuts such text with "…"; the CSV keeps it whole."""
    title = "=" + "长" * 20000 + "😀" * 10000
    project.write("tasks.toml", f'[[task]]\nid = "L-1"\ntitle = "{title}"\nlead = ["省司法厅"]\ndeadline = 2021-06-30\n')
    out = tmp_path / "台账.xlsx"
    _report(duban, project, "--output", str(out))
    cell = openpyxl.load_workbook(out)["台账"]["D2"].value
    assert isinstance(cell, str)
    assert cell == "'=" + "长" * 20000 + "😀" * 6382 + "…"
    assert len(cell.encode("utf-16-le")) // 2 == 32767
    assert _csv_rows(duban, project)[1][3] == "'" + title


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx", "md"])
def test_output_to_a_pipe_is_written_not_replaced(project: Project, duban: Duban, tmp_path: Path, fmt: str) -> None:
    """`--output /dev/null` or a named pipe: written in place (as root, replacing /dev/null with a
    regular file would break the machine)."""
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        result = duban("report", "--config", str(project.config), "--now", NOW, "--format", fmt,
                       "--output", str(fifo))
    finally:
        reader.join(timeout=10)
        if reader.is_alive():  # nothing was written: unblock the reader (never block here: it may just have ended)
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=10)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    data = received[0]
    if fmt == "csv":
        assert data.decode("utf-8-sig").splitlines()[1].startswith("1,T-01,,第一项任务,1,省司法厅,各地区")
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data))["台账"]["B2"].value == "T-01"
    elif fmt == "docx":
        assert any("第一项任务" in p.text for p in docx.Document(io.BytesIO(data)).paragraphs) or \
            any("第一项任务" in c.text for t in docx.Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
    else:
        assert "第一项任务" in data.decode("utf-8")


def test_a_format_contradicting_the_suffix_is_a_usage_error(project: Project, duban: Duban, tmp_path: Path) -> None:
    """`--format csv --output 台账.xlsx` would leave CSV text in a file Excel refuses to open."""
    out = tmp_path / "台账.xlsx"
    result = duban("report", "--config", str(project.config), "--format", "csv", "--output", str(out))
    assert result.code == 2 and not out.exists()
    assert f"--format csv 与文件名 {out} 的扩展名不符" in result.err
    _report(duban, project, "--format", "csv", "--output", str(tmp_path / "台账.txt"))  # another suffix: as asked
    assert (tmp_path / "台账.txt").read_text(encoding="utf-8-sig").startswith("序号,")
