"""`duban import` grammar, round 63 of issue #13: 民生实事 lists, 重点项目 lists and 会议纪要 交办事项.

Sentences of our own, not the documents': a 民生实事 progress table copied one cell per line (each cell
closed by " |", empty cells a bare "|") whose 目标 cell is a count of schools ("3所") and whose last
project's name is merged down over three sub-items, each with its own unit; a 目标任务分解表 whose
header's letters are spaced ("任 务 名 称") and whose last column is the target's type ("目 标 类 型":
A类/B类); a 常务会议纪要 whose numbered 交办事项 name their agents as "由X提出具体方案" and as a
government's purse ("县财政安排……经费"). After those rules (batch 2): a 常务会议's 议定事项 "由X集团按程序组织
实施"; a meeting's news whose subject names a town beside a bureau ("X镇、Y局要……") or a district's
department in traditional characters ("區財政部門要……"); a 十件实事 办理方案 whose 完成时限 cells stand
alone on the item's lines ("3月" / "6月"). Each of them read wrongly or not at all before this round."""

from __future__ import annotations

from datetime import date

from scheduler.importer.by_agents import agents, is_town
from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import is_unit_name
from tests.import_rules_support import dates, units

_PROGRESS = "\n".join(f"{cell} |" if cell else "|" for cell in (
    "序号", "民生实事项目名称", "责任单位", "目标任务", "1-6月完成情况", "完成率", "备注",
    "1", "新建乡镇公办幼儿园", "县教育局", "3所", "", "40%", "主体工程已完工。",
    "2", "改造城区老旧供水管网", "县水务局", "12公里", "8公里", "67%", "",
    "3", "提高城乡困难群众保障水平", "城乡低保对象动态管理全覆盖", "县民政局", "100%", "100%", "", "",
    "为困难残疾人发放生活补贴", "县残联", "2000人", "1500", "75%", "",
    "临时救助及时率达到95%", "县民政局", "95%", "96%", "", "已完成年度目标。",
))


def test_a_progress_table_with_a_count_cell_and_a_name_merged_over_sub_items() -> None:
    draft = parse_document("某县2021年1-6月民生实事完成情况表\n" + _PROGRESS + "\n")
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("新建乡镇公办幼儿园", ([], ["县教育局"], [])),
        ("改造城区老旧供水管网", ([], ["县水务局"], [])),
        ("城乡低保对象动态管理全覆盖", ([], ["县民政局"], [])),
        ("为困难残疾人发放生活补贴", ([], ["县残联"], [])),
        ("临时救助及时率达到95%", ([], ["县民政局"], [])),
    ]


def test_a_count_of_schools_or_stations_is_no_unit() -> None:
    assert [is_unit_name(n) for n in ("3所", "12站", "县第二中学派出所", "乡镇农技站")] == [False, False, True, True]


_TARGETS = """附件1 |
序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |
1 | 一般公共预算收入 | 增长6% | 区财政局 | 区税务局、各街道办事处 | A类 |
2 | 新增城镇就业 | 8000人 | 区人力社保局 | 区发改局 | B类 |
"""


def test_the_type_of_a_target_is_no_part_of_its_title() -> None:
    draft = parse_document(_TARGETS)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("一般公共预算收入", (["区财政局"], [], ["区税务局", "各街道办事处"])),
        ("新增城镇就业", (["区人力社保局"], [], ["区发改局"])),
    ]


_MINUTES = """某县人民政府第8次常务会议纪要
现将会议议定事项纪要如下:
一、研究县城生活垃圾分类工作
会议原则同意县城管局提出的实施方案,修改完善后印发。
会议就有关具体事项明确如下:
1.关于分类收集设施配置问题。设施配置由县垃圾分类工作领导小组提出具体方案后另行研究。
2.关于工作经费问题。县财政安排县城管局分类工作经费30万元。
3.关于宣传发动问题。由县融媒体中心负责制作公益广告。
"""


def test_minutes_whose_items_name_an_agent_by_its_proposal_or_by_the_purse() -> None:
    draft = parse_document(_MINUTES)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("关于分类收集设施配置问题", ([], ["县垃圾分类工作领导小组"], [])),
        ("关于工作经费问题", ([], ["县财政"], [])),
        ("关于宣传发动问题", ([], ["县融媒体中心"], [])),
    ]


def test_the_purse_names_a_unit_only_when_it_pays() -> None:
    got = [agents(s, False, True) for s in (
        "市财政每年安排专项资金200万元", "区财政局足额安排经费", "县财政收入增长8%", "财政安排资金",
    )]
    assert got == [["市财政"], ["区财政局"], [], []]
    assert agents("县财政安排经费", False, False) == []  # the subject grammar named the agent already


_AGENDA = """某区政府第45次常务会议纪要
会议研究了以下事项:
一、审议《某区政府投资项目管理办法(送审稿)》
会议议定:原则同意,按会议要求修改完善后印发。
二、审议《关于城东片区棚户区改造项目有关事宜的请示》
会议议定:原则同意,由城投集团按程序组织实施。
"""


def test_an_agenda_item_carried_out_by_a_named_group() -> None:
    draft = parse_document(_AGENDA)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("审议《某区政府投资项目管理办法(送审稿)》", ([], [], [])),
        ("审议《关于城东片区棚户区改造项目有关事宜的请示》", ([], ["城投集团"], [])),
    ]


_NEWS = """王某主持召开区政府第60次常务会议
会议审议并原则通过了《某小区安置方案》。会议强调,相关单位要提高认识。一要细化方案。二要加快进度。\
青龙镇、城南新区建设管理局要明确分工,加快安置进度,尽快交房。三要依法推进。
"""
_NEWS_TRADITIONAL = """某區政府第十二次常務會議
會議討論並原則同意了區本級債務收支計畫。會議要求,區財政部門要拓寬融資渠道,加快資金撥付。有關部門要形成合力。
"""


def test_a_meeting_whose_subject_names_a_town_or_a_traditional_department() -> None:
    got = [(t.title, units(t)) for text in (_NEWS, _NEWS_TRADITIONAL) for t in parse_document(text).tasks]
    assert got == [
        ("明确分工,加快安置进度,尽快交房", ([], ["青龙镇", "城南新区建设管理局"], [])),
        ("拓寬融資渠道,加快資金撥付", ([], ["區財政部門"], [])),
    ]
    assert [is_town(n) for n in ("青龙镇", "城关镇", "东湖街道", "乡镇", "城镇", "各镇")] == [
        True, True, True, False, False, False]


_PLAN = """某区2023年十件实事办理方案
2023年3月1日
责任事项

具体工作内容

完成时限

5.为城区小学配备课后服务教师。(牵头单位:区教育局;责任单位:区财政局)

做好课后服务教师配备。1.摸清需求。2.招聘教师。3.组织考核。

4月

张某

8月

12月

6.新建社区卫生服务站2个。(责任单位:区卫健局)

选址建设。

10月份
"""


def test_month_cells_standing_alone_are_the_items_deadlines() -> None:
    draft = parse_document(_PLAN)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("为城区小学配备课后服务教师", (["区教育局"], ["区财政局"], []),
         [date(2023, 4, 30), date(2023, 8, 31), date(2023, 12, 31)]),
        ("新建社区卫生服务站2个", ([], ["区卫健局"], []), [date(2023, 10, 31)]),
    ]
