"""`duban import` grammar after round 21 of issue #13 (bench/import_corpus_split.md, Round 21): a division
of a government work report into unnumbered paragraphs, each of several sentences and closed by the bracket
of the unit that leads it ("一、扩大内需……" / "落实积极的财政政策。优化支出结构……。(财政厅牵头)"), as the
"关于落实《政府工作报告》重点工作部门分工的意见" of 2010–2012 write it. Sentences written for the tests, not
the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEAD = "某省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n2011年3月20日\n"
PARAGRAPHS = (
    "稳定财政投入。优化支出结构,集中财力保障重大民生项目,严格控制一般性支出。(省财政厅牵头)\n"
    "扩大信贷投放。引导银行加大对小微企业和薄弱环节的支持力度,支持企业直接融资。(省金融办牵头)\n"
    "推动消费升级。落实家电下乡补贴政策,完善城乡商业网点。(省商务厅牵头,省财政厅配合)\n")


# under a chapter heading, each paragraph closed by its bracket is a task titled by its first sentence
def test_paragraphs_each_closed_by_a_bracket_under_a_chapter_heading() -> None:
    draft = parse_document(HEAD + "一、扩大内需,保持经济平稳较快增长\n" + PARAGRAPHS + "二、加快产业升级\n"
                           "培育新兴产业。设立产业引导资金,支持重点项目建设。(省经信委牵头)\n"
                           "提升服务业比重。推进物流园区建设。(省发展改革委牵头)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("稳定财政投入", (["省财政厅"], [], [])),
        ("扩大信贷投放", (["省金融办"], [], [])),
        ("推动消费升级", (["省商务厅"], [], ["省财政厅"])),
        ("培育新兴产业", (["省经信委"], [], [])),
        ("提升服务业比重", (["省发展改革委"], [], [])),
    ]


# the same paragraphs under a "(一)" heading: one task each (the heading gathers no units)
def test_paragraphs_each_closed_by_a_bracket_under_an_item_heading() -> None:
    draft = parse_document(HEAD + "一、重点工作\n(一)扩大内需\n" + PARAGRAPHS)
    by_title = {t.title: units(t) for t in draft.tasks}
    assert by_title["稳定财政投入"] == (["省财政厅"], [], [])
    assert by_title["扩大信贷投放"] == (["省金融办"], [], [])
    assert by_title["推动消费升级"] == (["省商务厅"], [], ["省财政厅"])
    assert by_title.get("扩大内需", ([], [], [])) == ([], [], [])


# one such paragraph under a heading stays the heading's paragraph, as before (the heading is the task)
def test_a_single_bracketed_paragraph_stays_the_headings() -> None:
    draft = parse_document(HEAD + "一、扩大内需,保持经济平稳较快增长\n" + PARAGRAPHS.splitlines()[0] + "\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("扩大内需,保持经济平稳较快增长", (["省财政厅"], [], []))]


# a paragraph whose bracket does not close it (text follows) is no such task: the heading keeps it, as before
def test_a_bracket_inside_a_paragraph_is_no_paragraph_task() -> None:
    draft = parse_document(HEAD + "一、扩大内需\n"
                           "稳定财政投入。(省财政厅牵头)优化支出结构,集中财力保障重大民生项目。\n"
                           "扩大信贷投放。引导银行加大支持力度。\n")
    assert [t.title for t in draft.tasks] == ["扩大内需"]
