"""`duban import` grammar, round 12 of issue #13: forms met in the three held-out plans written for
this round (tests/import_heldout/national_opinion, label_scheme, table_plan): "X要会同Y、Z……" in a
sentence, a year's target written "YYYY年新增……", and ongoing work over a span of years
("2023—2025年持续推进"). Each form is tested with sentences of the same shape, names and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


# "国家卫生健康委要会同民政部、国家医保局制定……": a modal verb before 会同 changes nothing
def test_a_modal_verb_before_together_with() -> None:
    assert subjects("教育部要会同财政部、人力资源社会保障部制定实施细则，年底前印发。") == (
        ["教育部"], [], ["财政部", "人力资源社会保障部"])
    assert subjects("省农业农村厅应会同省水利厅等部门完善管护制度。") == (["省农业农村厅"], [], ["省水利厅"])
    assert subjects("市住房城乡建设局将会同市城管局开展专项整治。") == (["市住房城乡建设局"], [], ["市城管局"])
    # "会同有关部门" names no partner: the work stays the subject's own, as before
    assert subjects("商务部要会同有关部门加强跟踪评估。") == ([], ["商务部"], [])
    text = ("二、重点任务\n（四）完善标准体系。市场监管总局要会同工业和信息化部、国家标准委制定行业标准，"
            "2025年3月底前发布。\n（五）加强宣传。（中央网信办负责）\n")
    draft = parse_document(text)
    assert units(draft.tasks[0]) == (["市场监管总局"], [], ["工业和信息化部", "国家标准委"])
    assert dates(draft.tasks[0], draft) == [date(2025, 3, 31)]


# "2024年新增有进出口实绩企业800家": the year's target, as "2025年安排……"
def test_a_years_target_written_new_units() -> None:
    text = ("某省人民政府办公厅关于印发某方案的通知\n某政办发〔2025〕3号\n2025年2月10日\n二、主要任务\n"
            "1.培育专精特新企业。2026年新增省级专精特新企业300家。（省工业和信息化厅负责）\n"
            "2.建设充电设施。2025年新建公共充电桩1万个，2026年新建1.5万个。（省能源局负责）\n"
            "3.扩大就业。城镇新增就业50万人。（省人力资源社会保障厅负责）\n")
    draft = parse_document(text)
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2026, 12, 31)], [date(2025, 12, 31), date(2026, 12, 31)], []]


# "（X、Y、Z按职责分工负责，2023—2025年持续推进）": ongoing work until the span's end
def test_ongoing_work_over_a_span_of_years() -> None:
    a = parse_assignment("（工业和信息化部、民政部按职责分工负责，2024—2026年持续推进）")
    assert a.responsible == ["工业和信息化部", "民政部"]
    text = ("二、重点任务\n（六）发展智慧健康产品。开展应用试点示范。（科技部、工业和信息化部按职责分工负责，"
            "2024—2026年持续推进）\n（七）加强监管。（市场监管总局负责，持续推进）\n")
    draft = parse_document(text)
    assert [units(t) for t in draft.tasks] == [([], ["科技部", "工业和信息化部"], []), ([], ["市场监管总局"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2026, 12, 31)], []]
    assert [t.ongoing for t in draft.tasks] == ["持续推进", "持续推进"]


# probes in national forms: a deadline written as a second sentence in the bracket
# ("（X、Y负责。2025年底前完成）"), and "各地区抓好落实" after the ministries' clause
def test_a_deadline_sentence_inside_the_bracket() -> None:
    a = parse_assignment("（国家林草局、自然资源部负责。2026年6月底前完成）")
    assert (a.responsible, a.deadlines) == (["国家林草局", "自然资源部"], ["2026年6月底前完成"])
    assert parse_assignment("（海关总署负责。持续推进）").deadlines == ["持续推进"]
    # a remark sentence is still no unit and no deadline
    b = parse_assignment("（省财政厅负责。以下各项均需各市配合，不再列出）")
    assert (b.responsible, b.deadlines) == (["省财政厅"], [])


def test_local_governments_that_see_to_it() -> None:
    a = parse_assignment("（应急管理部牵头，公安部、交通运输部按职责分工负责；各地区抓好落实）")
    assert (a.lead, a.responsible) == (["应急管理部"], ["公安部", "交通运输部", "各地区"])
    assert parse_assignment("（教育部负责，各地认真贯彻落实）").responsible == ["教育部", "各地"]


# "责任单位：省教育厅〔牵头〕、省财政厅": the lead mark in square brackets too
def test_a_lead_mark_in_square_brackets() -> None:
    a = parse_assignment("（责任单位：省民政厅〔牵头〕、省财政厅、省卫生健康委）")
    assert (a.lead, a.responsible) == (["省民政厅"], ["省财政厅", "省卫生健康委"])
    b = parse_assignment("〔责任单位：市水务局【牵头】、市财政局〕")
    assert (b.lead, b.responsible) == (["市水务局"], ["市财政局"])


# sentences: "X要牵头制定……" leads as "X牵头……" does; "各区政府具体实施" names the governments
def test_a_modal_verb_before_leading_and_specific_implementation() -> None:
    assert subjects("市城管局要牵头制定年度计划，各区政府负责具体实施。") == (["市城管局"], ["各区政府"], [])
    assert subjects("由市水务局牵头，市财政局、市生态环境局配合，各县政府具体实施。") == (
        ["市水务局"], ["各县政府"], ["市财政局", "市生态环境局"])
    assert subjects("省体育局应牵头组织评估。") == (["省体育局"], [], [])
    assert subjects("省体育局负责牵头组织评估。") == ([], ["省体育局"], [])  # as before (tests/test_import_rules5.py)


# "完成时限：长期" and a task table's "持续" cell: the ongoing wording, not a phrase left unread
def test_a_deadline_cell_that_only_says_long_term() -> None:
    def ongoing(label: str) -> tuple[str, list[date]]:
        draft = parse_document(f"二、重点任务\n（一）完善监测网络。（牵头单位：省气象局；完成时限：{label}）\n"
                               "（二）加强宣传。（省委宣传部负责）\n")
        return draft.tasks[0].ongoing, dates(draft.tasks[0], draft)
    assert ongoing("长期") == ("长期坚持", [])
    assert ongoing("常年开展") == ("长期坚持", [])
    assert ongoing("持续") == ("持续推进", [])
    assert ongoing("2025年6月底前") == ("", [date(2025, 6, 30)])
    table = ("序号\n重点任务\n牵头单位\n配合单位\n完成时间\n1\n建设政务云\n省大数据局\n省财政厅\n2025年6月\n"
             "2\n统一身份认证\n省大数据局\n省公安厅\n长期\n")
    draft = parse_document(table)
    assert [(t.title, t.ongoing) for t in draft.tasks] == [("建设政务云", ""), ("统一身份认证", "长期坚持")]


# sentences: "Y、Z参与"/"Y协助" after the lead are partners as "Y、Z配合" are; "协同配合" too; "X负总责"
def test_partners_that_take_part_and_the_unit_in_overall_charge() -> None:
    assert subjects("市公安局牵头，市交通运输局、市应急管理局参与，开展夜间巡查。") == (
        ["市公安局"], [], ["市交通运输局", "市应急管理局"])
    assert subjects("市发展改革委牵头负责，市直有关部门协同配合。") == (["市发展改革委"], [], ["市直有关部门"])
    assert subjects("区民政局牵头，区财政局协助。") == (["区民政局"], [], ["区财政局"])
    assert subjects("市生态环境局负总责，组织开展督查。") == ([], ["市生态环境局"], [])
