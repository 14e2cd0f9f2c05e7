"""Issue #13 round 15: task TABLES in the file formats plans come in (.html, .docx, .xlsx, .pdf).

The held-out plans of the round (tests/import_heldout/govcn_table.html, city_division.docx, county_ledger.xlsx,
province_points.pdf, made by tests/import_heldout/make_tables.py) showed what failed; these tests build
small tables of their own in each format:
- a header in two rows ("责任单位" spanning "牵头单位 | 配合单位", the other heading cells spanning both
  rows): the second row names the unit columns, it is no task;
- the text after a table (a "附：" note) is not part of the table's last row;
- units padded apart with spaces in one cell ("国家发展改革委&nbsp;&nbsp;住房城乡建设部");
- a ledger's numeric dates ("2022.6.30", "2022/09/30", "2022-10-31", "2022.10") in 完成时限;
- "每季度末前报送" is a recurring duty, not the year's end;
- a ledger without a date takes the year its title names ("某县2022年重点工作任务督办台账");
- a row broken by a PDF page is one row, a 牵头单位 or 完成时限 merged across the page break goes on;
- a category numbered "一"/"（二）" in the 序号 cell is no task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from scheduler.importer.formats import document_text
from scheduler.importer.formats.headers import stacked
from scheduler.importer.formats.tables import column_kind
from scheduler.importer.parse import parse_document
from tests.conftest import Duban
from tests.data import make_formats as mf
from tests.import_score import drafted_fields

Merge = tuple[int, int, int, int]  # row0, col0, row1, col1 (0-based, inclusive)

GRID = [
    ["序号", "重点任务", "责任单位", "责任单位", "完成时限", "备注"],
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "备注"],
    ["一、优化审批服务"] * 6,
    ["1", "推行告知承诺制。对涉企经营许可事项实行告知承诺。", "市司法局", "市市场监管局\n市税务局", "2023年6月底前", "按月报送"],
    ["2", "规范中介服务", "市司法局", "市发展改革委", "2023年6月底前", ""],
    ["二、加强事中事后监管"] * 6,
    ["3", "开展双随机抽查", "市市场监管局", "各区县人民政府", "持续推进", "纳入年度考核"],
]
MERGES: list[Merge] = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (0, 5, 1, 5), (2, 0, 2, 5),
                       (3, 2, 4, 2), (3, 4, 4, 4), (5, 0, 5, 5)]
Row = tuple[str, list[str], list[str], list[str], list[str]]
EXPECTED: list[Row] = [
    ("推行告知承诺制", ["市司法局"], [], ["市市场监管局", "市税务局"], ["2023-06-30"]),
    ("规范中介服务", ["市司法局"], [], ["市发展改革委"], ["2023-06-30"]),
    ("开展双随机抽查", ["市市场监管局"], [], ["各区县人民政府"], ["持续推进"]),
]


def drafted(path: Path, year: int = 2023) -> list[Row]:
    """(title, lead, responsible, cooperating, deadlines) of each drafted task."""
    draft = parse_document(document_text(path))
    out = []
    for task in draft.tasks:
        got = drafted_fields(task, year, draft.issued)
        out.append((task.title, got["lead"], got["responsible"], got["cooperating"], got["deadlines"]))
    return out


def html_table(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path, after: str = "") -> None:
    """A gov.cn-style page: the table's merged ranges as rowspan/colspan, line breaks as <br>, cells
    padded with &nbsp;."""
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            down, across = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
            cells.append(f"<td{attrs}>&nbsp;{value.replace(chr(10), '<br>')}&nbsp;</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    path.write_text('<html><body><div id="UCAP-CONTENT"><p>附件</p><p>重点任务分工表</p><table border="1">'
                    + "".join(body) + f"</table><p>{after}</p></div></body></html>", encoding="utf-8")


def _xlsx(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path) -> None:
    mf.xlsx_from_table(rows, merges, path)


def _docx(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path) -> None:
    mf.docx_table(rows, merges, path)


def _pdf(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path) -> None:
    mf.pdf_table(rows, merges, path)


def _html(rows: Sequence[Sequence[str]], merges: Sequence[Merge], path: Path) -> None:
    html_table(rows, merges, path)


WRITERS: dict[str, Callable[[Sequence[Sequence[str]], Sequence[Merge], Path], None]] = {
    "html": _html, "docx": _docx, "xlsx": _xlsx, "pdf": _pdf}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_header_in_two_rows_names_the_unit_columns(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"table.{kind}"
    WRITERS[kind](GRID, MERGES, path)
    assert drafted(path) == EXPECTED  # the second header row is no task "重点任务"


def test_the_header_repeated_on_each_pdf_page_is_no_task(tmp_path: Path) -> None:
    rows = [*GRID[:2]] + [[str(n), f"第{n}项任务。推动政务服务事项标准化规范化便利化，提升企业群众办事体验。",
                           "市政务服务局", "市大数据中心\n市司法局", f"2023年{n % 12 + 1}月底前", ""]
                          for n in range(1, 41)]
    path = tmp_path / "long.pdf"
    mf.pdf_table(rows, MERGES[:5], path, repeat=2)
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        assert len(pdf.pages) > 1 and pdf.pages[1].extract_tables()[0][1][2] == "牵头单位"  # both rows repeated
    got = drafted(path)
    assert len(got) == 40
    assert [g[0] for g in got] == [f"第{n}项任务" for n in range(1, 41)]
    assert {(tuple(g[1]), tuple(g[3])) for g in got} == {(("市政务服务局",), ("市大数据中心", "市司法局"))}


def test_two_header_rows_only_when_the_second_names_columns() -> None:
    two = [["序号", "任务", "责任单位", "责任单位", "时限"], ["序号", "任务", "牵头单位", "配合单位", "时限"]]
    assert stacked(two, 0, column_kind) == (["序号", "任务", "牵头单位", "配合单位", "时限"], 1)
    data = [two[0], ["1", "任务", "市司法局", "市财政局", "6月底前"]]
    assert stacked(data, 0, column_kind) == (two[0], 0)  # a data row
    single = [["序号", "任务", "牵头单位", "配合单位", "时限"], ["序号", "任务", "牵头单位", "市财政局", "时限"]]
    assert stacked(single, 0, column_kind) == (single[0], 0)  # a heading over one column gets no name under it
    assert stacked(two[:1], 0, column_kind) == (two[0], 0)
    blanks = [two[0], ["", "", "牵头单位", "配合单位", ""], ["1", "任务", "市司法局", "市财政局", "6月底前"]]
    assert stacked(blanks, 0, column_kind) == (two[1], 1)  # the cells under 序号/任务/时限 left blank
    category = [two[0], ["一、重点工作任务"] * 5]
    assert stacked(category, 0, column_kind) == (two[0], 0)


def test_the_text_after_a_table_is_not_its_last_row(tmp_path: Path) -> None:
    path = tmp_path / "after.html"
    html_table(GRID, MERGES, path, after="附：各牵头单位于每季度末前报送任务进展情况，2023年12月底前报送总结。")
    got = drafted(path)
    assert got == EXPECTED  # the last task keeps its own deadline, no 2023-12-31 from the note


def test_units_padded_apart_with_spaces_in_a_cell(tmp_path: Path) -> None:
    rows = [GRID[1], ["1", "优化线下办事服务", "国务院办公厅", "国家发展改革委\xa0\xa0住房城乡建设部", "2022年10月底前", ""],
            ["2", "推进跨省通办", "国务院办公厅", "推动 跨省通办", "2022年底前", ""]]
    path = tmp_path / "spaced.html"
    html_table(rows, [], path)
    got = drafted(path, 2022)
    assert got[0][3] == ["国家发展改革委", "住房城乡建设部"]
    assert got[1][3] == ["推动 跨省通办"]  # words that are no units' names stay as written


def test_numeric_dates_of_a_ledger(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "任务内容", "责任单位", "完成时限"])
    cells = ["2022.6.30", "2022/09/30", "2022-10-31", "2022.10", "2022.6.30前", "2023-2025", "2022.13"]
    for n, cell in enumerate(cells, 1):
        sheet.append([n, f"任务{n}", "县民政局", cell])
    path = tmp_path / "ledger.xlsx"
    book.save(str(path))
    got = drafted(path, 2022)
    assert [g[4] for g in got] == [["2022-06-30"], ["2022-09-30"], ["2022-10-31"], ["2022-10-31"], ["2022-06-30"],
                                   [], []]


def test_a_numeric_date_on_a_label_line_of_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("一、主要任务\n（一）推进改革。\n牵头单位：县司法局\n完成时限：2022.6.30\n", encoding="utf-8")
    assert drafted(path, 2022) == [("推进改革", ["县司法局"], [], [], ["2022-06-30"])]


def test_a_recurring_quarter_end_is_no_deadline(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("一、主要任务\n（一）推进改革。各单位每季度末前报送进展情况。（市司法局负责）\n"
                    "（二）加强监管。2023年三季度末前完成。（市公安局负责）\n", encoding="utf-8")
    assert [g[4] for g in drafted(path)] == [[], ["2023-09-30"]]


def test_a_ledger_without_a_date_takes_its_titles_year(tmp_path: Path, duban: Duban) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某县2022年重点工作任务督办台账"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["序号", "任务内容", "责任单位", "责任人", "完成时限"])
    sheet.append([1, "完成农村危房改造任务", "县住房城乡建设局", "周晓峰", "10月底前"])
    sheet.append([2, "推进信访积案化解", "县信访局\n县司法局", "吴涛", datetime(2022, 7, 31)])
    path = tmp_path / "ledger.xlsx"
    book.save(str(path))
    result = duban("import", str(path), "--prefix", "X-")
    assert result.code == 0, result.err
    assert 'title = "某县2022年重点工作任务督办台账"' in result.out
    assert "# issued 未识别；“6月底前”等按 2022 年解析（标题中的年份）" in result.out
    assert "deadline = 2022-10-31  # 10月底前" in result.out
    assert 'responsible = ["县信访局", "县司法局"]' in result.out and "deadline = 2022-07-31" in result.out
    assert "周晓峰" not in result.out  # the person column is not read
    again = duban("import", str(path), "--year", "2023")
    assert "deadline = 2023-10-31  # 10月底前" in again.out  # --year still decides


def test_a_title_names_one_year_or_none() -> None:
    from scheduler.importer.header import title_year

    assert title_year("某县2022年重点工作任务督办台账") == 2022
    assert title_year("某市2021—2025年数字政府建设行动方案") is None  # a span names no one year
    assert title_year("2021年至2023年实施方案") is None
    assert title_year("关于印发重点任务分工方案的通知") is None


def test_a_table_of_header_rows_only_gives_a_message(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "empty.html"
    html_table(GRID[:2], MERGES[:5], path)
    result = duban("import", str(path))
    assert result.code == 1
    assert "没有找到编号的任务" in result.err and "Traceback" not in result.err


def pdf_pages(tables: Sequence[Sequence[Sequence[str]]], path: Path) -> None:
    """Tables on pages of their own, ruled as Word draws a table the page breaks: each page's part
    under the repeated header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    story: list[object] = []
    for rows in tables:
        cells = [[Paragraph(v.replace("\n", "<br/>"), style) for v in row] for row in rows]
        table = Table(cells, colWidths=[30, 200, 80, 90, 80])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story += [table, PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])


def test_a_row_broken_across_two_pdf_pages_is_one_task(tmp_path: Path) -> None:
    head = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    units = ["市政务服务局", "市大数据中心\n市司法局", "2023年6月底前"]
    path = tmp_path / "split.pdf"
    pdf_pages([[head, ["1", "优化营商环境。推行告知承诺制，完善统一身份", *units]],
               [head, ["", "认证和电子印章服务。", "", "", ""], ["2", "推进一网通办。实现全程网办。", *units]]], path)
    assert drafted(path) == [("优化营商环境", ["市政务服务局"], [], ["市大数据中心", "市司法局"], ["2023-06-30"]),
                             ("推进一网通办", ["市政务服务局"], [], ["市大数据中心", "市司法局"], ["2023-06-30"])]
    detail = parse_document(document_text(path)).tasks[0].detail
    assert detail == "推行告知承诺制，完善统一身份认证和电子印章服务。"
    ended = tmp_path / "ended.pdf"  # a row under a 序号 spanning rows: the cell above is complete
    pdf_pages([[head, ["1", "优化营商环境。推行告知承诺制。", *units]],
               [head, ["", "完善统一身份认证。", "市司法局", "", "2023年9月底前"]]], ended)
    assert [g[0] for g in drafted(ended)] == ["优化营商环境", "完善统一身份认证"]


@pytest.mark.parametrize("kind", ["html", "xlsx"])
def test_a_category_numbered_in_the_number_cell_is_no_task(tmp_path: Path, kind: str) -> None:
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["一", "优化审批服务", "", "", ""],
            ["1", "推行告知承诺制", "市司法局", "市税务局", "2023年6月底前"],
            ["（二）", "加强事中事后监管", "", "", ""],
            ["2", "开展双随机抽查", "市市场监管局", "各区县人民政府", "持续推进"]]
    path = tmp_path / f"table.{kind}"
    WRITERS[kind](rows, [], path)
    assert drafted(path) == [("推行告知承诺制", ["市司法局"], [], ["市税务局"], ["2023-06-30"]),
                             ("开展双随机抽查", ["市市场监管局"], [], ["各区县人民政府"], ["持续推进"])]
    lines = document_text(path).splitlines()
    assert "一、优化审批服务" in lines and "二、加强事中事后监管" in lines  # sections, as categories across the table


def test_a_lead_or_deadline_merged_across_a_pdf_page_break_goes_on(tmp_path: Path) -> None:
    head = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    path = tmp_path / "merged.pdf"  # Word leaves the next page's part of a merged cell blank
    pdf_pages([[head, ["1", "压减企业开办时间。", "市市场监管局", "市公安局", "2023年9月底前"]],
               [head, ["2", "推行证照分离改革。", "", "", ""], ["3", "规范涉企执法。", "市司法局", "", "2023年三季度"]]], path)
    assert drafted(path) == [("压减企业开办时间", ["市市场监管局"], [], ["市公安局"], ["2023-09-30"]),
                             ("推行证照分离改革", ["市市场监管局"], [], [], ["2023-09-30"]),  # 配合单位 is not carried
                             ("规范涉企执法", ["市司法局"], [], [], ["2023-09-30"])]


@pytest.mark.parametrize("merged", [True, False])
def test_a_two_row_header_exported_to_csv_or_left_unmerged(tmp_path: Path, merged: bool) -> None:
    """A CSV (or a sheet whose author merged nothing) has the spanning heading in its first cell only and
    blanks under the headings that span both rows."""
    rows = [["序号", "重点任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""],
            ["1", "推行告知承诺制", "市司法局", "市税务局\n市财政局", "2023年6月底前"],
            ["2", "开展双随机抽查", "市市场监管局", "各区县人民政府", "持续推进"]]
    path = tmp_path / ("table.csv" if merged else "table.xlsx")
    if merged:
        mf.csv_from_table(rows, [], path)
    else:
        mf.xlsx_from_table(rows, [], path, merged=False)
    assert drafted(path) == [("推行告知承诺制", ["市司法局"], [], ["市税务局", "市财政局"], ["2023-06-30"]),
                             ("开展双随机抽查", ["市市场监管局"], [], ["各区县人民政府"], ["持续推进"])]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_schedule_column_and_measures_under_a_merged_key_task(tmp_path: Path, kind: str) -> None:
    """"时间进度" names the deadline column; a 重点任务 merged down over its 具体措施 rows under a two-row header."""
    rows = [["序号", "重点任务", "具体措施", "责任单位", "责任单位", "时间进度"],
            ["序号", "重点任务", "具体措施", "牵头司局", "配合司局", "时间进度"],
            ["1", "深化政务服务标准化", "1.编制事项清单。明确办理时限。", "法制司", "综合规划司、运输服务司", "2024年6月"],
            ["2", "深化政务服务标准化", "2.统一申请材料。", "法制司", "各业务司局", "每季度"],
            ["3", "加强督查考核", "3.纳入年度绩效考核。", "人事教育司", "法制司", "2024年底"]]
    merges: list[Merge] = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5), (2, 1, 3, 1)]
    path = tmp_path / f"measures.{kind}"
    WRITERS[kind](rows, merges, path)
    assert drafted(path, 2024) == [("编制事项清单", ["法制司"], [], ["综合规划司", "运输服务司"], ["2024-06-30"]),
                                   ("统一申请材料", ["法制司"], [], ["各业务司局"], []),  # "每季度": recurring
                                   ("纳入年度绩效考核", ["人事教育司"], [], ["法制司"], ["2024-12-31"])]


def test_a_category_opening_the_next_pdf_page_takes_nothing_from_above(tmp_path: Path) -> None:
    head = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    path = tmp_path / "category.pdf"
    pdf_pages([[head, ["1", "压减企业开办时间。", "市市场监管局", "市公安局", "2023年9月底前"]],
               [head, ["二、加强监管", "", "", "", ""], ["2", "规范涉企执法。", "市司法局", "", "2023年三季度"]]], path)
    assert drafted(path) == [("压减企业开办时间", ["市市场监管局"], [], ["市公安局"], ["2023-09-30"]),
                             ("规范涉企执法", ["市司法局"], [], [], ["2023-09-30"])]
    assert "一、加强监管" in document_text(path).splitlines()  # the category, its name wrapped in a narrow cell
