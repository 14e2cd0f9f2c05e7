"""`duban import` grammar, round 53 of issue #13: departments' and zones' own plans.

A zone's page of its offices' yearly tasks writes each office as a heading "(一)X(牌子、牌子)", a label
line "(1)年度主要任务与要求:" and one line of points run together "①……;②……。": each point is a task of
that office (the bracket holds the other names the office bears, no assignment). A 统计局's notice divides
work among departments as numbered sub-items that open with the department as the subject
("1.县住建局负责……;") under a short group heading ("(一)县级部门"): the sub-items are the tasks.
Batch 2: a department's scored target table as a document site extracts it ("……分解表(县林业局)",
items glued and closed by scores "(4分)", the text cut into chunks "1、……(20" / "2、23分)……") gives
that department's items; "(牵头、责任单位:A区和B县人民政府。启动时间:……前)" makes both governments the
lead, and a start-by date is the item's time limit."""

from __future__ import annotations

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.office_points import office_points
from scheduler.importer.parse import DraftTask, parse_document
from scheduler.importer.place_pairs import pair_places
from scheduler.importer.scored_items import scored_items
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


_SCORED = (
    "1、县文旅局履行职能目标任务分解表 填表日期: 审核人: 年度各部门履行职能目标任务分解表(县文旅局) 重点工作目标(一类目标30分)"
    "定量工作1.建成乡镇综合文化站3个。(10分)2.举办全县文化艺术节1次。(10分)自评分 考核得分 定性工作1.推进图书馆总分馆建设,"
    "完成分馆挂牌工作。(1\n"
    "2、0分)日常工作目标(二类目标10分)1.开展送戏下乡演出20场。(5分)2.加强文物安全巡查,确保不发生文物安全事故。(5分)\n"
)


def test_a_scored_target_table_gives_its_departments_items() -> None:
    draft = parse_document(_SCORED)
    got = [(t.number, t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("1.", "建成乡镇综合文化站3个", ([], ["县文旅局"], [])),
        ("2.", "举办全县文化艺术节1次", ([], ["县文旅局"], [])),
        ("1.", "推进图书馆总分馆建设,完成分馆挂牌工作", ([], ["县文旅局"], [])),
        ("1.", "开展送戏下乡演出20场", ([], ["县文旅局"], [])),
        ("2.", "加强文物安全巡查,确保不发生文物安全事故", ([], ["县文旅局"], [])),
    ]


def test_lines_with_one_score_or_short_numbered_lines_are_left_as_they_are() -> None:
    one = ["1.完成文化站建设3个。(10分)", "2.举办文化节1次。"]
    assert scored_items(one) == one
    listed = ["1、完成文化站建设3个(10分)(5分)", "2、举办文化节1次。"]
    assert scored_items(listed)[0] == "1、完成文化站建设3个(10分)"  # lines of a list, not a site's chunks


_RESORT = """(三)抓好景区开发建设
1.确立项目实施主体。由东城区和西乡县人民政府负责确立实施主体。(牵头、责任单位:东城区和西乡县人民政府。完成时间:2012年6月30日前)
2.组织开发建设。制定实施方案,推进项目建设。(牵头和责任单位:东城区和西乡县人民政府。启动时间:2012年9月30日前)
"""


def test_a_lead_and_responsible_label_and_two_places_sharing_a_government() -> None:
    draft = parse_document(_RESORT)
    got = [(t.title, units(t), _dates(t, 2012)) for t in draft.tasks]
    both: tuple[list[str], list[str], list[str]] = (["东城区人民政府", "西乡县人民政府"], [], [])
    assert got == [("确立项目实施主体", both, ["2012-06-30"]), ("组织开发建设", both, ["2012-09-30"])]


def test_only_a_pair_of_places_shares_a_government() -> None:
    assert pair_places(["东城区和西乡县人民政府"]) == ["东城区人民政府", "西乡县人民政府"]
    for kept in ("市教育局和卫健局", "各区和县人民政府", "工业和信息化局"):
        assert pair_places([kept]) == [kept]
