"""Task tables in .docx, .xlsx and .html files read as the text reader reads them after rounds 40–50
(issue #13): a bare "名称" column beside the task's text, a project's name over what is built this
year, a header name going on in the row below, a column of units and their people, a schedule column
that is neither the task nor its deadline. Tables of our own, built in tmp_path."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pytest

from scheduler.importer.formats import document_text
from scheduler.importer.formats.tables import column_kind
from scheduler.importer.formats.wrapped_header import continues
from scheduler.importer.parse import parse_document
from tests.data import make_formats as mf
from tests.import_score import drafted_fields

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column
Row = tuple[str, str, str, list[str], list[str], list[str], list[str]]
FORMATS = ["docx", "xlsx", "html", "pdf"]


def _html(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path) -> None:
    """The table on a page, merged ranges as rowspan / colspan, a cell's lines as paragraphs."""
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    out = ["<html><body><div id='content'><p>附件</p><table border=1>"]
    for r, row in enumerate(rows):
        out.append("<tr>")
        for c, value in enumerate(row):
            if (r, c) in covered and (r, c) not in spans:
                continue
            down, across = spans.get((r, c), (1, 1))
            inner = "".join(f"<p>{html.escape(p)}</p>" for p in value.split("\n"))
            out.append(f"<td rowspan={down} colspan={across}>{inner}</td>")
        out.append("</tr>")
    path.write_text("".join([*out, "</table></div></body></html>"]), encoding="utf-8")


def _file(tmp_path: Path, fmt: str, rows: Sequence[Sequence[str]], merges: Sequence[Merge] = ()) -> Path:
    path = tmp_path / f"table.{fmt}"
    if fmt == "docx":
        mf.docx_table(rows, merges, path, before=["某县2024年重点工作任务分解表"])
    elif fmt == "xlsx":
        mf.xlsx_from_table(rows, merges, path)
    elif fmt == "pdf":
        mf.pdf_table(rows, merges, path, before=["某县2024年重点工作任务分解表"])
    else:
        _html(rows, merges, path)
    return path


def _tasks(path: Path) -> list[Row]:
    """Each drafted task: number, title, detail, lead, responsible, cooperating, deadlines."""
    draft = parse_document(document_text(path))
    out: list[Row] = []
    for task in draft.tasks:
        got = drafted_fields(task, None, draft.issued)
        out.append((task.number, task.title, task.detail, got["lead"], got["responsible"], got["cooperating"],
                    got["deadlines"]))
    return out


# round 45: "名称" alone beside the task's text names the row — the task's cell is the title, the name its detail
@pytest.mark.parametrize("fmt", FORMATS)
def test_name_column_beside_the_task_is_its_detail(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "名称", "工作任务", "主要责任单位"],
            ["1", "城乡居民收入", "全年城乡居民人均可支配收入增长8%", "县人社局、县统计局"],
            ["2", "粮食产量", "稳定粮食播种面积，2024年粮食总产量达到50万吨", "县农业农村局"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("1.", "全年城乡居民人均可支配收入增长8%", "城乡居民收入", [], ["县人社局", "县统计局"], [], []),
        ("2.", "稳定粮食播种面积，2024年粮食总产量达到50万吨", "粮食产量", [], ["县农业农村局"], [], ["2024-12-31"])]


# the name column after the task's column reads the same
@pytest.mark.parametrize("fmt", FORMATS)
def test_name_column_after_the_task_is_its_detail(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "工作任务", "指标名称", "牵头单位"],
            ["1", "全年新增城镇就业5000人", "城镇新增就业", "县人社局"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [("1.", "全年新增城镇就业5000人", "城镇新增就业", ["县人社局"], [], [], [])]


# "指标名称" alone, with no other text column, is the title (as before)
@pytest.mark.parametrize("fmt", FORMATS)
def test_name_column_alone_is_the_title(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "指标名称", "责任单位", "完成时限"],
            ["1", "新建城市书房5个", "县文旅局", "2024年10月底前"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [("1.", "新建城市书房5个", "", [], ["县文旅局"], [], ["2024-10-31"])]


# round 40: a 民生实事 project table — the project's name is the title, this year's 建设内容 its detail; a 建设时间 of a
# year alone is that year's end; 建设地点 and the money column are not read
@pytest.mark.parametrize("fmt", FORMATS)
def test_project_name_is_the_title_over_what_is_built(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "项目名称", "建设地点", "建设时间", "2024年建设内容", "年度投资金额（万元）", "责任单位"],
            ["1", "城关镇农贸市场改造", "城关镇", "2024", "改造市场2处", "300", "县商务局"],
            ["2", "县医院住院楼建设", "县城", "2024年11月", "完成主体工程", "8000", "县卫健局"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("1.", "城关镇农贸市场改造", "改造市场2处", [], ["县商务局"], [], ["2024-12-31"]),
        ("2.", "县医院住院楼建设", "完成主体工程", [], ["县卫健局"], [], ["2024-11-30"])]


# a name column merged down over several rows is their parent, as before ("重点任务 | 具体措施")
@pytest.mark.parametrize("fmt", FORMATS)
def test_merged_name_column_stays_the_parent(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "项目名称", "建设内容", "责任单位"],
            ["1", "城区管网改造", "改造污水管网", "县住建局"],
            ["2", "城区管网改造", "改造雨水管网", "县水务局"]]
    assert _tasks(_file(tmp_path, fmt, rows, [(1, 1, 2, 1)])) == [
        ("(一)1", "改造污水管网", "", [], ["县住建局"], [], []),
        ("(一)2", "改造雨水管网", "", [], ["县水务局"], [], [])]


# round 45: "项目" over "名称" in two header rows is one 项目名称 column — the other heading cells merged down over
# both rows, or left blank below
@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("fmt", FORMATS)
def test_header_name_going_on_in_the_row_below(tmp_path: Path, fmt: str, merged: bool) -> None:
    second = ["序号", "名称", "内容", "牵头单位"] if merged else ["", "名称", "", ""]
    rows = [["序号", "项目", "内容", "牵头单位"], second,
            ["1", "城区污水管网改造", "改造老旧污水管网12公里", "县住建局"],
            ["2", "乡村道路提升", "2024年9月底前提升乡村道路40公里", "县交通局"]]
    merges: list[Merge] = [(0, 0, 1, 0), (0, 2, 1, 2), (0, 3, 1, 3)] if merged else []
    assert _tasks(_file(tmp_path, fmt, rows, merges)) == [
        ("1.", "城区污水管网改造", "改造老旧污水管网12公里", ["县住建局"], [], [], []),
        ("2.", "乡村道路提升", "2024年9月底前提升乡村道路40公里", ["县交通局"], [], [], ["2024-09-30"])]


def test_what_goes_on_with_a_header_name() -> None:
    def kind(name: str) -> str | None:
        return {"名称": "task", "项目名称": "task", "责任单位": "responsible", "完成时限": "deadline",
                "项目": "task", "完成": None, "时限": None}.get(name)

    assert continues("项目", "名称", kind)
    assert continues("责任", "单位", kind)  # a unit word below
    assert not continues("项目", "城区污水管网改造", kind)  # a data row's cell
    assert not continues("完成", "2024", kind)
    assert not continues("", "名称", kind)


# round 46: "责任单位及责任人" is a unit column; the people written after the names are dropped
@pytest.mark.parametrize("fmt", FORMATS)
def test_units_and_their_people_column(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "考核指标", "责任单位及责任人", "配合单位和责任人", "完成时限"],
            ["1", "低保对象动态管理率达到100%", "区民政局、区财政局主要负责人", "各街道办事处分管领导", "2025年6月底前"],
            ["2", "特困人员供养标准按时调整", "区民政局主要领导", "", "2025年9月底前"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("1.", "低保对象动态管理率达到100%", "", [], ["区民政局", "区财政局"], ["各街道办事处"], ["2025-06-30"]),
        ("2.", "特困人员供养标准按时调整", "", [], ["区民政局"], [], ["2025-09-30"])]


# "责任单位（责任人）": a person's name in brackets after a unit's, or on a line of its own, is dropped; a short unit's
# name on its own line ("县妇联") and a role in brackets ("（牵头）") stay (not in a PDF, whose reader joins a cell's
# short lines as the wraps of one name before the cell is read)
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_units_column_with_people_in_brackets(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "工作任务", "责任单位（责任人）", "完成时限"],
            ["1", "开展安全检查", "县应急局（王小红）、县消防救援大队（赵刚）", "2024年9月底前"],
            ["2", "整治河道", "县水利局\n张伟\n县妇联", "2024年10月底前"],
            ["3", "建设儿童之家", "县民政局（牵头）、各乡镇", "2024年11月底前"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("1.", "开展安全检查", "", [], ["县应急局", "县消防救援大队"], [], ["2024-09-30"]),
        ("2.", "整治河道", "", [], ["县水利局", "县妇联"], [], ["2024-10-31"]),
        ("3.", "建设儿童之家", "", ["县民政局"], ["各乡镇"], [], ["2024-11-30"])]


# a people column alone ("责任人", "牵头领导") is still not read, nor a row's missing 序号 (round 47, as before)
@pytest.mark.parametrize("fmt", FORMATS)
def test_people_columns_and_rows_without_numbers(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "重点工作任务", "牵头领导", "牵头单位", "责任人", "完成时限"],
            ["", "加快推进城西片区综合开发。", "王  强\n李建国", "县城投集团", "张三", "2024年10月底前"],
            ["", "深化营商环境改革。", "赵明", "县市场监管局", "李四", "2024年6月底前"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("(一)", "加快推进城西片区综合开发", "", ["县城投集团"], [], [], ["2024-10-31"]),
        ("(二)", "深化营商环境改革", "", ["县市场监管局"], [], [], ["2024-06-30"])]


# round 46: a schedule column ("工作进度", "分月序时进度") is neither the task nor deadlines: the 完成时限 column is
@pytest.mark.parametrize("fmt", FORMATS)
def test_schedule_column_is_no_task_and_no_deadline(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "工作任务", "工作进度", "责任单位", "完成时限"],
            ["1", "建成区级养老服务中心", "1-6月完成主体，7-12月投入运营", "区民政局", "2025年12月底前"],
            ["2", "新增托育机构2家", "上半年选址，下半年建成", "区卫健局", "2025年11月底前"]]
    assert _tasks(_file(tmp_path, fmt, rows)) == [
        ("1.", "建成区级养老服务中心", "", [], ["区民政局"], [], ["2025-12-31"]),
        ("2.", "新增托育机构2家", "", [], ["区卫健局"], [], ["2025-11-30"])]
    assert [column_kind(n) for n in ("工作进度", "分月序时进度", "实施步骤", "进度安排", "时间进度")] == [
        None, None, None, "deadline", "deadline"]  # a deadline column's name stays one
