"""`duban import` grammar, round 65 of issue #13: 碳达峰 / 节能减排 / 新型基础设施 / 数字政府 plans and 开发区 /
高新区 / 自贸试验区 task lists.

Sentences of our own, not the documents': a 高新区's numbered 重点工作任务分解表 copied one cell per line with a
line "|" after every cell, its columns 责任领导 (people), 责任部门 and 完成期限 and a last 监督方式 column naming who
oversees the work (not a unit of the task); a national 工作方案 部门分工 whose brackets put two labels apart by a space
("(牵头单位:X 参加单位:Y、Z)") and whose first bracket adds a remark about its lists ("未明确牵头单位的,由所列负责单位
按职责分工负责,下同"). Guards for the shapes read at first sight: a 高新区 责任分解 bracket with a 牵头负责领导 and
协同单位 list parted by 、 and ",". Each of the first ones read wrongly or not at all before this round."""

from __future__ import annotations

from datetime import date

from scheduler.importer.list_remarks import is_list_remark
from scheduler.importer.parse import parse_document
from scheduler.importer.ruled_numbers import ruled_numbers
from tests.import_rules_support import dates, units

_RULED = "\n".join(line for cell in (
    "序号", "重点工作任务", "责任领导", "责任部门", "完成期限", "监督方式",
    "1", "加快建设科创孵化园二期,完成主体工程。", "王某", "规划建设部", "2024年12月底", "工委、管委会",
    "2", "完善企业服务专员制度,推动惠企政策直达快享。", "李某、赵某", "企业服务局、财政金融局", "持续推进", "工委、管委会",
    "3", "开展低效用地清理。", "赵某", "自然资源分局", "2024年9月底前", "工委、管委会",
) for line in (cell, "|"))


def test_a_numbered_table_with_a_rule_line_after_every_cell() -> None:
    draft = parse_document("某高新区2024年重点工作任务分解表\n" + _RULED + "\n")
    got = [(t.title, units(t), t.ongoing) for t in draft.tasks]
    assert got == [
        ("加快建设科创孵化园二期,完成主体工程", ([], ["规划建设部"], []), ""),
        ("完善企业服务专员制度,推动惠企政策直达快享", ([], ["企业服务局", "财政金融局"], []), "持续推进"),
        ("开展低效用地清理", ([], ["自然资源分局"], []), ""),
    ]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 12, 31)], [], [date(2024, 9, 30)]]


def test_only_a_numbered_header_ruled_cell_by_cell_is_joined() -> None:
    assert ruled_numbers(["序号", "|", "工作任务", "|", "责任单位", "|", "1", "|", "|", "x"]) == [
        "序号 |", "工作任务 |", "责任单位 |", "1 |", "|", "x"]
    short = ["序号", "|", "工作任务", "|", "责任单位"]  # two cells ruled: not such a table
    assert ruled_numbers(short) == short
    plain = ["工作任务", "|", "责任单位", "|", "完成时限", "|"]  # no number column: rule_lines.py reads it
    assert ruled_numbers(plain) == plain


_DIVISION = """某省“十四五”节能降碳工作方案部门分工
一、推进能源结构调整
(一)控制煤炭消费。
1. 严格控制煤电新增装机规模,推动燃煤锅炉淘汰。(负责单位:省发展改革委、省能源局、省政府其他有关部门。未明确牵头单位的,由所列负责单位按职责分工负责,下同)
2. 重点用能单位单位产值能耗下降10%以上。(牵头单位:省工业和信息化厅 参加单位:省发展改革委、省统计局)
3. 加快充电基础设施建设。(牵头部门:省住房城乡建设厅 参加部门:省能源局)
"""


def test_two_labels_apart_by_a_space_and_a_remark_about_the_lists() -> None:
    draft = parse_document(_DIVISION)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("严格控制煤电新增装机规模,推动燃煤锅炉淘汰", ([], ["省发展改革委", "省能源局", "省政府其他有关部门"], [])),
        ("重点用能单位单位产值能耗下降10%以上", (["省工业和信息化厅"], [], ["省发展改革委", "省统计局"])),
        ("加快充电基础设施建设", (["省住房城乡建设厅"], [], ["省能源局"])),
    ]


def test_a_remark_about_the_lists_and_sentences_that_are_not_one() -> None:
    remarks = ["未明确牵头单位的,由所列负责单位按职责分工负责,下同", "凡未标注牵头单位的,列第一位者牵头",
               "由上述单位按职责分工负责", "以上部门按职责分工负责,下同"]
    assert [is_list_remark(s) for s in remarks] == [True, True, True, True]
    assert [is_list_remark(s) for s in ("2025年底前完成", "市财政局配合", "各县区政府负责落实")] == [False, False, False]


_ZONE = """某高新区2023年重点工作及责任分解
一、推动经济平稳增长
1.强化项目调度。建立重点项目周调度机制。(牵头负责领导:张某、王某;牵头责任单位:区经发局;协同单位:区财政局、建设局,某城投公司,各社区管委会)
2.稳定工业运行。(牵头负责领导:张某;牵头责任单位:区经发局;协同单位:区统计局)
"""


def test_a_zone_bracket_with_its_leaders_and_collaborators_read_at_first_sight() -> None:
    draft = parse_document(_ZONE)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("强化项目调度", (["区经发局"], [], ["区财政局", "建设局", "某城投公司", "各社区管委会"])),
        ("稳定工业运行", (["区经发局"], [], ["区统计局"])),
    ]
