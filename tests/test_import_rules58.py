"""`duban import` grammar, round 57 of issue #13: provincial and prefectural 工作要点 and 任务分工 pages.

Sentences of our own, not the documents': a city's 实施方案 table copied one cell per line from a document
site, with no number column, whose first columns (目标, 任务) are merged down over their rows — a group's
cell is a line only above its first row — and whose unit cells say "X牵头落实"; and the 工作要点 shape
whose items close with "(A、B牵头)", kept from being lost (those were read right at first sight)."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_MERGED_GROUPS = """某市2018年政务公开工作要点实施方案
目标
任务
主要内容
责任单位
一、以政务公开助力稳就业
(一)加强政策解读
围绕全市就业形势和就业创业扶持政策,通过新闻发布会、媒体访谈等形式及时解读。
市人社局牵头落实
围绕高校毕业生就业见习政策,加强信息公开,解读补贴标准、申领条件和办理流程等。
市人社局、市教育局分别牵头落实
(二)回应社会关切
加强舆情收集研判,对涉及就业的不实信息及时发布权威消息,澄清事实。
市委网信办牵头落实
二、以政务公开助力优服务
(三)推进办事公开
全面公开政务服务事项办事指南,做到要素齐全、标准统一、准确无误。
市行政审批服务局牵头落实
"""


def test_a_cell_per_line_table_whose_group_columns_are_merged_down() -> None:
    draft = parse_document(_MERGED_GROUPS)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("围绕全市就业形势和就业创业扶持政策,通过新闻发布会、媒体访谈等形式及时解读", (["市人社局"], [], []), []),
        ("围绕高校毕业生就业见习政策,加强信息公开,解读补贴标准、申领条件和办理流程等",
         (["市人社局", "市教育局"], [], []), []),
        ("加强舆情收集研判,对涉及就业的不实信息及时发布权威消息,澄清事实", (["市委网信办"], [], []), []),
        ("全面公开政务服务事项办事指南,做到要素齐全、标准统一、准确无误", (["市行政审批服务局"], [], []), []),
    ]


_MERGED_WITH_DEADLINES = """附件
目标
主要内容
责任单位
完成时限
一、深化审批制度改革
精简市级行政许可事项,公布市级行政许可事项清单。
市审改办
2019年6月底前
推行企业投资项目承诺制,压缩项目审批时间。
市发展改革委
2019年12月底前
"""


def test_merged_group_column_with_units_and_deadlines_after_the_text() -> None:
    draft = parse_document(_MERGED_WITH_DEADLINES)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("精简市级行政许可事项,公布市级行政许可事项清单", ([], ["市审改办"], []), [date(2019, 6, 30)]),
        ("推行企业投资项目承诺制,压缩项目审批时间", ([], ["市发展改革委"], []), [date(2019, 12, 31)]),
    ]


_RECORDS = """某区2019年河湖治理任务
2019年3月5日
具体任务
全面落实河长制,开展河道清淤疏浚。
责任单位
区水务局、各街道
完成时限
6月底前完成
"""


def test_a_record_one_cell_per_line_is_still_a_record() -> None:
    """The header guard (a column's name is no record's value) leaves records with their values alone."""
    draft = parse_document(_RECORDS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("全面落实河长制,开展河道清淤疏浚", ([], ["区水务局", "各街道"], [])),
    ]


_POINTS_2023 = """2023年某区数字政府改革建设工作要点
一、强化基础建设
(一)提升数字政府服务能力。推进政务云和公共支撑平台建设,提升跨部门协同水平,2023年底完成平台迁移。(区政务服务数据管理局牵头)
(二)规范信息化项目建设。加强项目监督指导,积极争取上级奖补资金。(区政务服务数据管理局、财政局、区委网信办牵头)
(三)加强网络安全保障。落实安全责任制,开展攻防演练。(区委网信办、各镇(街)牵头)
"""


def test_points_closed_by_brackets_of_leading_units() -> None:
    draft = parse_document(_POINTS_2023)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("提升数字政府服务能力", (["区政务服务数据管理局"], [], []), [date(2023, 12, 31)]),
        ("规范信息化项目建设", (["区政务服务数据管理局", "财政局", "区委网信办"], [], []), []),
        ("加强网络安全保障", (["区委网信办", "各镇(街)"], [], []), []),
    ]


_LONG_FIRST = """近日,某省政府办公厅印发2018年政府工作报告重点工作责任分解的通知。
省长牵头重点工作
深化“一窗受理、集成服务”改革。按照“企业和群众办事只进一扇门”的要求,全面梳理省市县三级政务服务事项,推动审批服务事项进驻政务服务中心,实行前台综合受理、后台分类审批、统一窗口出件。加快建设一体化在线政务服务平台,推动线上线下深度融合,逐步实现高频事项“掌上办”“就近办”,切实提升企业和群众办事便利度与满意度。
责任单位:省政府办公厅、省编办、省发展改革委,各市政府(列第一位者为牵头单位,下同)
加强政府债务管理,规范举债融资行为。
责任单位:省财政厅、省审计厅
推进机关作风建设。
责任单位:省直机关工委、省委组织部
"""


def test_a_long_paragraph_above_its_unit_line_among_one_sentence_records() -> None:
    """A paragraph of three sentences (over 150 letters) is a task when the page's other tasks are records of
    one sentence each above their "责任单位:" lines; the first unit named leads (the page's rule)."""
    draft = parse_document(_LONG_FIRST)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("深化“一窗受理、集成服务”改革", (["省政府办公厅"], ["省编办", "省发展改革委", "各市政府"], [])),
        ("加强政府债务管理,规范举债融资行为", (["省财政厅"], ["省审计厅"], [])),
        ("推进机关作风建设", (["省直机关工委"], ["省委组织部"], [])),
    ]


_PROSE_THEN_RECORDS = """某县2019年重点工作责任分解
为做好今年各项工作,县政府对重点任务逐项明确责任单位和完成时限。各乡镇、各部门要切实提高思想认识,把落实重点工作作为检验工作作风的重要标尺,主要负责同志亲自抓、负总责,分管负责同志具体抓、抓具体,层层压实责任,确保各项任务按期保质完成,对工作不力的严肃问责。
县长牵头重点工作
完善县城供水管网,新建加压泵站一座。
责任单位:县水务局
完成时限:2019年10月底前
改造老旧小区12个。
责任单位:县住建局
完成时限:2019年12月底前
"""


def test_a_long_notice_paragraph_above_a_heading_stays_prose() -> None:
    """Among records, a long paragraph that no label line follows is the page's notice, no task."""
    draft = parse_document(_PROSE_THEN_RECORDS)
    assert [(t.title, units(t), dates(t, draft)) for t in draft.tasks] == [
        ("完善县城供水管网,新建加压泵站一座", ([], ["县水务局"], []), [date(2019, 10, 31)]),
        ("改造老旧小区12个", ([], ["县住建局"], []), [date(2019, 12, 31)]),
    ]


_HEXAGONAL = """2020年某省政务公开工作方案
一、加强政策解读
(一)解读重大政策。做好本地区规划的发布解读工作,及时回应社会关切。(各市、县〔区〕人民政府,省政府各部门按职责分别负责落实)
(二)做好政策咨询。建立政策咨询窗口,提供“一号答”服务。(省政府办公厅牵头,各市、县〔市、区〕人民政府负责)
"""


def test_a_place_collective_with_its_level_in_hexagonal_brackets_is_one_name() -> None:
    """"各市、县〔区〕人民政府" is one collective, as "各县（市、区）政府" is: 〔〕 as （）."""
    draft = parse_document(_HEXAGONAL)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("解读重大政策", ([], ["各市、县〔区〕人民政府", "省政府各部门"], [])),
        ("做好政策咨询", (["省政府办公厅"], ["各市、县〔市、区〕人民政府"], [])),
    ]
