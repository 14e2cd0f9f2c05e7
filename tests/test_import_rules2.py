"""`duban import` grammar, round 2 of issue #13: the wordings of a second set of unseen plans
(district, city and provincial 任务分解 / 分工方案). The documents themselves stay out of the
repository; each rule is tested with a sentence of the same form, names and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units


# A "部门分工：" label line holds a clause with its own roles (provincial 分工方案)
def test_a_division_label_line_reads_lead_and_cooperating_from_its_clause() -> None:
    draft = parse_document(
        "一、2024年主要预期目标\n1.地区生产总值增长5%以上。\n分管省领导：张某\n"
        "部门分工：省发展改革委牵头，各地、各部门配合。\n2.城镇新增就业50万人。\n分管省领导：李某\n"
        "部门分工：省人力资源社会保障厅牵头，省教育厅、省财政厅配合。\n")
    assert [t.title for t in draft.tasks] == ["地区生产总值增长5%以上", "城镇新增就业50万人"]
    assert units(draft.tasks[0]) == (["省发展改革委"], [], ["各地", "各部门"])
    assert units(draft.tasks[1]) == (["省人力资源社会保障厅"], [], ["省教育厅", "省财政厅"])


# Item numbers written with the small full stop U+FE52 ("1﹒") as a web copy gives them
def test_items_numbered_with_a_small_full_stop() -> None:
    draft = parse_document(
        "一、确保完成全年主要预期目标\n1﹒全市生产总值增长6%左右。\n牵头负责领导：王某。\n"
        "牵头责任单位：市发展改革委。\n协同责任单位：市政府各部门、各直属机构。\n"
        "2﹒进出口总额增长8%左右。\n牵头责任单位：市商务局。\n协同责任单位：市财政局、合肥海关等。\n")
    assert [t.number for t in draft.tasks] == ["1.", "2."]
    assert units(draft.tasks[0]) == (["市发展改革委"], ["市政府各部门", "各直属机构"], [])
    assert units(draft.tasks[1]) == (["市商务局"], ["市财政局", "合肥海关"], [])


# "X牵头，A、B等部门，C、D配合": a list naming no role takes the role of the list after it
def test_a_list_without_a_role_between_lead_and_cooperating_cooperates() -> None:
    a = parse_assignment("（县发改局牵头，县财政局、县交通局等部门，县城投公司、各乡镇配合）")
    assert (a.lead, a.responsible, a.cooperating) == (
        ["县发改局"], [], ["县财政局", "县交通局", "县城投公司", "各乡镇"])


def test_lists_with_their_own_roles_keep_them() -> None:
    a = parse_assignment("（县发改局牵头，县财政局负责，县城投公司配合）")
    assert (a.lead, a.responsible, a.cooperating) == (["县发改局"], ["县财政局"], ["县城投公司"])
    a = parse_assignment("（县发改局、县财政局，县城投公司配合）")  # no role before: not shared
    assert (a.lead, a.responsible, a.cooperating) == ([], ["县发改局", "县财政局"], ["县城投公司"])


# A task table as a web page renders it: cells separated by " | ", category rows with empty cells
TABLE = (
    "某市人民政府关于2024年重点工作及责任分解的通知\n"
    "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n"
    "一、主要预期目标 | |||\n"
    "(1) | 地区生产总值增长6%左右。 | 市发展改革委 | 各区县政府、 园区管委会 |\n"
    "(2) | 城乡居民收入与经济增长同步。 | 市人力资源社会保障局 市农业农村局 | 各区县政府 |\n"
    "二、重点工作 | |||\n"
    "1 | 扩大有效投资。 | ||\n"
    "(3) | 新开工重点项目120个,完成投资500亿元。 | 市发展改革委 | 市财政局 市自然资源局 各区县政府、 园区管委会 |\n"
)


def test_a_pipe_separated_task_table() -> None:
    draft = parse_document(TABLE)
    assert [(t.number, t.title) for t in draft.tasks] == [
        ("1", "地区生产总值增长6%左右"), ("2", "城乡居民收入与经济增长同步"),
        ("3", "新开工重点项目120个,完成投资500亿元")]
    assert units(draft.tasks[0]) == (["市发展改革委"], ["各区县政府", "园区管委会"], [])
    assert units(draft.tasks[1]) == (["市人力资源社会保障局", "市农业农村局"], ["各区县政府"], [])
    assert units(draft.tasks[2]) == (["市发展改革委"], ["市财政局", "市自然资源局", "各区县政府", "园区管委会"], [])


def test_a_cell_of_words_separated_by_spaces_is_not_split_into_units() -> None:
    draft = parse_document("序号 | 事项 | 责任单位 |\n1 | 办好民生实事。 | 由 各街道 负责 |\n")
    assert units(draft.tasks[0]) == ([], ["由 各街道"], [])


# The covering notice's numbered requirements before its signature are not the plan's tasks
def test_requirements_of_the_covering_notice_are_not_tasks() -> None:
    draft = parse_document(
        "区人民政府办公室关于印发2024年主要目标任务责任分解方案的通知\n某政办〔2024〕2号\n"
        "各街道办事处，区人民政府各部门：\n现将方案印发给你们，并就有关事项通知如下：\n"
        "一、各责任单位要高度重视，对照区《政府工作报告》确定的目标任务，制订工作方案，明确责任，明确措施，"
        "并于2024年1月20日前将工作方案报区人民政府办公室。\n"
        "二、从2024年第一季度开始，各责任单位要在每季度最后一个月的25日前将本季度进展情况报区人民政府办公室，"
        "区人民政府办公室将全程跟踪督办。\n"
        "某区人民政府办公室\n2024年1月5日\n"
        "2024年主要目标任务责任分解方案\n一、主要预期目标\n（一）地区生产总值增长6%以上\n"
        "责任单位：区发展和改革局\n（二）规上工业增加值增长10%以上\n责任单位：区经信局\n")
    assert [t.title for t in draft.tasks] == ["地区生产总值增长6%以上", "规上工业增加值增长10%以上"]
    assert units(draft.tasks[0]) == ([], ["区发展和改革局"], [])


def test_a_plan_signed_at_its_end_keeps_its_items() -> None:
    draft = parse_document(
        "某县2024年工作要点\n一、重点任务\n（一）完成老旧小区改造。2024年6月底前完成。\n"
        "（二）建成便民服务中心。2024年9月底前完成。\n某县人民政府办公室\n2024年2月1日\n")
    assert [t.title for t in draft.tasks] == ["完成老旧小区改造", "建成便民服务中心"]


# "明年7月份建成", "明年年底": the year after the issue date (a plan issued in December)
def test_next_year_deadlines_count_from_the_issue_date() -> None:
    draft = parse_document(
        "区人民政府办公室关于印发2025年重点任务分解的通知\n2024年12月20日\n"
        "一、推进园区建设\n1.加快建设物流园，确保一期明年6月份建成、二期明年10月底前建成，"
        "并实现园区明年年底满园运营。[责任单位：某街道办、区招商中心]\n")
    task = draft.tasks[0]
    assert units(task) == ([], ["某街道办", "区招商中心"], [])
    assert dates(task, draft) == [date(2025, 6, 30), date(2025, 10, 31), date(2025, 12, 31)]


def test_this_years_deadline_keeps_the_documents_year_and_a_bare_next_year_is_no_deadline() -> None:
    draft = parse_document(
        "某县2024年工作要点\n2024年2月1日\n一、重点任务\n"
        "1.总结近年来的做法，今年9月底前完成评估，明年推广。（县发改局负责）\n")
    assert dates(draft.tasks[0], draft) == [date(2024, 9, 30)]


# Units written as subjects (plans without assignment clauses): more verbs open a subject's clause
def test_subjects_that_build_set_up_or_guide() -> None:
    draft = parse_document(
        "某省人民政府关于推行某项制度的实施意见\n某政发〔2024〕3号\n2024年3月1日\n"
        "一、主要任务\n（一）加强组织领导。市县人民政府及其部门的主要负责同志作为第一责任人，要切实加强领导。"
        "要建立工作机制，县级以上人民政府建立协调机制。省直有关部门要加强指导。\n"
        "（二）成立工作专班。由省政府办公厅、省发展改革委和省财政厅组成工作专班。\n"
        "（三）开展评估。完善督导评估办法。省人民政府教育督导委员会定期听取评估情况汇报。\n"
        "（四）组建咨询委员会。在政府指导下组建咨询委员会，为改革提供咨询。\n")
    assert [units(t)[1] for t in draft.tasks] == [
        ["市县人民政府及其部门", "县级以上人民政府", "省直有关部门"],
        ["省政府办公厅", "省发展改革委", "省财政厅"],
        ["省人民政府教育督导委员会"],
        [],
    ]


def test_a_collective_with_its_own_departments_is_one_unit() -> None:
    a = parse_assignment("（各市人民政府及其部门、省司法厅负责）")
    assert a.responsible == ["各市人民政府及其部门", "省司法厅"]
    assert parse_assignment("（省财政厅及省税务局负责）").responsible == ["省财政厅", "省税务局"]


# A task table rendered by formats/tables.py: its category rows are sections of the table, and every
# row under them is a task even when it names no unit
def test_rows_under_the_category_sections_of_a_table_are_tasks() -> None:
    draft = parse_document(
        "某县2024年重点任务分工\n〇、任务分工表\n一、营商环境类\n"
        "（一）推行证照分离。对涉企经营许可事项实行告知承诺。\n责任单位：县市场监管局\n"
        "（二）优化政务服务。推动高频事项网上办理。\n"
        "（三）清理隐性壁垒。\n"
        "二、民生保障类\n（一）建设养老服务中心。\n责任单位：县民政局\n")
    assert [t.title for t in draft.tasks] == ["推行证照分离", "优化政务服务", "清理隐性壁垒", "建设养老服务中心"]


# A government work report's decomposition numbers its items on through the document (204., 205. …)
# and groups them under "——…" lines
def test_three_digit_item_numbers_and_dash_group_lines() -> None:
    draft = parse_document(
        "某市2024年《政府工作报告》目标任务责任分解方案\n  ——推进教育高质量发展\n"
        "  118.新改扩建公办幼儿园12所、新增学位3000个。（牵头单位：市教育局；责任单位：各区人民政府）\n"
        "  119.推进普通高中多样化发展。（责任单位：市教育局）\n  ——加快建设健康城市\n"
        "  120.谋划建设区域医疗中心。（牵头单位：市卫健委；责任单位：某新区管委会）\n")
    assert [(t.number, t.key) for t in draft.tasks] == [("118.", "118"), ("119.", "119"), ("120.", "120")]
    assert units(draft.tasks[0]) == (["市教育局"], ["各区人民政府"], [])
    assert draft.tasks[1].detail == ""  # the group line is not the item's text
    assert units(draft.tasks[2]) == (["市卫健委"], ["某新区管委会"], [])


def test_a_page_number_line_is_not_a_group_line() -> None:
    draft = parse_document("一、重点任务\n（一）推进改革。完善机制，\n- 2 -\n加强督查。（县政府办负责）\n")
    assert units(draft.tasks[0]) == ([], ["县政府办"], [])
