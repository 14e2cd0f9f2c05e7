"""`duban import` grammar, round 71 of issue #13: provincial and city 政府工作报告 responsibility divisions (2024).

The round's three documents were read right in every field at first sight, so it adds no rule; these are guards
for the shapes they showed, on sentences of our own, not the documents': a "责任单位:" line whose note says
"除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同" (units marked 牵头 lead, else the first unit leads, a lone unit
before the note stays responsible), the same in 繁体; "牵头领导:" / "牵头单位:" / "责任单位:" lines whose list ends a
first group with "等" and goes on with collectives; a one-cell-per-line table "序号 / 主要工作任务 / 责任单位" whose
unit cell carries a second name in brackets. They pass at the base and must keep passing."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_MARKED_LEAD = """2024年政府工作报告重点工作责任分解
一、李某某市长牵头重点工作
1.全市税收收入稳步增长。
责任单位:市税务局
2.压减一般性支出,集中财力保障重点项目建设。
责任单位:市政府办公室、市财政局牵头,市审计局、市机关事务局(除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同)
3.用好地方政府专项债券,加快项目开工。
责任单位:市财政局、市发展改革委、市住建局
4.做大产业引导基金规模。
责任单位:市财政局
"""


def test_units_marked_lead_and_the_first_unit_rule_after_its_note() -> None:
    got = [(t.title, units(t)) for t in parse_document(_MARKED_LEAD).tasks]
    assert got == [
        ("全市税收收入稳步增长", ([], ["市税务局"], [])),  # before the note: no rule yet
        ("压减一般性支出,集中财力保障重点项目建设", (["市政府办公室", "市财政局"], ["市审计局", "市机关事务局"], [])),
        ("用好地方政府专项债券,加快项目开工", (["市财政局"], ["市发展改革委", "市住建局"], [])),
        ("做大产业引导基金规模", (["市财政局"], [], [])),  # a lone unit leads under the rule
    ]


def test_the_marked_lead_note_in_traditional_characters() -> None:
    text = ("一、重點工作\n1.推進數字政府建設。\n責任單位:市數據局、市財政局牽頭,市經信局"
            "(除標註爲“牽頭”單位外,列第一位的爲牽頭或彙總單位,下同)\n"
            "2.提升政務服務效能。\n責任單位:市政務服務中心、市數據局\n")
    got = [units(t) for t in parse_document(text).tasks]
    assert got == [(["市數據局", "市財政局"], ["市經信局"], []), (["市政務服務中心"], ["市數據局"], [])]


def test_label_lines_with_a_leader_and_collectives_after_etc() -> None:
    text = ("一、主要预期目标\n1.城镇新增就业8万人。\n  牵头领导:张 某\n  牵头单位:市人力资源社会保障局\n"
            "  责任单位:市教育局、市财政局等,各区县人民政府,市高新区管委会\n"
            "2.粮食产量稳定在40亿斤以上。\n  牵头领导:王某某\n  牵头单位:市农业农村局\n  责任单位:市水利局等,各区县人民政府\n")
    got = [(t.title, units(t)) for t in parse_document(text).tasks]
    assert got == [
        ("城镇新增就业8万人", (["市人力资源社会保障局"], ["市教育局", "市财政局", "各区县人民政府", "市高新区管委会"], [])),
        ("粮食产量稳定在40亿斤以上", (["市农业农村局"], ["市水利局", "各区县人民政府"], [])),
    ]


def test_a_one_cell_per_line_table_with_a_bracketed_second_name() -> None:
    text = ("附件1\n\n2024年重点工作责任分解\n\n序号\n\n主  要  工  作  任  务\n\n责 任 单 位\n\n"
            "1\n\n城镇居民人均可支配收入增长6%。\n\n人社局\n\n"
            "2\n\n文化旅游收入增长8%。\n\n文旅局(体育局)\n\n"
            "3\n\n外贸进出口总额增长5%。\n\n商务局\n")
    got = [(t.title, units(t)) for t in parse_document(text).tasks]
    assert got == [
        ("城镇居民人均可支配收入增长6%", ([], ["人社局"], [])),
        ("文化旅游收入增长8%", ([], ["文旅局(体育局)"], [])),
        ("外贸进出口总额增长5%", ([], ["商务局"], [])),
    ]
