"""`duban import` grammar, round 52 of issue #13: education, health, culture and science plans.

A county department's target table copied one cell per line writes a merged cell once, in its first row
(a web page's rowspan): the deadline, the leader and the offices of several rows stand only in the first of
them, and its first text column is a group written once for the rows under it. A 民生工程 page that is one
task (a paragraph and its "责任单位:" line, no number) is that task. A progress table's "当前进度" column is
the row's progress, never part of its task."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
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
