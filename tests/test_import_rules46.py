"""`duban import` grammar, round 45 of issue #13: plans of 2004–2011 (a county's 2007 创建 实施方案 whose items
open with "任务要求。" over "牵头单位:…;责任单位:…" lines, a district's 2011 政府工作报告 分解, a city's 2004 重点工作
whose sections name their units in a paragraph, a city's 2011 任务分解表 copied one cell per line with a "名称"
column). These tests keep the round's shapes read, in sentences of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.columns import named
from scheduler.importer.parse import parse_document
from scheduler.importer.section_duty import section_duty
from tests.import_rules_support import dates, units

_HEAD = "某县人民政府办公室\n2008年3月10日\n"


# "(一)任务要求。X。": "任务要求" is a label, the sentence after it is the title; a section without items is one task
def test_task_requirement_label_is_no_title() -> None:
    draft = parse_document(_HEAD + "一、开展农村饮水安全检测\n"
                           "(一)任务要求。对全县集中供水工程开展水质检测,并建立台账。\n"
                           "牵头单位:县水利局;责任单位:县卫生局、县环保局。\n"
                           "(二)任务要求。各乡镇落实检测经费。\n"
                           "牵头单位:县财政局;责任单位:各乡镇人民政府。\n"
                           "二、建设一批节水示范村\n"
                           "任务要求。2008年9月底前完成示范村建设方案。\n"
                           "牵头单位:县农委;责任单位:县水利局。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("对全县集中供水工程开展水质检测,并建立台账", (["县水利局"], ["县卫生局", "县环保局"], [])),
        ("各乡镇落实检测经费", (["县财政局"], ["各乡镇人民政府"], [])),
        ("建设一批节水示范村", (["县农委"], ["县水利局"], []))]
    assert dates(draft.tasks[2], draft) == [date(2008, 9, 30)]


# a title that only looks like the label keeps its words; "任务要求" with nothing after it stays the title
def test_other_first_sentences_stay_titles() -> None:
    draft = parse_document(_HEAD + "一、主要任务\n(一)任务要求较高的项目先行。对重点项目实行挂牌督办。(县发改局负责)\n"
                           "(二)任务要求。(县财政局负责)\n")
    assert [t.title for t in draft.tasks] == ["任务要求较高的项目先行", "任务要求"]


# "确保2008年…" and "2008年所有…" are that year's work: the year's end
def test_ensured_year_and_all_of_a_year_are_the_years_end() -> None:
    draft = parse_document(_HEAD + "一、主要任务\n(一)抓好节能降耗。确保2008年全县单位生产总值能耗下降4%。(县经贸局负责)\n"
                           "(二)落实尾气检测。2008年所有年检车辆实施尾气检测。(县公安局负责)\n"
                           "(三)完善统计制度。建立2006年以来的能耗台账。(县统计局负责)\n")
    assert [dates(t, draft) for t in draft.tasks] == [[date(2008, 12, 31)], [date(2008, 12, 31)], []]


# a section's paragraph "A、B为主要责任单位。" gives its items that name no units of their own those units
def test_section_paragraph_names_its_items_units() -> None:
    draft = parse_document("2005年市政府重点工作\n一、推进政务公开\n由张某副市长牵头,李某副市长配合。市政府办公厅、市监察局为主要责任单位。\n"
                           "主要内容:\n(一)编制政府信息公开目录。\n(二)建立新闻发布制度。(市政府新闻办负责)\n"
                           "二、加强安全生产\n市安监局为责任单位。\n主要内容:\n(一)开展煤矿安全专项整治。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("编制政府信息公开目录", ([], ["市政府办公厅", "市监察局"], [])),
        ("建立新闻发布制度", ([], ["市政府新闻办"], [])),
        ("开展煤矿安全专项整治", ([], ["市安监局"], []))]
    assert section_duty("由张某副市长牵头。市发改委、市财政局为主要责任单位。") == "责任单位：市发改委、市财政局"
    assert section_duty("由张某副市长牵头,李某副市长配合。") is None


# an item's own sentence naming "为责任单位" is its own bracket-free clause, not a rule for the items after it
def test_item_sentence_is_no_section_rule() -> None:
    draft = parse_document(_HEAD + "一、主要任务\n(一)建设县城污水处理厂。县建设局为责任单位。\n(二)开展河道清淤。(县水利局负责)\n"
                           "(三)推进垃圾分类。\n")
    assert units(draft.tasks[1]) == ([], ["县水利局"], [])
    assert units(draft.tasks[2]) == ([], [], [])


# a table copied one cell per line whose "名称" column stands before the task's column: the task's cell is the title
def test_name_column_before_task_column_is_detail() -> None:
    draft = parse_document("某市2009年政府工作任务分解表\n\n序号\n\n名称\n\n工作任务\n\n主要责任单位\n\n主要预期目标(2项)\n\n"
                           "1\n\n工业增加值\n\n规模以上工业增加值增长15%\n\n市经委、统计局\n\n"
                           "2\n\n居民收入\n\n城镇居民人均可支配收入增长9%\n\n市劳动保障局\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("规模以上工业增加值增长15%", ([], ["市经委", "统计局"], [])),
        ("城镇居民人均可支配收入增长9%", ([], ["市劳动保障局"], []))]
    assert named(["number", "name", "title", "responsible"]) == ["number", "detail", "title", "responsible"]
    assert named(["number", "name", "responsible"]) == ["number", "title", "responsible"]


# "项目" / "名称" on two lines is one wrapped "项目名称" column, the row's title, as before
def test_wrapped_project_name_header_stays_the_title() -> None:
    draft = parse_document("序号\n\n项目\n\n名称\n\n内容\n\n牵头单位\n\n"
                           "1\n\n助餐服务项目\n\n新建社区老年食堂10个。\n\n区民政局\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("助餐服务项目", (["区民政局"], [], []))]
