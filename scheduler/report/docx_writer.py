"""The 通报 draft as .docx (python-docx): a title, the date, the counts, three tables, the feedback."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from scheduler.report.bulletin import SOON_DAYS, Bulletin, Item, cn_date
from scheduler.report.safe import printable

_FONT = "仿宋"  # official documents are set in 仿宋/宋体; Word falls back when it is missing


def write(b: Bulletin, path: Path | BinaryIO) -> None:
    doc = Document()
    _fonts(doc)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(b.title)
    run.bold = True
    run.font.size = Pt(18)
    date_line = doc.add_paragraph(cn_date(b.today))
    date_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in b.documents:
        doc.add_paragraph(printable(f"督办文件：{text}"))
    doc.add_paragraph(b.counts_text())
    _heading(doc, f"一、逾期事项（{len(b.overdue)}个）")
    _items(doc, b.overdue, "逾期工作日", overdue=True)
    _heading(doc, f"二、{SOON_DAYS}个工作日内到期事项（{len(b.soon)}个）")
    _items(doc, b.soon, "剩余工作日", overdue=False)
    _heading(doc, "三、各单位逾期情况")
    if b.units:
        _table(doc, ("排名", "单位", "逾期", "临期", "未完成"),
               [(str(n), u.unit, str(u.overdue), str(u.near), str(u.open)) for n, u in enumerate(b.units, 1)])
    else:
        doc.add_paragraph("各单位均无逾期事项。")
    _heading(doc, f"四、待审核的反馈（{len(b.waiting)}条）")
    for line in b.waiting or ("无。",):
        doc.add_paragraph(printable(line))
    doc.add_paragraph("（本通报由督办系统根据台账生成，请核对后签发。）")
    doc.save(str(path) if isinstance(path, Path) else path)


def _fonts(doc: DocumentObject) -> None:
    style = doc.styles["Normal"]
    style.font.name = _FONT
    style.font.size = Pt(12)
    fonts = style.element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), _FONT)


def _heading(doc: DocumentObject, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True
    run.font.size = Pt(14)


def _items(doc: DocumentObject, items: Sequence[Item], days_label: str, overdue: bool) -> None:
    if not items:
        doc.add_paragraph("无。")
        return
    _table(doc, ("序号", "任务", "节点", "到期日", days_label, "承办单位"),
           [(str(n), i.task, i.milestone, i.due.isoformat(), str(-i.days if overdue else i.days), i.units)
            for n, i in enumerate(items, 1)])


def _table(doc: DocumentObject, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = printable(text)
