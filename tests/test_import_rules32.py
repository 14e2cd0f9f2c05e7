"""`duban import` grammar, round 31 of issue #13: a city government's 若干措施 (优化营商环境) whose items
carry their assignment on lines of their own below the item, "责任单位：A、B（第一责任单位为牵头单位，下同）"
and "时限要求：持续推进", separated by blank lines. Items of the same shape as the document's, names,
places and sentences changed."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import FIRST_IS_LEAD, RULE_CLAUSE
from tests.import_rules_support import units

_MEASURES = "\n".join([
    "一、降低企业经营成本,营造公平市场环境",
    "",
    "(一)清理规范涉企收费项目,公布收费目录清单,对目录外收费一律取消。",
    "",
    "责任单位:市财政局、市发改委、市市场监管局(第一责任单位为牵头单位,下同)",
    "",
    "时限要求:持续推进",
    "",
    "(二)推行工程建设项目联合验收,压减验收环节。试点推行分阶段验收。",
    "",
    "责任单位:市住建局",
    "",
    "时限要求:2019年6月底前",
])


# "第一责任单位为牵头单位，下同": a rule about the lists, never a unit; the first unit leads, and "下同" carries it
def test_first_responsible_unit_leads_and_the_rule_carries_to_later_items() -> None:
    draft = parse_document(_MEASURES)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("清理规范涉企收费项目,公布收费目录清单,对目录外收费一律取消", (["市财政局"], ["市发改委", "市市场监管局"], [])),
        ("推行工程建设项目联合验收,压减验收环节", (["市住建局"], [], []))]


# "时限要求：" on its own line is the item's deadline label, as "完成时限：" is: an ongoing one and a date
def test_a_deadline_requirement_line_below_the_item() -> None:
    draft = parse_document(_MEASURES)
    first, second = draft.tasks
    assert (first.ongoing, first.deadlines) == ("持续推进", [])
    assert (second.ongoing, [p for p, _ in second.deadlines]) == ("", ["2019年6月底前"])


# the rule's wordings, simplified and traditional; a unit named "第一…" without 牵头 is no rule
def test_the_first_unit_rule_wordings() -> None:
    for rule in ("第一责任单位为牵头单位", "第一單位為牽頭單位", "列第一位者为牵头单位", "第一个部门为牵头部门"):
        assert FIRST_IS_LEAD.search(rule), rule
    assert not FIRST_IS_LEAD.search("市第一人民医院、市卫健委")
    assert RULE_CLAUSE.sub("", "市财政局、市发改委,第一责任单位为牵头单位,下同") == "市财政局、市发改委"


# guard: without the rule a unit list under "责任单位：" stays responsible, first unit included
def test_without_the_rule_the_listed_units_are_all_responsible() -> None:
    text = "\n".join([
        "一、优化政务服务",
        "(一)推行政务服务事项全程网办,提高网办比例。",
        "责任单位:市行政服务中心、市数据局",
        "时限要求:持续推进",
    ])
    (task,) = parse_document(text).tasks
    assert units(task) == ([], ["市行政服务中心", "市数据局"], [])
    assert task.ongoing == "持续推进"
