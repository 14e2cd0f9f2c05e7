"""`duban import` grammar, round 64 of issue #13: 政府工作报告 重点工作 责任分解 and 分工 of counties and cities.

Sentences of our own, not the documents': a space-separated 政府工作报告 task table whose main units'
cell the page broke over lines of their own, the last of which begins with the next cell, a list of
names ("A、B、等C,D。 2023年12月底"); a list with a stray 、 before its 等 ("A、B、等县直有关部门"), whose
collective after 等 is kept as "A等县直有关部门" keeps it; and the round's shapes read right at first
sight: a heading naming the county head who leads a part with "N.……。" / "责任单位:X。" lines, and
"N. 指标。(X负责)" / "(A、B、C负责)" under "一、2025年年度目标"."""

from __future__ import annotations

from datetime import date

from scheduler.importer.listed_units import unit_list
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_WRAPPED = """某县2024年政府工作报告重点工作任务分解表
序号 重点工作任务 主要责任单位 协同配合单位 完成期限
12 新增规模以上工业企业20家。 县经信局 县统计局、县税务局等县直有关部门,各乡镇人民政府。 2024年12月底
13 建设县域物流分拨中心,完善县乡村三级寄递网络。 县商务局
县交通局
县邮政管理局
县发改委、县财政局、等县直有关部门,县农投公司。 2024年10月底
14 实施农村供水保障工程。 县水利局 县财政局,各乡镇人民政府。 2024年11月底
"""


def test_a_main_units_cell_broken_over_lines_and_the_row_going_on_after_it() -> None:
    draft = parse_document(_WRAPPED)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("新增规模以上工业企业20家",
         ([], ["县经信局"], ["县统计局", "县税务局", "县直有关部门", "各乡镇人民政府"]), [date(2024, 12, 31)]),
        ("建设县域物流分拨中心,完善县乡村三级寄递网络",
         ([], ["县商务局", "县交通局", "县邮政管理局"], ["县发改委", "县财政局", "县直有关部门", "县农投公司"]),
         [date(2024, 10, 31)]),
        ("实施农村供水保障工程", ([], ["县水利局"], ["县财政局", "各乡镇人民政府"]), [date(2024, 11, 30)]),
    ]


def test_a_cell_listing_names_and_cells_that_are_none() -> None:
    assert unit_list("县发改委、县财政局、等县直有关部门,县农投公司。")
    assert unit_list("区科技局、区商务局(区药发中心)")
    assert not unit_list("县交通局")  # one name: the rest of the cell it broke from, read as before
    assert not unit_list("县科技局、县财政局要加强统筹。")  # a sentence that begins with names
    assert not unit_list("2024年12月底")


_STRAY_COMMA = """一、重点任务
1.推进县城污水管网改造。(牵头单位:县住建局;配合单位:县财政局、县生态环境分局、等县直有关部门)
2.开展农村人居环境整治。(牵头单位:县农业农村局;配合单位:县卫健委、等有关部门)
"""


def test_a_stray_comma_before_etc_keeps_the_collective_and_drops_a_bare_generic() -> None:
    draft = parse_document(_STRAY_COMMA)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("推进县城污水管网改造", (["县住建局"], [], ["县财政局", "县生态环境分局", "县直有关部门"])),
        ("开展农村人居环境整治", (["县农业农村局"], [], ["县卫健委"])),
    ]


_HEAD_LEADS = """2024年政府工作报告重点工作责任分解

一、王某某县长牵头重点工作

1.一般公共预算收入与经济增长基本同步。

责任单位:县财政局。

2.深化国有企业改革,完成县属企业整合重组。

责任单位:县国资中心、县财政局。
"""


def test_a_heading_naming_the_county_head_and_units_on_a_line_after_the_item() -> None:
    draft = parse_document(_HEAD_LEADS)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("一般公共预算收入与经济增长基本同步", ([], ["县财政局"], []), []),
        ("深化国有企业改革,完成县属企业整合重组", ([], ["县国资中心", "县财政局"], []), []),
    ]


_YEAR_TARGETS = """某市人民政府办公室关于落实《政府工作报告》重点工作分工的意见
  一、2025年年度目标

  1. 地区生产总值增长5.5%左右。(市发展改革委负责)

  2. 城镇新增就业6000人以上。(市人社局负责)

  二、2025年重点工作

  (一)扩大有效需求

  3. 举办促消费活动100场次,推动老旧商圈改造提升。(市商务局、市住建局、市文旅局负责)
"""


def test_year_targets_each_done_by_the_units_it_names() -> None:
    draft = parse_document(_YEAR_TARGETS)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("地区生产总值增长5.5%左右", ([], ["市发展改革委"], []), []),
        ("城镇新增就业6000人以上", ([], ["市人社局"], []), []),
        ("举办促消费活动100场次,推动老旧商圈改造提升", ([], ["市商务局", "市住建局", "市文旅局"], []), []),
    ]
