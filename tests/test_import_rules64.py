"""`duban import` grammar, round 63 of issue #13: 民生实事 lists, 重点项目 lists and 会议纪要 交办事项.

Sentences of our own, not the documents': a 民生实事 progress table copied one cell per line (each cell
closed by " |", empty cells a bare "|") whose 目标 cell is a count of schools ("3所") and whose last
project's name is merged down over three sub-items, each with its own unit; a 目标任务分解表 whose
header's letters are spaced ("任 务 名 称") and whose last column is the target's type ("目 标 类 型":
A类/B类); a 常务会议纪要 whose numbered 交办事项 name their agents as "由X提出具体方案" and as a
government's purse ("县财政安排……经费"). Each of them read wrongly or not at all before this round."""

from __future__ import annotations

from scheduler.importer.by_agents import agents
from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import is_unit_name
from tests.import_rules_support import units

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
