"""`duban import` grammar, round 54 of issue #13: the newest plans, 2022–2025.

A 实施方案 counts the points under each heading "一是……二是……", each closing with its own assignment
bracket: each point is a task and the heading their group. A 行动计划 writes one list of units per item and
marks the leading one with a sign, saying once "标☆的为牵头单位，下同": the marked units lead, the others
are responsible, and the sentence is no unit."""

from __future__ import annotations

from scheduler.importer.ordinal_points import ordinal_points
from scheduler.importer.parse import parse_document
from scheduler.importer.starred_lead import starred_leads
from tests.import_rules_support import units

_POINTS = """二、主要任务
(一)加强学校保护。
一是健全校园安全管理制度。落实门卫值守和安全巡查。(县教育局、县公安局按照职责分工负责)
二是开展学生心理健康教育。(县教育局、县卫生健康局按照职责分工负责)
(二)加强社会保护。
一是落实强制报告制度。督促学校、医院等单位履行报告义务。(县民政局牵头,县检察院配合)
"""


def test_points_counted_yi_shi_are_tasks_under_their_heading() -> None:
    draft = parse_document(_POINTS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("健全校园安全管理制度", ([], ["县教育局", "县公安局"], [])),
        ("开展学生心理健康教育", ([], ["县教育局", "县卫生健康局"], [])),
        ("落实强制报告制度", (["县民政局"], [], ["县检察院"])),
    ]


def test_a_single_counted_point_is_its_own_task_not_its_headings_body() -> None:
    draft = parse_document("(一)加强家庭保护。\n一是推进家庭教育指导服务站点建设。提高家长监护能力。(县妇联、县教育局按照职责分工负责)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进家庭教育指导服务站点建设", ([], ["县妇联", "县教育局"], [])),
    ]


def test_counted_points_under_a_numbered_sub_item_become_its_points() -> None:
    lines = ["1.优化营商环境。", "一是压减审批时限。(县行政审批局负责)", "二是推行承诺制。(县市场监管局负责)"]
    assert ordinal_points(lines) == [lines[0], "(1)压减审批时限。(县行政审批局负责)", "(2)推行承诺制。(县市场监管局负责)"]


def test_counted_principles_without_assignment_stay_in_their_paragraph() -> None:
    lines = ["一、分工原则", "一是处理好政府与市场的关系。重点明确政府责任。",
             "二是划分好县乡两级的责任。把任务分解到部门。", "三是突出重点工作。(县发改局负责)"]
    assert ordinal_points(lines) == lines  # the third follows two points that were left: not counted anew
    assert ordinal_points(["二是开展巡查。(县公安局负责)"]) == ["二是开展巡查。(县公安局负责)"]  # no 一是 before it


_STARRED = """一、推动重点领域应用
(一)推进“人工智能+智能制造”。支持龙头企业建设智能工厂,打造标杆示范项目。(责任单位:☆经信局、科技局。标☆的为牵头单位,下同。)
(二)推进“人工智能+现代农业”。建设智慧农场和数字牧场。(责任单位:农业农村局、☆科技局、市场监管局)
(三)推进“人工智能+医疗健康”。推广辅助诊断应用。(责任单位:☆卫生健康局、☆医保局)
"""


def test_units_marked_with_the_stated_sign_lead_and_the_rule_is_no_unit() -> None:
    draft = parse_document(_STARRED)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进“人工智能+智能制造”", (["经信局"], ["科技局"], [])),
        ("推进“人工智能+现代农业”", (["科技局"], ["农业农村局", "市场监管局"], [])),
        ("推进“人工智能+医疗健康”", (["卫生健康局", "医保局"], [], [])),
    ]


def test_a_traditional_copy_and_a_label_line_read_the_same_way() -> None:
    lines = ["(一)推進智慧物流。(責任單位:☆商務局、交通運輸局。標☆的為牽頭單位,下同。)", "責任單位:財政局、★發改局"]
    assert starred_leads(lines)[0] == "(一)推進智慧物流。（牵头单位：商務局；责任单位：交通運輸局）"
    assert starred_leads(lines)[1] == lines[1]  # another sign than the one the rule states


def test_a_sign_without_the_rule_says_nothing_of_who_leads() -> None:
    lines = ["(一)推进智慧交通。(责任单位:☆交通运输局、公安局)"]
    assert starred_leads(lines) == lines
