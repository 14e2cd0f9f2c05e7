"""`duban import` grammar, round 39 of issue #13: real documents from topics, years and regions not used
before (a 2019 自治区 都市圈建设 工作计划 reposted in 繁体, and a city's 2021 无障碍设施 改造 plan copied by a
document site). The 工作计划 closes an item with "(X牽頭,A、B、銀川市、石嘴山市、吳忠市人民政府、C配合)": named
places before a named place's government share it. These tests keep that shape read, in sentences of their own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from scheduler.importer.shared_gov import share_government
from tests.import_rules_support import units


# "(X牵头,A市、B市、C市人民政府配合)": three governments, as "A区、B区政府" in a sentence
def test_named_places_share_the_government_after_them() -> None:
    draft = parse_document("(一)城际公交工程。开通城际公交线路。"
                           "(省交通运输厅牵头,省财政厅、海东市、海南州、西宁市人民政府、省公安厅配合)")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("城际公交工程", (["省交通运输厅"], [], ["省财政厅", "海东市人民政府", "海南州人民政府", "西宁市人民政府",
                                             "省公安厅"]))]


def test_traditional_places_and_plain_government_share_too() -> None:
    draft = parse_document("(二)供水保障工程。推進城鄉供水一體化。(自治區水利廳牽頭,固原市、中衛市政府配合)")
    assert units(draft.tasks[0]) == (["自治區水利廳"], [], ["固原市政府", "中衛市政府"])


# a bare place not followed by a named place's government stays as written; collectives stay one name
def test_bare_places_without_a_government_after_them_stay() -> None:
    draft = parse_document("(三)旅游推介工程。联合举办旅游推介会。(市文旅局牵头,大理市、丽江市配合)")
    assert units(draft.tasks[0]) == (["市文旅局"], [], ["大理市", "丽江市"])
    assert share_government(["大理市", "市人民政府"]) == ["大理市", "市人民政府"]
    assert share_government(["各市", "县人民政府"]) == ["各市", "县人民政府"]
    assert share_government(["大理市", "市财政局", "丽江市人民政府"]) == ["大理市", "市财政局", "丽江市人民政府"]
