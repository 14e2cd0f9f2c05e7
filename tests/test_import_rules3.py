"""`duban import` grammar, round 3 of issue #13: the wordings of a third set of unseen plans (State
Council opinions and 国办函 task tables, provincial and city 分工方案, county policies). The
documents themselves stay out of the repository; each rule is tested with a sentence of the same
form, names and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.names import split_names
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


# "〔责任单位：…按职责分工负责。具体任务均涉及…，不再做分工，下同。〕": the second sentence is a remark
def test_a_remark_after_the_assignment_sentence_names_no_unit() -> None:
    a = parse_assignment("〔责任单位：市发展改革委、市商务局、市数据中心按职责分工负责。"
                         "具体任务均涉及各区县政府，不再做分工，下同。〕")
    assert (a.lead, a.responsible, a.cooperating) == ([], ["市发展改革委", "市商务局", "市数据中心"], [])


def test_a_later_sentence_that_assigns_is_kept() -> None:
    a = parse_assignment("（牵头单位：市教育局。配合单位：市财政局、市人社局。）")
    assert (a.lead, a.responsible, a.cooperating) == (["市教育局"], [], ["市财政局", "市人社局"])


# "（市教育局，市委农办，各县<市、区>人民政府，排名第一位为牵头单位，下同）"
def test_the_first_named_leads_when_the_rule_says_排名第一位() -> None:
    draft = parse_document(
        "一、落实政府职责\n（一）健全管理体制。建立市统筹、县为主的管理体制。"
        "（市卫生健康局，市委编办，各县<市、区>人民政府，排名第一位为牵头单位，下同）\n"
        "（二）建立联席会议制度。定期研究解决重大问题。（市民政局，市财政局）\n")
    assert units(draft.tasks[0]) == (["市卫生健康局"], ["市委编办", "各县<市、区>人民政府"], [])
    assert units(draft.tasks[1]) == (["市民政局"], ["市财政局"], [])


def test_angle_brackets_keep_a_collective_whole() -> None:
    assert split_names("各县<市、区>人民政府、市财政局") == ["各县<市、区>人民政府", "市财政局"]
    assert split_names("各县〈市、区〉政府、市财政局") == ["各县〈市、区〉政府", "市财政局"]


# A label line carries the rule in a bracket; it holds from that item on ("下同"), with 分别牵头
def test_a_first_is_lead_rule_on_a_label_line_holds_from_there_on() -> None:
    draft = parse_document(
        "一、主要预期目标\n1.地区生产总值增长5%。\n责任单位：区发改局\n"
        "2.固定资产投资增长8%。\n责任单位：区发改局、区住建局、区交通局（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）\n"
        "3.居民收入与经济增长同步。\n责任单位：区人社局、区农业农村局分别牵头\n4.外贸出口增长4%。\n责任单位：区商务局\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["区发改局"], []), (["区发改局"], ["区住建局", "区交通局"], []),
        (["区人社局", "区农业农村局"], [], []), (["区商务局"], [], [])]


# "（国务院各部门分别负责，年内持续推进）": ongoing work, written as the phrase duban reads
def test_within_the_year_ongoing_is_ongoing_not_a_unit() -> None:
    draft = parse_document("一、总体要求\n1.统筹推进改革发展稳定各项工作。（国务院各部门分别负责，年内持续推进）\n")
    task = draft.tasks[0]
    assert units(task) == ([], ["国务院各部门"], [])
    assert (task.ongoing, task.deadlines) == ("持续推进", [])


def test_units_followed_by_ongoing_work_are_units_and_ongoing() -> None:
    a = parse_assignment("（公安部、交通运输部按职责分工负责，2025年6月底前完成；各地区持续推进）")
    assert (a.lead, a.responsible, a.deadlines) == ([], ["公安部", "交通运输部", "各地区"], ["2025年6月底前完成", "持续推进"])


# 国办函 quantitative tasks: a table whose columns are separated by spaces, the header spread out
SPACED = (
    "国务院办公厅关于印发量化指标任务分工的通知\n国办函〔2024〕12号\n国务院有关部门：\n"
    "现将《量化指标任务分工》印发给你们，并就有关事项通知如下：\n"
    "一、各有关部门要高度重视量化指标任务，按照分工抓紧研究制定工作方案，健全工作机制，层层落实责任，抓好督促检查。涉及多部门工作的，牵头部门要加大协调力度。\n"
    "二、各有关部门要按照办理要求和时间节点，及时将量化指标任务进展情况报送国办督查室，对分省上报的数据，要统一报送口径和标准，确保数据真实可靠、准确无误。\n"
    "国务院办公厅\n2024年4月2日\n"
    "量化指标任务分工\n"
    "序号 工 作 任 务 牵头负责部门\n"
    "1 城镇新增就业1200万人以上 人力资源社会保障部\n"
    "2 安排地方专项债券3.9万亿元,2024年安排到位 财政部\n"
    "3 再开工 20 项重大水利工程 水利部\n"
)


def test_a_space_separated_table_with_a_spread_out_header_gives_one_task_a_row() -> None:
    draft = parse_document(SPACED)
    assert [t.title for t in draft.tasks] == [
        "城镇新增就业1200万人以上", "安排地方专项债券3.9万亿元,2024年安排到位", "再开工 20 项重大水利工程"]
    assert [units(t) for t in draft.tasks] == [
        (["人力资源社会保障部"], [], []), (["财政部"], [], []), (["水利部"], [], [])]
    assert [dates(t, draft) for t in draft.tasks] == [[], [date(2024, 12, 31)], []]  # "2024年安排": that year
    assert draft.skipped == ["一、（第5行）", "二、（第6行）"]  # the covering notice's requirements


def test_a_line_of_words_after_序号_is_no_table() -> None:
    draft = parse_document("序号 说明 如下\n一、重点任务\n（一）推进改革。（市发改委负责）\n")
    assert [t.title for t in draft.tasks] == ["推进改革"]


# "一、扩大有效投资政策（由县发改局牵头实施）": the heading's bracket assigns the items under it
def test_a_section_headings_bracket_assigns_its_items() -> None:
    draft = parse_document(
        "一、扩大有效投资政策（由县发改局牵头实施）\n聚焦九大工程，完成投资200亿元以上。\n"
        "1.加大财政支持力度。县财政2025年统筹安排资金30亿元。\n2.加强要素争取。争取专项债券。（县财政局负责）\n"
        "二、促进消费政策\n1.发放消费券。6月底前发放500万元。\n")
    assert [t.title for t in draft.tasks] == ["加大财政支持力度", "加强要素争取", "发放消费券"]
    assert units(draft.tasks[0]) == (["县发改局"], [], [])
    assert units(draft.tasks[1]) == ([], ["县财政局"], [])  # its own bracket
    assert units(draft.tasks[2]) == ([], [], [])  # the next section is not assigned
    assert dates(draft.tasks[0], draft) == [date(2025, 12, 31)]  # "2025年统筹安排": that year
    assert draft.skipped == []  # the section's introduction is not a task, nor listed as one


def test_a_section_heading_with_a_bracket_and_no_items_is_a_task() -> None:
    draft = parse_document("一、加快审批改革（由市审改办牵头实施）\n二、优化服务（市政务服务中心负责）\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("加快审批改革", (["市审改办"], [], [])), ("优化服务", ([], ["市政务服务中心"], []))]


# "（…负责，年内出台相关政策）": 年内 is this year's end; "3年内" is a span, no deadline
def test_within_the_year_is_the_years_end() -> None:
    draft = parse_document(
        "某某通知\n2024年3月5日\n一、重点任务\n（一）完善配套政策。（发展改革委、财政部等按职责分工负责，年内出台相关政策）\n"
        "（二）推进试点。用3年内时间完成试点。（商务部负责）\n")
    first, second = draft.tasks
    assert units(first) == ([], ["发展改革委", "财政部"], [])
    assert dates(first, draft) == [date(2024, 12, 31)]
    assert dates(second, draft) == []


def test_a_start_date_is_not_a_unit() -> None:
    a = parse_assignment("（财政部、税务总局负责，自2026年1月1日起执行）")
    assert (a.responsible, a.deadlines) == (["财政部", "税务总局"], [])


# "（省政府办公厅牵头，省直有关单位和各市州政府负责）": 和 between two units' names
def test_and_between_two_unit_names_splits_them() -> None:
    a = parse_assignment("（省政府办公厅牵头，省直有关单位和各市州政府负责）")
    assert (a.lead, a.responsible) == (["省政府办公厅"], ["省直有关单位", "各市州政府"])
    a = parse_assignment("（工业和信息化部、文化和旅游部负责，各有关部门和单位配合）")
    assert (a.responsible, a.cooperating) == (["工业和信息化部", "文化和旅游部"], ["各有关部门和单位"])


# Units written as subjects (plans without brackets)
def test_subjects_各地_各省区市_and_各地区各部门() -> None:
    assert subject_units("各地要结合实际制定实施方案。").responsible == ["各地"]
    assert subject_units("各地在巩固现有水平的基础上，逐步提高标准。").responsible == []  # a setting
    assert subject_units("各省（区、市）要于2025年6月底前制定方案。").responsible == ["各省（区、市）"]
    assert subject_units("各地区各部门要高度重视。").responsible == ["各地区", "各部门"]
    assert subject_units("国务院办公厅将适时开展督查。").responsible == ["国务院办公厅"]


def test_a_year_it_starts_from_is_not_a_unit() -> None:
    a = parse_assignment("（生态环境部牵头，国家发展改革委等部门参与，2026年起实施）")
    assert (a.lead, a.responsible, a.cooperating) == (["生态环境部"], [], ["国家发展改革委"])


# "各地区各部门" written without 、 is two collectives; "有关部门和地方" is no unit at all
def test_collectives_written_together_and_generic_tails() -> None:
    a = parse_assignment("（国务院办公厅牵头，各地区各部门按职责分工负责）")
    assert (a.lead, a.responsible) == (["国务院办公厅"], ["各地区", "各部门"])
    a = parse_assignment("（国家发展改革委、商务部牵头，有关部门和地方按职责分工负责）")
    assert (a.lead, a.responsible) == (["国家发展改革委", "商务部"], [])


# A 国办 notice whose numbered paragraphs are short: "三、加强监督检查。X将……" is a task, not a heading
NOTICE = (
    "国务院办公厅关于加强某项工作的通知\n国办发〔2025〕3号\n各省、自治区、直辖市人民政府：\n"
    "经国务院同意，现就有关事项通知如下：\n"
    "一、强化组织领导。各地区、各有关部门要把这项工作摆在突出位置，主要负责同志亲自抓。\n"
    "二、完善政策措施。财政部、税务总局要落实好税收优惠政策。\n"
    "三、加强监督检查。国务院办公厅将适时组织开展专项督查。\n"
    "四、工作要求。各地区要高度重视，认真抓好落实。\n"
    "国务院办公厅\n2025年2月10日\n（此件公开发布）\n"
)


def test_short_numbered_paragraphs_with_sentences_are_tasks() -> None:
    draft = parse_document(NOTICE)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("强化组织领导", ([], ["各地区", "各有关部门"], [])),
        ("完善政策措施", ([], ["财政部", "税务总局"], [])),
        ("加强监督检查", ([], ["国务院办公厅"], [])),
    ]
    assert draft.skipped == ["四、（第8行）"]  # 工作要求: a support section, as a heading of its own would be


def test_a_space_separated_row_whose_units_cell_holds_several_names() -> None:
    draft = parse_document(
        "序号 工作任务 责任单位 完成时限\n1 推进 投资审批 改革 发展改革委 财政部 2025年6月底前\n"
        "2 完善社会保障体系 人力资源社会保障部 2025年底前\n")
    assert [(t.title, units(t), dates(t, draft)) for t in draft.tasks] == [
        ("推进 投资审批 改革", ([], ["发展改革委", "财政部"], []), [date(2025, 6, 30)]),
        ("完善社会保障体系", ([], ["人力资源社会保障部"], []), [date(2025, 12, 31)]),
    ]


# Deadlines written in a bracket in other words: 长期, 今年内, 明年…, and what comes after them
def test_more_deadline_wordings_in_a_bracket() -> None:
    draft = parse_document(
        "某通知\n2024年5月6日\n一、重点任务\n（一）完善标准。（财政部牵头，长期）\n"
        "（二）出台办法。（民政部牵头，2024年底前出台，以后每年更新）\n"
        "（三）推进试点。（工业和信息化部负责，今年内完成）\n（四）开展评估。（海关总署负责，明年6月底前）\n")
    assert [units(t) for t in draft.tasks] == [
        (["财政部"], [], []), (["民政部"], [], []), ([], ["工业和信息化部"], []), ([], ["海关总署"], [])]
    assert draft.tasks[0].ongoing == "长期坚持"
    assert [dates(t, draft) for t in draft.tasks[1:]] == [
        [date(2024, 12, 31)], [date(2024, 12, 31)], [date(2025, 6, 30)]]


# Labels in boxes ("【牵头单位】"), inline after the item or on lines of their own; 主责单位; people
def test_boxed_labels_inline_and_on_their_own_lines() -> None:
    draft = parse_document(
        "一、重点任务\n1.推进审批改革。【牵头单位】市发改委【配合单位】市财政局、市商务局【完成时限】2025年6月底前\n"
        "2.优化营商环境。\n【责任单位】市营商办、市市场监管局\n【完成时限】2025年10月底前\n"
        "3.建设数字政府。\n主责单位：市大数据局\n协同单位：市财政局\n")
    assert [(t.line, units(t), dates(t, draft)) for t in draft.tasks] == [
        (2, (["市发改委"], [], ["市财政局", "市商务局"]), [date(2025, 6, 30)]),
        (3, ([], ["市营商办", "市市场监管局"], []), [date(2025, 10, 31)]),
        (6, ([], ["市大数据局"], ["市财政局"]), []),
    ]


def test_a_person_label_in_a_bracket_is_no_unit() -> None:
    a = parse_assignment("（牵头单位：市发改委；协同单位：市财政局；督办领导：李某）")
    assert (a.lead, a.responsible, a.cooperating) == (["市发改委"], [], ["市财政局"])


# Header names of text tables as plans write them: 牵头领导 (a person), 参与部门, 完成期限
def test_text_table_header_names_people_and_other_wordings() -> None:
    draft = parse_document(
        "序号\t工作任务\t牵头领导\t牵头单位\t参与部门\t完成期限\n"
        "1\t建设智慧城市平台\t王某\t市大数据局\t市财政局、市公安局\t2025年9月底前\n")
    assert [(t.title, units(t), dates(t, draft)) for t in draft.tasks] == [
        ("建设智慧城市平台", (["市大数据局"], [], ["市财政局", "市公安局"]), [date(2025, 9, 30)])]
