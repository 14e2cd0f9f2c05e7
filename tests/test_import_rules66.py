"""`duban import` grammar, round 65 of issue #13: 碳达峰 / 节能减排 / 新型基础设施 / 数字政府 plans and 开发区 /
高新区 / 自贸试验区 task lists.

Sentences of our own, not the documents': a 高新区's numbered 重点工作任务分解表 copied one cell per line with a
line "|" after every cell, its columns 责任领导 (people), 责任部门 and 完成期限 and a last 监督方式 column naming who
oversees the work (not a unit of the task); a national 工作方案 部门分工 whose brackets put two labels apart by a space
("(牵头单位:X 参加单位:Y、Z)") and whose first bracket adds a remark about its lists ("未明确牵头单位的,由所列负责单位
按职责分工负责,下同"). Guards for the shapes read at first sight: a 高新区 责任分解 bracket with a 牵头负责领导 and
协同单位 list parted by 、 and ",". After those rules (batch 2): a city's 数字政府 任务责任分工 whose page opens every row
with a rule and parts its cells by blank lines (the header's "序号" folded over two lines, an empty cell, a units cell on two
lines); a document site's preview of a 5G-style 实施方案 whose one line holds the first subsection's heading and its first
item ("…方案 (一)加快……。 1.加快……"), and whose units list "各县市、区政府" (two place words before the government).
Each of them but the guard read wrongly or not at all before this round."""

from __future__ import annotations

from datetime import date

from scheduler.importer.list_remarks import is_list_remark
from scheduler.importer.names import split_names
from scheduler.importer.parse import parse_document
from scheduler.importer.ruled_numbers import ruled_numbers
from tests.import_rules_support import dates, units

_RULED = "\n".join(line for cell in (
    "序号", "重点工作任务", "责任领导", "责任部门", "完成期限", "监督方式",
    "1", "加快建设科创孵化园二期,完成主体工程。", "王某", "规划建设部", "2024年12月底", "工委、管委会",
    "2", "完善企业服务专员制度,推动惠企政策直达快享。", "李某、赵某", "企业服务局、财政金融局", "持续推进", "工委、管委会",
    "3", "开展低效用地清理。", "赵某", "自然资源分局", "2024年9月底前", "工委、管委会",
) for line in (cell, "|"))


def test_a_numbered_table_with_a_rule_line_after_every_cell() -> None:
    draft = parse_document("某高新区2024年重点工作任务分解表\n" + _RULED + "\n")
    got = [(t.title, units(t), t.ongoing) for t in draft.tasks]
    assert got == [
        ("加快建设科创孵化园二期,完成主体工程", ([], ["规划建设部"], []), ""),
        ("完善企业服务专员制度,推动惠企政策直达快享", ([], ["企业服务局", "财政金融局"], []), "持续推进"),
        ("开展低效用地清理", ([], ["自然资源分局"], []), ""),
    ]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 12, 31)], [], [date(2024, 9, 30)]]


def test_only_a_numbered_header_ruled_cell_by_cell_is_joined() -> None:
    assert ruled_numbers(["序号", "|", "工作任务", "|", "责任单位", "|", "1", "|", "|", "x"]) == [
        "序号 |", "工作任务 |", "责任单位 |", "1 |", "|", "x"]
    short = ["序号", "|", "工作任务", "|", "责任单位"]  # two cells ruled: not such a table
    assert ruled_numbers(short) == short
    plain = ["工作任务", "|", "责任单位", "|", "完成时限", "|"]  # no number column: rule_lines.py reads it
    assert ruled_numbers(plain) == plain


_DIVISION = """某省“十四五”节能降碳工作方案部门分工
一、推进能源结构调整
(一)控制煤炭消费。
1. 严格控制煤电新增装机规模,推动燃煤锅炉淘汰。(负责单位:省发展改革委、省能源局、省政府其他有关部门。未明确牵头单位的,由所列负责单位按职责分工负责,下同)
2. 重点用能单位单位产值能耗下降10%以上。(牵头单位:省工业和信息化厅 参加单位:省发展改革委、省统计局)
3. 加快充电基础设施建设。(牵头部门:省住房城乡建设厅 参加部门:省能源局)
"""


def test_two_labels_apart_by_a_space_and_a_remark_about_the_lists() -> None:
    draft = parse_document(_DIVISION)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("严格控制煤电新增装机规模,推动燃煤锅炉淘汰", ([], ["省发展改革委", "省能源局", "省政府其他有关部门"], [])),
        ("重点用能单位单位产值能耗下降10%以上", (["省工业和信息化厅"], [], ["省发展改革委", "省统计局"])),
        ("加快充电基础设施建设", (["省住房城乡建设厅"], [], ["省能源局"])),
    ]


def test_a_remark_about_the_lists_and_sentences_that_are_not_one() -> None:
    remarks = ["未明确牵头单位的,由所列负责单位按职责分工负责,下同", "凡未标注牵头单位的,列第一位者牵头",
               "由上述单位按职责分工负责", "以上部门按职责分工负责,下同"]
    assert [is_list_remark(s) for s in remarks] == [True, True, True, True]
    assert [is_list_remark(s) for s in ("2025年底前完成", "市财政局配合", "各县区政府负责落实")] == [False, False, False]


_ZONE = """某高新区2023年重点工作及责任分解
一、推动经济平稳增长
1.强化项目调度。建立重点项目周调度机制。(牵头负责领导:张某、王某;牵头责任单位:区经发局;协同单位:区财政局、建设局,某城投公司,各社区管委会)
2.稳定工业运行。(牵头负责领导:张某;牵头责任单位:区经发局;协同单位:区统计局)
"""


def test_a_zone_bracket_with_its_leaders_and_collaborators_read_at_first_sight() -> None:
    draft = parse_document(_ZONE)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("强化项目调度", (["区经发局"], [], ["区财政局", "建设局", "某城投公司", "各社区管委会"])),
        ("稳定工业运行", (["区经发局"], [], ["区统计局"])),
    ]


def _opened(cells: list[list[str] | None]) -> list[str]:
    """A row opened by a rule, each cell's lines indented and closed by a rule, blank lines between."""
    lines = ["| "]
    for cell in cells:
        lines += ["             | ", "            "] if cell is None else \
            [f"             {ln} " for ln in cell] + ["             | ", "            "]
    return [*lines[:-1], "        "]


_OPENED = "\n".join([
    "附件",
    "某市推进公共数据开放的重点任务责任分工",
    *_opened([["序", "号"], ["工作任务"], ["牵头单位"], ["责任单位"], ["完成时限"]]),
    *_opened([["1"], ["建立公共数据开放目录,按季度更新。"], ["市数据资源局"], ["市直有关部门"], ["2022年6月底"]]),
    *_opened([["2"], ["编制本部门数据资源清单。"], ["市直有关部门"], None, ["2022年3月底"]]),
    *_opened([["3"], ["建设数据开放平台,向社会提供", "数据下载服务。"], ["市数据资源局"], ["市直有关部门", "各县(市、区)"],
              ["2022年12月底"]]),
])


def test_a_table_whose_rows_open_with_a_rule_and_whose_cells_are_parted_by_blank_lines() -> None:
    draft = parse_document(_OPENED + "\n")
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("建立公共数据开放目录,按季度更新", (["市数据资源局"], ["市直有关部门"], [])),
        ("编制本部门数据资源清单", (["市直有关部门"], [], [])),
        ("建设数据开放平台,向社会提供数据下载服务", (["市数据资源局"], ["市直有关部门", "各县(市、区)"], [])),
    ]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2022, 6, 30)], [date(2022, 3, 31)], [date(2022, 12, 31)]]
    unfolded = parse_document(_OPENED.replace("             序 \n             号 \n", "             序号 \n") + "\n")
    assert [(t.title, units(t)) for t in unfolded.tasks] == got  # the header's "序号" on one line reads the same


_PREVIEW = ("推进千兆光网建设实施方案.docx\n"
            "《推进千兆光网建设实施方案.docx》由会员分享,可在线阅读,更多相关《推进千兆光网建设实施方案.docx(8页珍藏版)》请在某文库上搜索。\n"
            "1、文本为Word版本,下载可任意编辑推进千兆光网建设实施方案推进千兆光网建设实施方案 (一)加快光网规划建设。 "
            "1.加快光网改造升级。各县(市、区)要明确光网改造的主管部门,将光纤到户纳入新建住宅的验收内容,老旧小区改造同步实施"
            "光网改造。市、县两级住房城乡建设部门负责将光网建设纳入城市更新计划,并在各类城市建设工程中严格实施,确保按期完成"
            "改造任务。(责任单位:市通信管理办、市住房和城乡建设局\n"
            "2、、市自然资源和规划局,各县市、区政府)\n")


def test_a_preview_page_whose_one_item_follows_its_subsection_heading() -> None:
    draft = parse_document(_PREVIEW)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [("加快光网改造升级", ([], ["市通信管理办", "市住房和城乡建设局", "市自然资源和规划局", "各县市、区政府"], []))]


def test_two_place_words_before_a_government_are_one_collective() -> None:
    assert [split_names(t) for t in ("各县市、区政府", "各县市、区政府管委会", "各区县、市直各部门", "各县、市、区政府")] == [
        ["各县市、区政府"], ["各县市、区政府管委会"], ["各区县", "市直各部门"], ["各县、市、区政府"]]
