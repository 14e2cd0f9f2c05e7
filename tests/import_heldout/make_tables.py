"""The held-out plans of issue #13 round 15: task TABLES in the file formats plans come in.

    python tests/import_heldout/make_tables.py [OUTDIR]     # default: this folder

Writes four documents (written for the suite, not copied from published texts):
- `govcn_table.html`: a gov.cn-style page (layout tables around the article) of a General Office notice
  whose 附件 重点任务分工表 is a <table> with a two-row header (责任单位 spanning 牵头单位 | 配合单位),
  一、二、 category rows spanning every column, 牵头单位 cells merged (rowspan) over several tasks, units
  separated by <br> or &nbsp; and cells padded with &nbsp;;
- `city_division.docx`: a city's 分工方案 whose table has the same two-row header, vertically merged
  cells (w:vMerge) in 牵头单位 and 完成时限, a 备注 column and the header rows marked to repeat on
  each page (w:tblHeader);
- `county_ledger.xlsx`: a county's 督办台账 (序号/任务内容/责任单位/责任人/完成时限/进展情况) under a
  title row and an empty row, with merged category rows, units separated by 、 or by line breaks
  inside a cell, deadlines as Excel dates and as text;
- `province_points.pdf`: a province's 工作要点 分工 converted by LibreOffice from a .docx table whose
  工作任务 cells wrap over several lines (needs `soffice`; the PDF is committed so tests need none).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
FONT = "Noto Serif CJK SC"

# --- (a) gov.cn page -------------------------------------------------------------------------

HTML_ROWS: list[tuple[str | None, ...]] = [
    ("一、推进政务服务标准化",),
    ("1", "编制全国统一的政务服务事项基本目录。明确事项名称、编码、依据和类型等基本要素，实现同一事项全国统一。",
     "&nbsp;&nbsp;国务院办公厅&nbsp;", "国家发展改革委<br>司法部", "2022年9月底前"),
    ("2", "推行政务服务事项实施清单", None, "国务院有关部门<br/>各省级人民政府", "2022年12月底前"),
    ("3", "规范审批服务行为。严格执行首问负责、一次告知、限时办结等制度。", None, "各省级人民政府", "持续推进"),
    ("二、提升政务服务便利化水平",),
    ("4", "拓展“跨省通办”范围", "国务院办公厅", "公安部<br>人力资源社会保障部<br>国家医保局", "2022年底前"),
    ("5", "推进高频事项“免证办”。依托全国一体化政务服务平台推动电子证照互通互认。", "&nbsp;国务院办公厅",
     "各省级人民政府", "2023年6月底前"),
    ("6", "优化线下办事服务", None, "国家发展改革委&nbsp;&nbsp;住房城乡建设部", "2022年10月底前"),
    ("三、强化支撑保障",),
    ("7", "加强政务服务平台安全防护", "中央网信办<br>公安部", "各省级人民政府", "长期坚持"),
    ("8", "开展政务服务效能评估。建立以企业和群众满意度为导向的评估机制。", "国务院办公厅", "国家统计局",
     "2023年一季度"),
]
HTML_SPANS = {1: 3, 5: 2}  # data row (1-based) whose 牵头单位 cell spans rows


def govcn_html() -> str:
    body = []
    data = 0
    for row in HTML_ROWS:
        if len(row) == 1:
            body.append(f'<tr><td colspan="5" style="text-align:left"><b>{row[0]}</b></td></tr>')
            continue
        data += 1
        cells = [f"<td>&nbsp;{row[0]}&nbsp;</td>", f"<td>{row[1]}</td>"]
        if row[2] is not None:
            span = HTML_SPANS.get(data, 1)
            cells.append(f'<td rowspan="{span}">{row[2]}</td>' if span > 1 else f"<td>{row[2]}</td>")
        cells += [f"<td>{row[3]}</td>", f"<td>&nbsp;{row[4]}&nbsp;</td>"]
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = "\n".join(body)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>国务院办公厅关于印发政务服务能力提升重点任务分工方案的通知_政府信息公开专栏</title>
<script>var _hmt = _hmt || [];</script></head>
<body><div class="header"><a href="/">首页</a> | <a href="/zhengce/">政策</a></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td>
<table class="bd1" width="100%"><tr><td><b>索 引 号：</b></td><td>000014349/2022-00031</td>
<td><b>主题分类：</b></td><td>国务院组织机构\\国务院办公厅</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2022年05月10日</td></tr></table>
<table width="100%"><tr><td class="b12c" id="UCAP-CONTENT">
<div class="pages_content">
<p style="text-align:center"><b>国务院办公厅关于印发政务服务能力提升重点任务分工方案的通知</b></p>
<p style="text-align:center">国办发〔2022〕31号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p style="text-indent:2em">为深入推进“放管服”改革，持续提升政务服务能力，经国务院同意，现将《政务服务能力提升重点任务分工表》印发给你们，请结合实际认真贯彻落实。</p>
<p style="text-align:right">国务院办公厅</p>
<p style="text-align:right">2022年5月10日</p>
<p>（此件公开发布）</p>
<p>附件</p>
<p style="text-align:center"><b>政务服务能力提升重点任务分工表</b></p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
<tbody>
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
{table}
</tbody></table>
</div></td></tr></table>
</td></tr></table>
<div class="footer">主办单位：国务院办公厅 运行维护单位：中国政府网运行中心</div>
</body></html>
"""


# --- (b) a city's .docx ---------------------------------------------------------------------

DOCX_HEAD = ["某市人民政府办公室关于印发某市2023年优化营商环境重点任务分工方案的通知", "某政办发〔2023〕12号",
             "各区县人民政府，市政府各部门：",
             "《某市2023年优化营商环境重点任务分工方案》已经市政府同意，现印发给你们，请认真抓好落实。",
             "某市人民政府办公室", "2023年3月6日", "某市2023年优化营商环境重点任务分工方案",
             "为持续打造市场化法治化国际化营商环境，制定本分工方案。各项任务分工如下："]
# (序号, 工作任务, 牵头单位, 配合单位, 完成时限, 备注); None = the cell above continues (vMerge)
DOCX_ROWS: list[tuple[str | None, ...]] = [
    ("一、提升政务服务效能",),
    ("1", "深化“一件事一次办”改革。围绕企业开办、员工招聘、不动产登记等高频事项，推动跨部门业务流程再造，"
     "实现一次告知、一表申请、一窗受理。", "市政务服务局", "市市场监管局、市人力资源社会保障局、市自然资源和规划局",
     "2023年6月底前", "每月报送进展"),
    ("2", "推进政务服务“掌上办”。整合各类移动端服务入口，推动高频事项全程网办，提升网上办事体验。", None,
     "市大数据中心", None, ""),
    ("3", "完善“好差评”制度。健全差评回访整改机制，差评整改率达到100%。", None, "各区县人民政府", "长期坚持",
     "纳入年度考核"),
    ("二、优化市场准入环境",),
    ("4", "压减企业开办时间。将企业开办时间压减至1个工作日以内，推行企业开办“零成本”。", "市市场监管局",
     "市公安局、市税务局、市人力资源社会保障局", "2023年9月底前", ""),
    ("5", "推行证照分离改革全覆盖。对涉企经营许可事项实行清单管理，分类推进审批制度改革。", None, "市司法局",
     "2023年年底前", ""),
    ("6", "清理妨碍统一市场和公平竞争的规定。开展存量政策措施清理，建立公平竞争审查第三方评估机制。",
     "市发展改革委", "市市场监管局、市司法局", None, "市委改革办督办"),
    ("三、加强法治保障",),
    ("7", "规范涉企行政执法。推行包容审慎监管，制定轻微违法行为免罚清单。", "市司法局", "市公安局、市市场监管局",
     "2023年三季度", ""),
    ("8", "加强知识产权保护。建立知识产权快速维权机制，加大侵权行为打击力度。", "市市场监管局", "市公安局",
     "持续推进", ""),
    ("9", "健全企业诉求响应机制。畅通12345热线涉企诉求办理渠道，实行诉求办理“接诉即办”。", "市政务服务局",
     "各区县人民政府、市直有关部门", "2023年5月底前", "按季度通报"),
    ("10", "开展营商环境评价。对标国家营商环境评价指标体系开展全市营商环境评价。", "市发展改革委",
     "各区县人民政府", "2023年11月底前", ""),
]


def _cell_text(cell: Any, text: str) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    for pos, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if pos < text.count("\n"):
            run.add_break()


def _fonts(document: Any, size: float) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(size)
    style.font.name = FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _widths(table: Any, widths: tuple[float, ...]) -> None:
    """Column widths LibreOffice honours: the table grid's and every cell's."""
    table.autofit = False
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)


def _repeat_header(row: Any) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _two_row_header(table: Any, names: list[str], units_at: int) -> None:
    """序号 | 工作任务 | 责任单位 (牵头单位 | 配合单位) | … : the first two rows."""
    width = len(table.columns)
    for col in range(width):
        if col in (units_at, units_at + 1):
            continue
        merged = table.cell(0, col).merge(table.cell(1, col))
        _cell_text(merged, names[col if col < units_at else col - 2])
    _cell_text(table.cell(0, units_at).merge(table.cell(0, units_at + 1)), "责任单位")
    _cell_text(table.cell(1, units_at), "牵头单位")
    _cell_text(table.cell(1, units_at + 1), "配合单位")
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])


def _fill(table: Any, rows: list[tuple[str | None, ...]], first: int) -> None:
    width = len(table.columns)
    for r, row in enumerate(rows, first):
        if len(row) == 1:
            _cell_text(table.cell(r, 0).merge(table.cell(r, width - 1)), str(row[0]))
            continue
        for c, text in enumerate(row):
            if text is None:  # continues the cell above: merge upwards to the cell that has text
                top = r - 1
                while rows[top - first][c] is None:
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))
                _cell_text(table.cell(top, c), str(rows[top - first][c]))
            else:
                _cell_text(table.cell(r, c), text)


def _document_with_table(head: list[str], rows: int, cols: int, size: int) -> tuple[Any, Any]:
    """A Word document: its heading lines, then an empty gridded table of `rows` x `cols`."""
    document = docx.Document()
    _fonts(document, size)
    for line in head:
        document.add_paragraph(line)
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return document, table


def city_docx(path: Path) -> None:
    document, table = _document_with_table(DOCX_HEAD, 2 + len(DOCX_ROWS), 6, 12)
    _two_row_header(table, ["序号", "工作任务", "完成时限", "备注"], 2)
    _fill(table, DOCX_ROWS, 2)
    _widths(table, (1.2, 6.4, 2.6, 3.4, 2.2, 1.8))
    document.add_paragraph("附：各牵头单位于每季度末前报送任务进展情况。")
    document.save(str(path))


# --- (c) a county's .xlsx 督办台账 ----------------------------------------------------------

LEDGER: list[tuple[object, ...]] = [
    ("一、重大项目建设",),
    (1, "加快县城污水处理厂扩建工程建设，确保年内建成投运", "县住房城乡建设局\n县生态环境分局", "王建国", datetime(2022, 12, 31),
     "主体工程已完工"),
    (2, "推进工业园区标准化厂房二期建设", "县工业园区管委会、县自然资源局", "李志强", "2022年6月底前", "正在施工"),
    (3, "完成国道改线工程征地拆迁", "县交通运输局\n各乡镇人民政府", "张海涛", datetime(2022, 9, 30), ""),
    ("二、民生事业",),
    (4, "新建改扩建公办幼儿园3所", "县教育局", "陈丽", "2022年8月底前", "2所已开工"),
    (5, "推进县人民医院胸痛中心建设", "县卫生健康局、县人民医院", "刘洋", datetime(2022, 11, 30), ""),
    (6, "落实城乡居民医保参保扩面工作", "县医保局\n县税务局", "赵敏", "长期坚持", "参保率98.2%"),
    ("三、安全稳定",),
    (7, "开展安全生产隐患排查整治", "县应急管理局、县市场监管局\n各乡镇人民政府", "孙强", "持续推进", "排查隐患126处"),
    (8, "完成农村危房改造任务", "县住房城乡建设局", "周晓峰", "10月底前", ""),
    (9, "推进信访积案化解", "县信访局\n县司法局", "吴涛", datetime(2022, 7, 31), "化解积案5件"),
]


def county_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "督办台账"
    sheet.append(["某县2022年重点工作任务督办台账"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["序号", "任务内容", "责任单位", "责任人", "完成时限", "进展情况"])
    for row in LEDGER:
        sheet.append(list(row))
        r = sheet.max_row
        if len(row) == 1:
            sheet.merge_cells(f"A{r}:F{r}")
        for cell in sheet[r]:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy\"年\"m\"月\"d\"日\""
    for col, width in zip("ABCDEF", (6, 40, 24, 10, 16, 16), strict=True):
        sheet.column_dimensions[col].width = width
    book.save(str(path))


# --- (d) a province's PDF (from a .docx table whose task cells wrap) ------------------------

PDF_HEAD = ["某省2023年数字政府建设工作要点", "某省人民政府办公厅", "2023年2月20日",
            "为加快推进数字政府建设，现提出2023年工作要点如下，各项工作的牵头单位和完成时限见下表。"]
PDF_ROWS: list[tuple[str, ...]] = [
    ("1", "建设全省一体化政务大数据体系。依托省政务云平台建设省级政务数据共享交换中心，推动国家、省、市三级数据"
     "按需回流，完成人口、法人、电子证照等基础库扩容升级。", "省大数据局", "省发展改革委、省财政厅", "2023年6月底前"),
    ("2", "提升“一网通办”服务能力。推动政务服务事项100%网上可办，企业和群众高频事项80%以上实现全程网办，完善统一身份认证"
     "和电子印章服务。", "省政务服务办", "省直有关部门、各市州人民政府", "2023年年底前"),
    ("3", "推进“一网统管”建设。建设省级城市运行管理平台，汇聚交通、应急、生态环境等领域运行数据，开展城市运行体征监测和预警。",
     "省住房城乡建设厅", "省应急厅、省交通运输厅、省生态环境厅", "2023年三季度"),
    ("4", "完善数据安全保障体系。落实数据分类分级保护制度，开展政务数据安全风险评估，建立数据安全事件应急处置机制。",
     "省委网信办", "省公安厅、省大数据局", "长期坚持"),
    ("5", "推动公共数据有序开放。制定公共数据开放目录和年度开放计划，在交通、气象、市场监管等领域开展数据开放试点。",
     "省大数据局", "省交通运输厅、省气象局、省市场监管局", "2023年9月底前"),
    ("6", "建设全省统一的电子证照库。推动证照电子化存量转换和增量生成，实现高频电子证照在政务服务和社会化场景中互认"
     "共享，减少纸质证明材料提交。", "省政务服务办", "省公安厅、省民政厅、省人力资源社会保障厅", "2023年10月底前"),
    ("7", "加快数字机关建设。推进机关内部“一件事”集成办理，推广使用省级协同办公平台，实现公文、会议、督办等业务全流程电子化。",
     "省政府办公厅", "省直各部门", "2023年11月底前"),
    ("8", "强化数字政府建设考核评估。将数字政府建设纳入全省高质量发展综合绩效考核，开展第三方评估并通报评估结果。",
     "省政府办公厅", "省统计局、省大数据局", "持续推进"),
]


def province_docx(path: Path) -> None:
    document, table = _document_with_table(PDF_HEAD, 1 + len(PDF_ROWS), 5, 12)
    for col, name in enumerate(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]):
        _cell_text(table.cell(0, col), name)
    _repeat_header(table.rows[0])
    for r, row in enumerate(PDF_ROWS, 1):
        for c, text in enumerate(row):
            _cell_text(table.cell(r, c), text)
    _widths(table, (1.2, 7.4, 2.8, 3.8, 2.4))
    document.save(str(path))


def docx_to_pdf(source: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", work, str(source)],
                       check=True, capture_output=True, timeout=120)
        (Path(work) / f"{source.stem}.pdf").replace(out)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "govcn_table.html").write_text(govcn_html(), encoding="utf-8")
    city_docx(out / "city_division.docx")
    county_xlsx(out / "county_ledger.xlsx")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "province_points.docx"
        province_docx(source)
        docx_to_pdf(source, out / "province_points.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
