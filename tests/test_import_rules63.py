"""`duban import` grammar, round 62 of issue #13: 十四五 规划纲要 task divisions and 政府工作报告 divisions.

Sentences of our own, not the documents': a 纲要 target division whose items are a line "N.指标" and a
line "落实单位:A、B等", with a rule line "（各目标、任务均需X落实,不再逐一列出）" after the first item that
is for every item (the one it follows too, and those of the next part); lines that only look like that
rule are left alone; and the round's shapes read right at first sight: "N.目标。(牵头部门:X,配合部门:Y)",
"(责任单位:X)" after a blank line, a bracket in 【】-less square brackets holding a name with its own
bracket ("[牵头单位:县发改局(粮食局);责任单位:…]"), and a "责任单位:" line whose "(列第一位者为牵头或
汇总单位,下同)" makes the first unit lead under a heading that names a mayor, not a unit."""

from __future__ import annotations

from datetime import date

from scheduler.importer.all_items import all_items_units
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_TARGETS = """某县国民经济和社会发展第十四个五年规划纲要目标任务分解方案
一、主要目标指标
(一)约束性指标
1.单位地区生产总值用水量下降,完成省下达任务
落实单位:县水利局等
(各目标、任务均需各乡镇人民政府、街道办事处落实,不再逐一列出)
2.耕地保有量,守住省下达红线
落实单位:县自然资源局、农业农村局等
二、主要任务
1.城乡居民医保参保率,稳定在95%以上
落实单位:县医保局、卫健局等
"""


def test_a_target_division_with_its_units_on_a_line_and_a_rule_for_every_item() -> None:
    draft = parse_document(_TARGETS)
    got = [(t.title, units(t)) for t in draft.tasks]
    towns = "各乡镇人民政府、街道办事处"  # 各 goes on over the streets: one collective (round 33)
    assert got == [
        ("单位地区生产总值用水量下降,完成省下达任务", ([], ["县水利局", towns], [])),
        ("耕地保有量,守住省下达红线", ([], ["县自然资源局", "农业农村局", towns], [])),
        ("城乡居民医保参保率,稳定在95%以上", ([], ["县医保局", "卫健局", towns], [])),
    ]


def test_a_rule_line_for_every_item_and_lines_that_are_none() -> None:
    assert all_items_units("(各目标、任务均需各镇人民政府落实,不再逐一列出)") == ["各镇人民政府"]
    assert all_items_units("所有任务均需各县（市、区）政府负责落实，不再一一列出。") == ["各县（市、区）政府"]
    assert all_items_units("各项工作均需县直各部门实施") == ["县直各部门"]
    # the section rule "以下…均需X落实" is walker.py's, for the items after it only
    assert all_items_units("以下任务均需各县（市、区）政府负责落实，不再列出。") is None
    # a sentence of an item that says more than the rule is no rule line
    assert all_items_units("各项任务均需各乡镇落实,并于6月底前报送进展情况。") is None
    assert all_items_units("各目标任务均需细化分解") is None


_WITHOUT_RULE = """一、主要目标指标
1.森林覆盖率,完成省下达任务
落实部门:县林业局等
2.各目标、任务均需各乡镇细化落实到村,建立台账。
落实单位:县农业农村局
"""


def test_a_responsible_label_without_the_rule_and_an_item_that_only_mentions_it() -> None:
    draft = parse_document(_WITHOUT_RULE)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("森林覆盖率,完成省下达任务", ([], ["县林业局"], [])),
        ("各目标、任务均需各乡镇细化落实到村,建立台账", ([], ["县农业农村局"], [])),
    ]


_FIRST_SIGHT = """某市国民经济和社会发展第十四个五年规划纲要任务分工方案
一、目标定位
1.建设区域物流枢纽。(牵头部门:市交通局,配合部门:市级相关部门,各镇办)
2.打造文旅融合示范区。(牵头部门:市文旅局,配合部门:市发改局、住建局、景区管委会等)
二、主要指标分工

1.全员劳动生产率年均增速8%。(责任单位:区发改局)

三、重点工作
(一)地区生产总值增长9%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,县经济开发区]
(二)一般公共预算收入增长6%。(牵头单位:县财政局;责任单位:县税务局)
"""


def test_the_shapes_read_right_at_first_sight() -> None:
    draft = parse_document(_FIRST_SIGHT)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("建设区域物流枢纽", (["市交通局"], [], ["市级相关部门", "各镇办"])),
        ("打造文旅融合示范区", (["市文旅局"], [], ["市发改局", "住建局", "景区管委会"])),
        ("全员劳动生产率年均增速8%", ([], ["区发改局"], [])),
        ("地区生产总值增长9%", (["县发改局(粮食局)"], ["各镇人民政府", "县经济开发区"], [])),
        ("一般公共预算收入增长6%", (["县财政局"], ["县税务局"], [])),
    ]


_MAYOR = """2021年政府工作报告主要工作责任分解
一、张某某市长主抓重点工作
1.制定出台稳企业政策体系,与企业共克时艰。
责任单位:财政局、发改局、经信局(列第一位者为牵头或汇总单位,下同)
2.加快兑现减负政策,力争为企业减负20亿元。
责任单位:税务局、财政局
3.2021年新建5G基站800个。
责任单位:经信局
"""


def test_a_heading_naming_a_mayor_and_the_first_unit_leading() -> None:
    draft = parse_document(_MAYOR)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("制定出台稳企业政策体系,与企业共克时艰", (["财政局"], ["发改局", "经信局"], []), []),
        ("加快兑现减负政策,力争为企业减负20亿元", (["税务局"], ["财政局"], []), []),
        ("2021年新建5G基站800个", (["经信局"], [], []), [date(2021, 12, 31)]),
    ]
