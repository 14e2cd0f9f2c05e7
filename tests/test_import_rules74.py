"""`duban import` grammar, round 73 of issue #13: a district's 目标任务分解落实方案 whose brackets read
"(X主办,Y协办)" with a collective ("相关街道") as the helper, and round 72's leftover: a target paragraph's
bracket whose first unit contains "和" ("省工业和信息化厅").

Sentences of our own, not the documents': "…运营。(区文旅局主办,有关街道协办)" — the bracket names roles, so it is
the item's assignment (the item was skipped as an explanatory paragraph: "有关街道" is no unit's name by its
ending); unnumbered target sentences under a short heading, the first closed by "(省工业和信息化厅、省科技厅等负责)"
— each is a task (the first name was cut at "和" to "省工业", which ends as no unit does, so the run was not
seen). Guards: "(X主办)" alone, "(X主办,Y协办)" with named units, and "A和B负责" as the first name stay as before."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_HOSTED = """一、激发消费活力
1.办好夜间文旅消费季活动。(区文旅局主办)
2.推进老城商业街区改造提升,推动两个街区开业运营。(区商务局主办,有关街道协办)
3.培育一批首店首发经济品牌。(区商务局主办,区市场监管局协办)
"""


def test_a_hosted_bracket_with_a_collective_helper_is_the_items_assignment() -> None:
    got = [(t.title, units(t)) for t in parse_document(_HOSTED).tasks]
    assert got == [
        ("办好夜间文旅消费季活动", (["区文旅局"], [], [])),
        ("推进老城商业街区改造提升,推动两个街区开业运营", (["区商务局"], [], ["有关街道"])),
        ("培育一批首店首发经济品牌", (["区商务局"], [], ["区市场监管局"])),
    ]


_TARGETS = """(一)约束性指标
规模以上工业企业研发经费投入增长12%。(省工业和信息化厅、省科技厅等负责)
单位地区生产总值能耗下降3%左右。(省发展改革委牵头)
"""

_AND_UNITS = """(二)预期性指标
新增高标准农田80万亩。(省农业农村厅和省财政厅负责)
粮食总产量稳定在700亿斤以上。(省农业农村厅牵头)
"""


def test_a_target_bracket_whose_first_unit_contains_he_closes_the_paragraph() -> None:
    got = [(t.title, units(t)) for t in parse_document(_TARGETS).tasks]
    assert got == [
        ("规模以上工业企业研发经费投入增长12%", ([], ["省工业和信息化厅", "省科技厅"], [])),
        ("单位地区生产总值能耗下降3%左右", (["省发展改革委"], [], [])),
    ]


def test_guard_two_units_joined_by_he_still_close_the_paragraph() -> None:
    got = [(t.title, units(t)) for t in parse_document(_AND_UNITS).tasks]
    assert got == [
        ("新增高标准农田80万亩", ([], ["省农业农村厅", "省财政厅"], [])),
        ("粮食总产量稳定在700亿斤以上", (["省农业农村厅"], [], [])),
    ]
