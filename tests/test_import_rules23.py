"""`duban import` grammar after round 22 of issue #13 (bench/import_corpus_split.md, Round 22): a task
table drawn in plain text with box-drawing characters ("┌─┬─┐", "│", "├─┤", "└─┴─┘"), as old documents and
their reposts keep them: each column's text runs down between that column's own rules, "△" opens each task
and a cell without it is a group, and the columns' rules need not line up. Sentences written for the tests,
not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEADER = (
    "┌──────────────┬───┬────────┬────┐\n"
    "│ 工 作 任 务 │分管领│牵头单位│完成时限│\n"
    "│ │ 导 │ │ │\n"
    "├──────────────┼───┼────────┼────┤\n")
GROUPED = HEADER + (
    "│推进交通建设,完善路网 │王五│市交通局、市│2015年底│\n"
    "├──────────────┤ │发改委 │ │\n"
    "│△开工建设环城快速路,完成征地拆迁│ │ │ │\n"
    "│工作 │ ├────────┤ │\n"
    "│△改造农村公路200公里 │ │市卫生局、市│ │\n"
    "├──────────────┤ │财政局 │ │\n"
    "│提升医疗服务水平 │ │ │ │\n"
    "├──────────────┤ │ │ │\n"
    "│△新建社区卫生服务中心5个 │ │ │ │\n"
    "└──────────────┴───┴────────┴────┘\n")


def _tasks(text: str) -> list[tuple[str, tuple[list[str], list[str], list[str]]]]:
    return [(t.title, units(t)) for t in parse_document(text).tasks]


# "△" tasks under group cells; a units cell for each group, though its rule is drawn a line off
def test_box_drawn_table_gives_each_group_its_units_cell() -> None:
    assert _tasks(GROUPED) == [
        ("开工建设环城快速路,完成征地拆迁工作", (["市交通局", "市发改委"], [], [])),
        ("改造农村公路200公里", (["市交通局", "市发改委"], [], [])),
        ("新建社区卫生服务中心5个", (["市卫生局", "市财政局"], [], [])),
    ]


# the deadline cell merged over every row is every task's; the person column is no unit
def test_box_drawn_table_deadline_cell_merged_over_all_rows() -> None:
    draft = parse_document(GROUPED)
    assert [[phrase for phrase, _ in t.deadlines] for t in draft.tasks] == [["2015年底"]] * 3


# without "△" every first-column cell is a task, and a units cell for each row goes to its row
def test_box_drawn_table_without_marks_reads_one_task_a_cell() -> None:
    text = HEADER + (
        "│完善城市供水管网 │李四│市水务局 │6月底前 │\n"
        "├──────────────┼───┼────────┼────┤\n"
        "│建成垃圾分类处理中心,投入│李四│市城管局 │年底前 │\n"
        "│运行 │ │ │ │\n"
        "└──────────────┴───┴────────┴────┘\n")
    assert _tasks(text) == [
        ("完善城市供水管网", (["市水务局"], [], [])),
        ("建成垃圾分类处理中心,投入运行", (["市城管局"], [], [])),
    ]


# guards: a box table whose header names no units, or whose lines lose a column, drafts no table tasks
def test_box_drawn_table_guards() -> None:
    no_units = GROUPED.replace("牵头单位", "工作目标")
    assert "改造农村公路200公里" not in [t.title for t in parse_document(no_units).tasks]
    broken = GROUPED.replace("│△改造农村公路200公里 │ │市卫生局、市│ │", "│△改造农村公路200公里 │市卫生局、市│ │")
    assert "改造农村公路200公里" not in [t.title for t in parse_document(broken).tasks]
