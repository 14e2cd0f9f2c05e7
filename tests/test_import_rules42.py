"""`duban import` grammar, round 41 of issue #13: real documents of districts and townships (a district's 2019
《政府工作报告》 task division reposted by another site, a township's 2018 脱贫攻坚 问题整改 plan). The township's
plan numbers problems "(1)" under "1.", and under "(2)住房安全方面。" a problem "①……。(牵头单位:X、Y;责任单位:各村
支部)", whose title the copy broke with a space ("有的搬 迁后"). These tests keep those shapes read, in sentences
of their own."""

from __future__ import annotations

from scheduler.importer.circled import circled_point, point_under
from scheduler.importer.parse import parse_document
from scheduler.importer.title_spaces import joined_title
from tests.import_rules_support import units

_PLAN = """一、整改内容
1.专项整改问题
(1)部分村集体经济收入台账不全。(牵头单位:财政所;责任单位:各村委会)
整改措施:逐村核对收支凭证,建立规范台账。
(2)饮水安全方面。
①有的集中供水点水质检测不及时。(牵头单位:水务站、卫生院;责任单位:各村委会)
整改措施:每季度开展一次水质检测。
②有的村蓄水池缺少防护设施。(责任单位:水务站)
"""


# "(2)饮水安全方面。" over "①……。(X牵头)" and "②……": each circled point is a task, the heading their group
def test_circled_points_with_brackets_are_tasks_under_a_heading_point() -> None:
    draft = parse_document(_PLAN)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("1.(1)", "部分村集体经济收入台账不全", (["财政所"], ["各村委会"], [])),
        ("1.(2)①", "有的集中供水点水质检测不及时", (["水务站", "卫生院"], ["各村委会"], [])),
        ("1.(2)②", "有的村蓄水池缺少防护设施", ([], ["水务站"], [])),
    ]
    assert len({t.key for t in draft.tasks}) == 3
    assert draft.tasks[1].detail == "整改措施:每季度开展一次水质检测。"


def test_circled_points_under_an_item_heading_and_under_an_assigned_item() -> None:
    draft = parse_document("(一)道路交通\n①部分路段缺少减速标志。(县交通运输局负责)\n②校车管理制度不健全。(县教育局负责)\n"
                           "(二)部分场所消防通道堵塞。(县消防救援大队负责)\n①个别商铺违规住人。(县市场监管局配合)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("部分路段缺少减速标志", ([], ["县交通运输局"], [])),
        ("校车管理制度不健全", ([], ["县教育局"], [])),
        ("部分场所消防通道堵塞", ([], ["县消防救援大队"], [])),
        ("个别商铺违规住人", ([], [], ["县市场监管局"])),
    ]


# circled lines without a bracket of their own stay sentences of their item
def test_circled_lines_without_a_bracket_stay_in_their_item() -> None:
    draft = parse_document("(一)提升基层医疗服务能力。\n①每个乡镇办好1所卫生院。\n②每个村建好1个卫生室。\n"
                           "(县卫健局牵头,各乡镇配合)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [("提升基层医疗服务能力", (["县卫健局"], [], ["各乡镇"]))]
    assert circled_point("①每个乡镇办好1所卫生院。") is None
    assert circled_point("①有的村道路失修。(交通办负责)") == (1, "有的村道路失修。(交通办负责)")
    assert point_under("1.(2)", "01-2", 1) == ("1.(2)①", "01-2-1", False)
    assert point_under("1.(2)①", "01-2-1", 2) == ("1.(2)②", "01-2-2", True)


# "有的搬 迁后": a lone space a copy left between two Chinese characters leaves the title
def test_lone_spaces_between_chinese_characters_leave_titles() -> None:
    draft = parse_document("(一)有的村道路硬化 后管护没跟上。(牵头单位:交通办;责任单位:各村委会)")
    assert [t.title for t in draft.tasks] == ["有的村道路硬化后管护没跟上"]
    assert joined_title("推进5G 基站建设") == "推进5G 基站建设"
    assert joined_title("完成2024 年度任务") == "完成2024 年度任务"
    assert joined_title("序号  工作任务") == "序号  工作任务"
    assert joined_title("加强水资源保 护") == "加强水资源保护"
    assert joined_title("落实中共中央办公厅 国务院办公厅通知") == "落实中共中央办公厅 国务院办公厅通知"


# a slogan in quotation marks keeps its space: "“关爱生命 救在身边”活动"
def test_spaces_inside_quotes_stay_in_titles() -> None:
    assert joined_title("开展“关爱生命 救在身边”活动") == "开展“关爱生命 救在身边”活动"
    assert joined_title("宣传《健康 生活》读本,推进健 康教育") == "宣传《健康 生活》读本,推进健康教育"
    draft = parse_document("(一)开展“文明出行 你我同行”主题宣传。(市文明办牵头,市公安局配合)")
    assert [t.title for t in draft.tasks] == ["开展“文明出行 你我同行”主题宣传"]
