"""`duban import` grammar, round 70 of issue #13: provincial and city plans whose brackets name units in a second
sentence, and collectives written as two halves.

Sentences of our own, not the documents': a bracket whose second sentence gives the units' role
("（A、B按职责分工负责。各市州、县市区人民政府均为责任单位,以下不再列出）") — its units were left out before, for the
item and for the items after it; "各市州、县市区人民政府" in a bracket's list is one collective (it was two names);
"市直有关部门、单位" is one collective (the bare "单位" was dropped). Guards: a named unit before a place's
government, a lone "有关部门、单位", and a unit list without the rule sentence stay as before."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_SECOND_SENTENCE = """一、夯实数字基础
1.推进数据标准建设。制定公共数据分类分级规范。(省数据局、省市场监管局等有关单位按职责分工负责。各市州、县市区人民政府均为责任单位,以下不再列出)
2.建设省级数据交易平台。年内上线运行。(省数据局牵头,省财政厅配合)
二、提升政务服务
3.推广电子证照应用。(省政务服务中心负责)
"""


def test_a_second_sentence_naming_responsible_units_counts_here_and_below() -> None:
    draft = parse_document(_SECOND_SENTENCE)
    got = [(t.title, units(t)) for t in draft.tasks]
    each = "各市州、县市区人民政府"
    assert got == [
        ("推进数据标准建设", ([], ["省数据局", "省市场监管局", each], [])),
        ("建设省级数据交易平台", (["省数据局"], [each], ["省财政厅"])),
        ("推广电子证照应用", ([], ["省政务服务中心"], [])),  # a new part: the rule ends with its part
    ]


def test_the_same_in_traditional_characters() -> None:
    text = ("一、完善制度\n1.制定數據條例。(省數據局、省司法廳按職責分工負責。各市州、縣市區人民政府均為責任單位,以下不再列出)\n"
            "2.建立登記制度。(省數據局負責)\n")
    got = [units(t) for t in parse_document(text).tasks]
    each = "各市州、縣市區人民政府"
    assert got == [([], ["省數據局", "省司法廳", each], []), ([], ["省數據局", each], [])]


def test_two_level_collectives_in_a_bracket_list() -> None:
    text = ("一、重点任务\n1.扩大有效投资。(省发展改革委牵头,各市州、县市区人民政府按职责分工负责)\n"
            "2.稳定工业运行。(市工信局、市直有关部门、单位负责)\n")
    got = [units(t) for t in parse_document(text).tasks]
    assert got == [(["省发展改革委"], ["各市州、县市区人民政府"], []), ([], ["市工信局", "市直有关部门、单位"], [])]


def test_named_units_and_generic_halves_stay_as_before() -> None:  # guards: pass at the base too
    text = ("一、重点任务\n1.做好资金保障。(市财政局、县市区人民政府负责)\n"
            "2.开展专项检查。(市应急局牵头,有关部门、单位配合)\n"
            "3.完善统计制度。(市统计局负责。各县区统计局配合)\n")
    got = [units(t) for t in parse_document(text).tasks]
    assert got == [([], ["市财政局", "县市区人民政府"], []), (["市应急局"], [], []), ([], ["市统计局"], ["各县区统计局"])]
