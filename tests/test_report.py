"""`duban report`: the 台账 (rows, states, 按单位, .xlsx, .csv) and the 通报 draft (.md, .docx).

The scenario, as of Friday 2021-06-25 (端午 2021-06-14 is a holiday), has every 状态:

    T-A  done 06-09, due 06-10                    已办结 (on time)
    T-B  done 06-20, due 06-10                    已办结 (late)
    T-C  due 07-30                                按期推进 (25 working days left)
    T-D  due 06-30                                临期 (3 left)
    T-E  due 06-18, extended from 06-11           逾期 (5 overdue); 西宁市 in done_by
    T-F  due 07-09, a 办结 waiting for review     待审核 (按期推进 without feedback)
    T-G  持续推进                                  持续推进
    T-H  suspended, due 07-01                     暂停
    T-I  monthly, done through 05-31              5 × 已办结, 06-30 临期, 6 × 按期推进
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from scheduler import readmodel
from scheduler.readmodel import Feedback, State
from scheduler.report import bulletin, register
from scheduler.report.safe import cell_text
from scheduler.runtime import build_runtime
from tests.conftest import Project

TODAY = date(2021, 6, 25)
NOW = "2021-06-25T10:00"
FORMULA = '=HYPERLINK("http://evil.example/x","点我")'

SCENARIO = f"""\
[document]
title = "测试工作要点"
number = "测〔2021〕1号"
issued = 2021-06-02

[[task]]
id = "T-A"
number = "(一)"
title = "按期办结的任务"
lead = ["省司法厅"]
deadline = 2021-06-10
done = 2021-06-09

[[task]]
id = "T-B"
title = "逾期办结的任务"
lead = ["省财政厅"]
deadline = 2021-06-10
done = 2021-06-20

[[task]]
id = "T-C"
number = "@SUM(1)"
title = '{FORMULA}'
lead = ["省司法厅"]
cooperating = ["省财政厅"]
deadline = "7月底前"

[[task]]
id = "T-D"
title = "临期的任务"
lead = ["省财政厅"]
responsible = ["省司法厅"]
deadline = 2021-06-30

[[task]]
id = "T-E"
title = "逾期的任务"
lead = ["省司法厅"]
responsible = ["各地区"]
  [[task.milestone]]
  deadline = 2021-06-18
  extended_from = 2021-06-11
  what = "完成第一批"
  done_by = ["西宁市"]

[[task]]
id = "T-F"
title = "待审核的任务"
lead = ["省残联"]
deadline = 2021-07-09

[[task]]
id = "T-G"
title = "持续推进的任务"
lead = ["省司法厅"]
deadline = "持续推进"

[[task]]
id = "T-H"
title = "暂停的任务"
lead = ["省财政厅"]
deadline = 2021-07-01
status = "suspended"

[[task]]
id = "T-I"
title = "每月报送"
responsible = ["海东市"]
repeat = "FREQ=MONTHLY;BYMONTHDAY=-1"
start = 2021-01-01
until = 2021-12-31
done_through = 2021-05-31
"""

WAITING = {("T-F", "1"): [Feedback("省残联", "done", datetime(2021, 6, 24, 15, 0), date(2021, 6, 24), "已完成",
                                    waiting=True)]}


@pytest.fixture
def scenario(project: Project) -> Project:
    project.write("tasks.toml", SCENARIO)
    return project


def states(reg: readmodel.Register) -> list[tuple[str, str, str, int | None]]:
    return [(r.task.id, r.milestone, r.state.value, r.days) for r in reg.rows]


def test_every_state_with_working_days_left(scenario: Project) -> None:
    reg = readmodel.build(build_runtime(scenario.config), TODAY, {}, WAITING)
    months = ["01-31", "02-28", "03-31", "04-30", "05-31"]
    assert states(reg) == [
        ("T-A", "1", "已办结", None), ("T-B", "1", "已办结", None), ("T-C", "1", "按期推进", 25),
        ("T-D", "1", "临期", 3), ("T-E", "1", "逾期", -5), ("T-F", "1", "待审核", 10),
        ("T-G", "", "持续推进", None), ("T-H", "1", "暂停", None),
        *[("T-I", f"2021-{m}", "已办结", None) for m in months],
        ("T-I", "2021-06-30", "临期", 3),
        *[("T-I", f"2021-{m}", "按期推进", d) for m, d in
          [("07-31", 25), ("08-31", 47), ("09-30", 69), ("10-31", 86), ("11-30", 108), ("12-31", 131)]],
    ]
    assert reg.counts() == {State.DONE: 7, State.ON_TRACK: 7, State.NEAR: 2, State.OVERDUE: 1, State.REVIEW: 1,
                            State.ONGOING: 1, State.SUSPENDED: 1}
    late = next(r for r in reg.rows if r.task.id == "T-E")
    assert (late.extended_from, late.done_by, late.light) == (date(2021, 6, 11), frozenset({"西宁市"}), "红")
    review = next(r for r in reg.rows if r.task.id == "T-F")
    assert review.last_feedback == "2021-06-24 省残联 办结（待审核，完成于2021-06-24）：已完成"


def test_unit_sheet_counts(scenario: Project) -> None:
    reg = readmodel.build(build_runtime(scenario.config), TODAY, {}, WAITING)
    assert [register.unit_cells(u) for u in reg.units] == [
        # 单位, 牵头, 责任, 配合, 未完成, 临期, 逾期, 已办结, 按期办结
        ("海东市", 0, 13, 0, 8, 1, 1, 5, 0),
        ("省司法厅", 3, 1, 0, 3, 1, 1, 1, 1),
        ("省财政厅", 3, 0, 1, 2, 1, 0, 1, 0),
        ("省残联", 1, 0, 0, 1, 0, 0, 0, 0),
        ("西宁市", 0, 1, 0, 0, 0, 0, 1, 0),  # its part of T-E is done (done_by)
    ]


def _report_csv(duban: Any, project: Project, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "台账.csv"
    result = duban("report", "--config", str(project.config), "--now", NOW, "--output", str(out))
    assert result.code == 0, result.err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel and WPS read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_register_matches_status_cell_by_cell(scenario: Project, duban: Any, tmp_path: Path) -> None:
    sent = duban("run", "--once", "--config", str(scenario.config), "--now", NOW)
    assert sent.code == 0, sent.err
    status = json.loads(duban("status", "--config", str(scenario.config), "--now", NOW, "--format", "json").out)
    rows = _report_csv(duban, scenario, tmp_path)
    assert rows[0] == list(register.HEADER)
    by_node = {(r[1], r[4].split("：")[0]): r for r in rows[1:]}
    light = {"绿": "按期推进", "黄": "临期", "红": "逾期"}
    # status lists a recurrence's occurrences up to plan's look-ahead (T-I 06-30), the 台账 a year ahead
    assert [(m["task"], m["milestone"]) for m in status["milestones"]] == [
        ("T-E", "1"), ("T-D", "1"), ("T-I", "2021-06-30"), ("T-F", "1"), ("T-C", "1")]
    for m in status["milestones"]:
        row = by_node[(m["task"], m["milestone"])]
        assert (row[8], row[9], row[10], row[11], row[14]) == (m["deadline"], m["due"], light[m["light"]],
                                                               str(m["days"]), m["last"])
    assert by_node[("T-D", "1")][14] == "2021-06-25 10:00 临期提醒：省司法厅、省财政厅"
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 21)]
    assert by_node[("T-E", "1")][4:14] == ["1：完成第一批", "省司法厅", "各地区", "", "2021-06-18", "2021-06-18", "逾期",
                                           "-5", "", "2021-06-11"]
    assert by_node[("T-A", "1")][10:13] == ["已办结", "", "2021-06-09"]


def test_csv_and_xlsx_never_start_a_formula(scenario: Project, duban: Any, tmp_path: Path) -> None:
    rows = _report_csv(duban, scenario, tmp_path)
    row = next(r for r in rows if r[1] == "T-C")
    assert (row[2], row[3]) == ("'@SUM(1)", "'" + FORMULA)
    out = tmp_path / "台账.xlsx"
    assert duban("report", "--config", str(scenario.config), "--now", NOW, "--output", str(out)).code == 0
    sheet = openpyxl.load_workbook(out)["台账"]
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "T-C")
    assert (cells[2].value, cells[3].value, cells[3].data_type) == ("'@SUM(1)", "'" + FORMULA, "s")


def test_plan_csv_never_starts_a_formula(scenario: Project, duban: Any) -> None:
    result = duban("plan", "--config", str(scenario.config), "--from", "2021-07-01", "--to", "2021-07-31",
                   "--task", "T-C", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.out.lstrip("\ufeff"))))
    assert rows[1][2:4] == ["'@SUM(1)", "'" + FORMULA]


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("+86 139", "'+86 139"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("  =cmd", "'  =cmd"), ("\t=cmd", "'\t=cmd"), ("\r\n=cmd", "'\r\n=cmd"), ("\tplain", "'\tplain"),
    ("持续精简行政审批事项", "持续精简行政审批事项"), ("a=b", "a=b"), ("（一）-2", "（一）-2"), ("", ""),
])
def test_cell_text_neutralises_formula_starts(text: str, expected: str) -> None:
    assert cell_text(text) == expected


def test_xlsx_has_frozen_header_fills_dates_and_unit_sheet(scenario: Project, tmp_path: Path) -> None:
    reg = readmodel.build(build_runtime(scenario.config), TODAY, {}, WAITING)
    out = tmp_path / "台账.xlsx"
    register.write_xlsx(reg, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["台账", "按单位"]
    sheet = book["台账"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == list(register.HEADER)
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=2, max_row=9)}
    fills = {k: rows[k][10].fill.fgColor.rgb for k in ("T-A", "T-C", "T-D", "T-E", "T-F")}
    assert fills == {"T-A": "00000000", "T-C": "FFC6EFCE", "T-D": "FFFFEB9C", "T-E": "FFFFC7CE", "T-F": "00000000"}
    late = rows["T-E"]
    assert late[9].value == datetime(2021, 6, 18) and late[9].is_date and late[9].number_format == "yyyy-mm-dd"
    assert (late[11].value, late[13].value) == (-5, datetime(2021, 6, 11))
    assert rows["T-A"][12].value == datetime(2021, 6, 9)
    assert sheet.column_dimensions["D"].width >= 16 and sheet.column_dimensions["A"].width <= 8
    units = book["按单位"]
    assert units.freeze_panes == "A2"
    assert [c.value for c in units[2]] == ["海东市", 0, 13, 0, 8, 1, 1, 5, 0]
    assert units.max_row == 6


def test_bulletin_markdown_on_stdout(scenario: Project, duban: Any) -> None:
    result = duban("report", "--config", str(scenario.config), "--now", NOW)
    assert result.code == 0, result.err
    md = result.out
    assert md.startswith("# 督办工作通报（2021年6月25日）\n\n督办文件：测试工作要点（测〔2021〕1号）\n")
    assert ("截至2021年6月25日，台账共列时间节点19个，其中已办结7个，按期推进8个，临期2个，逾期1个，暂停1个；"
            "另有持续推进的任务1项。") in md
    assert "| 1 | 逾期的任务 | 1 | 2021-06-18 | 5 | 牵头：省司法厅；责任：各地区 |" in md
    assert "| 1 | 临期的任务 | 1 | 2021-06-30 | 3 | 牵头：省财政厅；责任：省司法厅 |" in md
    assert "| 1 | 海东市 | 1 | 1 | 8 |\n| 2 | 省司法厅 | 1 | 1 | 3 |\n\n" in md
    assert "## 四、待审核的反馈（0条）\n\n无。" in md


def test_bulletin_docx_opens_with_python_docx(scenario: Project, tmp_path: Path) -> None:
    reg = readmodel.build(build_runtime(scenario.config), TODAY, {}, WAITING)
    out = tmp_path / "通报.docx"
    bulletin.write_docx(bulletin.build(reg), out)
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["督办工作通报（2021年6月25日）", "2021年6月25日", "督办文件：测试工作要点（测〔2021〕1号）"]
    assert "待审核1个" in texts[3]
    overdue, soon, units = ([[c.text for c in row.cells] for row in t.rows] for t in doc.tables)
    assert overdue == [["序号", "任务", "节点", "到期日", "逾期工作日", "承办单位"],
                       ["1", "逾期的任务", "1", "2021-06-18", "5", "牵头：省司法厅；责任：各地区"]]
    assert [r[1] for r in soon[1:]] == ["临期的任务", "每月报送"]
    assert units[1] == ["1", "海东市", "1", "1", "8"]
    assert "T-F 节点1：2021-06-24 省残联 办结（待审核，完成于2021-06-24）：已完成" in texts


def test_csv_on_stdout_has_the_bom(scenario: Project, duban: Any) -> None:
    result = duban("report", "--config", str(scenario.config), "--now", NOW, "--format", "csv")
    assert result.code == 0 and result.out.startswith("\ufeff序号,任务编号,文件编号")
    assert len(result.out.splitlines()) == 21


def test_binary_format_without_output_is_a_usage_error(scenario: Project, duban: Any) -> None:
    result = duban("report", "--config", str(scenario.config), "--format", "xlsx")
    assert result.code == 2 and "--output" in result.err


def test_output_into_a_missing_directory_is_exit_1(scenario: Project, duban: Any, tmp_path: Path) -> None:
    result = duban("report", "--config", str(scenario.config), "--output", str(tmp_path / "无" / "台账.xlsx"))
    assert result.code == 1 and "不存在" in result.err and "Traceback" not in result.err


def test_format_follows_the_output_suffix(scenario: Project, duban: Any, tmp_path: Path) -> None:
    out = tmp_path / "通报.docx"
    assert duban("report", "--config", str(scenario.config), "--now", NOW, "--output", str(out)).code == 0
    assert out.read_bytes()[:2] == b"PK" and list(tmp_path.glob(".*")) == []  # no temporary file left
