"""`duban import` grammar, round 47 of issue #13: municipal and county task lists of 2013–2022 (a district's
2018 政府工作报告 工作任务分解表 copied one cell per line whose rows lack the 序号 cell its header names and give two
牵头领导 cells each; a city's 2020 重点工作 progress table; a county's 民生实事 分解表 in " | " rows). These tests
keep the round's shapes read, in tables of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from scheduler.importer.unnumbered_cells import read_unnumbered_cells
from tests.import_rules_support import dates, units

_HEAD = "附件\n\n2019年区重点工作任务分解表\n\n序号 \n\n重 点 工 作 任 务 \n\n牵头领导 \n\n牵头单位 \n\n完成时限 \n\n"
_ROWS = ("东部新城要加快建设科创园区,力争引进高新技术企业20家。 \n\n王大明 \n\n李小红 \n\n东部新城管委会 \n\n2019年12月底前 \n\n"
         "区教育局要新建中小学3所,新增学位4000个。 \n\n赵  强 \n\n区教育局 \n\n2019年9月底前 \n\n"
         "城西新城要推进老旧小区改造,完成改造小区15个。 \n\n孙立 \n\n周文 \n\n吴  敏 \n\n城西新城 \n\n2019年11月底前 \n")


# rows without the number cell the header names; a 牵头领导 cell of one, two or three people, each on a line of their own
def test_rows_without_their_number_cell_and_people_on_several_lines() -> None:
    draft = parse_document(_HEAD + _ROWS)
    assert [(t.number, t.title, units(t), dates(t, draft)) for t in draft.tasks] == [
        ("1", "东部新城要加快建设科创园区,力争引进高新技术企业20家", (["东部新城管委会"], [], []), [date(2019, 12, 31)]),
        ("2", "区教育局要新建中小学3所,新增学位4000个", (["区教育局"], [], []), [date(2019, 9, 30)]),
        ("3", "城西新城要推进老旧小区改造,完成改造小区15个", (["城西新城"], [], []), [date(2019, 11, 30)])]


# the last row's people end where a line is left for every column after them ("城西新城" is a unit, not a person)
def test_last_row_keeps_a_line_for_each_column_after_the_people() -> None:
    text = ("序号\n\n工作任务\n\n责任领导\n\n责任单位\n\n"
            "推进城乡供水一体化,新建供水管网30公里。\n\n张明\n\n刘洋\n\n城西新城\n")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("推进城乡供水一体化,新建供水管网30公里", ([], ["城西新城"], []))]


# the same table with the blank lines between its cells dropped reads the same
def test_rows_without_number_cells_and_no_blank_lines() -> None:
    draft = parse_document("\n".join(ln for ln in (_HEAD + _ROWS).splitlines() if ln.strip()))
    assert [(t.title[:8], units(t), dates(t, draft)) for t in draft.tasks] == [
        ("东部新城要加快建", (["东部新城管委会"], [], []), [date(2019, 12, 31)]),
        ("区教育局要新建中", (["区教育局"], [], []), [date(2019, 9, 30)]),
        ("城西新城要推进老", (["城西新城"], [], []), [date(2019, 11, 30)])]


# guards: rows with their number cells are the numbered reader's; a header over no task is no table; a row
# with more lines than columns that are no people's names ends the table before it
def test_unnumbered_reader_guards() -> None:
    numbered = "序号\n\n工作任务\n\n牵头单位\n\n1\n\n新建城市公园2个,改造口袋公园10个。\n\n区住建局\n"
    assert read_unnumbered_cells(numbered.splitlines(), 0) is None
    assert [(t.number, t.title, units(t)) for t in parse_document(numbered).tasks] == [
        ("1", "新建城市公园2个,改造口袋公园10个", (["区住建局"], [], []))]
    assert read_unnumbered_cells("序号\n\n工作任务\n\n牵头单位\n\n区住建局\n\n区财政局\n".splitlines(), 0) is None
    lines = ("序号\n\n工作任务\n\n牵头领导\n\n牵头单位\n\n新建城市公园2个,改造口袋公园10个。\n\n王明\n\n区住建局\n\n"
             "改造城区道路10条,新增停车位500个。\n\n王明\n\n区交通局\n\n区财政局\n\n区城管局\n\n"
             "整治城区河道5条,消除黑臭水体。\n\n李强\n\n区水务局\n").splitlines()
    found = read_unnumbered_cells(lines, 0)
    assert found is not None
    rows, end = found
    assert [r.texts for r in rows] == [("新建城市公园2个,改造口袋公园10个。", "牵头单位：区住建局")]
    assert lines[end:end + 2] == ["", "改造城区道路10条,新增停车位500个。"]
