"""`duban import` grammar after round 13 of issue #13: national house styles no document showed
yet (bench/import_corpus_split.md, Round 13): "以下各项任务均由X牵头" over a section, a
"主要负责部门：X；配合部门：Y" line, "（X指导，各地组织实施）", a ministry's own offices (司) as
subjects ("X司与Y司共同负责"), and a five-year plan period before the ongoing wording
("“十四五”期间持续推进"). Sentences written for the tests."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units

HEAD = "某部关于印发某任务分工方案的通知\n某函〔2022〕7号\n2022年4月1日\n"


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


# "以下各项任务均由X牵头。": the section's items without units of their own are led by X
def test_a_section_led_by_one_unit() -> None:
    draft = parse_document(
        HEAD + "一、完善路网\n以下各项任务均由水运局牵头。\n1.疏浚内河航道。2022年上半年完成航道普查。\n"
        "2.建设港口集疏运体系。2023年起分批实施。\n3.整治船舶污染。（海事局负责）\n"
        "二、强化保障\n4.完善资金政策。（财务审计司负责）\n5.加强人才培养。人事教育司负责，今年三季度出台方案。\n")
    assert [t.title for t in draft.tasks] == [
        "疏浚内河航道", "建设港口集疏运体系", "整治船舶污染", "完善资金政策", "加强人才培养"]
    assert [units(t) for t in draft.tasks] == [
        (["水运局"], [], []), (["水运局"], [], []), ([], ["海事局"], []),
        ([], ["财务审计司"], []), ([], ["人事教育司"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2022, 6, 30)], [], [], [], [date(2022, 9, 30)]]


# "主要负责部门：X；配合部门：Y、Z" on its own line under the item
def test_a_main_responsible_label_line() -> None:
    draft = parse_document(
        HEAD + "一、重点任务\n1.推进城乡客运一体化。2022年10月底前印发评价办法。\n"
        "主要负责部门：运输服务司；配合部门：综合规划司、财务审计司\n"
        "2.发展农村寄递物流。\n主要负责单位：国家邮政局\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["运输服务司"], ["综合规划司", "财务审计司"]), ([], ["国家邮政局"], [])]
    assert dates(draft.tasks[0], draft) == [date(2022, 10, 31)]


# "（X指导，各地组织实施）": the regions' collective beside the guiding unit is an assignment bracket
def test_guidance_with_the_regions_carrying_out() -> None:
    draft = parse_document(
        HEAD + "一、重点任务\n1.加强水源保护。划定水源保护区，今年三季度完成。（生态环境部指导，各地组织实施）\n"
        "2.推进节水改造。（水利部指导，各地区组织实施）\n3.开展监测。（各地组织实施）\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["生态环境部", "各地"], []), ([], ["水利部", "各地区"], []), ([], ["各地"], [])]
    assert draft.tasks[0].detail == "划定水源保护区，今年三季度完成。"
    assert dates(draft.tasks[0], draft) == [date(2022, 9, 30)]


# a ministry's own offices ("司") are units in sentences; other words ending in 司 are not
def test_a_ministrys_offices_in_sentences() -> None:
    assert subjects("财务审计司与综合规划司共同负责，2022年10月底前出台办法。") == (
        [], ["财务审计司", "综合规划司"], [])
    assert subjects("法规司会同公路局起草修订草案。") == (["法规司"], [], ["公路局"])
    assert subjects("各部门要各司其职，密切配合。") == ([], ["各部门"], [])
    assert subjects("国家电网公司负责建设。") == ([], [], [])  # a company carries out, as before
    assert subjects("上司要关心下属。") == ([], [], [])


# "“十四五”期间持续推进": ongoing until the period's last year's end, in sentences, brackets and cells
def test_a_five_year_plan_period_before_the_ongoing_wording() -> None:
    draft = parse_document(
        HEAD + "一、重点任务\n1.实施科技示范工程。开展示范，“十四五”期间持续推进。（科技司负责）\n"
        "2.推进数字化转型。（科技司、公路局按职责分工负责，“十四五”期间持续推进）\n"
        "3.巩固成果。（公路局负责，“十五五”时期持续开展）\n"
        "4.建设示范县。“十四五”期间，建成示范县100个。（公路局负责）\n"
        "5.总结经验。（公路局负责，十三五时期持续推进）\n")
    # a period is a deadline only before the ongoing wording; one ended before the issue date is dropped
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2025, 12, 31)], [date(2025, 12, 31)], [date(2030, 12, 31)], [], []]
    assert units(draft.tasks[1]) == ([], ["科技司", "公路局"], [])
    a = parse_assignment("（科技司负责，“十五五”期间持续推进）")
    assert (a.responsible, a.deadlines) == (["科技司"], ["“十五五”期间持续推进"])


# "（X负责，今年三季度完成）": a deadline of the document's year inside the bracket, never a unit
def test_this_years_deadline_inside_the_bracket() -> None:
    draft = parse_document(
        HEAD + "一、重点任务\n1.推进改革。（工业和信息化部负责，今年三季度完成）\n"
        "2.完善制度。（工业和信息化部负责，今年6月底前完成）\n3.开展评估。（商务部负责，本年度内完成）\n"
        "4.建设平台。（商务部负责，今年底前完成）\n5.培育主体。（商务部负责，今年上半年完成）\n")
    assert [units(t) for t in draft.tasks] == [([], ["工业和信息化部"], [])] * 2 + [([], ["商务部"], [])] * 3
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2022, 9, 30)], [date(2022, 6, 30)], [date(2022, 12, 31)], [date(2022, 12, 31)], [date(2022, 6, 30)]]
    assert parse_assignment("（今年新组建的市数据局负责）").responsible == ["今年新组建的市数据局"]  # no deadline there


# "明年三季度", "明年第一季度末前", "明年上半年": a quarter or a half of the year after the issue date
def test_a_quarter_or_half_of_next_year() -> None:
    draft = parse_document(
        "某市关于印发2023年工作要点的通知\n某政办〔2022〕7号\n2022年12月1日\n一、重点任务\n"
        "1.推进改革。（市工业和信息化局负责，明年三季度完成）\n2.完善制度。明年第一季度末前出台办法。（市商务局负责）\n"
        "3.开展评估。（市商务局负责，明年上半年完成）\n4.建设平台。（市商务局负责，明年下半年）\n")
    assert [units(t) for t in draft.tasks] == [([], ["市工业和信息化局"], [])] + [([], ["市商务局"], [])] * 3
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2023, 9, 30)], [date(2023, 3, 31)], [date(2023, 6, 30)], [date(2023, 12, 31)]]


# in sentences: "X、Y按职责分工负责，Z参与。", "X指导，各地组织实施。"
def test_division_of_duties_and_the_regions_in_sentences() -> None:
    assert subjects("教育部、科技部按职责分工负责，国家卫生健康委参与。") == (
        [], ["教育部", "科技部"], ["国家卫生健康委"])
    assert subjects("各地区、各部门按各自职责抓好落实。") == ([], ["各地区", "各部门"], [])
    assert subjects("生态环境部指导，各地组织实施。") == ([], ["生态环境部", "各地"], [])
    assert subjects("各地在组织实施的基础上，总结经验。") == ([], [], [])  # a setting, as before
    assert subjects("教育部按期完成。") == ([], [], [])
