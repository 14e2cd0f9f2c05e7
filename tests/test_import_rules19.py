"""`duban import` grammar after round 18 of issue #13: real documents from query families no earlier
round used (bench/import_corpus_split.md, Round 18) — a department's task split whose label lines
say "主要协作单位：", … Sentences written for the tests, not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEAD = "某县卫健委2024年政府工作报告任务分解\n2024年4月8日\n"


# "主要协作单位：" / "协作单位：" on a label line are the cooperating units, like "配合单位："
def test_a_cooperation_label_line() -> None:
    draft = parse_document(
        HEAD + "1.推进县域医共体建设,提升基层服务能力。\n\n牵头责任单位:县卫健委、县医保局\n\n"
        "主要协作单位:各乡镇人民政府、县政府有关部门\n\n"
        "2.建成县急救指挥中心\n\n牵头责任单位:县卫健委\n\n协作部门:县财政局\n")
    assert [t.title for t in draft.tasks] == ["推进县域医共体建设,提升基层服务能力", "建成县急救指挥中心"]
    assert [units(t) for t in draft.tasks] == [
        (["县卫健委", "县医保局"], [], ["各乡镇人民政府", "县政府有关部门"]),
        (["县卫健委"], [], ["县财政局"])]
