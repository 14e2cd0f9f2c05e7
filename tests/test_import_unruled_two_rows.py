"""A PDF task table drawn without rules whose header is set on two rows: "责任单位" over the merged cells
"牵头单位" and "配合单位" (as Word and WPS tables of 分解表 are, borders removed or printed without them).
Each lower name is a column; the group name above them names none, wherever it is set."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_import_rules16 import Row, drafted

ROWS = [["1", "推行告知承诺制。对涉企经营许可事项实行告知承诺，减少审批环节。", "市司法局", "市市场监管局\n市税务局", "6月底前"],
        ["2", "规范中介服务", "市发展改革委", "市财政局", "9月底前"],
        ["3", "开展双随机抽查，推进跨部门联合监管全覆盖。", "市市场监管局", "各区县人民政府", "持续推进"]]
EXPECTED: list[Row] = [
    ("推行告知承诺制", ["市司法局"], [], ["市市场监管局", "市税务局"], ["2023-06-30"]),
    ("规范中介服务", ["市发展改革委"], [], ["市财政局"], ["2023-09-30"]),
    ("开展双随机抽查，推进跨部门联合监管全覆盖", ["市市场监管局"], [], ["各区县人民政府"], ["持续推进"])]


def two_row_pdf(path: Path, align: str, padding: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    head = ParagraphStyle("head", parent=style, alignment={"LEFT": 0, "CENTER": 1}[align])
    header = [["序号", "工作任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]]
    cells = [[Paragraph(v, head) for v in r] for r in header]
    cells += [[Paragraph(v.replace("\n", "<br/>"), style) for v in r] for r in ROWS]
    table = Table(cells, colWidths=[30, 170, 80, 90, 80])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), padding),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), padding), ("SPAN", (2, 0), (3, 0)),
                               ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (4, 0), (4, 1))]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("某市2023年优化营商环境重点任务分解表", style), table,
         Paragraph("各牵头单位要加强统筹，每季度末报送进展情况。", style)])


@pytest.mark.parametrize(("align", "padding"), [("LEFT", 3), ("CENTER", 3), ("CENTER", 8), ("LEFT", 0)])
def test_a_two_row_header_without_rules(tmp_path: Path, align: str, padding: int) -> None:
    path = tmp_path / "two_rows.pdf"
    two_row_pdf(path, align, padding)
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        assert pdf.pages[0].find_tables() == []  # no rules: the unruled reader's case
    assert drafted(path) == EXPECTED  # the year: the title's (2023)
