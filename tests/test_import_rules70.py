"""`duban import` grammar, round 69 of issue #13: layouts rather than topics — plans whose text was drawn out of a
PDF, items whose units sit on the lines after them, brackets that name their labels.

Sentences of our own, not the documents': a province's plan copied from a PDF whose labelled lines under an item
keep a space where a printed line wrapped inside a unit's name ("住房城乡 建设厅", "各市(州) 人民政府") — read as
two pieces of one name before this round. Batch 2: a page of a box-drawn table whose first column is a group
written one character a line, with score columns the vocabulary does not name and no bottom border (no task read
before); a " | " table copied from a page with a units cell on two lines, its merged group column written once,
and header words "协助单位", "责任单位或牵头单位", "标准或要求" (one row read, without units, before). Guards: a name
spaced by a one-character piece ("市 发改委") or a role word, and a list of units separated by spaces, are left as
they were; a bracket with two labels and names in 六角括号 ("(牵头单位:X;责任单位:Y,各市〔州〕人民政府)") was read at
first sight."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from scheduler.importer.wrapped_names import unwrap_name
from tests.import_rules_support import dates, units

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
    assert unwrap_name("推动 跨省通办") == "推动 跨省通办"  # a two-character piece: words (round 16)
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


_BOX_PAGE = """┌─┬──┬─────┬───────┬───┬─────┬─────┐
│管│序号│ 项目 │ 考核内容 │标准分│ 责任单位 │ 配合单位 │
│ ├──┼─────┼───────┼───┼─────┼─────┤
│理│ 3 │再生水利用│ ≥20% │ 5 │ 市住建局 │ 市发改委 │
│ │ │率 │ │ │ │ 市财政局 │
│指├──┼─────┼───────┼───┼─────┼─────┤
│ │ 4 │节水器具普│ 100% │ 4 │市市场监管│ 各区政府 │
│标│ │及率 │ │ │局 │ │
│ ├──┼─────┼───────┼───┼─────┼─────┤
│ │ 5 │居民生活用│ 不高于 │ 5 │ 市住建局 │ 市统计"""


def test_a_page_of_a_box_drawn_table_with_a_vertical_group_and_score_columns() -> None:
    draft = parse_document("附件\n某市创建节水型城市考核指标责任分解表\n" + _BOX_PAGE + "\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("再生水利用率", ([], ["市住建局"], ["市发改委", "市财政局"])),
        ("节水器具普及率", ([], ["市市场监管局"], ["各区政府"])),
    ]  # the last row is cut by the page: no rule closes it


_PIPED = """任务 内容 | 创建 标准或要求 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |
市 容 环 境 | 1、城市道路整洁有序,无乱堆乱放。 | 开展背街小巷整治。 | 市城管局 | 市公安局
市交通局 | 2012年6月30日前 |
2、公共厕所布局合理,管理规范。 | 新建改建公厕20座。 | 市城管局 市住建局 | 有关部门 | 2012年9月30日前 |
"""


def test_piped_rows_with_a_wrapped_units_cell_and_a_merged_group_left_out() -> None:
    draft = parse_document(_PIPED)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("城市道路整洁有序,无乱堆乱放", ([], ["市城管局"], ["市公安局", "市交通局"]), [date(2012, 6, 30)]),
        ("公共厕所布局合理,管理规范", ([], ["市城管局", "市住建局"], []), [date(2012, 9, 30)]),
    ]
