"""`duban import`, round 36 of issue #13: copies as they really come from a PDF or a printed Word file,
with page furniture (page numbers, a running header, a page break inside a sentence) and hard wraps.
Items written for these tests in the documents' styles, names and sentences changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.furniture import without_furniture
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_TITLE = "某县人民政府办公室关于印发2022年民生实事项目任务分解方案的通知"
_ITEMS = [
    "(一)实施农村供水保障工程,新建改造集中供水工程十二处,巩固提升农村饮水安全水平。(县水利局牵头,县财政局、"
    "各乡镇人民政府配合,2022年11月底前完成)",
    "(二)推进城区停车设施建设,新增公共停车泊位六百个并实行智慧化管理。(县住房城乡建设局牵头,县公安局配合,2022年10月底前完成)",
    "(三)开展适龄妇女两癌免费筛查,完成筛查八千人。(县卫生健康局负责,2022年12月底前完成)",
]


def _plan(filler: int) -> list[str]:
    """The plan with filler paragraphs between its items, so that it runs over pages."""
    prose = [f"第{n}段说明,统筹推进各项民生实事落地见效,确保群众得到实惠。" for n in range(filler)]
    return [_TITLE, "一、主要任务", *prose[:filler // 2], _ITEMS[0], *prose[filler // 2:], _ITEMS[1], _ITEMS[2]]


def _read(lines: list[str]) -> list[tuple[str, tuple[list[str], list[str], list[str]], list[date]]]:
    draft = parse_document("\n".join(lines))
    return [(t.title, units(t), dates(t, draft)) for t in draft.tasks]


# page numbers in every form real documents use, each between two pages, are no text of the plan
def test_page_numbers_in_every_form_are_dropped() -> None:
    whole = _plan(30)
    for form in ("— {n} —", "－{n}－", "- {n} -", "第{n}页 共3页", "第 {n} 页", "{n}"):
        paged = [*whole[:14], form.format(n=1), *whole[14:28], form.format(n=2), *whole[28:], form.format(n=3)]
        assert without_furniture(paged) == whole, form
        assert _read(paged) == _read(whole), form


# a page break inside an item's sentence: the sentence goes on after the page number and the running header
def test_a_sentence_cut_by_a_page_break_is_joined_across_the_furniture() -> None:
    whole = _plan(30)
    at = whole.index(_ITEMS[1])
    cut = _ITEMS[1].index("县公安局")
    header = _TITLE[:18]
    paged = [*whole[:at], _ITEMS[1][:cut], "", "- 2 -", "", header, _ITEMS[1][cut:], *whole[at + 1:]]
    paged = [*paged[:10], "- 1 -", header, *paged[10:]]
    assert without_furniture(paged) == whole
    assert _read(paged)[1] == (_ITEMS[1][3:_ITEMS[1].index("。") + 1].rstrip("。"),
                               (["县住房城乡建设局"], [], ["县公安局"]), _read(whole)[1][2])


# a running header is a 发文字号 repeated at the top of every page: dropped, the text it heads kept
def test_a_running_header_repeated_after_each_page_number_is_dropped() -> None:
    whole = [_TITLE, "某政办发〔2022〕15号", *_plan(40)[1:]]
    paged = [*whole[:15], "－1－", "某政办发〔2022〕15号", *whole[15:30], "－2－", "某政办发〔2022〕15号", *whole[30:], "－3－"]
    assert without_furniture(paged) == whole


# a bare number as a table row's 序号 (a cell per line) is no page number: the table reads as before
def test_a_row_number_on_a_line_of_its_own_stays() -> None:
    rows = [["1", "新建改造集中供水工程十二处", "县水利局", "2022年11月底前"],
            ["2", "新增公共停车泊位六百个", "县住房城乡建设局", "2022年10月底前"],
            ["3", "完成两癌筛查八千人", "县卫生健康局", "2022年12月底前"]]
    table = [_TITLE, "序号", "任务", "责任单位", "完成时限", *[cell for row in rows for cell in row]]
    assert without_furniture(table) == table
    assert [t.title for t in parse_document("\n".join(table)).tasks] == [row[1] for row in rows]


# a lone number far apart from another that does not follow it (no run of pages) stays; two pages' numbers go
def test_a_lone_number_is_no_page_number_unless_numbers_run_over_pages() -> None:
    text = [f"第{n}行,推进工作。" for n in range(40)]
    alone = [*text[:20], "7", *text[20:]]
    assert without_furniture(alone) == alone
    close = [*text[:20], "1", *text[20:25], "2", *text[25:]]  # five lines apart: a list, not pages
    assert without_furniture(close) == close
    pages = [*text[:20], "1", *text[20:], "2"]
    assert without_furniture(pages) == text


# a heading at the foot of a page is not glued to the paragraph on the next page
def test_a_heading_at_the_foot_of_a_page_stays_a_line_of_its_own() -> None:
    text = [f"第{n}行,推进工作。" for n in range(30)]
    paged = [*text[:20], "二、保障措施", "— 1 —", "各单位要高度重视,加强组织领导", *text[20:], "— 2 —"]
    assert without_furniture(paged) == [*text[:20], "二、保障措施", "各单位要高度重视,加强组织领导", *text[20:]]


# a copy hard-wrapped at one width and paged: the page numbers go and the wrapped lines join as before
def test_a_wrapped_copy_with_page_numbers_reads_as_the_plan() -> None:
    whole = "\n".join(_plan(30))
    wrapped = [ln[i:i + 35] for ln in whole.split("\n") for i in range(0, max(len(ln), 1), 35)]
    paged = [*wrapped[:30], "第1页 共2页", *wrapped[30:], "第2页 共2页"]
    assert _read(paged) == _read(whole.split("\n"))


# inside a table whose 序号 stand on lines of their own, a bare number is a page number only when a
# running header follows it: the table reads as before
def test_a_page_number_inside_a_numbered_table_goes_with_its_running_header() -> None:
    rows = [[str(n), f"完成第{n}批老旧小区改造任务", "县住房城乡建设局", "2022年11月底前"] for n in range(1, 9)]
    table = [_TITLE, "某政办发〔2022〕15号", "序号", "任务", "责任单位", "完成时限", *[c for row in rows for c in row]]
    paged = [*table[:20], "1", "某政办发〔2022〕15号", *table[20:], "2"]
    assert without_furniture(paged) == table
    plain = [*table[:20], "1", *table[20:]]  # no header: the number may be a row's, it stays
    assert without_furniture(plain) == plain


_FILLER = "持续巩固拓展各项工作成果并加强督促检查确保按期完成各项任务目标"


def _item(number: int, sentence: str, lead: str, rest: str) -> str:
    """An item whose first 48 characters end just before its label "责任单位:": a cut there."""
    head = f"{number}.{sentence}"
    bracket = f"。(牵头单位:{lead};"
    return head + _FILLER[:48 - len(head) - len(bracket)] + bracket + f"责任单位:{rest})"


_BRACKETED = [
    "某市2023年政府工作报告目标任务责任分解方案",
    "为深入贯彻落实市委市政府决策部署," + "统筹推进教育改革发展各项任务,全面提升办学质量和服务水平," * 20 + "现将任务分解如下。",
    "一、推进教育高质量发展",
    _item(101, "推进义务教育优质均衡发展,新改扩建中小学十二所", "市教育局", "各区人民政府"),
    _item(102, "推进普通高中多样化发展,支持建设特色高中三所", "市教育局", "市财政局、各区人民政府"),
    _item(103, "推动职业教育产教融合,建设市级实训基地五个", "市人力资源社会保障局", "市教育局"),
    _item(104, "推进特殊教育融合发展,新建资源教室二十间", "市教育局", "市残联、各区人民政府"),
]


# a copy cut at 48 where a label line ("责任单位:…)") stands inside the bracket the line before opened: joined
def test_a_label_cut_inside_an_open_bracket_joins_the_line_before() -> None:
    wrapped = [ln[i:i + 48] for ln in _BRACKETED for i in range(0, max(len(ln), 1), 48)]
    assert sum(ln.startswith("责任单位:") for ln in wrapped) == 4
    whole = _read(_BRACKETED)
    assert _read(wrapped) == whole
    assert [u for _, u, _ in whole] == [(["市教育局"], ["各区人民政府"], []), (["市教育局"], ["市财政局", "各区人民政府"], []),
                                        (["市人力资源社会保障局"], ["市教育局"], []), (["市教育局"], ["市残联", "各区人民政府"], [])]


# a bracket's short tail on a line of its own ("……分工负" / "责)") in a copy of short lines: joined
def test_a_bracket_tail_cut_onto_its_own_line_is_joined() -> None:
    items = ["完成省下达的耕地保有量指标。(省自然资源厅牵头)",
             "完成省下达的化学需氧量减排百分之十二指标。(省生态环境厅、省发展改革委按职责分工负",
             "责)", "人口自然增长率控制在千分之五以内。(省卫生健康委牵头)"]
    text = ["某省2008年国民经济和社会发展主要目标分解", "一、主要指标", *items]
    joined = [*text[:3], items[1] + "责)", items[3]]
    assert _read(text) == _read(joined)
    assert [units(t) for t in parse_document("\n".join(text)).tasks][1] == ([], ["省生态环境厅", "省发展改革委"], [])


# a table whose column repeats one text after every 序号 has no running header: every row stays
def test_a_column_repeating_one_text_after_each_row_number_is_no_running_header() -> None:
    rows = [[str(n), "大力发展群众体育赛事", f"举办第{n}届全民健身运动会。", "县文化旅游体育局"] for n in range(1, 30)]
    table = ["序号", "举措", "内容", "负责部门", *[c for row in rows for c in row]]
    assert without_furniture(table) == table
    assert len(parse_document("\n".join(["2022年1月1日", *table])).tasks) == 29


# a running header that is a 发文字号 cut short by the copy ("办函〔2020〕60号") is a header still: dropped
def test_a_short_document_number_as_running_header_is_dropped() -> None:
    text = [f"第{n}项工作,由各相关部门按职责分工负责。" for n in range(60)]
    paged = [*text[:25], "- 1 -", "办函〔2022〕8号", *text[25:50], "- 2 -", "办函〔2022〕8号", *text[50:], "- 3 -"]
    assert without_furniture(paged) == text
