"""`duban import` grammar, round 58 of issue #13: county, district and township plans as small offices write them.

Sentences of our own, not the documents': a township's 工作安排 as a document site stores a DOCX's preview —
numbered chunks "1、" "2、" "3、" cut wherever the site's page is full, inside an item and inside a unit's
name —, its items closing with "牵头部门:X 协作部门:A,B 主体责任单位:C" on the same line, one list having
lost the "、" between two of the town's offices; and a district's division written as unnumbered paragraphs
that each open with the unit doing the work ("X负责……", "X要……") after a line announcing it."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_CHUNKED = """《乡镇安全生产工作安排.docx》由会员分享,可在线阅读,更多相关文档请在本站搜索。
1、乡镇安全生产工作安排XX镇2021年安全生产重点工作安排 一、压实安全生产责任 1.健全镇村两级安全生产责任体系,逐级签订安全生产目标责任书,把责任落实到岗位和人头。牵头部门:镇安监站 协作部门:镇党政办,镇经发办 主体责任单位:各村(居) 2.开展企业安全生产主体责任落实专项检查,对发现的隐患建立台账、限期整改,做到闭环管理。牵头部门:镇安监站 协作部门:镇经发办镇市场监管所 主体责任单位:各企
2、业 二、强化重点行业领域整治 3.深化道路交通安全综合治理,加强农村面包车、摩托车和电动自行车的源头管控,2021年6月底前完成隐患路段排查,2021年底前完成整治。牵头部门:镇交管站 协作部门:镇派出所、镇综治办 主体责任单位:各村(居)
"""


def test_a_sites_numbered_chunks_are_one_text_and_a_glued_list_is_parted() -> None:
    draft = parse_document(_CHUNKED)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("健全镇村两级安全生产责任体系,逐级签订安全生产目标责任书,把责任落实到岗位和人头",
         (["镇安监站"], ["各村(居)"], ["镇党政办", "镇经发办"]), []),
        ("开展企业安全生产主体责任落实专项检查,对发现的隐患建立台账、限期整改,做到闭环管理",
         (["镇安监站"], ["各企业"], ["镇经发办", "镇市场监管所"]), []),
        ("深化道路交通安全综合治理,加强农村面包车、摩托车和电动自行车的源头管控,2021年6月底前完成隐患路段排查,2021年底前完成整治",
         (["镇交管站"], ["各村(居)"], ["镇派出所", "镇综治办"]), [date(2021, 6, 30), date(2021, 12, 31)]),
    ]


_LISTED_ITEMS = """某县2022年重点工作
1、推进城区老旧小区改造,完善供水、供气和停车设施,年底前完成12个小区改造,并同步实施雨污分流和管网改造工程
2、加快农村公路提档升级,新改建农村公路30公里,打通断头路5条,同时落实养护资金和养护人员,确保路况良好
责任单位:县住建局、县交通局
"""


def test_items_numbered_1_2_that_do_not_end_a_sentence_stay_items() -> None:
    # two long items without their "。": the second ends like a text, so they are no site's chunks
    draft = parse_document(_LISTED_ITEMS)
    assert [t.title[:8] for t in draft.tasks] == ["推进城区老旧小区", "加快农村公路提档"]


def test_a_joint_office_or_a_collective_is_never_parted() -> None:
    text = """某区2020年重点工作
1.健全督查督办机制,对重点工作实行月调度、季通报。(责任单位:区委区政府督查室)
2.做好信访积案化解工作,落实领导包案制度。(责任单位:县委县政府信访局、镇直镇企各有关单位)
3.完善镇级应急物资储备,建立物资台账。(责任单位:镇应急办镇财政所)
"""
    draft = parse_document(text)
    assert [units(t)[1] for t in draft.tasks] == [
        ["区委区政府督查室"], ["县委县政府信访局", "镇直镇企各有关单位"], ["镇应急办", "镇财政所"]]


_DUTY_PARAGRAPHS = """关于明确城乡环境卫生整治工作职责的通知
为确保全区城乡环境卫生整治工作落到实处,现将各有关单位的工作职责明确如下:
区城管局负责城区道路和背街小巷的清扫保洁,指导督查各街道垃圾分类工作,建立日常巡查制度。
区住建局要加快城区老旧小区配套设施改造,督促物业服务企业落实保洁责任;
区农业农村局负责农村生活垃圾收运处置体系建设,确保行政村生活垃圾收运处置全覆盖。
区财政局、区发改局负责整治经费的保障和项目资金的统筹,确保专款专用。
各街道要落实属地责任,组织辖区单位和居民开展环境卫生大扫除。
"""


def test_unit_first_paragraphs_after_an_announcing_line_are_tasks() -> None:
    draft = parse_document(_DUTY_PARAGRAPHS)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("区城管局负责城区道路和背街小巷的清扫保洁,指导督查各街道垃圾分类工作,建立日常巡查制度", ([], ["区城管局"], [])),
        ("区住建局要加快城区老旧小区配套设施改造,督促物业服务企业落实保洁责任", ([], ["区住建局"], [])),
        ("区农业农村局负责农村生活垃圾收运处置体系建设,确保行政村生活垃圾收运处置全覆盖", ([], ["区农业农村局"], [])),
        ("区财政局、区发改局负责整治经费的保障和项目资金的统筹,确保专款专用", ([], ["区财政局", "区发改局"], [])),
    ]


def test_two_unit_first_paragraphs_or_no_announcing_line_change_nothing() -> None:
    two = _DUTY_PARAGRAPHS.replace("区农业农村局负责农村生活垃圾收运处置体系建设,确保行政村生活垃圾收运处置全覆盖。\n", "") \
        .replace("区财政局、区发改局负责整治经费的保障和项目资金的统筹,确保专款专用。\n", "")
    unannounced = _DUTY_PARAGRAPHS.replace("明确如下:", "进一步明确。")
    for text in (two, unannounced):
        assert all(not t.title.startswith("区城管局负责") for t in parse_document(text).tasks)


_PATROL = """《XX乡防汛值守方案.docx》由会员分享,可在线阅读,更多相关文档请在本站搜索。
1、XX乡防汛值守方案为确保汛期全乡安全度汛,结合实际制定如下方案:一、值守安排 1.乡水利站、乡应急办:各安排2名干部每天在全乡范围巡查 河道堤防,发现险情及时上报乡领导。2.包村干部、各村委会:每天早晚各巡查一次山塘水库,在危险地段设置警示标志。组织 村民转移演练,落实转移路线和安置点,确保人员转移及时有序。3.乡
2、民兵应急分队:每天在易涝片区机动巡查,遇到紧急情况随时候命出动,协助转移受灾群众。
"""


def test_items_opening_with_their_units_and_a_colon_in_a_sites_chunks() -> None:
    draft = parse_document(_PATROL)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("各安排2名干部每天在全乡范围巡查河道堤防,发现险情及时上报乡领导", ([], ["乡水利站", "乡应急办"], [])),
        ("每天早晚各巡查一次山塘水库,在危险地段设置警示标志", ([], ["各村委会"], [])),
        ("每天在易涝片区机动巡查,遇到紧急情况随时候命出动,协助转移受灾群众", ([], ["乡民兵应急分队"], [])),
    ]


def test_numbered_headings_with_a_colon_stay_as_they_are() -> None:
    text = """某县2021年工作方案
1.工作目标:到2021年底,全县农村生活垃圾收运处置体系实现全覆盖。(责任单位:县住建局)
2.组织领导:成立工作专班,统筹推进各项工作。(责任单位:县政府办)
"""
    draft = parse_document(text)
    assert [(t.title, units(t)[1]) for t in draft.tasks] == [
        ("工作目标:到2021年底,全县农村生活垃圾收运处置体系实现全覆盖", ["县住建局"]),
        ("组织领导:成立工作专班,统筹推进各项工作", ["县政府办"]),
    ]


def test_a_contact_list_with_units_before_colons_is_no_task() -> None:
    text = """关于报送联络员的通知
一、联络员名单
1.县发改局:张某某,电话:13800000001
2.县财政局:李某某,电话:13800000002
3.县住建局:王某某,电话:13800000003
"""
    assert all(t.assignment.empty() for t in parse_document(text).tasks)
