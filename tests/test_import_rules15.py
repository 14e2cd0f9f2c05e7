"""`duban import` grammar after round 14 of issue #13: local house styles (bench/import_corpus_split.md,
Round 14) — a section heading naming the unit that leads its items ("X牵头工作(8项)"), a project list
whose heading line ends with a remark in brackets, a department's own divisions (处) and a bureau's
sections (科) as units, a bracket holding a unit and the ongoing wording, and a rectification list
whose 问题 column names each row. Sentences written for the tests, not the documents' own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scheduler.importer.assign import looks_like_assignment, parse_assignment
from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import is_unit_name
from tests.data import make_formats as mf
from tests.import_rules_support import dates, units

HEAD = "某县2024年政府工作报告任务清单\n2024年4月8日\n"


# "一、县发改局牵头工作(3项)": the heading names the unit leading its items; "负责" gives a responsible unit
def test_a_section_heading_naming_its_lead_unit() -> None:
    draft = parse_document(
        HEAD + "一、县工信局牵头工作(2项)\n1.新培育规上工业企业15家。\n2.建设县域物流分拨中心。\n"
        "二、縣住建局、縣城管局負責的任務（1項）\n3.改造老旧小区供热管网8公里。\n"
        "三、其他重点工作\n4.办好十件民生实事。\n")
    assert [t.title for t in draft.tasks] == [
        "新培育规上工业企业15家", "建设县域物流分拨中心", "改造老旧小区供热管网8公里", "办好十件民生实事"]
    assert [units(t) for t in draft.tasks] == [
        (["县工信局"], [], []), (["县工信局"], [], []), ([], ["縣住建局", "縣城管局"], []), ([], [], [])]


# the covering notice's numbered requirements before its signature are no tasks once the list assigns
def test_the_notice_before_a_list_led_by_section_headings() -> None:
    draft = parse_document(
        "各乡镇人民政府，县直各单位：\n现将任务清单印发给你们，请抓好落实。\n"
        "一、压实责任。各单位要逐项细化措施。\n二、加强调度。每月报送进展。\n"
        "某县人民政府办公室\n2024年4月8日\n附件\n一、县农业农村局牵头工作(2项)\n"
        "1.新建高标准农田2万亩。\n2.培育农业产业化龙头企业3家。\n")
    assert [t.title for t in draft.tasks] == ["新建高标准农田2万亩", "培育农业产业化龙头企业3家"]
    assert [units(t) for t in draft.tasks] == [(["县农业农村局"], [], [])] * 2


# a heading that names no unit ("重点牵头工作") assigns nothing
def test_a_heading_without_units_assigns_nothing() -> None:
    draft = parse_document(HEAD + "一、重点牵头工作\n1.完成国土空间规划编制。（县自然资源局负责）\n"
                           "2.推进乡村振兴示范村建设。年底前完成。\n")
    assert [units(t) for t in draft.tasks] == [([], ["县自然资源局"], []), ([], [], [])]


# "2.改造城区公厕20座(含无障碍改造)" on its own line, the description below: the line is the title
def test_a_project_heading_line_ending_with_a_remark() -> None:
    draft = parse_document(
        HEAD + "一、城建类\n1.新建城市书房5处\n在主城区新建城市书房5处，提供阅读服务。\n责任单位:市文广旅局、各区政府。\n"
        "2.改造城区公厕20座(人大代表票决)\n新建和改造公厕20座，同步完善无障碍设施。\n责任单位:市城管局\n"
        "3.扩建市第二水厂（县水务局负责）\n")
    assert [t.title for t in draft.tasks] == ["新建城市书房5处", "改造城区公厕20座(人大代表票决)", "扩建市第二水厂"]
    assert draft.tasks[1].detail == "新建和改造公厕20座，同步完善无障碍设施。"
    assert [units(t) for t in draft.tasks] == [
        ([], ["市文广旅局", "各区政府"], []), ([], ["市城管局"], []), ([], ["县水务局"], [])]


# a department's divisions (处) and a bureau's sections (科) end units' names; measure words and
# common words ending so do not
def test_divisions_and_sections_are_units() -> None:
    assert all(is_unit_name(n) for n in ["法治督察处", "行政审批与监督处", "街道办事处", "安全监管科", "综合科"])
    assert not any(is_unit_name(n) for n in ["不足之处", "新建一处", "5处", "学科", "内科", "该处", "長處"])
    assert is_unit_name("政策法規處")  # a traditional copy
    assert looks_like_assignment("法治督察处")
    assert parse_assignment("安全监管科牵头，综合科、法规科配合").lead == ["安全监管科"]
    draft = parse_document(
        "某厅2024年工作要点\n2024年1月10日\n一、重点工作\n1.规范行政审批。修订审批服务指南，第三季度完成。（行政审批与监督处）\n"
        "2.加强内部审计。审计处要对直属单位开展经济责任审计，10月底前完成。\n"
        "3.完善应急预案。安全监管科会同综合科修订应急预案。\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["行政审批与监督处"], []), ([], ["审计处"], []), (["安全监管科"], [], ["综合科"])]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 9, 30)], [date(2024, 10, 31)], []]


# "（X，持续推进）", "（X，常态化推进）": a unit and the ongoing wording close the item
def test_a_unit_with_the_ongoing_wording_in_the_bracket() -> None:
    draft = parse_document(
        "某局2024年工作要点\n2024年1月10日\n一、重点工作\n1.加强保密管理。开展保密自查。（机关党委，持续推进）\n"
        "2.规范档案管理。推进档案数字化。（档案科，常态化推进）\n3.强化值班值守。落实领导带班制度。（办公室，长期坚持）\n")
    assert [units(t) for t in draft.tasks] == [([], ["机关党委"], []), ([], ["档案科"], []), ([], ["办公室"], [])]
    assert [t.ongoing for t in draft.tasks] == ["持续推进", "常态化", "长期坚持"]
    assert parse_assignment("财务科，常态化开展").responsible == ["财务科"]


# a rectification list: 问题 names the row, 整改措施 is its detail, 责任人 is a person
def test_a_rectification_list_names_rows_by_their_problem() -> None:
    rows = [["序号", "存在问题", "整改措施", "责任单位", "责任人", "整改时限"],
            ["一、作风建设方面", "", "", "", "", ""],
            ["1", "会议文件过多", "精简会议，严控发文数量", "办公室", "孙某", "2024年7月底前"],
            ["2", "调查研究不深入", "每季度开展一次专题调研", "调研科牵头，各科室配合", "孙某", "长期坚持"]]
    draft = parse_document("某局巡察整改方案\n2024年5月6日\n" + "\n".join("\t".join(r) for r in rows) + "\n")
    assert [(t.title, t.detail) for t in draft.tasks] == [
        ("会议文件过多", "精简会议，严控发文数量"), ("调查研究不深入", "每季度开展一次专题调研")]
    assert [units(t) for t in draft.tasks] == [([], ["办公室"], []), (["调研科"], [], ["各科室"])]
    assert dates(draft.tasks[0], draft) == [date(2024, 7, 31)] and draft.tasks[1].ongoing == "长期坚持"


# the same list copied one cell per line, with a 反馈问题 column
def test_a_rectification_list_one_cell_per_line() -> None:
    cells = ["序号", "反馈问题", "整改措施", "责任科室", "整改时限",
             "1", "信访件办理超期", "建立信访台账，逐件跟踪", "办公室", "2024年6月底前",
             "2", "隐患排查不到位", "开展安全隐患排查整治", "安监科", "2024年9月30日前"]
    draft = parse_document("某局整改方案\n2024年5月6日\n" + "\n".join(cells) + "\n")
    assert [t.title for t in draft.tasks] == ["信访件办理超期", "隐患排查不到位"]
    assert [units(t) for t in draft.tasks] == [([], ["办公室"], []), ([], ["安监科"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 6, 30)], [date(2024, 9, 30)]]


# a table one cell per line whose 责任单位 cell holds a unit per line, and a merged row (one number,
# one unit) holding two tasks with their own deadlines; "9月投入使用" is that month's end
def test_a_table_cell_per_line_with_units_on_several_lines_and_a_merged_row() -> None:
    cells = ["序号", "民生实事", "责任单位", "完成时限",
             "1", "新建城东污水处理厂。", "县水务局", "县住建局", "11月底前",
             "2", "改造农贸市场3个。", "县商务局", "8月投入使用",
             "3", "开工建设县康养中心。", "县民政局", "4月底前开工", "建成社区食堂10个。", "12月底前",
             "4", "新建公办幼儿园2所。", "县教育局", "县代建中心"]
    draft = parse_document("某县2024年民生实事分解表\n2024年2月20日\n" + "\n\n".join(cells) + "\n")
    assert [t.title for t in draft.tasks] == [
        "新建城东污水处理厂", "改造农贸市场3个", "开工建设县康养中心", "建成社区食堂10个", "新建公办幼儿园2所"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["县水务局", "县住建局"], []), ([], ["县商务局"], []), ([], ["县民政局"], []), ([], ["县民政局"], []),
        ([], ["县教育局", "县代建中心"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2024, 11, 30)], [date(2024, 8, 31)], [date(2024, 4, 30)], [date(2024, 12, 31)], []]


# the units of the last column, one per line; 牵头 and 配合 columns side by side stay apart
def test_units_on_several_lines_in_the_last_column_and_between_two_unit_columns() -> None:
    cells = ["序号", "年度目标", "责任单位", "1", "城镇新增就业1.2万人", "市人社局", "市财政局",
             "2", "粮食产量稳定在50万吨以上", "市农业农村局"]
    draft = parse_document("2023年工作目标\n2023年1月10日\n" + "\n".join(cells) + "\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("城镇新增就业1.2万人", ([], ["市人社局", "市财政局"], [])), ("粮食产量稳定在50万吨以上", ([], ["市农业农村局"], []))]
    cells = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "1", "建设智慧停车平台。", "区城管局", "区大数据中心", "区公安分局", "9月底前"]
    draft = parse_document("某区重点任务\n2024年2月1日\n" + "\n".join(cells) + "\n")
    assert units(draft.tasks[0]) == (["区城管局"], [], ["区大数据中心", "区公安分局"])


# "（列第一位者为工作牵头单位或汇总单位，下同）": the first unit leads, the rule is no unit
def test_first_listed_is_the_lead_or_the_collecting_unit() -> None:
    draft = parse_document(
        "某市2020年重点工作责任分解\n2020年5月20日\n一、市长主抓重点工作\n1.支持企业纾困发展。落实减税降费政策。\n"
        "责任单位：市经信局、市财政局、市税务局（列第一位者为工作牵头单位或汇总单位，下同）\n"
        "2.稳定外贸外资。\n责任单位：市商务局、杭州海关驻市办事处\n")
    assert [units(t) for t in draft.tasks] == [
        (["市经信局"], ["市财政局", "市税务局"], []), (["市商务局"], ["杭州海关驻市办事处"], [])]


# the same list as a Word, Excel, CSV or web page table: the same tasks as the text gives
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "csv", "html"])
def test_a_rectification_table_in_each_format(tmp_path: Path, fmt: str) -> None:
    rows = [["序号", "存在问题", "整改措施", "责任单位", "责任人", "整改时限"], ["一、作风建设方面"] * 6,
            ["1", "会议文件过多", "精简会议，严控发文数量", "办公室", "孙某", "2024年7月底前"],
            ["2", "调查研究不深入", "每季度开展一次专题调研", "调研科牵头，各科室配合", "孙某", "长期坚持"]]
    path = tmp_path / f"list.{fmt}"
    if fmt == "docx":
        mf.docx_table(rows, [(1, 0, 1, 5)], path, before=["某局巡察整改方案", "2024年5月6日", "附件"])
    elif fmt == "xlsx":
        mf.xlsx_from_table(rows, [(1, 0, 1, 5)], path)
    elif fmt == "csv":
        mf.csv_from_table(rows, [(1, 0, 1, 5)], path)
    else:
        cells = ["<tr><td colspan=6>一、作风建设方面</td></tr>" if r[0] == r[1] else
                 "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows]
        path.write_text(f"<html><body><div id='content'><table border=1>{''.join(cells)}</table></div></body></html>",
                        encoding="utf-8")
    draft = parse_document(document_text(path))
    assert [(t.title, t.detail) for t in draft.tasks] == [
        ("会议文件过多", "精简会议，严控发文数量"), ("调查研究不深入", "每季度开展一次专题调研")]
    assert [units(t) for t in draft.tasks] == [([], ["办公室"], []), (["调研科"], [], ["各科室"])]
    assert [d for d, _ in draft.tasks[0].deadlines] == ["2024年7月底前"] and draft.tasks[1].ongoing == "长期坚持"


# "（X负责，全年）" is within the plan's year; "（X；6月底前开通5条，其余年内开通）": the rest has its own deadline
def test_the_whole_year_and_the_rest_in_a_bracket() -> None:
    draft = parse_document(
        "某市2024年民生实事\n2024年2月26日\n一、开展老年人免费体检10万人次。（市卫健委负责，全年）\n"
        "二、新建城市书房8个。（市文广旅局；5月底前建成3个，其余年内建成）\n"
        "三、改造背街小巷30条。（市城管局负责，全年完成）\n")
    assert [units(t) for t in draft.tasks] == [([], ["市卫健委"], []), ([], ["市文广旅局"], []), ([], ["市城管局"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [
        [date(2024, 12, 31)], [date(2024, 5, 31), date(2024, 12, 31)], [date(2024, 12, 31)]]
