"""`duban import` grammar, round 25 of issue #13: pages with no numbered task and no task table, a
meeting's news or minutes (政府常务会议, 调度会, 推进会) and a notice whose one assignment sits in a
paragraph (议案 分解办理). Only the sentences that name a unit doing the work are tasks; each form is
tested with sentences of the same shape as the documents', names, places and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_NEWS = "县政府召开第十二次常务会议\n5月8日上午,县长李某主持召开县政府第十二次常务会议。\n"


# "X、Y等部门要分工协作,……": the named units are responsible; what follows 要 is the title
def test_units_that_must_do_something_in_a_meeting_page() -> None:
    text = _NEWS + ("会议听取了县文旅局的汇报后,张某要求:要抓住政策机遇,县文旅局、县交通局、县财政局等部门要"
                    "密切配合,加快景区道路建设,做好资金保障。\n"
                    "会议原则同意县教育局拟定的《校园安全工作方案》,修改完善后印发实施。\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["密切配合,加快景区道路建设,做好资金保障"]
    assert units(draft.tasks[0]) == ([], ["县文旅局", "县交通局", "县财政局"], [])


# "各乡镇(街道)、部门要……", "有关部门要……", "交通、农业等部门要……", a leader's "要……": no unit named
def test_collectives_and_generic_subjects_are_no_tasks() -> None:
    text = _NEWS + ("张某指出,要高度重视防汛工作。各乡镇(街道)、部门要主动对接,摸清底数。有关部门要各司其职。"
                    "交通、水利等部门要加强沟通。县应急局要修订防汛预案,落实物资储备。\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["修订防汛预案,落实物资储备"]
    assert units(draft.tasks[0]) == ([], ["县应急局"], [])


# "三是……。县林业局全体班子成员要……。四是县政府督查室要……": ordinals and a unit's persons
def test_points_numbered_in_a_sentence_and_a_units_persons() -> None:
    text = ("今天上午,副县长王某主持召开植树造林工作调度会。\n王某要求:一是进度要更快。倒排工期。"
            "二是指导要更实。县林业局全体班子成员要深入林场,加强技术服务。"
            "三是县政府督查室要跟踪督查,及时通报进展。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("深入林场,加强技术服务", ([], ["县林业局"], [])),
        ("跟踪督查,及时通报进展", ([], ["县政府督查室"], []))]


# "……,县住建局负责,各街道配合,……,6月底前完成……": responsible, cooperating and the deadline
def test_one_unit_in_charge_and_partners_with_a_deadline() -> None:
    text = ("王某主持召开老旧小区改造推进会(图)\n2021-03-02 来源:某县网\n"
            "会议要求,要压实责任,县住建局负责,各街道配合,建立台账,6月底前完成20个小区改造任务。\n")
    draft = parse_document(text)
    task = draft.tasks[0]
    assert task.title == "建立台账,6月底前完成20个小区改造任务"
    assert units(task) == ([], ["县住建局"], ["各街道"])
    assert [d for d, _, _ in resolve_deadlines(task, 2021, None)] == [date(2021, 6, 30)]


# "议案由X负责主办,并于M月D日前……": X leads, the date is the deadline
def test_a_motion_hosted_by_a_unit_in_a_notice_paragraph() -> None:
    text = ("各县、区人民政府,市直各有关部门:\n《关于议案的分解办理意见》已经市政府同意,现印发给你们,"
            "并就有关事项通知如下:\n一、提高认识\n"
            "各承办单位要高度重视。\n二、落实责任\n根据分工,议案由市生态环境局负责主办,并于8月31日前向代表"
            "作出答复,力争代表满意;主办单位要主动作为。\n2023年4月10日\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("向代表作出答复,力争代表满意", (["市生态环境局"], [], []))]
    assert dates(draft.tasks[0], draft) == [date(2023, 8, 31)]


# a meeting's page whose numbered points are its agenda and a speech's points (繁体 copy):
# "要求X配合各鎮做好……" is the one task, the numbered points assign nothing
def test_a_meeting_page_whose_numbered_points_assign_nothing() -> None:
    text = ("全縣農田水利建設工作會順利召開\n3月5日上午,工作會議在縣水利局會議室召開。 一、局長宣讀建設計劃。"
            " 二、各鎮簽訂了目標責任書。 三、副縣長做了重要講話: 1、他指出該工程是惠民工程。"
            " 2、要求各有關單位要切實做好實施管理工作。要求水利局配合各鎮做好技術指導和工程驗收工作,"
            "各鎮要確保完成年度任務。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("做好技術指導和工程驗收工作", ([], ["水利局"], []))]


# the reader runs only when nothing else was drafted: a plan's numbered items stay as they were
def test_a_plan_with_numbered_items_is_read_as_before() -> None:
    text = ("某县人民政府办公室关于召开会议的通知\n一、重点任务\n1.加快景区道路建设。(县交通局负责)\n"
            "会议要求,县文旅局要做好宣传推介。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("加快景区道路建设", ([], ["县交通局"], []))]


# a meeting's page with numbered points that do assign units keeps them
def test_a_meeting_page_with_assigned_points_keeps_them() -> None:
    text = ("县政府常务会议纪要\n一、加快项目建设。(县发改局牵头)\n二、做好防汛准备。(县水利局负责)\n"
            "会议要求,县应急局要加强值守。\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["加快项目建设", "做好防汛准备"]
