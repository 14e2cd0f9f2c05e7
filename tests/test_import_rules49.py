"""`duban import` grammar, round 48 of issue #13: 规划纲要 divisions of main targets among units (a city's
十三五 分工 notice whose "由多个单位负责的,排在第一位的为牵头单位" makes each bracket's first unit the lead, the same
with "1、" items between blank lines, and a city's 十四五 分工方案 reposted in traditional characters with pinyin
after them, "(牽頭單位:X;責任單位:A、B)"). The three documents were read right at first sight; these tests keep
their shapes read, in sentences of their own, and the one wording the round widened ("排序第一的为牵头单位")."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_NOTICE = ("各区人民政府,市政府各部门:\n一、分工原则\n(一)合理划分责任。重点将目标任务分解到市有关部门。{rule}\n"
           "二、主要指标分工\n(一)约束性指标。\n"
           "1.常住人口城镇化率达到62%。(市发改委、市统计局、市公安局)\n"
           "2.新增城镇就业累计达到5万人。(市人社局)\n")
_RESULT: list[tuple[str, tuple[list[str], list[str], list[str]]]] = [
    ("常住人口城镇化率达到62%", (["市发改委"], ["市统计局", "市公安局"], [])),
    ("新增城镇就业累计达到5万人", (["市人社局"], [], []))]


# the notice's rule makes each bracket's first unit the lead and the others responsible; a lone unit leads
def test_first_listed_unit_leads_under_the_notices_rule() -> None:
    draft = parse_document(_NOTICE.format(rule="由多个单位负责的,排在第一位的为牵头单位。"))
    assert [(t.title, units(t)) for t in draft.tasks] == _RESULT
    assert [t.deadlines for t in draft.tasks] == [[], []]  # a plan period's targets: no deadline


# "排序第一的为牵头单位" is the same rule (before round 48 only "排序第一单位为牵头单位" was read)
def test_ranked_first_wording_is_the_same_rule() -> None:
    draft = parse_document(_NOTICE.format(rule="多个部门共同负责的,排序第一的为牵头单位。"))
    assert [(t.title, units(t)) for t in draft.tasks] == _RESULT
    draft = parse_document("(多个单位负责的,排序首位的为牵头单位)\n1.建成区绿化覆盖率达到41%。(市园林局、市住建局)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("建成区绿化覆盖率达到41%", (["市园林局"], ["市住建局"], []))]


# without the rule the units of a bracket are all responsible, so the widening reads only the rule
def test_without_the_rule_the_units_are_responsible() -> None:
    draft = parse_document(_NOTICE.format(rule="排序方法另行规定。"))
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("常住人口城镇化率达到62%", ([], ["市发改委", "市统计局", "市公安局"], [])),
        ("新增城镇就业累计达到5万人", ([], ["市人社局"], []))]


# "1、" items between blank lines, after a paragraph that explains the group, under the same rule
def test_items_numbered_with_a_comma_between_blank_lines() -> None:
    draft = parse_document("(三)合理划分责任。由多个单位负责的,排在第一位的为牵头单位。\n\n二、主要指标分工\n\n"
                           "(一)约束性指标。\n\n《纲要》确定的约束性指标必须确保完成。\n\n"
                           "1、森林覆盖率达到65%。(市林业局)\n\n2、城镇登记失业率控制在4%以内。(市人社局、市财政局)\n\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("森林覆盖率达到65%", (["市林业局"], [], [])),
        ("城镇登记失业率控制在4%以内", (["市人社局"], ["市财政局"], []))]


# a traditional-character repost with pinyin after characters: lead and responsible labels in the bracket
def test_traditional_labels_with_pinyin_in_the_bracket() -> None:
    draft = parse_document("一、主要指標分工\n(一)約束性指標\n"
                           "1.森林覆蓋率達(dá)到40%。(牽頭單位:市園林局;責任單位:市自然資源(yuán)局)\n"
                           "2.單位地區生產(chǎn)總值用水量降低完成省下達目標。"
                           "(牽頭單位:市水務(wù)局;責任單位:市發(fā)改委、市經(jīng)信局)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("森林覆蓋率達到40%", (["市園林局"], ["市自然資源局"], [])),
        ("單位地區生產總值用水量降低完成省下達目標", (["市水務局"], ["市發改委", "市經信局"], []))]
