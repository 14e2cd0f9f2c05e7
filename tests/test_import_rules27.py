"""`duban import` after round 26 of issue #13 (bench/import_corpus_split.md, "Round 26 (formats)"): the
unseen documents as they really reach a coordinator — a web page's table, the same table in Word (.docx,
.doc), printed to PDF, pasted into a sheet — must give what their text gives. Each test builds a small
file the way the round's conversions made them (python-docx, openpyxl, reportlab, a page's HTML), with
sentences written for the tests, not the documents' own."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document
from tests.data import make_formats as mf
from tests.import_rules_support import units

Tasks = list[tuple[str, tuple[list[str], list[str], list[str]]]]


def _tasks(path: Path) -> Tasks:
    return [(t.title, units(t)) for t in parse_document(document_text(path)).tasks]


def _html(path: Path, table: str, before: str = "") -> Path:
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{before}<table border="1">{table}'
                    "</table></body></html>", encoding="utf-8")
    return path


# "工作要求 | 一级要点 | 二级要点 | 责任科室": the deepest level is the task, merged levels above it
LEVELS = [
    ["工作要求", "一级要点", "二级要点", "责任科室"],
    ["一、优化公开基础", "（一）深化规范性文件公开。", "1.规范文件使用,确保文本最新。", "法规科牵头,办公室配合"],
    ["一、优化公开基础", "（一）深化规范性文件公开。", "2.摸清文件底数,健全更新机制。", "办公室"],
    ["一、优化公开基础", "（二）推进基层公开标准化。", "3.动态调整公开目录。", "综合科"],
]
LEVELS_WANT: Tasks = [
    ("规范文件使用,确保文本最新", (["法规科"], [], ["办公室"])),
    ("摸清文件底数,健全更新机制", ([], ["办公室"], [])),
    ("动态调整公开目录", ([], ["综合科"], [])),
]


def test_levels_header_reads_the_deepest_level_as_the_task(tmp_path: Path) -> None:
    mf.docx_table(LEVELS, [(1, 0, 3, 0), (1, 1, 2, 1)], tmp_path / "levels.docx")
    assert _tasks(tmp_path / "levels.docx") == LEVELS_WANT


# "具 体 要 求" spanning "一、… | 1 | text": the text is in its last column, the numbers are the 序号
SPANNED = (
    "<tr><td colspan=3>具 体 要 求</td><td>责任科室</td></tr>"
    "<tr><td rowspan=2>一、围绕中心工作抓好公开。</td><td>1</td><td>紧扣民生领域,深化信息公开。</td>"
    "<td>办公室牵头,局各股室配合</td></tr>"
    "<tr><td>2</td><td>及时开展回应关切。</td><td>办公室</td></tr>"
    "<tr><td>二、围绕提质增效抓好解读</td><td>3</td><td>严格落实同步解读要求。</td><td>政策科</td></tr>")


def test_detail_heading_spanning_columns_holds_the_task_in_its_last_column(tmp_path: Path) -> None:
    assert _tasks(_html(tmp_path / "spanned.html", SPANNED)) == [
        ("紧扣民生领域,深化信息公开", (["办公室"], [], ["局各股室"])),
        ("及时开展回应关切", ([], ["办公室"], [])),
        ("严格落实同步解读要求", ([], ["政策科"], [])),
    ]


# "工作任务 | 具体要求 | 责任部门": the detail is the task, the merged 工作任务 its parent
DETAIL = [
    ["工作任务", "具体要求", "责任部门"],
    ["一、做好财政信息公开。", "1.积极推进预算、决算公开。", "财务科"],
    ["二、做好网站专栏公开。", "2.及时更新网站概况信息。", "办公室"],
    ["二、做好网站专栏公开。", "3.及时更新公众号信息。", "办公室牵头,各科室配合"],
]


def test_detail_column_beside_a_task_column_is_the_task(tmp_path: Path) -> None:
    mf.docx_table(DETAIL, [(2, 0, 3, 0)], tmp_path / "detail.docx")
    assert _tasks(tmp_path / "detail.docx") == [
        ("积极推进预算、决算公开", ([], ["财务科"], [])),
        ("及时更新网站概况信息", ([], ["办公室"], [])),
        ("及时更新公众号信息", (["办公室"], [], ["各科室"])),
    ]


# "1 | 大力提振消费。" spanning the units columns is a heading, not a task whose units are its own text
COLSPAN = (
    "<tr><td>序号</td><td>目标与任务</td><td>牵头责任单位</td><td>责任单位</td></tr>"
    "<tr><td>1</td><td colspan=3>大力提振消费。</td></tr>"
    "<tr><td>(8)</td><td>统筹衔接消费券发放。</td><td>市商务局</td><td>市财政局</td></tr>")


def test_row_spanning_the_units_columns_is_a_heading(tmp_path: Path) -> None:
    assert _tasks(_html(tmp_path / "colspan.html", COLSPAN)) == [("统筹衔接消费券发放", (["市商务局"], ["市财政局"], []))]


# a cell's text keeps no spaces where the page it was copied from wrapped it, nor a stray 、 at its end;
# the space between two issuers stays
WRAPPED = [
    ["专项整治行业名称", "时间安排", "责任单位"],
    ["坚持服务跟着项目走,优化工作机 制,全力服务重 大项目", "全年", "招商部"],
    ["景区(点)、文物设施、宗教场所、", "9月份", "生态办"],
    ["落实中共中央办公厅 国务院办公厅通知", "10月份", "文化站"],
]


def test_cell_text_loses_wrap_spaces_and_a_closing_comma(tmp_path: Path) -> None:
    mf.docx_table(WRAPPED, [], tmp_path / "wrapped.docx")
    assert [t for t, _ in _tasks(tmp_path / "wrapped.docx")] == [
        "坚持服务跟着项目走,优化工作机制,全力服务重大项目", "景区(点)、文物设施、宗教场所",
        "落实中共中央办公厅 国务院办公厅通知"]


# a sheet holding the whole notice: paragraphs in rows of one cell above the header and below the table
def test_sheet_with_the_notice_around_its_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    above = ["各行政村、各有关单位:", "现将工作计划印发给你们,请遵照执行。", "二〇一七年二月二十四日", "工作计划",
             "按照总体要求,特制定本工作计划。", "根据我镇实际,安排如下。", "一、专项整治安排表"]
    table = [["专项整治行业名称", "时间安排", "责任单位"], ["烟花爆竹", "1月份", "安监站"], ["电力设施", "3月份", "电管所"]]
    below = ["二、工作要求", "(一)各有关责任单位要按照时间安排,制定专项整治方案。"]
    for row in [[t] for t in above] + table + [[t] for t in below]:
        sheet.append(row)
    book.save(str(tmp_path / "notice.xlsx"))
    assert _tasks(tmp_path / "notice.xlsx") == [("烟花爆竹", ([], ["安监站"], [])), ("电力设施", ([], ["电管所"], []))]
    assert document_text(tmp_path / "notice.xlsx").endswith("二、工作要求\n(一)各有关责任单位要按照时间安排,制定专项整治方案。")


# a PDF cell wraps "开发区管委会" and "局各股室" at the cell's width: one name each
def test_pdf_cell_wrapping_a_unit_name_keeps_it_whole(tmp_path: Path) -> None:
    rows = [["序号", "目标与任务", "牵头单位", "责任单位"],
            ["1", "地区生产总值增长6%以上。", "市发展改革委", "各县市区政府、开发区\n管委会"],
            ["2", "公开政策解读信息。", "办公室", "局各股室、局\n属各中心"]]
    mf.pdf_table(rows, [], tmp_path / "wrapped.pdf")
    assert _tasks(tmp_path / "wrapped.pdf") == [
        ("地区生产总值增长6%以上", (["市发展改革委"], ["各县市区政府", "开发区管委会"], [])),
        ("公开政策解读信息", (["办公室"], ["局各股室", "局属各中心"], [])),
    ]


def _pdf_lines(path: Path, pages: list[list[tuple[float, str]]]) -> None:
    """Lines drawn at the given distance from the page's top, at the left margin (a Word page printed
    to PDF from a plan pasted as one cell a line, with empty paragraphs between)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for top, text in lines:
            pdf.drawString(72, A4[1] - top, text)
        pdf.showPage()
    pdf.save()


NOTICE = [(60.0, "为让人民群众生活得更有保障、更加幸福，现将2016年民生实事目标任务分解下达，请认真落实。"),
          (75.0, "县政府督查室将常年跟踪，适时开展督查，请各责任单位按季度报送完成情况和存在的问题。")]


# "2" as the page's last line at the text's left edge is a row's 序号, not a page number; an empty
# paragraph's gap keeps the cells of the next row apart from the short line before it
def test_pdf_bare_number_at_the_left_edge_is_a_row_number(tmp_path: Path) -> None:
    cells = ["序号", "民生实事", "责任单位", "完成时限", "1", "启动建设东湖湿地公园。", "县水务局", "12月底前", "2"]
    page1 = NOTICE + [(120.0 + 26 * i, c) for i, c in enumerate(cells)]
    rest = ["新建2座人行天桥。", "县住建局", "9月投入使用", "3", "建成县残疾人综合服务中心。", "县残联", "5月底前动工"]
    _pdf_lines(tmp_path / "cells.pdf", [page1, [(60.0 + 26 * i, c) for i, c in enumerate(rest)]])
    assert _tasks(tmp_path / "cells.pdf") == [
        ("启动建设东湖湿地公园", ([], ["县水务局"], [])),
        ("新建2座人行天桥", ([], ["县住建局"], [])),
        ("建成县残疾人综合服务中心", ([], ["县残联"], [])),
    ]


# "⑽城镇保障性安居工程建设" after a line as wide as the page opens an item of its own
def test_pdf_circled_number_opens_an_item_after_a_full_line(tmp_path: Path) -> None:
    texts = ["一、主要目标和任务分工", "（一）主要规划指标。", "1.约束性指标。", "⑼城乡三项基本医疗保险参保率95%。",
             "牵头单位：省人力资源社会保障厅。", "责任单位：省人力资源社会保障厅、省卫生厅、省财政厅、省民政厅、省教育厅等。",
             "⑽城镇保障性安居工程建设。", "责任单位：省住房城乡建设厅。"]
    lines = [(60.0 + 18 * i, text) for i, text in enumerate(texts)]
    _pdf_lines(tmp_path / "circled.pdf", [lines])
    assert [t for t, _ in _tasks(tmp_path / "circled.pdf")] == ["城乡三项基本医疗保险参保率95%", "城镇保障性安居工程建设"]


# a copy whose lines were cut at one width: the last label line does not swallow the page's footer
def test_wrapped_copy_keeps_a_footer_label_off_the_last_label_line() -> None:
    coop = "主要协作单位:各乡镇人民政府、经济开发区管委会,县政府有关部门、有关直属单位"
    titles = ["落实积极应对人口老龄化国家战略,加快发展健康、养老、育幼、家政等服务业发展",
              "加强重大公共卫生安全风险源头防控,切实保障人民群众生命安全和身体健康水平",
              "毫不放松抓好新冠肺炎疫情常态化防控工作,完善疾病预防控制体系和平战结合",
              "创建国家卫生县城,巩固提升城乡环境卫生整治成果,建立健全长效管理工作机制",
              "树立全周期健康管理理念,推广家庭医生签约服务,补齐公共医疗卫生基础设施短板"]
    lines = ["县卫健委2021年政府工作报告任务分解"]
    for n, title in enumerate(titles, start=1):
        lines += [f"{n}.{title}"[:len(coop)], "牵头责任单位:县卫健委", coop]
    draft = parse_document("\n".join([*lines, "监督方式:0557-6031710", "扫一扫在手机打"]) + "\n")
    assert [units(t) for t in draft.tasks][-1] == (["县卫健委"], [], ["各乡镇人民政府", "经济开发区管委会", "县政府有关部门",
                                                                      "有关直属单位"])


# a PDF line as wide as the page: "8.5亿元" at the next line's start goes on with it; a label line
# opens a line of its own unless the line above left a bracket open
def test_pdf_line_after_a_full_line_goes_on_or_stands_alone(tmp_path: Path) -> None:
    texts = ["一、重点任务",
             "1.树立全周期健康管理理念，推广家庭医生签约服务，补齐公共医疗卫生基础设施短板，加快",
             "建设县医院新院区。",
             "牵头单位：县卫健委",
             "2.推进机场建设，国家有关部门对建设机场的必要性已达成一致意见。目前该项目总投资为",
             "8.5亿元，力争年内开工建设，确保顺利推进，早日建成投入使用。（牵头单位：县交通局；",
             "配合单位：县财政局、县自然资源局）"]
    _pdf_lines(tmp_path / "full.pdf", [[(60.0 + 18 * i, t) for i, t in enumerate(texts)]])
    assert "目前该项目总投资为8.5亿元" in document_text(tmp_path / "full.pdf")
    assert [units(t) for t in parse_document(document_text(tmp_path / "full.pdf")).tasks] == [
        (["县卫健委"], [], []), (["县交通局"], [], ["县财政局", "县自然资源局"])]
