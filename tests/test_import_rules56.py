"""`duban import` grammar, round 55 of issue #13: measures and policies numbered as points.

The round's three documents were read right at first sight, so it added no rule; these tests keep the
layouts they use from being lost (sentences of our own, not the documents'):
a county's 若干政策 page converted from a PDF, in traditional characters, whose policies "(一)……。" run
over hard-wrapped lines and close with "(責任單位:X)" on a line of their own or at the end of the last
line; a city's draft 实施意见 whose numbered measures close with "(牵头单位:X,配合单位:Y)" (the two roles
parted by an ASCII comma); a province's 实施方案 whose task headings "(一)……。" stand alone above their
paragraph, closed by a bracket that lists units without a role word "(A、B,C)" (every unit responsible),
and whose heading with numbered sub-items is no task itself."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_POLICIES = """某縣加快推進農業產業化若干政策
發布日期:2023-04-10 09:30
為加快推進農業產業化,結合本縣實際,
特制訂如下政策。
一、支持龍頭企業做大做強
(一)支持企業擴大產能。對當年新增固定資產投資
500 萬元以上的農產品加工企業,按投資額的 5%給予
補助,最高不超過 50 萬元。
(責任單位:縣農業農村局)
(二)支持企業創建品牌。對當年新獲評省級以上
農業品牌的企業,一次性獎勵 10 萬元。(責任單位:縣市場監管局、縣農業農村局)
二、支持新型經營主體發展
(三)支持家庭農場規範發展。對新認定的省級示範
家庭農場,一次性獎勵 3 萬元。(責任單位:縣農業農村局)
"""


def test_hard_wrapped_policies_close_with_their_unit_brackets() -> None:
    draft = parse_document(_POLICIES)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("支持企業擴大產能", ([], ["縣農業農村局"], []), []),
        ("支持企業創建品牌", ([], ["縣市場監管局", "縣農業農村局"], []), []),
        ("支持家庭農場規範發展", ([], ["縣農業農村局"], []), []),
    ]


_MEASURES = """某市推进数字乡村建设实施意见
(征求意见稿)
(2016年3月2日)
一、工作目标
到2020年,数字乡村建设取得明显成效。
二、重点任务
(一)数字基础设施
1.推进农村宽带提速。实现行政村光纤网络全覆盖,三年内新增4G基站300个。(牵头单位:市经信委,配合单位:各区县)
2.建设益农信息社。每个行政村建成1个益农信息社,力争5年内实现全覆盖。(牵头单位:市农业局,配合单位:市商务局、各区县)
"""


def test_measures_close_with_lead_and_cooperating_parted_by_a_comma() -> None:
    draft = parse_document(_MEASURES)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("推进农村宽带提速", (["市经信委"], [], ["各区县"]), []),
        ("建设益农信息社", (["市农业局"], [], ["市商务局", "各区县"]), []),
    ]


_SCHEME = """某省推进工业固废综合利用实施方案
一、总体要求
推动工业固废综合利用水平持续提升。
二、主要任务
(一)建立工业固废管理台账。
各地要建立产生、贮存和利用工业固废的企业台账,逐月报送省生态环境厅。(省生态环境厅、省工业和信息化厅,各地级以上市人民政府)
(二)开展历史堆存固废排查。
1.全面摸清堆存底数。对历史堆存场所逐一建档,提出分类处置意见。(省生态环境厅、省自然资源厅,各地级以上市人民政府)
2.分类处置堆存固废。对不符合要求的堆存场所限期整改,依法查处违法堆存行为。(省生态环境厅,各地级以上市人民政府)
"""


def test_a_bracket_of_units_without_a_role_word_makes_them_responsible() -> None:
    draft = parse_document(_SCHEME)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("建立工业固废管理台账", ([], ["省生态环境厅", "省工业和信息化厅", "各地级以上市人民政府"], [])),
        ("全面摸清堆存底数", ([], ["省生态环境厅", "省自然资源厅", "各地级以上市人民政府"], [])),
        ("分类处置堆存固废", ([], ["省生态环境厅", "各地级以上市人民政府"], [])),
    ]
