"""`duban import` grammar, round 35 of issue #13: real documents from fields, places and years not used
before (a Zhejiang city's 2020 air-pollution plan whose items close with "(X牵头,Y等参与,Z负责落实。以下均需Z落实,
不再列出)", a city culture-and-tourism bureau's 2024 工作要点 with "(机关党委牵头,各科室、直属单位按职责分工负责)",
a district's 2023 政府工作报告 division whose items close with "(责任领导:人名;牵头单位:A;责任单位:B、C,D)").
The importer read all three right at first sight; these tests keep those shapes read. Items of the same
shapes as the documents', names, places and sentences changed."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_STANDING_RULE = "\n".join([
    "一、主要目标",
    "2021年,全市地表水考核断面水质优良比例保持100%,县级以上集中式饮用水水源地水质达标率保持100%。",
    "二、主要工作任务",
    "(一)打好工业污染治理战役",
    "1.严格项目准入。落实生态环境分区管控要求,严格执行重点行业建设项目环评审批原则。"
    "(市生态环境局牵头,市发改委、市经信局等参与,各县(市、区)政府负责落实。以下均需各县(市、区)政府落实,不再列出)",
    "2.整治工业园区污水。推进园区污水管网排查整治,实现园区污水应纳尽纳。"
    "(市经信局、市建设局牵头,市生态环境局、市水利局等参与)",
])


# "以下均需X落实,不再列出": X is not a unit of its own sentence's bracket list only; it goes on to later items
def test_a_standing_rule_in_a_bracket_reaches_the_items_after_it() -> None:
    draft = parse_document(_STANDING_RULE)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("严格项目准入", (["市生态环境局"], ["各县(市、区)政府"], ["市发改委", "市经信局"]), []),
        ("整治工业园区污水",
         (["市经信局", "市建设局"], ["各县(市、区)政府"], ["市生态环境局", "市水利局"]), [])]


_SECTIONS = "\n".join([
    "2025年全市农业农村工作要点",
    "一、加强机关党的建设",
    "1.深入开展理论学习。坚持党组理论学习中心组学习制度,推动学习成果转化为推进工作的实际成效。"
    "(机关党委牵头,各科室、局属单位按职责分工负责)",
])


# "(X牵头,各科室、局属单位按职责分工负责)": the collective list splits at "、", names as written
def test_a_bureau_section_leads_and_all_sections_are_responsible() -> None:
    draft = parse_document(_SECTIONS)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("深入开展理论学习", (["机关党委"], ["各科室", "局属单位"], []), [])]


_LEADERS = "\n".join([
    "2024年县《政府工作报告》确定的重点工作任务责任分解方案",
    "  一、2024年全县经济社会发展主要预期目标",
    "  1.地区生产总值增长7%以上。(责任领导:张某某;牵头单位:县发改局)",
    "  2.一般公共预算收入增长9%。(责任领导:张某某、李某;牵头单位:县财政局、县税务局)",
    "  二、2024年主要工作安排",
    "  (一)加快项目建设",
    "  完善交通网络",
    "  3.推进县城环线公路建设,完成东外环改扩建工程,确保二级公路建成通车。"
    "(责任领导:王某;牵头单位:县交通运输局;责任单位:县发改局、县自然资源局,县城投公司,相关乡镇)",
])


# "(责任领导:人名;牵头单位:A、B;责任单位:C、D,E,F)": leaders are people, not units; both separators split
def test_a_bracket_with_a_leader_a_lead_and_units_split_by_commas() -> None:
    draft = parse_document(_LEADERS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("地区生产总值增长7%以上", (["县发改局"], [], [])),
        ("一般公共预算收入增长9%", (["县财政局", "县税务局"], [], [])),
        ("推进县城环线公路建设,完成东外环改扩建工程,确保二级公路建成通车",
         (["县交通运输局"], ["县发改局", "县自然资源局", "县城投公司", "相关乡镇"], []))]
    assert [t.deadlines for t in draft.tasks] == [[], [], []]
