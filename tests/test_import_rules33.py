"""`duban import`, round 32 of issue #13: the same plan as real copies of it differ without any change
of meaning (bench/import_variants.py measures them on every scored document): no-break spaces, every
line break doubled, a copy hard-wrapped at one width through names and dates, full-width pinyin
brackets and dates, a page whose table is set out with &nbsp;, half-width commas, a traditional copy.
Items written for these tests in the documents' styles, names and sentences changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scheduler.importer.copies import normalised
from scheduler.importer.formats import document_text
from scheduler.importer.formats.delimited import looks_like_csv
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


def _cut(text: str, width: int) -> str:
    """The text hard-wrapped at one width, anywhere (inside names and dates), as a PDF copy is."""
    return "\n".join(ln[i:i + width] for ln in text.split("\n") for i in range(0, max(len(ln), 1), width))


_PLAN = "\n".join([
    "某市人民政府办公室关于印发2021年重点工作任务分工方案的通知",
    "一、主要任务",
    "(一)加快推进城市更新行动完成老旧小区改造一百二十个并同步实施雨污分流改造。(市住房城乡建设局牵头,市财政局、"
    "市自然资源和规划局配合,2021年10月底前完成)",
    "(二)健全普惠托育服务体系,新增托位800个,推进社区嵌入式托育机构建设。(市卫生健康委牵头,市教育局、"
    "各区人民政府配合,2021年12月底前完成)",
    "(三)实施职业技能提升行动,开展补贴性职业技能培训3万人次。(市人力资源社会保障局负责,2021年11月底前完成)",
])


# a copy cut at 30 characters through a title, "市财政局" and "2021年10月底前": the lines join back
def test_a_copy_hard_wrapped_at_one_width_reads_as_the_plan() -> None:
    whole, cut = parse_document(_PLAN), parse_document(_cut(_PLAN, 30))
    assert [(t.title, units(t), dates(t, d)) for d in (cut,) for t in d.tasks] == \
        [(t.title, units(t), dates(t, d)) for d in (whole,) for t in d.tasks]
    assert units(cut.tasks[0]) == (["市住房城乡建设局"], [], ["市财政局", "市自然资源和规划局"])
    assert dates(cut.tasks[1], cut) == [date(2021, 12, 31)]


# the first line of an indented paragraph counts its indent in the width it was cut at
def test_an_indented_paragraph_cut_at_one_width() -> None:
    indented = "\n".join("\u3000\u3000" + ln if ln.startswith("(") else ln for ln in _PLAN.split("\n"))
    cut = parse_document(_cut(indented, 40))
    assert units(cut.tasks[2]) == ([], ["市人力资源社会保障局"], [])
    assert [t.title for t in cut.tasks] == [t.title for t in parse_document(_PLAN).tasks]


# guard: rows of a space-separated table, all of one width, are rows, not a cut copy
def test_rows_of_one_width_are_not_joined() -> None:
    rows = "".join(f"{n} 新建社区养老服务站点并投入运营,年内完成 市民政局\n" for n in range(10, 40))
    draft = parse_document("2022年1月5日\n序号 工 作 任 务 牵头单位\n" + rows)
    assert len(draft.tasks) == 30
    assert units(draft.tasks[-1]) == (["市民政局"], [], [])


# guard: paragraphs that end their sentences at one length are not a cut copy
def test_lines_of_one_length_ending_sentences_stay_apart() -> None:
    lines = [f"第{n}段落实属地管理责任,加强日常巡查检查,及时发现和处置各类隐患问题。" for n in range(1, 7)]
    assert normalised(lines) == lines


# a notice cut at one width: its clauses between commas are no CSV header
def test_a_cut_notice_with_ascii_commas_is_not_a_csv() -> None:
    notice = ("请各部门、各单位认真对照分解的任务,细化工作方案和计划,明确时间节点,落实责任,落实措施,按要求全力推进各项工作,"
              "确保目标任务的完成。由市发改委牵头,相关部门配合,尽快完成实施方案的编制,经市政府同意后印发实施。")
    cut = _cut("某区人民政府办公室关于印发2008年政府工作目标任务分解的通知\n" + notice * 3, 48)
    assert not looks_like_csv(cut)
    assert looks_like_csv("序号,工作任务,牵头单位,完成时限\n1,推进改革,市发改委,2022年6月底前\n")


# every line break doubled (one empty line between every two lines): the empty lines carry nothing,
# so one-sentence tasks each followed by their label lines are still read
def test_every_line_break_doubled() -> None:
    lines = ["某市2012年十件实事工作方案", "市区新增中小学学位1.2万个。", "责任单位:市教育局",
             "进度安排:8月底前完成招生计划。", "新建改扩建幼儿园20所。", "责任单位:市教育局、各区政府",
             "进度安排:10月底前全部完工。"]
    draft = parse_document("\n\n".join(lines))
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("市区新增中小学学位1.2万个", ([], ["市教育局"], [])), ("新建改扩建幼儿园20所", ([], ["市教育局", "各区政府"], []))]
    # guard: blank lines of varying count (a layout that marks merged cells with them) stay
    assert normalised(["a", "", "b", "", "", "c", "d", "", "e", "", "f", "", "g"]) == \
        ["a", "", "b", "", "", "c", "d", "", "e", "", "f", "", "g"]


# no-break and other Unicode spaces are spaces: a one-line progress page ends a label's value at them
def test_no_break_spaces_end_a_label_value() -> None:
    page = ("2014年市政府民生实事项目进展情况公示 1.新建公共自行车网点100个。\u00a0牵头领导:张某\u00a0责任单位:市交通委"
            "\u00a0项目责任人:李某\u2002配合单位:市财政局、市规划局\u00a0实际完成情况:已建成网点60个。 "
            "2.新增公交线路10条。\u00a0牵头领导:王某\u00a0责任单位:市交通委\u00a0项目责任人:赵某\u00a0配合单位:市公安局"
            "\u00a0实际完成情况:已开通6条。 3.改造农贸市场5家。\u00a0牵头领导:孙某\u00a0责任单位:市商务局"
            "\u00a0项目责任人:周某\u00a0配合单位:各区政府\u00a0实际完成情况:已完工2家。")
    draft = parse_document(page)
    assert [units(t) for t in draft.tasks] == [
        ([], ["市交通委"], ["市财政局", "市规划局"]), ([], ["市交通委"], ["市公安局"]), ([], ["市商务局"], ["各区政府"])]


# pinyin a web copy leaves after a character, in full-width brackets too: "辦（bàn）公室"
def test_full_width_pinyin_brackets_are_dropped() -> None:
    draft = parse_document("一、重點任務\n（一）建立下放事項承接清單。（縣政府辦（bàn）公室牽頭，各鄉（xiāng）鎮人民政府配合）")
    assert units(draft.tasks[0]) == (["縣政府辦公室"], [], ["各鄉鎮人民政府"])


# a ledger's numeric date typed with the full-width period: "2024．11．30", "2024．9"
def test_numeric_dates_with_the_full_width_period() -> None:
    text = "\n".join(["某区2024年民生实事项目台账", "一、民生实事", "1.完成老旧小区改造12个。",
                      "责任单位:区住建局", "完成时限:2024．11．30", "2.建设零工市场1个。", "责任单位:区人社局",
                      "完成时限:2024．9"])
    draft = parse_document(text)
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 11, 30)], [date(2024, 9, 30)]]


# a page that sets a table out with &nbsp; runs: a browser keeps them, and so does the reader
def test_a_page_keeps_its_nbsp_runs(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><body><div id="UCAP-CONTENT"><p>序号&nbsp;&nbsp;工作任务&nbsp;&nbsp;&nbsp;牵头单位</p>'
                    "<p>1&nbsp;&nbsp;推进农村供水管网改造&nbsp;&nbsp;&nbsp;县水利局</p><p>2  \n  推进 \t 集镇污水管网建设</p>"
                    "</div></body></html>", encoding="utf-8")
    assert document_text(page).split("\n") == ["序号  工作任务   牵头单位", "1  推进农村供水管网改造   县水利局",
                                               "2 推进 集镇污水管网建设"]


# half-width commas in a sentence's frame: "X由……组成,……,负责……" makes X the subject of 负责
def test_half_width_commas_in_a_composed_body() -> None:
    for comma in ("，", ","):
        text = (f"在领导小组领导下{comma}成立联合办公室{comma}开展集中采购。联合办公室由各方派员组成{comma}"
                f"主任由各方推举确定{comma}负责组织实施集中采购。由市招标采购中心承担日常工作并负责具体实施。")
        assert subject_units(text).responsible == ["联合办公室", "市招标采购中心"], comma


# a copy in traditional characters: labels and role words the grammar writes in simplified are read,
# and the names keep their traditional form
def test_a_traditional_copy_reads_labels_and_keeps_names() -> None:
    text = "\n".join(["一、重點工作", "1.深入學習貫徹法治思想,推進機關法治建設。", "責任處室:機關黨委、辦公室",
                      "2.發展農村物流,完善縣鄉村三級物流體系。", "牽頭處室:運輸服務處", "參與部門:省郵政管理局、綜合規劃處"])
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("深入學習貫徹法治思想,推進機關法治建設", ([], ["機關黨委", "辦公室"], [])),
        ("發展農村物流,完善縣鄉村三級物流體系", (["運輸服務處"], [], ["省郵政管理局", "綜合規劃處"]))]


# guard: a document writing a character both ways gives each name back exactly as written
def test_names_written_in_both_forms_come_back_as_written() -> None:
    text = "\n".join(["一、主要任務", "(一)推進縣域商業體系建設。(縣商務局牽頭,县财政局配合)",
                      "(二)完善縣級物流配送中心。(县交通运输局負責)"])
    draft = parse_document(text)
    assert [units(t) for t in draft.tasks] == [(["縣商務局"], [], ["县财政局"]), ([], ["县交通运输局"], [])]
