"""`duban import` grammar, round 33 of issue #13: real documents from fields and places no earlier round
had (a province's 水利 policy division, a city's 蓝天保卫战 plan, a district bureau's task table, a city's
食品安全 division page, two cities' 就业创业 opinions in traditional copies). Items of the same shapes as
the documents', names, places and sentences changed."""

from __future__ import annotations

from scheduler.importer.layout import relayout
from scheduler.importer.names import split_names
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import units

# a district bureau's task table: a cell per line, a blank line between cells, "主要责任单位 / 协同配合单位"
_TABLE = "\n\n".join([
    "某区文化旅游体育局2024年重点工作任务分解表",
    "序号", "重点工作任务", "主要责任单位", "协同配合单位",
    "一、主要预期目标",
    "5", "接待游客人次增长8%左右。", "区文旅体局", "区商务局、区交通局,各乡镇人民政府、街道办事处。",
    "二、丰富公共文化服务",
    "41", "新建城市书房3家,改造乡镇综合文化站2个。", "区文旅体局", "区财政局。",
])


# "主要责任单位" names the responsible units' column, as "主要负责部门" and "主体责任单位" do; category rows are none
def test_a_main_responsible_units_column_is_read() -> None:
    draft = parse_document(_TABLE)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("5", "接待游客人次增长8%左右",
         ([], ["区文旅体局"], ["区商务局", "区交通局", "各乡镇人民政府、街道办事处"])),
        ("41", "新建城市书房3家,改造乡镇综合文化站2个", ([], ["区文旅体局"], ["区财政局"]))]


# "各乡镇人民政府、街道办事处": 各 goes on over the streets' offices, one collective; a unit after them stays apart
def test_towns_governments_and_street_offices_are_one_collective() -> None:
    assert split_names("各乡镇人民政府、街道办事处") == ["各乡镇人民政府、街道办事处"]
    assert split_names("各镇政府、街道办事处、区财政局") == ["各镇政府、街道办事处", "区财政局"]
    # guard: a named town's government and a street office stay two units
    assert split_names("城关镇人民政府、街道办事处") == ["城关镇人民政府", "街道办事处"]
    assert split_names("区教育局、街道办事处") == ["区教育局", "街道办事处"]


# "各县、区人民政府(管委会)" and "各縣、特區、區人民政府": governments of levels, one collective each
def test_level_governments_with_a_remark_or_a_special_district() -> None:
    assert split_names("各县、区人民政府(管委会)") == ["各县、区人民政府(管委会)"]
    assert split_names("各縣、特區、區人民政府") == ["各縣、特區、區人民政府"]
    assert split_names("各县、特区、区政府、市人社局") == ["各县、特区、区政府", "市人社局"]
    # guard: a county's own bureau after a lone level word still closes the collective as before
    assert split_names("各县、区政府、县财政局") == ["各县、区政府", "县财政局"]


_PLAN = "\n".join([
    "某市打赢碧水保卫战实施方案(2020-2021年)",
    "一、目标要求",
    "到2021年,全市地表水国考断面水质优良比例达到80%,城市黑臭水体基本消除。",
    "二、工作任务",
    "(一)调整产业结构,推动绿色发展。",
    "1.严格环境准入。落实生态环境分区管控要求。〔市生态环境局牵头,市发展和改革局参与,"
    "各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实,不再列出。〕"
    "新建项目严格执行排放标准。(市生态环境局、市工业和信息化局牵头,市自然资源局参与)",
])


# "一、目标要求" is a preamble section like "目标任务": its "到2021年" is a goal, not a task with a deadline
def test_a_goals_and_requirements_section_is_no_task() -> None:
    draft = parse_document(_PLAN)
    assert [(t.number, t.title) for t in draft.tasks] == [("(一)1", "严格环境准入")]
    (task,) = draft.tasks
    assert units(task) == (["市生态环境局", "市工业和信息化局"], ["各县、区人民政府(管委会)"], ["市发展和改革局", "市自然资源局"])
    assert (task.deadlines, task.ongoing) == ([], "")


# guard: a section whose heading only begins with 目标 and goes on is still read as before
def test_a_goals_heading_with_more_words_is_unchanged() -> None:
    text = "一、目标要求落实\n到2021年底前完成全部整治。(市水务局牵头)\n"
    draft = parse_document(text)
    assert [units(t) for t in draft.tasks] == [(["市水务局"], [], [])]


# "由X会同A、经济和信息化委、B等部门落实": a department whose name begins with 经济 is a partner, not "经…批准"
def test_a_name_beginning_with_economy_is_a_unit() -> None:
    got = subject_units("(二)关于“提高工业用水效率”的问题,由省水利厅会同省发展改革委、经济和信息化委、商务厅等部门落实。")
    assert (got.lead, got.cooperating) == (["省水利厅"], ["省发展改革委", "经济和信息化委", "商务厅"])
    # guard: "经市政府同意" opens a sentence with a preposition, no unit
    assert subject_units("经市政府同意,现将方案印发。").empty()


# "X负责,Y委有关委员单位配合": the members of a named body are one collective partner;
# "各成员单位" refers back to a division made elsewhere and stays no unit
def test_a_named_bodys_member_units_are_partners() -> None:
    got = subject_units("市安委办负责,市安委有关成员单位配合,开展安全生产大检查。")
    assert (got.responsible, got.cooperating) == (["市安委办"], ["市安委有关成员单位"])
    got = subject_units("市医保局负责,市医改领导小组成员单位配合,制定年度工作计划。")
    assert got.cooperating == ["市医改领导小组成员单位"]
    assert subject_units("各成员单位要按照分工抓好落实。").empty()
    assert subject_units("领导小组各成员单位要按照分工抓好落实。").empty()


# a province's notice dividing its work report, stored as one line: the page start holds the first section's
# heading and its first item only; "1.2007年是……" is item 1 followed by a year, no decimal; the item's own
# paragraph "由A、B等部门和各市政府负责落实。" names its responsible units, "等部门" dropped mid-list
_RUN_ON = ("各市人民政府,省人民政府各部门: 现将《政府工作报告》提出的2009年重点工作任务分解,请各责任单位认真组织落实。"
           "具体落实情况请于6月30日、12月20日分两次向省政府报告。 一、主要预期目标 1.2009年是我省应对挑战、保持平稳较快"
           "发展的关键一年。全省生产总值增长9%;城镇新增就业60万人;居民消费价格总水平涨幅控制在4%左右。"
           " 由省发展改革委、财政厅、统计局等部门和各市政府负责落实。")


def test_a_run_on_page_start_with_one_section_and_an_item_before_a_year() -> None:
    draft = parse_document(_RUN_ON)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("1.", "2009年是我省应对挑战、保持平稳较快发展的关键一年",
         ([], ["省发展改革委", "财政厅", "统计局", "各市政府"], []))]


# "1.2025年完成……" splits as item 1; guards: a decimal ("1.5万户", "1.5%") is no item number, and a paragraph
# with "一、" but no "1." after a short heading stays one line
def test_an_item_before_a_year_splits_but_decimals_and_prose_do_not() -> None:
    prose = ("会议指出,今年以来全市经济运行总体平稳,各项指标好于预期,工业增加值增长较快。 一、要抓好项目建设,"
             "增速达到 1.5%以上,确保完成全年目标。由市发改委负责落实,市统计局按月通报进展情况,各县区认真配合。")
    assert relayout([prose]) == [prose]
    target = "现将方案印发给你们,请认真组织落实。 一、主要目标 到2025年 1.5万户完成改造,各区要抓紧推进落实。"
    assert relayout([target]) == [target]
    year = "现将方案印发给你们,请认真组织落实。 一、主要目标 1.2025年完成改造1.5万户。"
    assert relayout([year]) == ["现将方案印发给你们,请认真组织落实。", "一、主要目标", "1.2025年完成改造1.5万户。"]
    got = subject_units("由省发展改革委、财政厅等部门负责落实。")
    assert got.responsible == ["省发展改革委", "财政厅"]


# a district's 民生实事 list: unnumbered one-sentence projects without their "。", each followed by
# "责任单位：" and "完成期限：" lines; the lines after the last project's labels are no part of its title
_PROJECTS = "\n".join([
    "2024年某区重要民生实事项目(养老部分),详情如下:",
    "新建社区养老服务驿站5家,为老年人提供助餐、助浴等服务",
    "责任单位:区民政局",
    "完成期限:2024年10月底前",
    "完成300户老年人家庭适老化改造",
    "责任单位:区民政局、区残联",
    "完成期限:2024年12月底前",
    "相关阅读:",
    "点击查看>>2023年民生实事完成情况",
])


def test_unnumbered_projects_without_a_full_stop() -> None:
    draft = parse_document(_PROJECTS)
    assert [(t.title, units(t), [p for p, _ in t.deadlines]) for t in draft.tasks] == [
        ("新建社区养老服务驿站5家,为老年人提供助餐、助浴等服务", ([], ["区民政局"], []), ["2024年10月底前"]),
        ("完成300户老年人家庭适老化改造", ([], ["区民政局", "区残联"], []), ["2024年12月底前"])]


# guard: a line that goes on below ("……如下:") followed by a label line opens no project
def test_a_line_ending_in_a_colon_opens_no_project() -> None:
    text = "\n".join(["各单位分工如下:", "责任单位:区民政局", "完成期限:2024年10月底前",
                      "具体要求如下:", "责任单位:区财政局", "完成期限:2024年12月底前"])
    assert relayout(text.split("\n")) == text.split("\n")
    assert parse_document(text).tasks == []
