"""`duban import` grammar, round 53 of issue #13: departments' and zones' own plans.

A zone's page of its offices' yearly tasks writes each office as a heading "(一)X(牌子、牌子)", a label
line "(1)年度主要任务与要求:" and one line of points run together "①……;②……。": each point is a task of
that office (the bracket holds the other names the office bears, no assignment). A 统计局's notice divides
work among departments as numbered sub-items that open with the department as the subject
("1.县住建局负责……;") under a short group heading ("(一)县级部门"): the sub-items are the tasks."""

from __future__ import annotations

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.office_points import office_points
from scheduler.importer.parse import DraftTask, parse_document
from tests.import_rules_support import units


def _dates(task: DraftTask, year: int) -> list[str]:
    return [d.isoformat() for d, _, _ in resolve_deadlines(task, year, None)]

_OFFICES = """某经济开发区管委会各部门职责简介
(一)党政办公室(人事劳动局、财政局)
(1)年度主要任务与要求:
①完成园区年度综合考评材料的汇总;②年内完成机关档案数字化;③完成管委会交办的其他工作。
(二)经济发展局(统计局)
(1)年度主要任务与要求:
①年底前新增规模以上企业4家;②每季度开展一次经济运行分析;③完成管委会交办的其他工作。
"""


def test_an_offices_circled_points_are_its_tasks() -> None:
    draft = parse_document(_OFFICES)
    got = [(t.title, units(t)[1], _dates(t, 2021)) for t in draft.tasks]  # as with --year 2021
    assert got == [
        ("完成园区年度综合考评材料的汇总", ["党政办公室"], []),
        ("年内完成机关档案数字化", ["党政办公室"], ["2021-12-31"]),
        ("完成管委会交办的其他工作", ["党政办公室"], []),
        ("年底前新增规模以上企业4家", ["经济发展局"], ["2021-12-31"]),
        ("每季度开展一次经济运行分析", ["经济发展局"], []),
        ("完成管委会交办的其他工作", ["经济发展局"], []),
    ]


def test_circled_points_without_an_office_heading_are_left_as_they_are() -> None:
    lines = ["(一)加强队伍建设", "①开展业务培训;②健全考核制度。"]
    assert office_points(lines) == lines
    one = ["(一)党政办公室", "①完成园区年度综合考评材料的汇总。"]
    assert office_points(one) == one  # one point: nothing run together


_CENSUS = """关于明确人口抽样调查工作职责的通知
一、职责和任务
(一)县级部门
各部门要按照职责分工做好调查登记指导。部门职责和任务:
1.县公安局负责户籍人口资料比对和登记指导等工作;主要任务:提供户籍人口底册(见附件1);
2.县民政局负责养老机构人员登记指导等工作;主要任务:提供养老机构名册(见附件2);
"""


def test_sub_items_opening_with_their_unit_are_tasks_under_a_group_heading() -> None:
    draft = parse_document(_CENSUS)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("县公安局负责户籍人口资料比对和登记指导等工作;主要任务:提供户籍人口底册(见附件1)", ([], ["县公安局"], [])),
        ("县民政局负责养老机构人员登记指导等工作;主要任务:提供养老机构名册(见附件2)", ([], ["县民政局"], [])),
    ]


def test_sub_items_without_a_subject_unit_stay_the_headings_sentences() -> None:
    draft = parse_document("一、工作任务\n(一)摸清底数\n1.开展入户登记等工作;\n2.做好数据审核工作;\n")
    assert [t.title for t in draft.tasks] == ["摸清底数"]
