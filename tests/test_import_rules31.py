"""`duban import` grammar, round 30 of issue #13: a county's 重点工作责任清单 quarterly progress report
pasted as a space-separated table, its header cells wrapped at a wider gap ("牵头  领导", "主体   责任单位"),
its report columns named after their period ("2023年10-12月份进展情况"), a row's units' cell wrapped onto
lines of its own, and a blank 备注 at the end of each row. Rows of the same shape as the document's,
names, places and numbers changed."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from scheduler.importer.spaced_rows import header_cells, period_column
from tests.import_rules_support import units

_HEADER = ("序号 2024年重点工作任务 牵头  领导 牵头        责任单位 主体         责任单位 配合        责任单位 工作评价 "
           "2024年7-9月份进展情况 2024年10-12月份进度安排 备注")
_REPORT = "\n".join([
    "2024年县政府重点工作责任清单进展情况汇总表(7-9月)",
    _HEADER,
    "12 新建城乡供水管网80公里,提升农村供水保障水平。 李  明   王芳 县水利局 各乡镇",
    "县经济开发区",
    "县直有关单位 达到时序进度 完成管网铺设52公里 推进剩余管网铺设",
    "15 新增普惠性幼儿园学位600个。 王芳 县教体局 有关乡镇 县住建局 已完成 新增学位612个 巩固办园成效",
    "16 创建省级全域旅游示范区。推进古镇景区提质。 赵刚 县文旅局 县文旅局 县直有关单位 达到时序进度 完成创建材料报送",
])


# "牵头  领导" / "主体   责任单位": one name each; letters spread over a cell still join ("工 作 任 务")
def test_a_spaced_header_cell_wrapped_at_a_wider_gap_is_one_name() -> None:
    assert header_cells(_HEADER) == [
        "序号", "2024年重点工作任务", "牵头领导", "牵头责任单位", "主体责任单位", "配合责任单位", "工作评价",
        "2024年7-9月份进展情况", "2024年10-12月份进度安排", "备注"]
    assert header_cells("序号 工 作 任 务 牵头负责部门") == ["序号", "工作任务", "牵头负责部门"]


# single spaces between two names stay two names: "牵头 责任单位" is not "牵头责任单位"
def test_a_single_space_between_names_keeps_them_apart() -> None:
    assert header_cells("序号 工作任务 牵头 责任单位 完成时限") == ["序号", "工作任务", "牵头", "责任单位", "完成时限"]


# a column named after a reporting period is the report's, not the plan's (no deadline column)
def test_period_columns_of_a_progress_report() -> None:
    assert period_column("2024年7-9月份进展情况")
    assert period_column("20224年1-3月份进度安排")  # the year mistyped, as pages do
    assert period_column("第三季度完成情况")
    assert not period_column("进度安排")
    assert not period_column("2024年重点工作任务")


# the report's rows: 牵头责任单位 leads, 主体责任单位 answers, 配合责任单位 cooperates; the 牵头领导 are persons;
# a units' cell wrapped onto its own line ("各乡镇" / "县经济开发区") is one cell; the report's cells are not read
def test_a_progress_report_of_key_tasks_in_a_spaced_table() -> None:
    draft = parse_document(_REPORT)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("12", "新建城乡供水管网80公里,提升农村供水保障水平", (["县水利局"], ["各乡镇", "县经济开发区"], ["县直有关单位"])),
        ("15", "新增普惠性幼儿园学位600个", (["县教体局"], ["有关乡镇"], ["县住建局"])),
        ("16", "创建省级全域旅游示范区", (["县文旅局"], [], ["县直有关单位"]))]
    assert all(not t.deadlines for t in draft.tasks)


# guard: a spaced table whose last column is a deadline keeps it (the report rule only drops report columns)
def test_a_spaced_table_with_a_deadline_column_keeps_its_deadlines() -> None:
    text = "\n".join([
        "序号 工作任务 牵头单位 配合单位 完成时限 备注",
        "1 建成智慧停车平台。 县城管局 县公安局 2024年9月底前 无",
        "2 新增公共充电桩300个。 县发改委 县供电公司 2024年11月底前 无"])
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("建成智慧停车平台", (["县城管局"], [], ["县公安局"])),
        ("新增公共充电桩300个", (["县发改委"], [], ["县供电公司"]))]
    assert [t.deadlines[0][0] for t in draft.tasks] == ["2024年9月底前", "2024年11月底前"]
