"""`duban import` grammar after round 24 of issue #13 (bench/import_corpus_split.md, Round 24): meeting minutes
of a provincial department, a hospital and a county government, and a city bureau's work points, whose units are
internal offices ("办公室(政策调研室)", "保洁部门"), internal task forces and mass organisations. Sentences written
for the tests, not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

MINUTES = ("某厅召开厅长办公会议\n发布日期:2021-10-11\n"
           "2021年9月20日,厅长主持召开厅长办公会议,研究机关信息化事项。纪要如下:\n")


# decisions numbered inside the paragraph after "会议确定:" are items; "由X负责," names X responsible
def test_decisions_numbered_inside_one_paragraph() -> None:
    draft = parse_document(MINUTES + "关于机关信息化工作,会议指出,各处室要高度重视,确保任务落实。会议确定:"
                           "1.由办公室负责,修订机关信息化管理办法,并抓好督促落实。"
                           "2.由信息中心、省数据服务中心负责,对内网系统进行升级改造。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("由办公室负责,修订机关信息化管理办法,并抓好督促落实", ([], ["办公室"], [])),
        ("由信息中心、省数据服务中心负责,对内网系统进行升级改造", ([], ["信息中心", "省数据服务中心"], [])),
    ]


# "会议研究决定如下：1、……；2、……" opens them too; a numbered list only starts at 1
def test_decisions_after_other_opening_words() -> None:
    draft = parse_document(MINUTES + "会议研究决定如下：1、由人事处负责,年底前完成干部培训；"
                           "2、由机关党委负责,组织开展主题党日活动。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("由人事处负责,年底前完成干部培训", ([], ["人事处"], [])),
        ("由机关党委负责,组织开展主题党日活动", ([], ["机关党委"], [])),
    ]
    assert parse_document(MINUTES + "会议确定:2.由人事处负责,做好培训。3.由机关党委负责,做好活动。\n").tasks == []


# a single "1." after the opening words is no list: the paragraph stays as it is
def test_one_decision_is_no_list() -> None:
    draft = parse_document(MINUTES + "会议确定:1.由人事处负责,做好干部培训。另行研究其他事项。\n")
    assert draft.tasks == []


REPORT = ("10月12日,县长主持召开县政府常务会议。\n"
          "会议审议《某县全民健身实施计划(2021-2025年)》。会议原则通过该计划。")


# in a report without numbered items, a sentence charging a unit with work is that unit's task, titled by what
# follows the unit (as round 25's sentences "X要……")
def test_charge_in_a_meeting_report() -> None:
    draft = parse_document(REPORT + "责成县文体局根据会议讨论意见修改完善后,按程序印发。会议还研究了其他事项。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("根据会议讨论意见修改完善后,按程序印发", ([], ["县文体局"], [])),
    ]


# a charge and a unit that must do something, in the same report: both are tasks
def test_charge_beside_a_unit_that_must() -> None:
    draft = parse_document(REPORT + "县教育局要组织学生参加活动。责成县文体局抓紧制定活动方案。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("组织学生参加活动", ([], ["县教育局"], [])),
        ("抓紧制定活动方案", ([], ["县文体局"], [])),
    ]


# traditional copies; mass organisations (妇联, 科协, 总工会) end units' names
def test_charge_in_traditional_characters_names_a_mass_organisation() -> None:
    draft = parse_document("10月12日,縣長主持召開縣政府常務會議。會議原則通過《某縣兒童發展規劃》。"
                           "責成縣婦聯根據會議討論意見修改完善后,履行發文程序。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("根據會議討論意見修改完善后,履行發文程序", ([], ["縣婦聯"], [])),
    ]
    draft = parse_document(REPORT + "责成县科协、县总工会抓紧制定活动方案。\n")
    assert [units(t) for t in draft.tasks] == [([], ["县科协", "县总工会"], [])]


# a charge inside another sentence, or in a plan with numbered items, is no task of its own
def test_charge_inside_a_sentence_or_a_numbered_plan() -> None:
    assert parse_document(REPORT + "会议要求做好宣传,并责成县文体局牵头抓好落实。\n").tasks == []
    draft = parse_document("某县人民政府关于做好全民健身工作的通知\n2021年3月1日\n"
                           "1.组织全民健身运动会。对工作不力的,责成县文体局限期整改。\n")
    assert [t.title for t in draft.tasks] == ["组织全民健身运动会"]


HOSPITAL = "院周会会议纪要\n9月20日,院周会在行政楼举行,主要内容如下:\n"


# internal offices in a hospital's minutes: "各职能部门及科室" is one collective, "保洁部门" a unit;
# "并要求有关部门……" names no unit
def test_hospital_offices() -> None:
    draft = parse_document(HOSPITAL + "1、做好志愿者服务。会议强调其意义,并要求有关部门加强督查。\n"
                           "2、关于对口支援工作。会议要求,各职能部门及科室要积极支援协作医院。\n"
                           "3、加强病房管理。保洁部门要添加提示标识,后勤部门要检查门窗。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("做好志愿者服务", ([], [], [])),
        ("关于对口支援工作", ([], ["各职能部门及科室"], [])),
        ("加强病房管理", ([], ["保洁部门", "后勤部门"], [])),
    ]


# a name ending in 中心 is a unit; a clause "X要与Y中心……" is none, nor "以人民为中心"
def test_centres() -> None:
    draft = parse_document("某区人民政府关于做好政务服务工作的通知\n2022年3月1日\n"
                           "1.优化政务服务。区政务服务中心要推行一窗受理。\n"
                           "2.推进融媒发展。县级政务新媒体要与本地区融媒体中心加强协作。\n"
                           "3.坚持以人民为中心推进改革。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("优化政务服务", ([], ["区政务服务中心"], [])),
        ("推进融媒发展", ([], [], [])),
        ("坚持以人民为中心推进改革", ([], [], [])),
    ]


# "会议决定,由X……。" in a report without numbered items is X's task; "全校各部门……要" (a collective) is none
def test_decision_by_a_unit_in_a_meeting_report() -> None:
    draft = parse_document("2022年第3次校务会会议纪要\n"
                           "3月9日,校长主持召开校务会。会议听取了教务处关于期中教学检查的汇报。"
                           "会议强调,全校各部门要高度重视教学秩序。"
                           "会议决定,由教务处根据会议意见,做好检查安排。与各学院协商后另行发布通知。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("根据会议意见,做好检查安排", ([], ["教务处"], [])),
    ]
    assert parse_document("会议听取了汇报。由于时间关系,其他事项另行研究。\n").tasks == []


# "会议要求X必须……" names X; "全校各部门" is one collective, as "市直各单位"
def test_the_meeting_requires_a_unit() -> None:
    draft = parse_document("2021-2022学年度第十次校长办公会纪要\n2022年3月4日,学校召开校长办公会。现纪要如下:\n"
                           "一、副校长部署了学校安全工作。会议要求全校各部门必须压实责任,具体工作由保卫处负责协调落实。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("副校长部署了学校安全工作", ([], ["全校各部门", "保卫处"], [])),
    ]
