"""Plans numbered as outlines ("1 总体要求" / "1.1 …" / "1.1.1 …"), as departmental and technical plans
are: each point is a task with its own title, under the part it belongs to."""

from __future__ import annotations

from scheduler.importer.outline import outline_lines
from scheduler.importer.parse import parse_document

PLAN = """某局2021年重点工作任务分工
1 优化营商环境
1.1 推行企业开办“一网通办”。（政务服务科牵头，2021年6月底前完成）
1.2 清理规范涉企收费。（价格科负责，2021年9月底前完成）
2 加强基层治理
2.1 完善网格化管理。（综治办负责，2021年12月底前完成）
2.2 推进社区减负
2.2.1 清理社区台账。（基层科负责，2021年10月底前完成）
2.2.2 规范挂牌。（基层科负责，2021年11月底前完成）
"""


def test_an_outline_reads_as_the_levels_of_a_plan() -> None:
    draft = parse_document(PLAN)
    assert [(t.title, t.assignment.lead + t.assignment.responsible) for t in draft.tasks] == [
        ("推行企业开办“一网通办”", ["政务服务科"]), ("清理规范涉企收费", ["价格科"]),
        ("完善网格化管理", ["综治办"]), ("清理社区台账", ["基层科"]), ("规范挂牌", ["基层科"])]
    assert [t.number for t in draft.tasks] == ["(一)", "(二)", "(一)", "(二)1", "(二)2"]


def test_the_levels_written_for_an_outline() -> None:
    assert outline_lines(PLAN.splitlines())[1:5] == [
        "一、优化营商环境", "（一）推行企业开办“一网通办”。（政务服务科牵头，2021年6月底前完成）",
        "（二）清理规范涉企收费。（价格科负责，2021年9月底前完成）", "二、加强基层治理"]


def test_decimals_at_a_line_start_are_no_outline() -> None:
    lines = ["（一）建设高标准农田。全年新建", "3.5 万亩，改造提升", "1.2 万亩。（市农业农村局负责）",
             "（二）发展设施农业。新增", "2.1 万亩。（市农业农村局负责）"]
    assert outline_lines(lines) == lines  # numbers that do not follow on (3.5, 1.2, 2.1)
    assert outline_lines(["1.1 甲", "1.2 乙"]) == ["1.1 甲", "1.2 乙"]  # too few to be an outline
