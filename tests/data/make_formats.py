"""Documents in real formats for the import tests, made from the text documents in tests/data.

    python tests/data/make_formats.py OUTDIR     # writes every fixture into OUTDIR

The tests call these functions into a temporary directory (nothing binary is committed):
- `docx_from_text`: one paragraph per line; "一、" / "（一）" / "1．" numbers that follow on from
  the previous ones become Word automatic numbering (a three-level list), the rest stays text;
- `pdf_from_text`: a text-layer PDF (reportlab, STSong-Light), paragraphs wrapped to the page;
- `table_from_text` + `xlsx_from_table` / `csv_from_table`: the text's tasks as a 重点任务分工表
  (序号 / 重点任务 / 具体措施 / 牵头单位 / 责任单位 / 配合单位 / 完成时限), a 重点任务 merged over
  its 具体措施 rows, sections as category rows merged across the table;
- bad files: a PDF whose font has no ToUnicode map ("(cid:…)"), a scanned (image-only) PDF, a
  password-protected PDF, an encrypted Office file (a compound file with an EncryptedPackage
  stream, as Word/WPS write them), truncated and empty .docx/.xlsx/.pdf.
"""

from __future__ import annotations

import csv
import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from scheduler.importer.parse import DraftTask, cn_to_int, parse_document

CN = "一二三四五六七八九十百零〇"
SECTION = re.compile(rf"^([{CN}]+)、(.*)$")
ITEM = re.compile(rf"^[（(]([{CN}]+)[）)](.*)$")
SUB = re.compile(r"^(\d{1,2})[．.](?!\d)(.*)$")

_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3．"))


def _add_list(document: Any) -> str:
    """A three-level list definition ("一、" / "（一）" / "1．"); its numId."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>' for i, (fmt, text) in enumerate(_LEVELS))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return "90"


def _number(paragraph: Any, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def docx_from_text(text: str, path: Path, numbering: bool = True) -> int:
    """The text as a .docx; the count of paragraphs given automatic numbering."""
    document = docx.Document()
    num_id = _add_list(document)
    counts = [0, 0, 0]
    numbered = 0
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        level, rest = _level(line, counts) if numbering else (None, line)
        paragraph = document.add_paragraph(rest)
        if level is not None:
            _number(paragraph, num_id, level)
            counts[level] += 1
            counts[level + 1:] = [0] * (2 - level)
            numbered += 1
    document.save(str(path))
    return numbered


def _level(line: str, counts: list[int]) -> tuple[int | None, str]:
    """The list level of a line whose number follows on in the list, and its text."""
    for level, pattern in enumerate((SECTION, ITEM, SUB)):
        if m := pattern.match(line):
            value = int(m[1]) if level == 2 else cn_to_int(m[1])
            if value == counts[level] + 1 and m[2].strip():
                return level, m[2]
    return None, line


def pdf_from_text(text: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, firstLineIndent=24,
                           wordWrap="CJK")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    story = [Paragraph(ln.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), style) for ln in lines]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


HEADER = ("序号", "重点任务", "具体措施", "牵头单位", "责任单位", "配合单位", "完成时限")


def table_from_text(text: str) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The tasks of a text document as a task table, and the merged ranges (row0, col0, row1, col1,
    0-based, inclusive) a person would draw: a 重点任务 over its 具体措施, category rows across."""
    draft = parse_document(text)
    lines = [ln.strip() for ln in text.splitlines()]
    head = [[draft.title, *[""] * 6], [draft.number, *[""] * 6],
            [f"{draft.issued.year}年{draft.issued.month}月{draft.issued.day}日" if draft.issued else "", *[""] * 6]]
    rows: list[list[str]] = [*head, list(HEADER)]
    merges: list[tuple[int, int, int, int]] = [(0, 0, 0, 6)]
    section, parent, parent_start = "", "", 0
    for n, task in enumerate(draft.tasks, start=1):
        here = _section_of(lines, task.line)
        if here != section:
            section = here
            if parent and len(rows) - 1 > parent_start:
                merges.append((parent_start, 1, len(rows) - 1, 1))
            parent = ""
            rows.append([here] * 7)
            merges.append((len(rows) - 1, 0, len(rows) - 1, 6))
        body = task.title + (f"。{task.detail}" if task.detail else "")
        sub = bool(re.fullmatch(r"\(.+\)\d+", task.number))  # "(三)1": a measure under its item
        this_parent = _parent_of(lines, task.line) if sub else body
        if this_parent != parent:
            if parent and len(rows) - 1 > parent_start:
                merges.append((parent_start, 1, len(rows) - 1, 1))
            parent, parent_start = this_parent, len(rows)
        rows.append([str(n), this_parent, body if sub else "", *_units(task)])
    if parent and len(rows) - 1 > parent_start:
        merges.append((parent_start, 1, len(rows) - 1, 1))
    return rows, merges


def _units(task: DraftTask) -> list[str]:
    a = task.assignment
    deadline = "；".join(a.deadlines)
    return ["、".join(a.lead), "、".join(a.responsible), "、".join(a.cooperating), deadline]


def _section_of(lines: list[str], line: int) -> str:
    for ln in reversed(lines[: line - 1]):
        if (m := SECTION.match(ln)) and len(m[2]) < 60:
            return ln
    return ""


def _parent_of(lines: list[str], line: int) -> str:
    for ln in reversed(lines[: line - 1]):
        if m := ITEM.match(ln):
            return m[2].partition("。")[0]
    return ""


def xlsx_from_table(rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]], path: Path,
                    merged: bool = True) -> None:
    """The table as .xlsx: with `merged`, a merged range keeps only its first cell's value (as Excel
    saves it); otherwise every cell keeps its text."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "重点任务分工表"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value or None)
    if merged:
        for r0, c0, r1, c1 in merges:
            sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(str(path))


def csv_from_table(rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]], path: Path) -> None:
    """As Excel exports a table with merged cells to CSV (UTF-8 with BOM): the value in the first cell
    of each merged range, the rest blank."""
    blank = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
             if (r, c) != (r0, c0)}
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for r, row in enumerate(rows):
            writer.writerow(["" if (r, c) in blank else v for c, v in enumerate(row)])


def docx_table(rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]], path: Path,
               before: Sequence[str] = ()) -> None:
    """The table in a .docx after paragraphs `before`, merged ranges as Word merges them
    (gridSpan / vMerge)."""
    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for r0, c0, r1, c1 in merges:
        text = rows[r0][c0]
        cell = table.cell(r0, c0).merge(table.cell(r1, c1))
        cell.text = text
    document.save(str(path))


def pdf_table(rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]], path: Path,
              before: Sequence[str] = (), repeat: int = 0) -> None:
    """The table in a PDF with ruled cells, merged ranges spanned (reportlab SPAN); the first `repeat`
    rows (the header) drawn again at the top of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    cells = [["" if (r, c) in covered else Paragraph(v.replace("\n", "<br/>"), style) for c, v in enumerate(row)]
             for r, row in enumerate(rows)]
    table = Table(cells, colWidths=[28, 70, 100, 80, 90, 80][: len(rows[0])] if len(rows[0]) == 6 else None,
                  repeatRows=repeat)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               *[("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in merges]]))
    SimpleDocTemplate(str(path), pagesize=A4).build([*(Paragraph(t, style) for t in before), table])


# ---- bad files ----

def cid_pdf(path: Path) -> None:
    """A PDF whose Type0 font has no ToUnicode map: text extraction yields "(cid:…)", as with the
    GBK-EUC-H fonts of many official PDFs."""
    content = b"BT /F1 14 Tf 72 720 Td <0021002200230024002500260027> Tj ET\n" * 20
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    _write_pdf(path, objects)


def _write_pdf(path: Path, objects: list[bytes]) -> None:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def scanned_pdf(path: Path) -> None:
    """A page with only a drawing on it (as a scan has only an image): no text layer."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for i in range(40):
        c.rect(72, 60 + i * 18, 400, 10, fill=1)
    c.save()


def encrypted_pdf(path: Path, text: str) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(text.splitlines()[:40]):
        c.drawString(72, 780 - 18 * i, line)
    c.save()


def encrypted_office(path: Path) -> None:
    """A compound file (CFB v3) with the streams Word/Excel/WPS write for a password-protected
    .docx/.xlsx: EncryptionInfo and EncryptedPackage (contents are placeholders)."""
    sector = 512
    streams = [("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 4088),
               ("EncryptedPackage", struct.pack("<Q", 4096) + b"\x5a" * 4088)]
    data_sectors = [len(body) // sector for _, body in streams]
    n_data = sum(data_sectors)
    fat_sector, dir_sector = 0, 1
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # FAT sector itself, directory (one sector)
    start = 2
    starts = []
    for count in data_sectors:
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
        start += count
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, dir_sector, 0, 4096, 0xFFFFFFFE, 0,
                                           0xFFFFFFFE, 0))
    header += struct.pack("<I", fat_sector) + struct.pack("<I", 0xFFFFFFFF) * 108

    def entry(name: str, kind: int, child: int, right: int, first: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        return (raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\x00" * 36 + struct.pack("<IQ", first, size))

    directory = (entry("Root Entry", 5, 1, 0xFFFFFFFF, 0xFFFFFFFE, 0)
                 + entry(streams[0][0], 2, 0xFFFFFFFF, 2, starts[0], len(streams[0][1]))
                 + entry(streams[1][0], 2, 0xFFFFFFFF, 0xFFFFFFFF, starts[1], len(streams[1][1]))
                 + b"\x00" * 128)
    assert len(header) == sector and len(directory) == sector and n_data == start - 2
    path.write_bytes(header + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(b for _, b in streams))


def main(out: Path) -> None:
    data = Path(__file__).parent
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted((data / "seeds").glob("*.txt")) + sorted((data / "corpus").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        docx_from_text(text, out / f"{source.stem}.docx")
        pdf_from_text(text, out / f"{source.stem}.pdf")
        rows, merges = table_from_text(text)
        xlsx_from_table(rows, merges, out / f"{source.stem}.xlsx")
        csv_from_table(rows, merges, out / f"{source.stem}.csv")
    cid_pdf(out / "cid.pdf")
    scanned_pdf(out / "scanned.pdf")
    encrypted_office(out / "encrypted.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "formats-out"))
