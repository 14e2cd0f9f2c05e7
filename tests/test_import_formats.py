"""`duban import` on documents in the formats plans come in: each format's draft equals the draft of
the same document as text, task for task; merged cells, automatic numbering, bad files, --units-out."""

from __future__ import annotations

import re
import shutil
import tomllib
import zipfile
from pathlib import Path

import docx
import pytest

from scheduler.importer.formats import document_text
from scheduler.importer.formats.detect import OLE
from scheduler.importer.parse import Draft, parse_document
from tests.conftest import REPO, SEEDS, Duban
from tests.data import make_formats as mf
from tests.import_score import drafted_fields

CORPUS = REPO / "tests" / "data" / "corpus"
DOCUMENTS = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
TASKS = {"000": 45, "001": 23, "003": 58, "004": 97, "keyan_zizhuquan": 12, "nongji": 18, "sanxiang_zhidu": 20,
         "shuang_suiji": 7, "tiyu_jingsai": 16, "wufei_chengshi": 10, "xiaofei_fupin": 17, "yaopin_caigou": 15,
         "zhiye_jiaoyu": 20}
# Paragraphs given Word automatic numbering by the fixture script (numbers that follow on).
NUMBERED = {"000": 13, "001": 24, "003": 12, "004": 33, "keyan_zizhuquan": 16, "nongji": 10, "sanxiang_zhidu": 9,
            "shuang_suiji": 14, "tiyu_jingsai": 8, "wufei_chengshi": 23, "xiaofei_fupin": 9, "yaopin_caigou": 26,
            "zhiye_jiaoyu": 11}
# What a format cannot carry, with the reason; anything else that differs is a regression.
KNOWN_DIFFERENT = {
    # 001's damaged line holds private-use characters (U+E000–) that no PDF font can draw.
    ("001", "pdf"): ["\ue7ed娀\ue20a{度機制"],
    # PDF text extraction drops the space between two CJK names ("中共中央办公厅 国务院办公厅") in the detail.
    ("keyan_zizhuquan", "pdf"): ["明确科研人员兼职的操作办法"],
}
# The fixture script turns text into a table by its numbered items; a closing section that is one task
# by itself (keyan 五、, no items under it) becomes a category row of the table. Since the table's category
# sections are task sections (issue #13 round 2), that row is read as the task it was: nothing is lost.
LOST_IN_TABLE: dict[tuple[str, str], list[str]] = {}


def short(path: Path) -> str:
    return path.stem.split("_")[0] if path.parent.name == "seeds" else path.stem


@pytest.fixture(scope="session")
def formats(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("formats")
    for source in DOCUMENTS:
        text = source.read_text(encoding="utf-8")
        numbered = mf.docx_from_text(text, out / f"{short(source)}.docx")
        assert numbered == NUMBERED[short(source)]
        mf.pdf_from_text(text, out / f"{short(source)}.pdf")
        rows, merges = mf.table_from_text(text)
        mf.xlsx_from_table(rows, merges, out / f"{short(source)}.xlsx")
        mf.csv_from_table(rows, merges, out / f"{short(source)}.csv")
    return out


Fields = tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def task_fields(draft: Draft, year: int | None) -> list[Fields]:
    out: list[Fields] = []
    for t in draft.tasks:
        got = drafted_fields(t, year, draft.issued)
        out.append((t.title, t.detail, tuple(got["lead"]), tuple(got["responsible"]), tuple(got["cooperating"]),
                    tuple(got["deadlines"])))
    return out


def text_draft(source: Path) -> Draft:
    return parse_document(source.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx", "csv"])
@pytest.mark.parametrize("source", DOCUMENTS, ids=short)
def test_each_format_gives_the_draft_of_the_text(formats: Path, source: Path, fmt: str) -> None:
    want = text_draft(source)
    year = want.issued.year if want.issued else None
    got = parse_document(document_text(formats / f"{short(source)}.{fmt}"))
    assert len(want.tasks) == TASKS[short(source)]
    lost = LOST_IN_TABLE.get((short(source), fmt), [])
    if fmt in ("xlsx", "csv"):
        assert [t.title for t in want.tasks if t.title not in {g.title for g in got.tasks}] == lost
        want.tasks = [t for t in want.tasks if t.title not in lost]
    assert len(got.tasks) == len(want.tasks)
    assert (got.issued, got.number) == (want.issued, want.number)
    different = [w[0] for w, g in zip(task_fields(want, year), task_fields(got, year), strict=True) if w != g]
    assert different == KNOWN_DIFFERENT.get((short(source), fmt), [])
    if fmt in ("docx", "pdf"):  # the same lines: numbers and keys too
        assert [(t.number, t.key) for t in got.tasks] == [(t.number, t.key) for t in want.tasks]


@pytest.mark.parametrize("page", sorted(CORPUS.glob("*.html")), ids=lambda p: p.stem)
def test_gov_cn_pages_give_the_draft_of_their_text(page: Path) -> None:
    want = text_draft(page.with_suffix(".txt"))
    got = parse_document(document_text(page))
    year = want.issued.year if want.issued else None
    assert task_fields(got, year) == task_fields(want, year)
    assert [t.number for t in got.tasks] == [t.number for t in want.tasks]
    assert got.title == want.title and got.number == want.number


def test_docx_automatic_numbering_is_read_where_python_docx_drops_it(formats: Path) -> None:
    document = docx.Document(str(formats / "004.docx"))
    assert [p.text[:6] for p in document.paragraphs[:200] if p.text.startswith("简化应届高校")] == ["简化应届高校"]
    text = document_text(formats / "004.docx")
    assert "1．简化应届高校毕业生就业手续" in text and "（三）稳定和扩大就业" in text


def _numbered_docx(path: Path) -> None:
    """A list "（一）" in chineseCounting restarted at 3 by a startOverride, a bullet list, and a
    paragraph numbered through its style (List Number)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'))
    numbering.insert(1, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="71"/></w:num>'))
    document.add_paragraph("一、重点任务")
    for text, num in (("推进审批改革。6月底前完成。（省司法厅牵头）", "70"), ("要点说明", "71"),
                      ("优化营商环境。9月底前完成。（省财政厅负责）", "70")):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
    document.add_paragraph("二、其他")
    document.add_paragraph("年底前建成平台。（省大数据局负责）", style="List Number")
    document.save(str(path))


def test_numbering_overrides_bullets_and_style_numbering(tmp_path: Path) -> None:
    _numbered_docx(tmp_path / "n.docx")
    lines = document_text(tmp_path / "n.docx").splitlines()
    assert lines == ["一、重点任务", "（三）推进审批改革。6月底前完成。（省司法厅牵头）", "要点说明",
                     "（四）优化营商环境。9月底前完成。（省财政厅负责）", "二、其他", "1.年底前建成平台。（省大数据局负责）"]


TABLE = [["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
         ["一、深化审批改革", "一、深化审批改革", "一、深化审批改革", "一、深化审批改革", "一、深化审批改革", "一、深化审批改革"],
         ["1", "精简审批事项", "取消一批审批事项", "省司法厅", "省财政厅\n省发展改革委", "2021年6月底前"],
         ["2", "精简审批事项", "下放一批审批事项", "省政府审改办", "各市州政府", "2021年9月底前"],
         ["3", "优化营商环境", "优化营商环境", "省市场监管局", "", "持续推进"]]
MERGES = [(1, 0, 1, 5), (2, 1, 3, 1)]


def _table_fields(path: Path) -> list[tuple[str, str, list[str], list[str], list[str]]]:
    draft = parse_document(document_text(path))
    return [(t.number, t.title, t.assignment.lead, t.assignment.cooperating,
             [d for d, _ in t.deadlines] or [t.ongoing]) for t in draft.tasks]


TABLE_DRAFT = [("(一)1", "取消一批审批事项", ["省司法厅"], ["省财政厅", "省发展改革委"], ["2021年6月底前"]),
               ("(一)2", "下放一批审批事项", ["省政府审改办"], ["各市州政府"], ["2021年9月底前"]),
               ("(二)", "优化营商环境", ["省市场监管局"], [], ["持续推进"])]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "docx", "html", "pdf"])
def test_merged_parent_cell_gives_each_measure_its_parent(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"table.{fmt}"
    if fmt == "pdf":
        mf.pdf_table(TABLE, MERGES, path, before=["附件：重点任务分工表"])
    elif fmt == "xlsx":
        mf.xlsx_from_table(TABLE, MERGES, path)
    elif fmt == "csv":
        mf.csv_from_table(TABLE, MERGES, path)
    elif fmt == "docx":
        mf.docx_table(TABLE, MERGES, path, before=["附件", "重点任务分工表"])
    else:
        path.write_text(
            "<html><body><div id='content'><p>附件</p><table border=1>"
            "<tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"
            "<tr><td colspan=6>一、深化审批改革</td></tr>"
            "<tr><td>1</td><td rowspan=2>精简审批事项</td><td>取消一批审批事项</td><td>省司法厅</td>"
            "<td><p>省财政厅</p><p>省发展改革委</p></td><td>2021年6月底前</td></tr>"
            "<tr><td>2</td><td>下放一批审批事项</td><td>省政府审改办</td><td>各市州政府</td><td>2021年9月底前</td></tr>"
            "<tr><td>3</td><td colspan=2>优化营商环境</td><td>省市场监管局</td><td></td><td>持续推进</td></tr>"
            "</table></div></body></html>", encoding="utf-8")
    assert _table_fields(path) == TABLE_DRAFT


def test_table_after_paragraphs_does_not_continue_the_last_item(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    mf.docx_table(TABLE[:1] + TABLE[2:], [(1, 1, 2, 1)], path,
                  before=["一、总体", "（一）建设平台。年底前完成。（省大数据局负责）", "附件：重点任务分工表"])
    draft = parse_document(document_text(path))
    assert [(t.number, t.title) for t in draft.tasks] == [
        ("(一)", "建设平台"), ("(一)1", "取消一批审批事项"), ("(一)2", "下放一批审批事项"), ("(二)", "优化营商环境")]


def test_gbk_csv_with_its_own_header_names(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes("编号,工作任务,主责单位,协办单位,时间节点\n1,建设统一平台,省大数据局,省财政厅,2022年底前\n"
                     "2,清理证明事项,省司法厅,,长期坚持\n".encode("gb18030"))
    draft = parse_document(document_text(path))
    assert [(t.number, t.title, t.assignment.responsible, t.assignment.cooperating) for t in draft.tasks] == [
        ("1.", "建设统一平台", ["省大数据局"], ["省财政厅"]), ("2.", "清理证明事项", ["省司法厅"], [])]
    assert draft.tasks[1].ongoing == "长期坚持"


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _bad_files(tmp: Path, formats: Path) -> dict[str, tuple[Path, str]]:
    cases: dict[str, tuple[Path, str]] = {}

    def case(name: str, data: bytes, message: str) -> None:
        (tmp / name).write_bytes(data)
        cases[name] = (tmp / name, message)

    case("empty.docx", b"", "文件是空的")
    case("truncated.docx", _cut((formats / "003.docx").read_bytes()), "已损坏")
    case("truncated.xlsx", _cut((formats / "003.xlsx").read_bytes()), "已损坏")
    case("truncated.pdf", _cut((formats / "003.pdf").read_bytes()), "PDF")
    case("not-office.docx", _zip({"hello.txt": b"hi"}), "不是 .docx/.xlsx")
    case("no-document-part.docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<bad"}),
         "Word 文件")
    mf.encrypted_office(tmp / "protected.docx")
    cases["protected.docx"] = (tmp / "protected.docx", "密码保护")
    mf.encrypted_pdf(tmp / "protected.pdf", "一、总体\n（一）甲任务。6月底前完成。（省司法厅负责）")
    cases["protected.pdf"] = (tmp / "protected.pdf", "密码保护")
    mf.cid_pdf(tmp / "cid.pdf")
    cases["cid.pdf"] = (tmp / "cid.pdf", "(cid:…)")
    mf.scanned_pdf(tmp / "scanned.pdf")
    cases["scanned.pdf"] = (tmp / "scanned.pdf", "扫描件")
    prose = docx.Document()
    prose.add_paragraph("这是一封感谢信。感谢各位同事一年来的辛勤工作。")
    prose.save(str(tmp / "prose.docx"))
    cases["prose.docx"] = (tmp / "prose.docx", "没有找到编号的任务")
    return cases


def _zip(files: dict[str, bytes]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD = ["empty.docx", "truncated.docx", "truncated.xlsx", "truncated.pdf", "not-office.docx", "no-document-part.docx",
       "protected.docx", "protected.pdf", "cid.pdf", "scanned.pdf", "prose.docx"]


@pytest.mark.parametrize("name", BAD)
def test_bad_files_give_a_chinese_message_naming_the_file(tmp_path: Path, formats: Path, duban: Duban,
                                                          name: str) -> None:
    path, message = _bad_files(tmp_path, formats)[name]
    result = duban("import", str(path))
    assert result.code == 1
    assert result.out == "" and "Traceback" not in result.err
    assert result.err.startswith(f"错误：{path}：") and message in result.err


def test_doc_renamed_docx_without_libreoffice_says_how_to_convert(
        tmp_path: Path, duban: Duban, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "plan.docx"
    doc.write_bytes(_word97_stub())
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    result = duban("import", str(doc))
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{doc}：这是 Word 97-2003（.doc） 文件（扩展名是 .docx，内容却是 Word 97-2003（.doc） 文件）" in result.err
    assert "另存为" in result.err and "libreoffice" in result.err.lower()


def _word97_stub() -> bytes:
    """The start of a compound file naming a WordDocument stream (enough to be told apart)."""
    return OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 1000


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed: .doc/.wps cannot be converted here")


@needs_soffice
def test_doc_and_wps_are_read_through_libreoffice(tmp_path: Path, formats: Path) -> None:
    import subprocess

    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(formats / "003.docx")], check=True, timeout=120,
                   capture_output=True)
    wps = tmp_path / "003.wps"  # WPS 文字 saves .wps through the same Word 97 format
    shutil.copy(tmp_path / "003.doc", wps)
    renamed = tmp_path / "003-renamed.docx"
    shutil.copy(tmp_path / "003.doc", renamed)
    want = text_draft(SEEDS / "003_b80b79bf0441d402.txt")
    for path in (wps, renamed):
        got = parse_document(document_text(path))
        assert task_fields(got, 2021) == task_fields(want, 2021), path.name


@needs_soffice
def test_libreoffice_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    from scheduler.importer.formats.blocks import FormatError
    from scheduler.importer.formats.legacy import convert

    path = tmp_path / "plan.doc"
    path.write_bytes(_word97_stub())
    with pytest.raises(FormatError, match=r"超过 0.01 秒仍未完成"):
        convert(path, "doc", timeout=0.01)


# ---- --units-out ----

def test_units_out_writes_a_skeleton_of_units_and_groups(tmp_path: Path, duban: Duban) -> None:
    out = tmp_path / "units.toml"
    result = duban("import", str(SEEDS / "003_b80b79bf0441d402.txt"), "--units-out", str(out))
    assert result.code == 0, result.err
    assert result.out.count("[[task]]") == 58  # the draft still goes to stdout
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert list(data["group"]) == ["省政府相关部门", "各地区"]
    assert all(g == {"members": []} for g in data["group"].values())
    assert len(data["unit"]) == 35 and all(u == {"email": []} for u in data["unit"].values())
    assert list(data["unit"])[:3] == ["省政府审改办", "省司法厅", "省住房城乡建设厅"]
    text = out.read_text(encoding="utf-8")
    assert '# 请填写联系方式：email = ["…@….gov.cn"]' in text and "# 集合名称：请在 members 中列出" in text
    assert "新增35个单位、2个分组" in result.err


def test_units_out_appends_only_missing_names_and_keeps_the_file(tmp_path: Path, duban: Duban) -> None:
    out = tmp_path / "units.toml"
    old = ('# 本省单位\n[unit."省政府审改办"]\nemail = ["shgb@example.gov.cn"]  # 审改办\n\n'
           '[unit."省发改委"]\naliases = ["省发展改革委"]\n\n[group."各地区"]\nmembers = ["省政府审改办"]').encode()
    out.write_bytes(old)
    result = duban("import", str(SEEDS / "003_b80b79bf0441d402.txt"), "--units-out", str(out))
    assert result.code == 0, result.err
    new = out.read_bytes()
    assert new.startswith(old + b"\n\n# ")
    data = tomllib.loads(new.decode())
    assert "省政府审改办" in data["unit"] and "省发展改革委" not in data["unit"]  # an alias counts
    assert list(data["group"]) == ["各地区", "省政府相关部门"]
    assert len(data["unit"]) == 2 + 33
    assert "新增33个单位、1个分组" in result.err
    again = duban("import", str(SEEDS / "003_b80b79bf0441d402.txt"), "--units-out", str(out))
    assert again.code == 0 and out.read_bytes() == new and "新增0个单位、0个分组" in again.err


def test_units_out_into_a_broken_file_is_refused_and_left_alone(tmp_path: Path, duban: Duban) -> None:
    out = tmp_path / "units.toml"
    out.write_bytes(b'[unit."x"\n')
    result = duban("import", str(SEEDS / "003_b80b79bf0441d402.txt"), "--units-out", str(out))
    assert result.code == 1 and f"{out}：单位文件不是有效的 TOML" in result.err
    assert out.read_bytes() == b'[unit."x"\n'


def test_onboarding_import_fill_in_check(tmp_path: Path, duban: Duban) -> None:
    """The README's three commands: import with --units-out, fill in contacts, duban check."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "config" / "duban.toml", config / "duban.toml")
    settings = (config / "duban.toml").read_text(encoding="utf-8")
    coordinator = re.search(r'coordinator\s*=\s*"([^"]+)"', settings)
    assert coordinator is not None
    result = duban("import", str(CORPUS / "nongji.html"), "--prefix", "NJ-", "--units-out", str(config / "units.toml"))
    assert result.code == 0, result.err
    tasks = config / str(re.search(r'tasks\s*=\s*"([^"]+)"', settings)[1])  # type: ignore[index]
    tasks.parent.mkdir(parents=True, exist_ok=True)
    tasks.write_text(result.out, encoding="utf-8")
    units = (config / "units.toml").read_text(encoding="utf-8")
    before = duban("check", "--config", str(config / "duban.toml"))
    assert before.code == 1 and "成员不能为空" in before.out + before.err
    filled = units.replace("email = []", 'email = ["x@example.gov.cn"]')
    filled = re.sub(r'members = \[\]', 'members = ["农业农村部"]', filled)
    filled += f'\n[unit."{coordinator[1]}"]\nemail = ["dc@example.gov.cn"]\n' if coordinator[1] not in units else ""
    (config / "units.toml").write_text(filled, encoding="utf-8")
    after = duban("check", "--config", str(config / "duban.toml"))
    assert after.code == 0, after.out + after.err


def test_xls_without_libreoffice_names_the_calc_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An .xls is converted by LibreOffice Calc: the hint names Calc's package, not Writer's (README: 快速开始)."""
    from scheduler.importer.formats import legacy
    from scheduler.importer.formats.blocks import FormatError

    book = tmp_path / "plan.xls"
    book.write_bytes(b"not read")
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    with pytest.raises(FormatError) as caught:
        legacy.convert(book, "xls")
    assert "libreoffice-calc-nogui" in str(caught.value) and "writer" not in str(caught.value)
