"""`duban import` grammar, round 44 of issue #13: party, congress, discipline and mass-organisation bodies'
documents (a province's and the national people's congress standing committee's 监督工作计划, a 妇儿工委's
目标责任分解书 copied one cell per line, a city's 人才 实施意见, a city's 纠风工作责任制). Four shapes the round
taught, in sentences of their own: a month an item is scheduled in ("报告拟安排在3月份举行的常委会会议上听取和
审议") is its deadline; "(一)X的主要任务" gives X the points under it; a target table one cell per line whose
unit columns are all responsible ones ("主要责任单位 / 责任单位") gives each numbered target the name cells after
it; a "领导责任" section states who answers for the work, it is no task."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import DraftTask, parse_document
from scheduler.importer.scheduled import scheduled_months
from tests.import_rules_support import dates, units


# "报告拟安排在6月份举行的常委会会议上听取和审议。由X负责做好相关工作。": X, by the end of June
def test_month_an_item_is_scheduled_in_is_its_deadline() -> None:
    text = ("某市人大常委会2023年监督工作计划\n"
            "1.听取和审议市人民政府关于养老服务体系建设情况的报告。报告拟安排在6月份举行的常委会会议上听取和审议。"
            "由市人大社会建设委员会负责做好相关工作。\n"
            "2.听取和审议市人民政府关于2022年度国有资产管理情况的报告。报告拟安排在10月举行的常委会会议上听取和审议。"
            "由市人大常委会预算工作委员会负责做好相关工作。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("听取和审议市人民政府关于养老服务体系建设情况的报告", ([], ["市人大社会建设委员会"], [])),
        ("听取和审议市人民政府关于2022年度国有资产管理情况的报告", ([], ["市人大常委会预算工作委员会"], []))]
    assert [[d.isoformat() for d, _, _ in _resolved(t, 2023)] for t in draft.tasks] == [["2023-06-30"], ["2023-10-31"]]


def _resolved(task: DraftTask, year: int) -> list[tuple[date, str, str]]:
    return resolve_deadlines(task, year, None)


# only "安排在" a month: a dated phrase read already ("安排在6月底前") or a day is left to the phrases
def test_scheduled_month_wording() -> None:
    assert scheduled_months("报告拟安排在3月份举行的常委会会议上听取和审议") == ["3月底"]
    assert scheduled_months("拟安排在2024年11月举行的会议上审议") == ["2024年11月底"]
    assert scheduled_months("拟安排在6月底前完成") == []
    assert scheduled_months("安排在6月中旬") == []
    assert scheduled_months("会议于3月份举行") == []


# "(一)县(市、区)政府的主要任务" / "1、……" / "(二)市直各部门的职责" / "1、……": each point is a task of that body
def test_duty_heading_gives_its_points_their_unit() -> None:
    text = ("三、工作任务\n"
            "(一)县(市、区)政府的主要任务\n"
            "1、负责组织实施本辖区政风行风评议工作,并认真抓好落实。\n"
            "2、建立健全行风监督员队伍。\n"
            "(二)市直各部门的职责\n"
            "1、负责本系统行风建设的规划和部署。\n"
            "(三)其他要求\n"
            "1、各单位要按时报送工作总结。\n")
    draft = parse_document(text)
    assert [(t.number, t.title, units(t)) for t in draft.tasks][:3] == [
        ("(一)1", "负责组织实施本辖区政风行风评议工作,并认真抓好落实", ([], ["县(市、区)政府"], [])),
        ("(一)2", "建立健全行风监督员队伍", ([], ["县(市、区)政府"], [])),
        ("(二)1", "负责本系统行风建设的规划和部署", ([], ["市直各部门"], []))]
    assert all(units(t) != ([], ["县(市、区)政府"], []) for t in draft.tasks[3:])  # "(三)其他要求" names no body


# "二、领导责任" and its paragraph ("各级各部门要……") say who answers for the work: no task
def test_leadership_responsibility_section_is_no_task() -> None:
    text = ("一、指导思想\n以科学发展观为指导,推进政风行风建设。\n"
            "二、领导责任\n各县区政府和市直各部门领导班子对管辖范围内的行风建设负领导责任;各级各部门要把行风建设纳入全局工作。\n"
            "三、工作任务\n(一)市直各部门的主要任务\n1、制定本系统行风建设方案。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("制定本系统行风建设方案", ([], ["市直各部门"], []))]


# "领域 / 主要目标 / 主要责任单位 / 责任单位", one cell per line: the name cells after each target are its units,
# a blank line between two cells changes nothing; a sub-target's own cells add to its target's; a 领域 cell after
# the last unit ("儿童与体育") is no unit
def test_target_table_one_cell_per_line_with_responsible_columns() -> None:
    text = ("某省儿童发展规划目标责任分解表\n\n领域\n\n主要目标\n\n主要责任单位\n\n责任单位\n\n"
            "1.儿童健康水平提高。\n\n——到2025年,婴儿死亡率下降到5‰以下。\n\n省卫健委\n\n省医保局\n\n省残联\n\n"
            "2.儿童营养状况改善。\n\n——低出生体重发生率控制在4%以内。\n\n省卫健委\n\n省妇联\n\n"
            "——中小学生贫血患病率降低。\n\n省教育厅\n\n省卫健委\n\n儿童与体育\n\n"
            "3.儿童体质达标率提高。\n\n省体育局\n\n省教育厅\n\n团省委\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("儿童健康水平提高", ([], ["省卫健委", "省医保局", "省残联"], [])),
        ("儿童营养状况改善", ([], ["省卫健委", "省妇联", "省教育厅"], [])),
        ("儿童体质达标率提高", ([], ["省体育局", "省教育厅", "团省委"], []))]
    assert [d.isoformat() for d in dates(draft.tasks[0], draft)] == ["2025-12-31"]


# a table naming lead and cooperating columns is not read so: its columns cannot be told apart one cell per line
def test_target_table_with_lead_column_is_not_read_as_responsible_cells() -> None:
    text = ("主要目标\n\n牵头单位\n\n责任单位\n\n1.儿童健康水平提高。\n\n省卫健委\n\n省医保局\n\n2.儿童营养状况改善。\n\n省卫健委\n")
    draft = parse_document(text)
    assert all(units(t)[1] != ["省卫健委", "省医保局"] for t in draft.tasks)
