"""A PDF whose lines are set with wide letter spacing (字间距 widened, a spread-out title): pdfplumber
spaces every character apart ("某 区 2 0 2 1 年"); the importer reads the line as written."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document

LINES = ["某区2021年重点工作任务分工方案", "1．推行企业开办“一网通办”。（区政务服务中心牵头，区市场监管局配合，",
         "2021年6月底前完成）", "2．清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）"]


def _pdf(path: Path, spacing: float, gap_line: bool = False) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0
    for line in LINES:
        text = page.beginText(60, y)
        text.setFont("STSong-Light", 11)
        text.setCharSpace(spacing)
        text.textOut(line)
        page.drawText(text)
        y -= 22
    if gap_line:  # two names set apart on one letter-spaced line: the wide gap stays a space
        for x, name in ((60, "责任单位"), (260, "区财政局")):
            text = page.beginText(x, y)
            text.setFont("STSong-Light", 11)
            text.setCharSpace(spacing)
            text.textOut(name)
            page.drawText(text)
    page.save()


@pytest.mark.parametrize("spacing", [0.0, 2.0, 4.0, 6.0])
def test_letter_spaced_lines_read_as_written(tmp_path: Path, spacing: float) -> None:
    path = tmp_path / "spaced.pdf"
    _pdf(path, spacing)
    if spacing >= 4:
        with pdfplumber.open(str(path)) as pdf:  # the case: every character spaced apart
            assert pdf.pages[0].extract_text().startswith("某 区 2 0 2 1 年")
    draft = parse_document(document_text(path))
    assert draft.title == "某区2021年重点工作任务分工方案"
    assert [(t.title, t.assignment.lead, t.assignment.responsible, t.assignment.cooperating) for t in draft.tasks] == [
        ("推行企业开办“一网通办”", ["区政务服务中心"], [], ["区市场监管局"]), ("清理规范涉企收费", [], ["区发展改革委"], [])]


def test_a_wide_gap_on_a_letter_spaced_line_stays_a_space(tmp_path: Path) -> None:
    path = tmp_path / "gap.pdf"
    _pdf(path, 4.0, gap_line=True)
    assert "责任单位 区财政局" in document_text(path).splitlines()
