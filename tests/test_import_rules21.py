"""`duban import` grammar after round 20 of issue #13 (bench/import_corpus_split.md, Round 20): 政务公开
task lists of departments and towns that start with their table — a " | " table whose header names levels
of an outline ("一级要点 | 二级要点") or only one text column, its rows numbered after their groups, and a
table with each cell on a line of its own whose every row opens with a rule line of its own. Sentences
written for the tests, not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEAD = "某区审计局2024年政务公开工作要点分工方案\n"


# "工作要求 | 一级要点 | 二级要点 | 责任科室 |": the groups are merged down, the numbered 二级要点 are the tasks
def test_levels_of_an_outline_in_the_header() -> None:
    draft = parse_document(
        HEAD + "工作要求 | 一级要点 | 二级要点 | 责任科室 |\n"
        "一、夯实公开基础 | (一)规范文件公开。 | 1.清理现行有效文件,按季度更新目录。 | 法规科牵头,办公室配合 |\n"
        "2.标注文件的有效性。 | 办公室牵头,各科室按职责分工落实 | ||\n"
        "(二)推进基层公开。 | 3.更新主动公开目录。 | 办公室 | |\n")
    assert [t.title for t in draft.tasks] == ["清理现行有效文件,按季度更新目录", "标注文件的有效性", "更新主动公开目录"]
    assert [units(t) for t in draft.tasks] == [
        (["法规科"], [], ["办公室"]), (["办公室"], ["各科室"], []), ([], ["办公室"], [])]


# "具 体 要 求 | 责任科室 | ||": one (spaced) text column, the groups without a header cell of their own
def test_a_single_text_column_under_grouped_rows() -> None:
    draft = parse_document(
        HEAD + "具 体 要 求 | 责任科室 | ||\n"
        "一、抓好主动公开。 | 1 | 更新重点领域信息,及时回应关切。 | 办公室牵头,局各股室配合 |\n"
        "二、抓好政策解读 | 2 | 政策文件与解读同步发布。 | 审计一科 |\n"
        "3 | 丰富解读形式。 | 审计二科、审计三科 | |\n")
    assert [t.title for t in draft.tasks] == ["更新重点领域信息,及时回应关切", "政策文件与解读同步发布", "丰富解读形式"]
    assert [units(t) for t in draft.tasks] == [
        (["办公室"], [], ["局各股室"]), ([], ["审计一科"], []), ([], ["审计二科", "审计三科"], [])]


# a header of a title and its detail is read by the table readers as before, not as levels
def test_title_and_detail_header_unchanged() -> None:
    draft = parse_document(
        HEAD + "工作任务 | 具体要求 | 责任科室 |\n一、做好财政信息公开。 | 1.公开部门预算和决算。 | 财务科 |\n"
        "2.公开“三公”经费。 | 财务科 |\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("公开部门预算和决算", ([], ["财务科"], [])), ("公开“三公”经费", ([], ["财务科"], []))]


def _ruled(*rows: tuple[str, ...]) -> str:
    return "".join("|\n" + "".join(f"{cell}\n|\n" for cell in row) for row in rows)


# "| / 工作任务 / | / 具体内容 / | / 责任部门 / |", every row opened by a rule line, the group merged down
def test_rows_opened_by_a_rule_line() -> None:
    draft = parse_document(_ruled(
        ("工作任务", "具体内容", "责任部门"),
        ("推进政策公开", "公开惠农资金发放信息。", "财政所、农业服务中心等"),
        ("持续发布乡村振兴政策文件。", "党政办公室"),
        ("强化执法公开", "公示行政处罚结果。", "综合执法队")))
    assert [t.title for t in draft.tasks] == ["公开惠农资金发放信息", "持续发布乡村振兴政策文件", "公示行政处罚结果"]
    assert [units(t)[1] for t in draft.tasks] == [["财政所", "农业服务中心"], ["党政办公室"], ["综合执法队"]]
    assert all(not t.deadlines and not t.ongoing for t in draft.tasks)


# rows of other widths, or a header that names no units, are no such table: nothing is drafted from them
def test_rule_lines_of_another_shape_draft_nothing() -> None:
    ragged = _ruled(("工作任务", "具体内容", "责任部门"), ("推进政策公开", "公开惠农资金发放信息。", "财政所"),
                    ("甲",), ("乙", "丙"))
    assert parse_document(ragged).tasks == []
    no_units = _ruled(("工作任务", "具体内容", "备注"), ("推进政策公开", "公开惠农资金发放信息。", "无"),
                      ("持续发布政策文件。", "无"))
    assert parse_document(no_units).tasks == []


def _blank(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


# cells parted by blank lines: "工作任务 / 具体要求 / 落实科室(部门)", a units cell merged down over several tasks
def test_cells_parted_by_blank_lines() -> None:
    draft = parse_document(HEAD + "\n" + _blank(
        "工作任务", "具体要求", "落实科室(部门)",
        "做好规划公开", "1.公开本局发展规划原文。", "各科室、信息中心按职责分工落实", "2.集中发布规划解读。", "办公室",
        "做好执法公开", "3.公开市场准入负面清单。", "4.定期公布检查结果。", "执法科、稽查队"))
    assert [t.title for t in draft.tasks] == [
        "公开本局发展规划原文", "集中发布规划解读", "公开市场准入负面清单", "定期公布检查结果"]
    assert [units(t)[1] for t in draft.tasks] == [
        ["各科室", "信息中心"], ["办公室"], ["执法科", "稽查队"], ["执法科", "稽查队"]]


# a paragraph after numbered cells is no units cell: the table ends, the cells are read as items were
def test_blank_cells_end_at_a_paragraph() -> None:
    draft = parse_document(HEAD + "\n" + _blank(
        "工作任务", "具体要求", "责任科室", "做好规划公开", "1.公开本局发展规划原文。", "办公室",
        "2.集中发布规划解读。", "宣传科", "3.公开年度报告。", "各科室要高度重视,认真抓好落实,确保各项任务按期完成。"))
    assert [t.title for t in draft.tasks][:3] == ["公开本局发展规划原文", "集中发布规划解读", "公开年度报告"]
    assert [units(t) for t in draft.tasks[:2]] == [([], ["办公室"], []), ([], ["宣传科"], [])]
    assert all(units(t)[1] != ["各科室要高度重视,认真抓好落实,确保各项任务按期完成"] for t in draft.tasks)
