"""`duban import` grammar, round 8 of issue #13: a province's notice on a State Council inspection
names its units in sentences: a place collective written with bracketed place lists ("各市（州）、
县（市、区）要……"), a lead list closed by a qualified collective and followed by the work it leads
("由所涉及的A、B等省级主管部门（单位）牵头完成自查报告"), and a deadline with a clock time
("于6月20日18：00前报送"). The documents themselves stay out of the repository; each form is tested
with sentences of the same shape, names and dates changed."""

from __future__ import annotations

from scheduler.importer.parse import DraftTask, parse_document
from tests.import_rules_support import units


def deadlines(task: DraftTask) -> list[str]:
    return [p for p, _ in task.deadlines]


NOTICE = (
    "关于开展政策落实情况自查的通知\n"
    "各市（州）、县（市、区）人民政府，省政府各部门：\n"
    "现就有关工作通知如下。\n"
    "一、各地自查\n"
    "各市（州）、县（市、区）要对本地区落实情况开展逐项自查。各市（州）于5月15日17：30前向省政府报送自查报告。\n"
    "二、部门自查\n"
    "省级部门要按照职责分工开展自查。12个方面重点，由所涉及的省教育厅、省卫生健康委、省医保局等省级主管部门（单位）"
    "牵头完成自查报告，其他相关部门（单位）配合，于5月15日17：30前报送省政府。\n"
)


# "各市（州）、县（市、区）" is one collective; "各市（州）" of a later sentence is a part of it
def test_place_collective_with_bracketed_place_lists_is_one_unit() -> None:
    first = parse_document(NOTICE).tasks[0]
    assert first.title == "各地自查"
    assert units(first) == ([], ["各市（州）、县（市、区）"], [])


# "由所涉及的A、B等省级主管部门（单位）牵头完成……": the named units lead, the collective is dropped;
# "其他相关部门（单位）配合" is generic (like 其他有关部门) and not recorded
def test_lead_list_closed_by_a_qualified_collective() -> None:
    second = parse_document(NOTICE).tasks[1]
    assert second.title == "部门自查"
    assert units(second) == (["省教育厅", "省卫生健康委", "省医保局"], ["省级部门"], [])


def test_by_x_lead_followed_by_the_work_it_leads() -> None:
    draft = parse_document("一、专项整治\n由省交通运输厅牵头完成整治方案起草，年内印发。\n")
    assert units(draft.tasks[0]) == (["省交通运输厅"], [], [])


# a clock time between the day and 前 ("5月15日17：30前") leaves the day's deadline
def test_deadline_with_a_clock_time() -> None:
    draft = parse_document(NOTICE)
    assert [deadlines(t) for t in draft.tasks] == [["5月15日前"], ["5月15日前"]]
    one = parse_document("一、报送材料\n各区政府于9月30日 12:00之前报送总结。\n").tasks[0]
    assert deadlines(one) == ["9月30日之前"]
