"""Quirks of real files: a workbook with parts openpyxl drops with an English warning (data-validation
extensions, odd print areas) is read without a word about them; an XHTML page that opens with an XML
declaration (older CMS pages) is read like any page."""

from __future__ import annotations

import io
import quopri
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from scheduler.importer.formats import document_text
from scheduler.importer.parse import Draft, parse_document
from tests.conftest import REPO, Duban
from tests.import_score import drafted_fields

# the x14 data-validation extension Excel and WPS write for drop-down lists
_EXTENSION = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
              'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></extLst></worksheet>')
# a print area Excel keeps as a name, not a range
_PRINT_AREA = ('<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">打印区域</definedName>'
               '</definedNames><calcPr')


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "工作任务", "牵头单位", "完成时限"])
    sheet.append([1, "制定全市冬春农田水利建设实施方案", "市水利局", "2021年11月底前"])
    sheet.append([2, "组织开展灌区续建配套工程验收", "市农业农村局", "2022年3月底前"])
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name).decode()
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace("</worksheet>", _EXTENSION)
            elif name == "xl/workbook.xml":
                data = data.replace("<calcPr", _PRINT_AREA, 1)
            target.writestr(name, data)


def test_openpyxl_warnings_are_not_shown_to_the_coordinator(tmp_path: Path) -> None:
    path = tmp_path / "分工表.xlsx"
    _workbook(path)
    with zipfile.ZipFile(path) as made:  # the parts that make openpyxl warn are really there
        assert "CCE6A557" in made.read("xl/worksheets/sheet1.xml").decode()
        assert "_xlnm.Print_Area" in made.read("xl/workbook.xml").decode()
    done = subprocess.run([sys.executable, "-W", "default", "-m", "scheduler.cli", "import", str(path)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert 'title = "制定全市冬春农田水利建设实施方案"' in done.stdout
    assert 'lead = ["市农业农村局"]' in done.stdout
    assert "deadline = 2022-03-31" in done.stdout


_XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>某市农田水利建设任务分工方案</title></head>
<body><div class="TRS_Editor"><p>某市农田水利建设任务分工方案</p>
<p>1．制定全市冬春农田水利建设实施方案。（市水利局牵头，2021年11月底前完成）</p>
<p>2．组织开展灌区续建配套工程验收。（市农业农村局负责，2022年3月底前完成）</p></div></body></html>
"""


def test_xhtml_page_with_an_xml_declaration_is_read(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "page.html"
    for prefix in ("", "\ufeff"):
        path.write_text(prefix + _XHTML, encoding="utf-8")
        result = duban("import", str(path))
        assert result.code == 0, result.err
        assert 'title = "组织开展灌区续建配套工程验收"' in result.out
        assert 'lead = ["市水利局"]' in result.out
        assert "deadline = 2022-03-31" in result.out


def test_a_damaged_page_gets_a_chinese_message(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body>\x00\x00\x00</body></html>")
    result = duban("import", str(path))
    assert result.code == 1
    assert "Traceback" not in result.err
    assert str(path) in result.err


_ROWS = ("序号\t工作任务\t牵头单位\t配合单位\t完成时限\r\n"
         "1\t制定全市冬春农田水利建设实施方案\t市水利局\t市财政局\t2021年11月底前\r\n"
         "2\t组织开展灌区续建配套工程验收\t市农业农村局\t\"市水利局、市财政局\"\t2022年3月底前\r\n")


def test_unicode_text_saved_by_excel_or_notepad_is_read(tmp_path: Path, duban: Duban) -> None:
    """Excel's and Word's "Unicode text" and Notepad's "Unicode" are UTF-16 with a byte-order mark."""
    for name, data in (("le.txt", _ROWS.encode("utf-16")), ("be.txt", b"\xfe\xff" + _ROWS.encode("utf-16-be"))):
        path = tmp_path / name
        path.write_bytes(data)
        result = duban("import", str(path))
        assert result.code == 0, result.err
        assert 'title = ""' in result.out  # a bare table has no title: not its first row's task
        assert 'title = "组织开展灌区续建配套工程验收"' in result.out
        assert 'cooperating = ["市水利局", "市财政局"]' in result.out
        assert "deadline = 2021-11-30" in result.out


def test_damaged_unicode_text_gets_a_chinese_message(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe" + "序号".encode("utf-16-le") + b"\x00")  # odd length: a cut file
    result = duban("import", str(path))
    assert result.code == 1
    assert "UTF-16" in result.err and str(path) in result.err
    assert "Traceback" not in result.err


def _ie_mht(html: str) -> bytes:
    """A page as Internet Explorer saves it as one file: GB2312, quoted-printable."""
    boundary = "----=_NextPart_000_0000_01D74000.00000000"
    head = ("From: <由 Microsoft Internet Explorer 11 保存>\r\nSubject: =?gb2312?B?xLPK0A==?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            f"\tboundary=\"{boundary}\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\n"
            "Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: http://www.example.gov.cn/art/2021/5/3/art_1.html\r\n\r\n")
    body = quopri.encodestring(html.encode("gb2312")).replace(b"\n", b"\r\n")
    return head.encode("gbk") + body + f"\r\n\r\n--{boundary}--\r\n".encode()


def test_pages_saved_as_one_file_are_read(tmp_path: Path, duban: Duban) -> None:
    chrome = REPO / "tests" / "data" / "pages" / "plan_chrome.mhtml"
    ie = tmp_path / "page.mht"
    ie.write_bytes(_ie_mht(_XHTML.split("\n", 1)[1]))
    for path in (chrome, ie):
        result = duban("import", str(path))
        assert result.code == 0, result.err
        assert 'title = "组织开展灌区续建配套工程验收"' in result.out
        assert 'lead = ["市水利局"]' in result.out
        assert "deadline = 2022-03-31" in result.out
    assert 'cooperating = ["市财政局"]' in duban("import", str(chrome)).out


def test_a_page_file_without_its_page_gets_a_chinese_message(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "page.mht"
    path.write_bytes(_ie_mht("<p>x</p>").split(b"Content-Type: text/html")[0])
    result = duban("import", str(path))
    assert result.code == 1
    assert ".mht" in result.err and str(path) in result.err
    assert "Traceback" not in result.err


def _fields(draft: Draft) -> list[tuple[str, str, str, dict[str, list[str]]]]:
    return [(t.number, t.title, t.detail, drafted_fields(t, 2018, draft.issued)) for t in draft.tasks]


def test_ordered_lists_of_a_word_processor_export_keep_the_numbering() -> None:
    """LibreOffice's HTML export keeps a plan's automatic numbering as nested <ol>: the same draft as the text."""
    page = document_text(REPO / "tests" / "data" / "pages" / "keyan_zizhuquan_libreoffice.htm")
    text = (REPO / "tests" / "data" / "corpus" / "keyan_zizhuquan.txt").read_text(encoding="utf-8")
    assert len(parse_document(text).tasks) == 12
    assert _fields(parse_document(page)) == _fields(parse_document(text))


_LISTS = """<html><body><div class="content"><p>某区2021年重点工作任务分工</p>
<p>一、优化营商环境</p>
<ol><li><p>推行企业开办“一网通办”。</p><p>（区政务服务中心牵头，区市场监管局配合，2021年6月底前完成）</p></li>
<li>清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）</li></ol>
<p>二、加强基层治理</p>
<ol start="3"><li>完善网格化管理。（各街道负责，2021年12月底前完成）</li>
<li value="7">开展“三无”小区整治。（区住房城乡建设局负责，2021年10月底前完成）</li></ol>
<ol style="list-style-type: none"><li>（八）推进智慧社区建设。（区民政局负责，持续推进）</li></ol>
</div></body></html>"""


def test_ordered_lists_take_the_level_below_the_headings_typed_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_LISTS, encoding="utf-8")
    lines = document_text(path).splitlines()
    assert lines[2:8] == ["（一）推行企业开办“一网通办”。", "（区政务服务中心牵头，区市场监管局配合，2021年6月底前完成）",
                          "（二）清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）", "二、加强基层治理",
                          "（三）完善网格化管理。（各街道负责，2021年12月底前完成）",
                          "（七）开展“三无”小区整治。（区住房城乡建设局负责，2021年10月底前完成）"]
    assert lines[8] == "（八）推进智慧社区建设。（区民政局负责，持续推进）"
    draft = parse_document("\n".join(lines))
    assert [t.number for t in draft.tasks] == ["(一)", "(二)", "(三)", "(七)", "(八)"]  # as the draft writes them
    assert draft.tasks[0].assignment.lead == ["区政务服务中心"]
    assert draft.tasks[0].assignment.cooperating == ["区市场监管局"]


def test_a_workbook_titled_in_its_first_row_gives_the_year_of_its_deadlines(tmp_path: Path, duban: Duban) -> None:
    """A 分解表 whose deadlines name no year ("6月底前") takes the year its title row names; its header is set
    on two rows (责任单位 over 牵头单位 / 配合单位)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某区2021年重点工作任务分解表"])
    sheet.append(["序号", "重点任务", "责任单位", None, "完成时限"])
    sheet.append([None, None, "牵头单位", "配合单位", None])
    sheet.append([1, "推行企业开办“一网通办”", "区政务服务中心", "区市场监管局、区税务局", "6月底前"])
    sheet.append([2, "完善网格化管理", "区委政法委", "各街道", "年底前"])
    for cells in ("A1:E1", "C2:D2", "A2:A3", "B2:B3", "E2:E3"):
        sheet.merge_cells(cells)
    path = tmp_path / "分解表.xlsx"
    book.save(path)
    result = duban("import", str(path))
    assert result.code == 0, result.err
    assert 'title = "某区2021年重点工作任务分解表"' in result.out
    assert "deadline = 2021-06-30" in result.out and "deadline = 2021-12-31" in result.out
    assert 'cooperating = ["区市场监管局", "区税务局"]' in result.out


def test_a_scanned_image_gets_a_message_about_ocr(tmp_path: Path, duban: Duban) -> None:
    for name, data in (("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
                       ("scan.tif", b"II*\x00\x08\x00\x00\x00"), ("scan.bmp", b"BM6\x00\x00\x00\x00\x00\x00\x006\x00")):
        path = tmp_path / name
        path.write_bytes(data)
        result = duban("import", str(path))
        assert result.code == 1
        assert "图片" in result.err and "OCR" in result.err and str(path) in result.err
    text = tmp_path / "bm.txt"  # a text that happens to start with "BM" is text
    text.write_text("BM 项目推进方案\n1．制定实施方案。（市发展改革委牵头，2021年6月底前完成）\n", encoding="utf-8")
    assert duban("import", str(text)).code == 0
