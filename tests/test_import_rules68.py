"""`duban import` grammar, round 67 of issue #13: State Council, 国务院办公厅 and ministries' documents of 2014–2022
that spread reforms and pilots, and provinces' documents implementing them.

Sentences of our own, not the documents': a news digest of a State Council opinion's 重点任务及工作进度安排 whose items
close in prose — "该项工作计划于2016年9月底之前完成,负责部门为A、B等。", "负责部门C等" without "为", "该项工作将长时间
持续实施" (ongoing work, no end date) — read wrongly before this round (no units, no ongoing wording). Guards for the
shapes read at first sight: a 国办 分工方案 in 繁体 whose first bracket says the first unit named leads
("列第一位者為牽頭部門或單位,下同"), and a province's 自贸试验区 实施意见 in 繁体 whose brackets name "X等省有關部門" and
places before a shared "市人民政府"."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from scheduler.importer.stated_duty import stated_lasting, stated_units
from tests.import_rules_support import dates, units

_DIGEST = """文化产业8项重点任务进度明细
2016-04-02 来源:某财经通讯社
政策层面,未来重点任务及工作进度安排主要有以下8方面:

1、清理不利于文化产业发展的规定。该项工作计划于2016年9月底之前完成,负责部门为文化部、新闻出版广电总局等。

2、取消营业性演出活动的部分审批。该项工作于2016年6月底之前完成,负责部门文化部等。

3、提升公共文化场馆运营水平,延伸配套服务。该项工作将长时间持续实施,负责部门为文化部。

4、培育一批文化产业示范基地。该项工作为长期持续实施。负责部门为文化部、发改委等。
"""


def test_a_digest_whose_items_close_with_their_units_and_time_in_prose() -> None:
    draft = parse_document(_DIGEST)
    got = [(t.title, units(t), t.ongoing) for t in draft.tasks]
    assert got == [
        ("清理不利于文化产业发展的规定", ([], ["文化部", "新闻出版广电总局"], []), ""),
        ("取消营业性演出活动的部分审批", ([], ["文化部"], []), ""),
        ("提升公共文化场馆运营水平,延伸配套服务", ([], ["文化部"], []), "持续推进"),
        ("培育一批文化产业示范基地", ([], ["文化部", "发改委"], []), "持续推进"),
    ]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2016, 9, 30)], [date(2016, 6, 30)], [], []]


def test_only_a_closing_list_of_units_is_written_as_a_label() -> None:
    assert stated_units("1、X。该项工作于2016年底前完成,负责部门为文化部、民政部等。") == \
        "1、X。该项工作于2016年底前完成。（负责部门:文化部、民政部等）"
    assert stated_units("3、Y。责任单位是市体育局") == "3、Y。（责任单位:市体育局）"
    for line in ("1、X。该项工作落实到位,负责部门为群众办好实事。",  # not names of units
                 "2、负责部门为文化部、民政部的工作要落实到位,不得推诿。",  # not the line's close
                 "3、明确负责单位为主体责任"):
        assert stated_units(line) == line
    assert stated_lasting("X。该项工作将长时间持续实施") and stated_lasting("此项任务需长期持续推进")
    assert not stated_lasting("X。持续实施文化惠民工程") and not stated_lasting("该项工作2016年底前完成")


def test_a_ruled_first_unit_leads_in_a_traditional_division() -> None:  # a guard: read at first sight
    text = """貫徹落實國務院關於加快發展某產業意見重點工作分工方案
一、深化改革
(一)放寬市場準入,簡化審批手續。(某業局、發展改革委負責。列第一位者為牽頭部門或單位,下同)
(二)推進國有企業改組改制。(某業局、國資委、商務部負責)
"""
    assert [units(t) for t in parse_document(text).tasks] == [
        (["某業局"], ["發展改革委"], []), (["某業局"], ["國資委", "商務部"], [])]


def test_a_province_bracket_with_a_collective_after_etc_and_a_shared_government() -> None:  # a guard
    text = """某省人民政府辦公廳關于深化自由貿易試驗區制度創新的實施意見
一、賦予更大管理權限
(一)積極承接授權事項。做好各項下放權限的承接工作。(省自貿辦、編辦等省有關部門,甲州、乙州、丙州市人民政府負責)
(二)落實支持措施。制定配套措施。(省自貿辦等省有關部門負責)
"""
    assert [units(t) for t in parse_document(text).tasks] == [
        ([], ["省自貿辦", "編辦", "省有關部門", "甲州", "乙州", "丙州市人民政府"], []),
        ([], ["省自貿辦", "省有關部門"], [])]
