"""`duban import` grammar, round 46 of issue #13: social-policy plans and lists (a district 民政局's 2025
重点工作任务分解 whose web table opens every row with "| ", a city's 2009 消防 目标任务及责任分解 with
"责任单位及责任人:" lines, a district's 2024 民生实事 progress table, a city's 就业创业 意见). These tests keep
the round's shapes read, in sentences and tables of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.opened_cells import opened_rows
from scheduler.importer.parse import parse_document
from scheduler.importer.unit_person import unit_label
from tests.import_rules_support import dates, units

_OPENED = ("| 2024年度区人社局重点工作任务分解 |\n| 序号 |\n责任单位 |\n考核指标 |\n分月序时进度 |\n监督方式 |\n"
           "实施部门 |\n实施步骤 |\n完成时限 |\n"
           "| 1 |\n区人社局 |\n按月审核发放失业保险金,确保应发尽发。 |\n①1-6月份,完成上半年审核;②7-12月份,完成全年审核。 |\n"
           "区人社局办公室0000-1234567 |\n就业服务中心 |\n按月推进 |\n2024年11月底 |\n"
           "| 2 |\n区人社局 |\n开展职业技能培训2000人次。 |\n①1-6月份,培训1000人次;②7-12月份,培训1000人次。 |\n"
           "区人社局办公室0000-1234567 |\n职业能力建设股 |\n按季度推进 |\n2024年12月底 |\n")


# a web table a cell per line, each cell closed by " |" and each row opened by "| " on its number
def test_rows_opened_by_a_rule_read_as_a_cell_per_line_table() -> None:
    draft = parse_document(_OPENED)
    assert [(t.number, t.title, units(t), dates(t, draft)) for t in draft.tasks] == [
        ("1", "按月审核发放失业保险金,确保应发尽发", ([], ["区人社局", "就业服务中心"], []), [date(2024, 11, 30)]),
        ("2", "开展职业技能培训2000人次", ([], ["区人社局", "职业能力建设股"], []), [date(2024, 12, 31)])]
    assert "①1-6月份,完成上半年审核" in draft.tasks[0].detail  # the schedule column is the task's detail


# only a document with a "| 序号 |" line is touched, and a line holding two cells or more stays
def test_opening_rules_dropped_only_from_one_cell_lines_of_such_a_table() -> None:
    assert opened_rows(["| 1 |", "区人社局 |"]) == ["| 1 |", "区人社局 |"]
    assert opened_rows(["| 序号 |", "| 1 |", "| 序号 | 工作任务 |", "|", "正文"]) == [
        "序号 |", "1 |", "| 序号 | 工作任务 |", "|", "正文"]


# a row's progress ("进展比例") and who supervises it ("监督方式") are columns not read, as 完成情况 is
def test_progress_and_supervision_columns_are_not_read() -> None:
    draft = parse_document("序号 | 任务指标 | 责任单位 | 进展比例 | 监督方式 |\n"
                           "1 | 为辖区65岁以上老人免费体检。 | 区卫生健康局 | 30% | 电话督办 |\n"
                           "2 | 新增普惠托位200个。 | 区卫生健康局 | 市统一项目 | 现场核查 |\n")
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("为辖区65岁以上老人免费体检", ([], ["区卫生健康局"], []), []),
        ("新增普惠托位200个", ([], ["区卫生健康局"], []), [])]


# "责任单位及责任人:X、Y主要领导": the unit label; the people after the names are no part of them
def test_unit_and_person_label_reads_the_units() -> None:
    draft = parse_document("一、养老设施建设\n1.完成县社会福利院改造。\n责任单位及责任人:县民政局、县财政局主要领导。\n"
                           "2.建设残疾人康复中心。\n牵头单位和责任人:县残联主要负责人\n"
                           "3.改扩建乡镇敬老院。\n责任单位及责任人:县教育局分管领导、县卫生健康局主要负责同志。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("完成县社会福利院改造", ([], ["县民政局", "县财政局"], [])),
        ("建设残疾人康复中心", (["县残联"], [], [])),
        ("改扩建乡镇敬老院", ([], ["县教育局", "县卫生健康局"], []))]
    assert unit_label("责任人:县民政局局长") == "责任人:县民政局局长"  # a person's label alone stays
    assert unit_label("责任单位:县民政局主要领导") == "责任单位:县民政局主要领导"  # only the joint label drops people
    assert unit_label("責任單位及責任人:縣民政局主要領導。") == "責任單位:縣民政局。"


# a year with the work's completion ("并在2024年投入使用", "2025年建成") is that year's end; a span is not
def test_completion_year_is_that_years_end() -> None:
    draft = parse_document("2023年3月1日\n一、主要任务\n1.2023年底前完成福利院主体工程,并在2024年投入使用。(县民政局负责)\n"
                           "2.2025年建成区域性养老服务中心。(县民政局负责)\n"
                           "3.对2019—2021年建成的敬老院开展安全检查。(县应急管理局负责)\n")
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2023, 12, 31), date(2024, 12, 31)], [date(2025, 12, 31)], []]
