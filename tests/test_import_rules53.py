"""`duban import` grammar, round 52 of issue #13: education, health, culture and science plans.

A county department's target table copied one cell per line writes a merged cell once, in its first row
(a web page's rowspan): the deadline, the leader and the offices of several rows stand only in the first of
them, and its first text column is a group written once for the rows under it. A 民生工程 page that is one
task (a paragraph and its "责任单位:" line, no number) is that task. A progress table's "当前进度" column is
the row's progress, never part of its task. Batch 2: a plan's digest stored as one line whose items run into
each other ("……,(责任单位:A、B等)2.……(二)……行动5.……") is cut at its items and headings, and a title closed by
a comma before its bracket loses the comma; a page of departments' 目标责任书 names the department on the line
above the book's heading, and its points are that department's."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.glued_items import glued_lines
from scheduler.importer.parse import DraftTask, parse_document
from scheduler.importer.spanned_cells import spanned_rows
from tests.import_rules_support import units


def _dates(task: DraftTask, year: int) -> list[date]:
    return [d for d, _, _ in resolve_deadlines(task, year, None)]


_SPANNED = """某县教育体育局目标任务分解表
序号
项目
目标任务
完成时限
分管领导
责任股室
(单位)
备注
1
学前教育
新建公办幼儿园2所。
8月底前
王建华
基础教育股
计财股
2
改扩建乡镇中心幼儿园3所,新增学位600个。
基础教育股计财股
3
开展幼儿园保教质量评估。
4
职业教育
推进县职教中心实训基地建设。
11月底前
李 明
职成股
县职教中心
5
组织中职学生技能大赛。
6
督导评估
完成义务教育优质均衡发展督导自评。
督导室
"""


# rows leave out the cells merged down over them: each takes the deadline and the offices above it;
# the group ("学前教育") and the leader are no part of the task
def test_a_table_whose_rows_leave_out_merged_cells_takes_them_from_above() -> None:
    draft = parse_document(_SPANNED)
    got = [(t.title, units(t)[1], _dates(t, 2021)) for t in draft.tasks]
    assert got == [
        ("新建公办幼儿园2所", ["基础教育股", "计财股"], [date(2021, 8, 31)]),
        ("改扩建乡镇中心幼儿园3所,新增学位600个", ["基础教育股", "计财股"], [date(2021, 8, 31)]),
        ("开展幼儿园保教质量评估", ["基础教育股", "计财股"], [date(2021, 8, 31)]),
        ("推进县职教中心实训基地建设", ["职成股", "县职教中心"], [date(2021, 11, 30)]),
        ("组织中职学生技能大赛", ["职成股", "县职教中心"], [date(2021, 11, 30)]),
        ("完成义务教育优质均衡发展督导自评", ["督导室"], [date(2021, 11, 30)]),
    ]
    assert all(units(t)[0] == units(t)[2] == [] for t in draft.tasks)


# a cell of two offices the page wrote without their line break is split only into names the table writes alone
def test_two_names_run_together_are_split_only_into_names_the_table_has() -> None:
    items = spanned_rows(_SPANNED.splitlines())
    assert "责任单位：基础教育股、计财股" in items[items.index("2.改扩建乡镇中心幼儿园3所,新增学位600个。") + 1]
    alone = _SPANNED.replace("基础教育股计财股", "基础教育股计生股")
    items = spanned_rows(alone.splitlines())
    assert items[items.index("2.改扩建乡镇中心幼儿园3所,新增学位600个。") + 1] == "责任单位：基础教育股计生股"


# a table whose every row has all its cells is left to the table reader; so is one whose cells cannot be told apart
def test_full_rows_and_rows_of_two_sentences_are_left_as_they_are() -> None:
    full = ["序号", "工作任务", "完成时限", "责任单位", "1", "建成全民健身中心。", "6月底前", "县文旅体局",
            "2", "新建社区健身广场5个。", "9月底前", "各乡镇"]
    assert spanned_rows(full) == full
    two = ["序号", "工作任务", "完成时限", "责任单位", "1", "建成全民健身中心。", "6月底前", "县文旅体局",
           "2", "新建社区健身广场5个。", "完善配套设施。"]
    assert spanned_rows(two) == two
    draft = parse_document("\n".join(full))
    assert [(t.title, units(t)[1]) for t in draft.tasks] == [("建成全民健身中心", ["县文旅体局"]),
                                                             ("新建社区健身广场5个", ["各乡镇"])]


# a page that is one task: its paragraph, then its label line
def test_a_page_of_one_unnumbered_task_is_that_task() -> None:
    draft = parse_document("到2015年,全县每个行政村建成1个标准化卫生室。每室配备基本诊疗设备。\n责任单位: 县卫生局\n")
    [task] = draft.tasks
    assert task.title == "到2015年,全县每个行政村建成1个标准化卫生室"
    assert units(task) == ([], ["县卫生局"], [])
    assert _dates(task, 2013) == [date(2015, 12, 31)]
    # prose after the label line: no page of one task
    assert parse_document("全县每个行政村建成1个标准化卫生室。\n责任单位: 县卫生局\n各地要高度重视,认真组织实施。\n").tasks == []


# "当前进度" is a progress report's column: a task cell without a full stop does not take it in
def test_the_current_progress_column_is_no_part_of_the_task() -> None:
    lines = ["序号", "", "项目内容", "", "当前进度", "", "牵头单位", "", "1", "", "建成投用乡镇卫生院4家", "",
             "90%(1家滞后)", "", "县卫健局", "", "2", "", "新增城市书房3个。", "", "100%", "", "县文旅局"]
    draft = parse_document("\n".join(lines))
    assert [(t.title, units(t)[0]) for t in draft.tasks] == [("建成投用乡镇卫生院4家", ["县卫健局"]),
                                                             ("新增城市书房3个", ["县文旅局"])]


_GLUED = ("二、主要任务(一)推进义务教育优质均衡行动1.改善农村学校办学条件,实施薄弱学校改造,(责任单位:县教体局、县财政局等)"
          "2.推进集团化办学,(责任单位:县教体局)(二)提升职业教育质量行动4.建设县职教中心实训基地,"
          "(责任单位:县教体局、县人社局)三、保障措施县政府成立工作专班,负责统筹推进上述工作。")


# a digest's items glued to each other: cut at each bracket that runs into the next item or heading
def test_a_line_of_glued_items_is_cut_at_its_items_and_headings() -> None:
    assert glued_lines([_GLUED]) == [
        "二、主要任务", "(一)推进义务教育优质均衡行动",
        "1.改善农村学校办学条件,实施薄弱学校改造,(责任单位:县教体局、县财政局等)",
        "2.推进集团化办学,(责任单位:县教体局)", "(二)提升职业教育质量行动",
        "4.建设县职教中心实训基地,(责任单位:县教体局、县人社局)", "三、保障措施县政府成立工作专班,负责统筹推进上述工作。"]
    draft = parse_document(_GLUED)
    got = {t.title: units(t)[1] for t in draft.tasks}
    assert got["改善农村学校办学条件,实施薄弱学校改造"] == ["县教体局", "县财政局"]
    assert got["推进集团化办学"] == ["县教体局"]
    assert got["建设县职教中心实训基地"] == ["县教体局", "县人社局"]


# one bracket running into text, or brackets followed by a space, leave the line as it is
def test_a_line_with_one_glued_bracket_is_left_whole() -> None:
    one = "1.改善农村学校办学条件,(责任单位:县教体局)2.推进集团化办学。"
    assert glued_lines([one]) == [one]
    spaced = "1.改善办学条件,(责任单位:县教体局) 2.推进集团化办学,(责任单位:县教体局) 3.建设实训基地。"
    assert glued_lines([spaced]) == [spaced]


# a department's 目标责任书 under the line naming it: its points are that department's
def test_the_points_of_a_departments_target_book_are_its_tasks() -> None:
    text = ("记者:今年有哪些重点?\n局长:一是抓项目,二是抓改革。\n\n市教育局\n2012年重点工作目标责任书(3项)\n"
            "1、秋季开学前建成市第三中学新校区。\n2、新增公办幼儿园学位2000个。\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("秋季开学前建成市第三中学新校区", ([], ["市教育局"], [])),
        ("新增公办幼儿园学位2000个", ([], ["市教育局"], []))]
    # a heading with no unit above it gives its points none
    bare = parse_document("2012年重点工作目标责任书(2项)\n1、建成市第三中学新校区。\n2、新增学位2000个。\n")
    assert [units(t) for t in bare.tasks] == [([], [], []), ([], [], [])]
