"""`duban import` grammar, round 27 of issue #13: 整改 problem lists and 民生实事 project pages —
a progress notice stored as one line whose label values run into the next field after a space, a
problem list whose units line is labelled "问题整改责任单位:", a " | " progress table whose category
column is merged down, and a one-cell-per-line table whose narrow header cells wrapped and whose
rows leave out the category column. Each form is tested with rows of the same shape as the
documents', names, places and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import parse_document
from scheduler.importer.spaced_units import leading_units
from tests.import_rules_support import units

# A progress notice stored as one line: "N.项目。 牵头领导:人 责任单位:X 项目责任人:人 配合单位:Y 实际完成情况:……"
_ONE_LINE = ("2019年区政府民生实事项目共有20项,现将1—9月份进展情况公示如下。 "
             "1.新建城市书房5家。 牵头领导:张某 责任单位:区文广旅体局 项目责任人:李某 "
             "配合单位:区财政局、区住建局 实际完成情况:已完成选址3处,施工进度达到年度目标的60%。 "
             "2.改造老旧小区12个。 牵头领导:王某 责任单位:区住建局,各街道办事处 项目责任人:赵某 "
             "配合单位:区财政局,各街道办事处 东城 西城 南城 合计 年度目标 4 5 3 12 实际完成 2 1 0 3 "
             "3.新增公共停车泊位800个。 牵头领导:王某 责任单位:区交通局 项目责任人:钱某 实际完成情况:已建成泊位500个。")


# "责任单位:X 项目责任人:…": the units end at the space before the next (prefixed) label
def test_units_end_where_the_next_field_begins_on_a_one_line_page() -> None:
    draft = parse_document(_ONE_LINE)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("新建城市书房5家", ([], ["区文广旅体局"], ["区财政局", "区住建局"])),
        ("改造老旧小区12个", ([], ["区住建局", "各街道办事处"], ["区财政局", "各街道办事处"])),
        ("新增公共停车泊位800个", ([], ["区交通局"], []))]


# a units value whose pieces are all units' names stays several units; a first piece that names no
# unit ("市 发改委", one name spaced) or a rest that starts with a deadline is kept as written
def test_spaced_units_and_values_that_are_not_cut() -> None:
    draft = parse_document("1.推进智慧停车平台建设。\n责任单位:市城管局 市公安局 开发区管委会\n")
    assert units(draft.tasks[0]) == ([], ["市城管局", "市公安局", "开发区管委会"], [])
    assert leading_units("市住建局 2020年10月底前完成") == "市住建局 2020年10月底前完成"
    assert leading_units("市 发改委") == "市 发改委"
    assert leading_units("市财政局 实际完成情况:已完成50%") == "市财政局"


# "1. 地点" / "(1)问题;" … / "问题整改责任单位:X 整改时限:N天": the place is the task, X responsible
def test_a_problem_list_whose_units_line_is_labelled_for_rectification() -> None:
    text = ("创卫督查发现问题清单\n6月12日,市创卫办通报督查组发现的问题,要求限期整改。\n"
            "1. 市体育中心\n(1)看台下堆放杂物;\n(2)公厕无洗手液。\n"
            "问题整改责任单位:市体育局 整改时限:3天\n"
            "2. 人民公园\n(1)园内垃圾桶破损;\n(2)绿化带有烟头;\n(3)宣传栏内容过期。\n"
            "问题整改责任单位:市城管局 整改时限:5天\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("市体育中心", ([], ["市体育局"], [])), ("人民公园", ([], ["市城管局"], []))]


# "类别 | 事项名称 | 年度目标 | 责任单位 | 分管领导 | 完成情况 |": the category merged down, the
# number at the start of the name, the progress columns not read, the page's fields after the table
def test_a_progress_table_whose_category_column_is_merged_down() -> None:
    text = ("类别 | 民生事项名称 | 2021年度任务目标 | 责任单位 | 分管市领导 | 1-6月份工作完成情况 | 1-6月份工作取得成效 |\n"
            "二、医疗卫生 | 7.建设社区卫生服务中心 | 建成并投用2处社区卫生服务中心。 | 卫生健康局 | 孙某 |"
            " 完成主体施工。 | 进展顺利。 |\n"
            "8.开展免费健康体检 | 为6万名老年人免费体检。 | 卫生健康局 | 孙某 | 已体检3.1万人。 | 过半。 | |\n"
            "9.改善乡镇卫生院条件 | 改造乡镇卫生院5处。 | 卫生健康局、财政局 | 孙某 | 已开工3处。 | 有序推进。 |\n"
            "索引号: | 1137/2021-0012 | 成文日期: | 2021-07-05 |\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("建设社区卫生服务中心", ([], ["卫生健康局"], [])),
        ("开展免费健康体检", ([], ["卫生健康局"], [])),
        ("改善乡镇卫生院条件", ([], ["卫生健康局", "财政局"], []))]


_NARROW = ("“十一五”规划工作分解之二:城市建设\n\n序号\n\n项目\n\n类别\n\n具 体 内 容\n\n牵头\n\n部门\n\n"
           "相关责任部门\n\n完成\n\n时间\n\n")


# header cells wrapped ("牵头" / "部门", "完成" / "时间", "项目" / "类别"); rows without the category cell
def test_a_table_whose_narrow_header_cells_wrapped_and_rows_skip_the_category() -> None:
    text = _NARROW + ("31\n\n完成主干道路网改造\n\n建设局\n\n规划局、财政局等相关部门,8个街道、镇\n\n2009年\n\n"
                      "32\n\n建设社区公共绿地20块\n\n绿化局\n\n相关部门\n\n2008年\n\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("完成主干道路网改造", (["建设局"], ["规划局", "财政局", "8个街道、镇"], [])),
        ("建设社区公共绿地20块", (["绿化局"], [], []))]
    assert [[d for d, _, _ in resolve_deadlines(t, 2006, None)] for t in draft.tasks] == [
        [date(2009, 12, 31)], [date(2008, 12, 31)]]


# the header written again where the page's table goes on is no cell of the row before it
def test_a_header_repeated_inside_a_one_cell_per_line_table() -> None:
    repeat = "序号\n\n项目\n\n类别\n\n具 体 内 容\n\n牵头\n\n部门\n\n相关责任部门\n\n完成\n\n时间\n\n"
    text = _NARROW + ("31\n\n完成主干道路网改造\n\n建设局\n\n规划局\n\n2009年\n\n" + repeat
                      + "32\n\n建设社区公共绿地20块\n\n绿化局\n\n8个街道、镇\n\n2008年\n\n")
    draft = parse_document(text)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("31", "完成主干道路网改造", (["建设局"], ["规划局"], [])),
        ("32", "建设社区公共绿地20块", (["绿化局"], ["8个街道、镇"], []))]


# guard: a row with every cell (the category cell present) is read as before
def test_rows_with_their_category_cell_keep_the_header_columns() -> None:
    text = _NARROW + "31\n\n道路\n\n完成主干道路网改造\n\n建设局\n\n规划局\n\n2009年\n\n"
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("完成主干道路网改造", (["建设局"], ["规划局"], []))]


# "N、项目名,牵头部门:X。进展句。": the label clause ends the title's sentence after a comma
def test_a_label_clause_after_the_title_in_a_progress_notice() -> None:
    text = ("现将1至6月民生工程实施进度通报如下:\n一、实施进度综合排名\n第一名甲县;第二名乙区。\n二、部分项目进展情况\n"
            "1、城乡供水一体化工程,牵头部门:市水利局。进度较慢的为甲县。\n"
            "2、老年助餐服务,责任单位:市民政局、市财政局。乙区尚未开工。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("城乡供水一体化工程", (["市水利局"], [], [])), ("老年助餐服务", ([], ["市民政局", "市财政局"], []))]
    assert draft.tasks[0].detail == "进度较慢的为甲县。"


# guard: a first sentence whose text goes on after the comma is no title with a label
def test_a_sentence_that_names_a_label_word_later_is_read_as_before() -> None:
    text = "1.完善联络机制,明确责任单位:各单位确定一名联络员。(市政府办公室负责)\n"
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("完善联络机制,明确责任单位:各单位确定一名联络员", ([], ["市政府办公室"], []))]
