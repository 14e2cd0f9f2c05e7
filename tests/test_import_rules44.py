"""`duban import` grammar, round 43 of issue #13: plans of regions not searched before (a 黑龙江 2009 十大工程
方案, a 辽宁 2025 政府工作报告 division, a 鄂尔多斯 2025 区域合作 方案 stored on a list page, a 海东/兰州/临夏 2020
task list written by three cities). "海东市、兰州市、临夏州发展改革部门" names each city's own department, as
"A市、B市人民政府" names each government; a list page keeps the plan's start on one line, its lines kept as
spaces, with one "(一)" item. These tests keep the round's shapes read, in sentences of their own."""

from __future__ import annotations

from scheduler.importer.paren_start import split_first_items
from scheduler.importer.parse import parse_document
from scheduler.importer.shared_gov import share_government
from tests.import_rules_support import units


# "责任单位:A市、B市、C州X部门": each place's own X部门, in a label line and in a bracket
def test_named_places_share_the_kind_of_department_after_them() -> None:
    draft = parse_document("一、交通互联方面\n1. 推进城际公交线路开通。\n"
                           "责任单位:西宁市、海东市、海北州交通运输部门\n"
                           "2. 共建旅游推介平台。(省文化和旅游厅牵头,大理州、丽江市文化和旅游局配合)\n"
                           "3. 推進校園食品安全聯查。(固原市、中衛市教育局負責)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进城际公交线路开通", ([], ["西宁市交通运输部门", "海东市交通运输部门", "海北州交通运输部门"], [])),
        ("共建旅游推介平台", (["省文化和旅游厅"], [], ["大理州文化和旅游局", "丽江市文化和旅游局"])),
        ("推進校園食品安全聯查", ([], ["固原市教育局", "中衛市教育局"], []))]


# a bare place with no named place's department after it stays as written, and so do collectives and zones
def test_bare_places_without_a_department_after_them_stay() -> None:
    draft = parse_document("(一)联合举办招商推介会。(市商务局牵头,大理市、丽江市配合)\n")
    assert units(draft.tasks[0]) == (["市商务局"], [], ["大理市", "丽江市"])
    assert share_government(["大理市", "市财政局"]) == ["大理市", "市财政局"]
    assert share_government(["白银市", "兰州市财政局"]) == ["白银市财政局", "兰州市财政局"]
    assert share_government(["海东市", "海东工业园区管委会"]) == ["海东市", "海东工业园区管委会"]
    assert share_government(["大理州", "丽江市市场监管局"]) == ["大理州市场监管局", "丽江市市场监管局"]
    assert share_government(["各县", "区发改局"]) == ["各县", "区发改局"]
    assert share_government(["大理市", "省发展改革委", "丽江市教育局"]) == ["大理市", "省发展改革委", "丽江市教育局"]


_NOTICE = ("市人民政府关于印发区域协作推进方案的通知 各旗区人民政府,市直各部门: 《区域协作推进方案》已经市人民政府"
           "常务会议审议通过,现印发给你们,请认真组织实施。 市人民政府 2024年3月1日 区域协作推进方案 为推动区域协调"
           "发展,促进资源共享、优势互补,推动基础设施互联互通、产业协作和公共服务共建共享,加快形成优势互补、高质量"
           "发展的区域格局,结合本市实际,制定本方案。 ")


# a run-on list page: the notice, "一、heading" and its "(一)" items on one line, lines kept as spaces
def test_run_on_page_splits_at_its_first_section_and_items() -> None:
    text = (_NOTICE + "一、以协同发展为基础深化市域合作 (一)共建产业园区。引导旗区之间共建产业链,共享招商资源。"
            "(责任单位:市发展改革委,各旗区人民政府) (二)共享公共服务。推动教育、医疗资源跨区共享。(责任单位:市教育局)\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("共建产业园区", ([], ["市发展改革委", "各旗区人民政府"], [])),
        ("共享公共服务", ([], ["市教育局"], []))]


# a short line, or a heading not followed by "(一)", is no such page; an item out of order stays in the one before
def test_lines_without_a_first_item_after_the_heading_stay_whole() -> None:
    assert split_first_items("制定本方案。 一、总体要求 (一)指导思想。") is None
    assert split_first_items(_NOTICE + "一、总体要求 以习近平新时代中国特色社会主义思想为指导,坚持稳中求进。") is None
    lines = split_first_items(_NOTICE + "一、主要任务 (一)建设园区。(市发展改革委负责) (三)共享服务。(市教育局负责)")
    assert lines is not None and lines[1:] == ["一、主要任务", "(一)建设园区。(市发展改革委负责) (三)共享服务。(市教育局负责)"]
    assert len(_NOTICE) >= 180 and split_first_items(_NOTICE[-60:] + "一、主要任务 (一)建设园区。") is None


# "1.X工程:……。X牵头,A、B等单位配合。": a colon title and an assignment sentence without brackets (guard)
def test_colon_title_and_an_assignment_sentence_after_it() -> None:
    draft = parse_document("一、粮食产能工程\n任务分工:副省长负责,省农委总牵头。\n"
                           "1.农机化工程:新建现代农机专业合作社30个。省农机局牵头,省财政厅、农垦总局等单位配合。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("农机化工程:新建现代农机专业合作社30个", (["省农机局"], [], ["省财政厅", "农垦总局"]))]
