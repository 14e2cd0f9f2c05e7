"""`duban import` grammar, round 69 of issue #13: layouts rather than topics — plans whose text was drawn out of a
PDF, items whose units sit on the lines after them, brackets that name their labels.

Sentences of our own, not the documents': a province's plan copied from a PDF whose labelled lines under an item
keep a space where a printed line wrapped inside a unit's name ("住房城乡 建设厅", "各市(州) 人民政府") — read as
two pieces of one name before this round. Guards: a name spaced by a one-character piece ("市 发改委") or a role
word, and a list of units separated by spaces, are left as they were; a bracket with two labels and names in
六角括号 ("(牵头单位:X;责任单位:Y,各市〔州〕人民政府)") was read at first sight."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from scheduler.importer.wrapped_names import unwrap_name
from tests.import_rules_support import units

_PDF_PLAN = """(一) 总体目标。 2020 年,全省单位生产总值用水量比 2015 年下降 23% 。
二、落实水资源管理责任
(二) 分解用水总量控制指标。 综合考虑各地水资源条件和 产业布局,将全省用水总量指标分解到各市(州), 逐级落实。
牵头单位: 省水利厅、发展改革委
责任单位: 省经济和信息化委、住房城乡 建设厅、农业厅、省统计局, 各市(州) 人民政府
(三) 健全用水计量监测体系。 完善重点取用水户在线监测, 实现监测数据共享。
牵头单位: 省水利厅
责任单位: 省生态环境 保护厅、省质监局
"""


def test_units_broken_by_a_pdf_line_wrap_are_one_name_each() -> None:
    draft = parse_document(_PDF_PLAN)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("分解用水总量控制指标", (["省水利厅", "发展改革委"],
                                 ["省经济和信息化委", "住房城乡建设厅", "农业厅", "省统计局", "各市(州)人民政府"], [])),
        ("健全用水计量监测体系", (["省水利厅"], ["省生态环境保护厅", "省质监局"], [])),
    ]


def test_only_a_name_whose_pieces_read_together_as_a_unit_is_joined() -> None:
    assert unwrap_name("住房城乡 建设厅") == "住房城乡建设厅"
    assert unwrap_name("各县(市、区) 人民政府") == "各县(市、区)人民政府"
    assert unwrap_name("省政府 法制 办公室") == "省政府 法制 办公室"  # the first piece is a unit already
    assert unwrap_name("市 发改委") == "市 发改委"  # a one-character piece: as written (round 24)
    assert unwrap_name("牵头 市发改委") == "牵头 市发改委"  # a role word is no part of a name
    assert unwrap_name("推进 工作") == "推进 工作"  # read together, no unit
    assert unwrap_name("2020 年底前") == "2020 年底前"
    assert unwrap_name("市财政局") == "市财政局"


def test_a_spaced_list_of_units_and_a_spaced_short_name_stay_as_before() -> None:
    head = "一、主要任务\n"
    spaced = parse_document(head + "1.做好项目储备工作。\n责任单位:市发改委 市财政局 市自然资源局\n")
    assert [units(t) for t in spaced.tasks] == [([], ["市发改委", "市财政局", "市自然资源局"], [])]
    short = parse_document(head + "1.做好项目储备工作。\n责任单位:市 发改委\n")
    assert [units(t) for t in short.tasks] == [([], ["市 发改委"], [])]


_BRACKET_LABELS = """一、实施就业优先战略
(一)稳定和扩大就业。把城镇新增就业纳入年度计划,建立重大项目带动就业评估机制。(牵头单位:省发展改革委;责任单位:省就业工作联席会议成员单位,各市〔州〕人民政府、各县〔市、区〕人民政府)
"""


def test_a_bracket_with_two_labels_and_names_in_hexagonal_brackets() -> None:  # read at first sight
    draft = parse_document(_BRACKET_LABELS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("稳定和扩大就业", (["省发展改革委"], ["省就业工作联席会议成员单位", "各市〔州〕人民政府", "各县〔市、区〕人民政府"], [])),
    ]
