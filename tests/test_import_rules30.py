"""`duban import` after round 29 of issue #13 (bench/import_corpus_split.md, "Round 29 (tables kept apart,
formats)"): task tables in the files coordinators receive — a Word 分工表 whose "工作任务" heading spans a
group column and a 序号 column, a 台账 whose numbered items sit beside their detail, deadlines written in
the 备注 column, a task kept as a table of label / value rows, CSV exports of sheets (UTF-8 and GBK) whose
header names 具体要求/完成情况/备注 columns and whose category rows keep their text in the first cell only,
and a PDF cell that breaks a unit's name before its last character or before "等相关部门". Each test builds
a small file in tmp_path the way the round's conversions did (python-docx, openpyxl, a page's HTML,
reportlab); the sentences are written for the tests."""

from __future__ import annotations

import csv
from pathlib import Path

from scheduler.importer.formats import document_text
from scheduler.importer.formats.pages import continued
from scheduler.importer.parse import parse_document
from tests.data import make_formats as mf
from tests.import_rules_support import dates, units

Tasks = list[tuple[str, tuple[list[str], list[str], list[str]]]]


def _tasks(path: Path) -> Tasks:
    return [(t.title, units(t)) for t in parse_document(document_text(path)).tasks]


def _html(path: Path, body: str) -> Path:
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return path


def _csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC).writerows(rows)
    return path


# "工作任务" spans the group column and the 序号 column; 具体要求 holds each row's task
GROUPED = [
    ["工作任务", "工作任务", "具体要求", "责任科室", "时限要求"],
    ["强化规范性文件公开", "1", "对规范性文件进行全面清理,公布现行有效文件目录。", "办公室", "持续推进"],
    ["做好主动公开基础工作", "2", "严格规范政府信息公开专栏,及时发布法定主动公开内容。", "各科室", "持续推进"],
    ["做好主动公开基础工作", "3", "规范编制发布政府信息公开工作年度报告。", "办公室", "持续推进"],
]
GROUPED_WANT: Tasks = [
    ("对规范性文件进行全面清理,公布现行有效文件目录", ([], ["办公室"], [])),
    ("严格规范政府信息公开专栏,及时发布法定主动公开内容", ([], ["各科室"], [])),
    ("规范编制发布政府信息公开工作年度报告", ([], ["办公室"], [])),
]


def test_heading_over_a_group_and_a_number_column_reads_the_detail_as_the_task(tmp_path: Path) -> None:
    mf.docx_table(GROUPED, [(0, 0, 0, 1), (2, 0, 3, 0)], tmp_path / "grouped.docx", before=["某局政务公开重点任务清单"])
    mf.xlsx_from_table(GROUPED, [(0, 0, 0, 1), (2, 0, 3, 0)], tmp_path / "grouped.xlsx")
    assert _tasks(tmp_path / "grouped.docx") == GROUPED_WANT
    assert _tasks(tmp_path / "grouped.xlsx") == GROUPED_WANT


# "民生事项名称 | 2022年度任务目标": each row's numbered name is its task, the target its detail
ITEMS = [
    ["类别", "民生事项名称", "2022年度任务目标", "责任单位", "分管市领导"],
    ["四、教育文化", "14.改扩建第一中学", "完成一期2座教学楼建设并投入使用。", "教育体育局", "张三"],
    ["四、教育文化", "15.推进学校塑胶运动场地建设", "完成13处农村学校运动场地建设。", "教育体育局", "张三"],
]


def test_numbered_items_beside_their_detail_are_the_tasks(tmp_path: Path) -> None:
    mf.xlsx_from_table(ITEMS, [(1, 0, 2, 0)], tmp_path / "items.xlsx")
    draft = parse_document(document_text(tmp_path / "items.xlsx"))
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("改扩建第一中学", ([], ["教育体育局"], [])), ("推进学校塑胶运动场地建设", ([], ["教育体育局"], []))]
    assert draft.tasks[0].detail.startswith("完成一期2座教学楼建设")


# a group cell spanning rows is no item even when it is numbered: the detail stays the task
def test_a_numbered_group_over_several_rows_stays_their_parent(tmp_path: Path) -> None:
    rows = [["工作任务", "具体要求", "责任单位"],
            ["1.深化政策公开", "及时发布政策文件。", "办公室"],
            ["1.深化政策公开", "做好政策解读。", "各科室"]]
    mf.xlsx_from_table(rows, [(1, 0, 2, 0)], tmp_path / "group.xlsx")
    assert [t for t, _ in _tasks(tmp_path / "group.xlsx")] == ["及时发布政策文件", "做好政策解读"]


# a 备注 column that holds only deadline phrases is the deadline; 完成情况 is not read
def test_remarks_holding_deadlines_are_the_deadline(tmp_path: Path) -> None:
    page = ("<p>2022年11—12月政务公开重点工作任务清单</p><p>2022年10月31日</p><table border=1>"
            "<tr><td>工作任务</td><td>具 体 要 求</td><td>责任单位</td><td>完成情况</td><td>备注</td></tr>"
            "<tr><td colspan=5>一、年底前专项工作任务</td></tr>"
            "<tr><td>1.行政规范性文件集中公开</td><td>1.开展文件清理。2.发布标准电子文本。</td>"
            "<td>市政府各部门</td><td>推进中</td><td>11月底前完成</td></tr></table>")
    draft = parse_document(document_text(_html(tmp_path / "remarks.html", page)))
    assert [(t.title, units(t)) for t in draft.tasks] == [("行政规范性文件集中公开", ([], ["市政府各部门"], []))]
    assert [d.isoformat() for d in dates(draft.tasks[0], draft)] == ["2022-11-30"]


# a remark that is not a deadline keeps the column unread
def test_remarks_that_are_notes_are_not_read(tmp_path: Path) -> None:
    page = ("<table border=1><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>备注</td></tr>"
            "<tr><td>1</td><td>做好信息发布。</td><td>办公室</td><td>11月底前完成</td></tr>"
            "<tr><td>2</td><td>做好政策解读。</td><td>各科室</td><td>需报送材料</td></tr></table>")
    draft = parse_document(document_text(_html(tmp_path / "notes.html", "<p>2022年10月31日</p>" + page)))
    assert [dates(t, draft) for t in draft.tasks] == [[], []]


# a task kept as label / value rows (HTML, Word, CSV): one task with its units and deadlines
RECORD = [
    ["具体任务", "全面完成老年人群疫苗接种,守好疫情防线;中医院门诊楼建成投运。"],
    ["责任单位", "卫健局、文旅局"],
    ["配合单位", "各乡镇"],
    ["完成时限", "疫苗接种1月底前完成;其它事项12月底前取得明显成效"],
]
RECORD_WANT: Tasks = [("全面完成老年人群疫苗接种,守好疫情防线;中医院门诊楼建成投运", ([], ["卫健局", "文旅局"], ["各乡镇"]))]


def test_label_value_table_is_one_task(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in RECORD)
    html = _html(tmp_path / "record.html", f"<p>某县重点任务分解</p><p>2023年1月5日</p><table border=1>{rows}</table>")
    mf.docx_table(RECORD, [], tmp_path / "record.docx", before=["某县重点任务分解", "2023年1月5日"])
    sheet = _csv(tmp_path / "record.csv", [["某县重点任务分解", ""], ["2023年1月5日", ""], *RECORD], "utf-8")
    for path in (html, tmp_path / "record.docx", sheet):
        draft = parse_document(document_text(path))
        assert [(t.title, units(t)) for t in draft.tasks] == RECORD_WANT, path.name
        assert [d.isoformat() for d in dates(draft.tasks[0], draft)] == ["2023-01-31", "2023-12-31"], path.name


# labels written with a colon ("牵头单位:"), and a row the header words do not name among them
def test_label_value_rows_with_colons_and_a_progress_row(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in [
        ("重点工作:", "135.统筹违法建设治理与城市更新,促进违法建设分类治理。"), ("牵头单位:", "市城市管理综合执法局"),
        ("进展情况、存在问题 及下一步工作建议:", "已完成。")])
    path = _html(tmp_path / "colons.html", f"<table border=1>{rows}</table>")
    assert _tasks(path) == [("统筹违法建设治理与城市更新,促进违法建设分类治理", (["市城市管理综合执法局"], [], []))]


# a layout table of labels without a unit label stays text (a page's 索引号 / 发布机构 box)
def test_label_table_without_units_is_not_a_task(tmp_path: Path) -> None:
    page = ("<p>关于做好年度工作的通知</p><table border=1><tr><td>索引号:</td><td>1134/2022-00054</td></tr>"
            "<tr><td>名称:</td><td>重点工作任务提示单</td></tr></table><p>一、做好信息公开。</p>")
    text = document_text(_html(tmp_path / "meta.html", page))
    assert text.splitlines()[1:3] == ["索引号: 1134/2022-00054", "名称: 重点工作任务提示单"]


# a sheet exported as CSV (UTF-8 and GBK): the header names 具体要求/完成情况/备注, the category row keeps
# its text in the first cell only
SHEET = [
    ["2022年政务公开重点工作任务清单", "", "", "", ""],
    ["2022年10月31日", "", "", "", ""],
    ["工作任务", "具 体 要 求", "责任单位", "完成情况", "备注"],
    ["一、年底前专项工作任务", "", "", "", ""],
    ["1.行政规范性文件集中公开", "1.开展文件清理。2.发布标准电子文本。", "市政府各部门、各直属机构", "推进中", "11月底前完成"],
    ["2.政策解读", "做好政策解读。", "市政府办", "推进中", "12月底前完成"],
]


def test_exported_sheet_with_detail_and_remarks_columns(tmp_path: Path) -> None:
    for encoding in ("utf-8", "gbk"):
        path = _csv(tmp_path / f"sheet_{encoding}.csv", SHEET, encoding)
        draft = parse_document(document_text(path))
        assert [(t.title, units(t)) for t in draft.tasks] == [
            ("行政规范性文件集中公开", ([], ["市政府各部门", "各直属机构"], [])), ("政策解读", ([], ["市政府办"], []))]
        assert [[d.isoformat() for d in dates(t, draft)] for t in draft.tasks] == [["2022-11-30"], ["2022-12-31"]]


# a PDF cell breaks "市政府各部门" before 门 and "人口计生委等相关部门" before 等: one name each
def test_pdf_cell_breaking_before_a_names_last_character(tmp_path: Path) -> None:
    rows = [["序号", "工作任务", "牵头单位", "责任单位"],
            ["1", "开展文件清理。", "市司法局", "市政府各部\n门、各直属机构"],
            ["2", "加强婴幼儿教育。", "教育局", "人口计生委\n等相关部\n门,13个街道、镇"]]
    mf.pdf_table(rows, [], tmp_path / "broken.pdf")
    assert _tasks(tmp_path / "broken.pdf") == [
        ("开展文件清理", (["市司法局"], ["市政府各部门", "各直属机构"], [])),
        ("加强婴幼儿教育", (["教育局"], ["人口计生委", "13个街道、镇"], [])),
    ]


# a PDF deadline cell wraps its phrases at the cell's width: put back together; a Word cell's lines stay apart
def test_pdf_deadline_cell_wrapped_at_its_width(tmp_path: Path) -> None:
    rows = [["序号", "工作任务", "具体内容", "牵头单位", "完成时限", "备注"],
            ["1", "推进预算公开。", "公开部门所属单位预算、决算。", "财务处", "2021年2月公布预算信息,2021年8月公布上年度决算信息", ""]]
    mf.pdf_table(rows, [], tmp_path / "wrapped.pdf", before=["2021年1月16日"])
    mf.docx_table([rows[0], [*rows[1][:4], "2021年6月底前\n2021年12月底前", ""]], [], tmp_path / "lines.docx",
                  before=["2021年1月16日"])
    for path, want in ((tmp_path / "wrapped.pdf", ["2021-02-28", "2021-08-31"]),
                       (tmp_path / "lines.docx", ["2021-06-30", "2021-12-31"])):
        draft = parse_document(document_text(path))
        assert [d.isoformat() for d in dates(draft.tasks[0], draft)] == want, path.name


# a row the page broke, in a table whose 序号 column the header does not name ("工作任务" over it)
def test_row_broken_by_the_page_in_a_table_without_a_named_number_column() -> None:
    last = (("工作任务", "工作任务", "具体要求", "责任科室", "时限要求"),
            ("强化公开", "1", "公布现行有效文件目录。", "办公室", "年底前"),
            ("抓好落实", "2", "制定并公开重点任务清单,逐项推动工作落", "办公室", "持续推进"))
    rows = (("", "", "实", "", ""), ("加强宣传", "3", "总结报送优秀稿件。", "各科室", "持续推进"))
    assert continued(last, rows)[2:] == (
        ("抓好落实", "2", "制定并公开重点任务清单,逐项推动工作落实", "办公室", "持续推进"), rows[1])


# the page's own fields printed right under the table ("索引号: | … | 成文日期: | …") end it: no task, no section
def test_page_fields_below_the_table_are_not_its_rows(tmp_path: Path) -> None:
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "完成教学楼建设。", "教育体育局", "2022年9月底前"],
            ["索引号:", "113706850042672474/2022-04772", "成文日期:", "2022-10-08"],
            ["发布机构:", "某市人民政府办公室", "", ""]]
    mf.pdf_table(rows, [(3, 1, 3, 3)], tmp_path / "fields.pdf")
    mf.xlsx_from_table(rows, [(3, 1, 3, 3)], tmp_path / "fields.xlsx")
    for path in (tmp_path / "fields.pdf", tmp_path / "fields.xlsx"):
        draft = parse_document(document_text(path))
        assert [(t.title, units(t)) for t in draft.tasks] == [("完成教学楼建设", ([], ["教育体育局"], []))], path.name
