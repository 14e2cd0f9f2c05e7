"""An adversarial pass on the reports (SPEC §3.5, `duban report`, `[report]`): what coordinators'
data and habits do to the 台账 and the 通报 — characters that break formats, holidays, the ends of
the calendar, an empty tasks file, `--output` paths, and the periodic 通报 across restarts and dry
runs. Everything through the real CLI, real files in tmp_path, read back with openpyxl, python-docx,
csv and a CommonMark parser."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import os
import shutil
import stat
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
