"""`duban import` grammar after round 19 of issue #13 (bench/import_corpus_split.md, Round 19): target
lists of 2006–2012 plans and their copies — unnumbered target sentences each closed by its own assignment
bracket (also run together on one line, or with a bracket pushed to the next line), headings that name the
unit leading the work under them ("(一)X牵头的工作"), the principles of a division (分工原则) as no tasks,
"会同有关部门和各县区", a number that lost its stop ("1推进……"), and "镇人民政府(街道办事处)" as one name.
Sentences written for the tests, not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEAD = "某市人民政府关于落实规划纲要主要目标任务分工的通知\n2011年4月8日\n"


# "(一)约束性指标" / "甲。(X牵头)" / "乙。(A、B等部门按职责分工负责)": each sentence is a task
def test_unnumbered_targets_each_closed_by_a_bracket() -> None:
    draft = parse_document(
        HEAD + "一、主要目标和任务分工\n(一)约束性指标\n森林覆盖率提高到38%。(市林业局牵头)\n"
        "万元生产总值用水量下降18%。(市水务局、市发改委、市住建局等部门按职责分工负责)\n"
        "城镇污水处理率达到90%。(市住建局牵头,市环保局配合)\n")
    assert [t.title for t in draft.tasks] == ["森林覆盖率提高到38%", "万元生产总值用水量下降18%", "城镇污水处理率达到90%"]
    assert [units(t) for t in draft.tasks] == [
        (["市林业局"], [], []), ([], ["市水务局", "市发改委", "市住建局"], []), (["市住建局"], [], ["市环保局"])]


# a copy that runs the targets together on one line and pushes a bracket to the start of the next line
def test_targets_run_together_and_a_bracket_on_the_next_line() -> None:
    draft = parse_document(
        HEAD + "二、责任分工\n1.主要指标的责任部门。\n"
        "户籍人口控制在300万人以内。(市公安局、市卫健委牵头)单位产值能耗降低16%。(市工信局牵头)"
        "基本农田面积不减少。\n(市自然资源局牵头)空气优良天数达到300天。(市生态环境局牵头)\n")
    assert [t.title for t in draft.tasks] == [
        "户籍人口控制在300万人以内", "单位产值能耗降低16%", "基本农田面积不减少", "空气优良天数达到300天"]
    assert [units(t)[0] for t in draft.tasks] == [
        ["市公安局", "市卫健委"], ["市工信局"], ["市自然资源局"], ["市生态环境局"]]


# one such sentence under a heading is the heading's paragraph, as before (the heading is the task)
def test_a_single_bracketed_sentence_stays_the_headings() -> None:
    draft = parse_document(HEAD + "一、重点任务\n(一)优化营商环境\n推行企业开办一日办结。(市政务服务局牵头)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("优化营商环境", (["市政务服务局"], [], []))]


# a numbered item with a bracket after each of its sentences stays one task with all the units (as before)
def test_brackets_inside_a_numbered_item_stay_one_task() -> None:
    draft = parse_document(
        HEAD + "一、重点任务\n(一)发展体育产业。培育赛事品牌。(市体育局负责)扶持健身企业。(市商务局、市财政局负责)\n"
        "(二)完善公共服务。建设社区健身点。(市住建局负责)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("发展体育产业", ([], ["市体育局", "市商务局", "市财政局"], [])), ("完善公共服务", ([], ["市住建局"], []))]


# "(三)X牵头的工作" over "1." "2." items: X leads each; a "协同单位:" line under an item cooperates
def test_a_lead_heading_gives_its_unit_to_the_items_under_it() -> None:
    draft = parse_document(
        HEAD + "一、常务副市长负责的工作\n协助市长抓好市政府工作任务的落实。\n(一)市发改委牵头的工作\n"
        "1.编制年度重大项目计划,做好项目储备。\n2.推进价格改革。\n协同单位:市财政局、市物价局和各区人民政府。\n"
        "(二)市财政局牵头的工作\n深化预算管理改革,推进预算公开。\n协同单位:市直各部门。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("编制年度重大项目计划,做好项目储备", (["市发改委"], [], [])),
        ("推进价格改革", (["市发改委"], [], ["市财政局", "市物价局", "各区人民政府"])),
        ("深化预算管理改革,推进预算公开", (["市财政局"], [], ["市直各部门"]))]


# "一、分工原则" and its "(一)…" points are the principles of the division, not tasks
def test_the_principles_of_the_division_are_no_tasks() -> None:
    draft = parse_document(
        HEAD + "一、分工原则\n(一)明确各级责任。部分指标同时分解落实到相关区人民政府和街道办事处。\n"
        "(二)突出工作重点。重点分解约束性指标。\n二、主要目标和任务分工\n(一)约束性指标\n"
        "耕地保有量不低于120万亩。(市自然资源局牵头)\n单位生产总值能耗降低15%。(市发改委牵头)\n")
    assert [t.title for t in draft.tasks] == ["耕地保有量不低于120万亩", "单位生产总值能耗降低15%"]


# "(X会同有关部门和各县区组织落实)": X leads, the named collective cooperates, "有关部门" is no unit
def test_the_generic_half_of_a_joined_list_is_dropped() -> None:
    draft = parse_document(
        HEAD + "一、约束性指标\n1.城市生活垃圾无害化处理率达到95%。(市城管局会同有关部门和各县区组织落实)\n")
    assert [units(t) for t in draft.tasks] == [(["市城管局"], [], ["各县区"])]


# "1推进……。(X、Y)": a number that lost its stop in the copy, when the line closes with its units
def test_a_number_that_lost_its_stop() -> None:
    draft = parse_document(
        HEAD + "一、推动产业升级\n1推进先进制造业集群建设,培育千亿级产业集群2个。(市工信局、市发改委)\n"
        "2加快发展现代物流业,建设物流园区3个。(市商务局)\n")
    assert [(t.number, t.title) for t in draft.tasks] == [
        ("1.", "推进先进制造业集群建设,培育千亿级产业集群2个"), ("2.", "加快发展现代物流业,建设物流园区3个")]
    assert [units(t)[1] for t in draft.tasks] == [["市工信局", "市发改委"], ["市商务局"]]


# a quantity at the start of a line ("3个园区……", "2012年……") is no item number: the sentences stay
# whole (here, under a short heading, each is an unnumbered target)
def test_a_quantity_at_the_start_of_a_line_is_no_number() -> None:
    draft = parse_document(
        HEAD + "一、推动园区建设。\n3个省级园区完成扩区。(市商务局)\n2012年底前完成园区规划修编。(市自然资源局)\n")
    assert [(t.number, t.title) for t in draft.tasks] == [
        ("", "3个省级园区完成扩区"), ("", "2012年底前完成园区规划修编")]


# "分解落实到相关镇人民政府(街道办事处)。": a town's government and its street office are one name
def test_a_town_and_its_street_office_is_no_assignment() -> None:
    draft = parse_document(
        HEAD + "一、分工安排\n(一)落实属地责任。部分任务同时分解落实到相关镇人民政府(街道办事处)。\n"
        "(二)推进节能降耗。单位生产总值能耗降低15%。(市发改委牵头)\n")
    assert [t.title for t in draft.tasks] == ["推进节能降耗"]


# "1、指标。" / "──由X会同有关部门和各县市区组织落实。": the dashed line is the item's assignment; "由X和各县市区" are both
# responsible; "一、分解原则" is the principles (round 19, second batch)
def test_a_dashed_assignment_line_under_each_item() -> None:
    draft = parse_document(
        HEAD + "一、分解原则\n按照突出重点、责任明确、便于操作的要求进行分解落实。\n二、任务分解\n(一)约束性指标\n"
        "1、城镇污水集中处理率达到85%。\n──由市住建局会同有关部门和各县市区组织落实。\n"
        "2、农村自来水普及率达到90%。\n──由市水利局和各县市区组织落实。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("城镇污水集中处理率达到85%", (["市住建局"], [], ["各县市区"])),
        ("农村自来水普及率达到90%", ([], ["市水利局", "各县市区"], []))]


# "(X配合Y落实)": Y does the work, X helps; "(X牵头,Y配合)" is read as before
def test_one_unit_helps_another() -> None:
    draft = parse_document(
        HEAD + "一、考核制度\n1.将约束性指标纳入领导干部政绩考核。(市人社局配合市委组织部落实)\n"
        "2.建立指标公报制度。(市统计局牵头,市发改委配合)\n")
    assert [units(t) for t in draft.tasks] == [([], ["市委组织部"], ["市人社局"]), (["市统计局"], [], ["市发改委"])]
