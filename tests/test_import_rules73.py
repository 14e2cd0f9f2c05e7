"""`duban import` grammar, round 72 of issue #13: provinces' 部门分工 意见 (a heading sentence over unnumbered
paragraphs each closed by its bracket, with blank lines between them; brackets that open with the leaders
who answer for the work, carry a remark about the lists, or close a clause before a comma).

Sentences of our own, not the documents': a "(一)" heading of one long sentence over paragraphs separated by
blank lines — each paragraph is a task (it was one heading task gathering every unit); "(分管副省长、协管
副秘书长负责,X牵头)" — the posts are people (they were read as units); "(X牵头。明确牵头部门的,其他有关部门
配合,不逐一列出,下同)" — the second sentence is a remark (it gave "明确牵头部门的" and "不逐一列出" as units);
"…政策(X、Y等负责。列第一位的为牵头部门,…,下同),建设…(X牵头)。" — the bracket before the comma is the
item's too (its units were lost). Guards: a parenthesis inside a sentence of an item without closing brackets,
a short heading over a single paragraph, and a unit named "…局长办公室" stay as before."""

from __future__ import annotations

from scheduler.importer.list_remarks import without_leaders
from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_PARAGRAPHS = """二、稳定经济运行

(一)保持工业平稳增长,必须统筹推进传统产业改造和新兴产业培育两项工作。

落实支持制造业的各项政策。扩大技术改造投资,培育一批专精特新企业。(省财政厅、省工业和信息化厅、省税务局等负责)

推动数字经济与实体经济深度融合,建设一批智能工厂和数字化车间。(省通信管理局、省工业和信息化厅等负责)

稳定重点产业链供应链。(省发展改革委牵头)
"""


def test_paragraphs_under_a_long_heading_sentence_are_tasks_with_blank_lines_between() -> None:
    got = [(t.title, units(t)) for t in parse_document(_PARAGRAPHS).tasks]
    assert got == [
        ("落实支持制造业的各项政策", ([], ["省财政厅", "省工业和信息化厅", "省税务局"], [])),
        ("推动数字经济与实体经济深度融合,建设一批智能工厂和数字化车间", ([], ["省通信管理局", "省工业和信息化厅"], [])),
        ("稳定重点产业链供应链", (["省发展改革委"], [], [])),
    ]


def test_leaders_posts_and_a_remark_about_the_lists_are_no_units() -> None:
    text = ("一、扩大有效需求\n(一)促进消费回升。开展消费促进月活动(分管副省长、协管副秘书长负责,省商务厅牵头。"
            "明确牵头部门的,其他有关部门配合,不逐一列出,下同)。\n"
            "(二)扩大有效投资。加快重大项目建设(分管副市长负责,市发展改革委牵头,市财政局配合)。\n")
    got = [(t.title, units(t)) for t in parse_document(text).tasks]
    assert got == [("促进消费回升", (["省商务厅"], [], [])),
                   ("扩大有效投资", (["市发展改革委"], [], ["市财政局"]))]


def test_without_leaders() -> None:
    assert without_leaders("分管副省长、协管副秘书长负责,省科技厅牵头") == "省科技厅牵头"
    assert without_leaders("常务副市长负责，市财政局牵头") == "市财政局牵头"
    assert without_leaders("省科技厅牵头") == "省科技厅牵头"
    assert without_leaders("市局长办公室负责") == "市局长办公室负责"  # no post before 负责: a unit's name


def test_a_bracket_before_a_comma_in_an_item_of_closing_brackets() -> None:
    text = ("一、增强创新能力\n(一)壮大创新主体。建设一批新型研发机构。支持企业设立研发准备金(省科技厅、省财政厅、"
            "省税务局等负责。列第一位的为牵头部门,其他部门和单位按职责分工负责,下同),培育一批科技小巨人企业"
            "(省科技厅牵头)。\n")
    got = [(t.title, units(t)) for t in parse_document(text).tasks]
    assert got == [("壮大创新主体", (["省科技厅"], ["省财政厅", "省税务局"], []))]


def test_parentheses_inside_sentences_and_single_paragraphs_stay_as_before() -> None:  # guards: pass at the base
    text = ("一、完善培训制度\n(一)推行职业技能等级制度。院校外由人力资源社会保障部门负责,院校内证书"
            "(技工学校由人力资源社会保障部门负责),由教育部门组织实施。\n"
            "(二)优化营商环境\n推行企业开办一日办结。压缩审批时限。(市市场监管局牵头)\n")
    got = [(t.title, units(t)) for t in parse_document(text).tasks]
    assert [title for title, _ in got] == ["推行职业技能等级制度", "优化营商环境"]
    assert got[1][1] == (["市市场监管局"], [], [])
    assert all("技工学校" not in name for names in got[0][1] for name in names)
