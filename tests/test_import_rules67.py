"""`duban import` grammar, round 66 of issue #13: plans that divide tasks among one body's own divisions.

Sentences of our own, not the documents': a court's task table whose web page ran every cell together
("序号任务名称任务内容牵头部门配合部门…", a row "1加强……1.……。" and its units "政治处各部门" on a line of their
own); "A、B各负其责" as responsible; a title's "年内" beside the item's own "完成时限:" label; and the
round's shapes read right at first sight (numbered points with "责任单位:" lines naming a court's
divisions, "A牵头,B配合" / "X分别落实" in a 责任单位 line)."""

from __future__ import annotations

from datetime import date

from scheduler.importer.glued_table import glued_table
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_GLUED = """2023年某区法院工作要点任务分解表
发布时间:2023-03-02
序号任务名称任务内容牵头部门配合部门工作落实情况(每月报送一次)
1加强政治理论学习1.落实“第一议题”制度。
2.开展主题教育,组织干警专题学习。
办公室各部门
2推进审判质效提升1.开展长期未结案件清理。
2.加强审判流程节点管控。
审管办各业务部门
3深化诉源治理1.推进诉前调解。
2.完善多元解纷机制
"""


def test_a_table_whose_cells_run_together_is_read_by_its_columns() -> None:
    draft = parse_document(_GLUED)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("加强政治理论学习", (["办公室"], [], ["各部门"])),
        ("推进审判质效提升", (["审管办"], [], ["各业务部门"])),
    ]  # row 3 has no units line: left as it is, its points no task of the table


def test_a_glued_header_and_lines_that_are_none() -> None:
    lines = glued_table(_GLUED.splitlines())
    assert lines[2] == "序号 | 任务名称 | 任务内容 | 牵头部门 | 配合部门 | 工作落实情况"
    assert lines[3] == "1 | 加强政治理论学习 | 1.落实“第一议题”制度。 2.开展主题教育,组织干警专题学习。 | 办公室 | 各部门 |"
    assert lines[5] == "3深化诉源治理1.推进诉前调解。"
    plain = ["序号 任务名称 牵头部门", "序号工作任务说明", "1加强政治理论学习", "办公室各部门"]
    assert glued_table(plain) == plain  # spaced, a word no column is, and rows without their header
    no_units = ["序号任务名称任务内容牵头部门配合部门", "1加强学习1.落实制度。", "认真组织实施,确保取得实效"]
    assert glued_table(no_units) == no_units


_EACH = """一、重点工作
1. 做好疫情防控信息发布。及时发布权威信息。
责任单位:卫生司、食品局各负其责,署内各部门分别落实。
完成时限:全年。
2. 规范政务服务事项目录。
责任单位:政法司、财务司各司其职。
完成时限:2022年12月。
"""


def test_units_that_each_do_their_own_part_are_responsible() -> None:
    draft = parse_document(_EACH)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("做好疫情防控信息发布", ([], ["卫生司", "食品局", "署内各部门"], [])),
        ("规范政务服务事项目录", ([], ["政法司", "财务司"], [])),
    ]


_WITHIN_YEAR = """某署办公厅
2022年3月1日
2022年某署政务公开工作要点
1. 年内推动所属单位公开预算信息。
责任单位:财务司。
完成时限:2022年11月。
2. 年内完成网站集约化改造。
责任单位:办公厅。
3. 全年做好政策解读。
责任单位:办公厅。
完成时限:2022年6月。
"""


def test_a_titles_within_the_year_yields_to_the_items_own_deadline_label() -> None:
    draft = parse_document(_WITHIN_YEAR)
    got = [(t.title, dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("年内推动所属单位公开预算信息", [date(2022, 11, 30)]),
        ("年内完成网站集约化改造", [date(2022, 12, 31)]),  # no label: the title's 年内 is the deadline
        ("全年做好政策解读", [date(2022, 6, 30)]),
    ]


_FIRST_SIGHT = """关于贯彻落实某院2020年工作要点的分工方案
本院各单位:
现将有关任务分工如下:
1. 深化司法公开,完善庭审直播工作机制。
责任单位:审管办、信息处
2. 加强司法改革宣传。开展专题培训。
责任单位:司改办、新闻办、本院各单位
一、深化政务公开
(一)做好规划公开。
3. 主动公开发展规划。
责任单位:规划处、统计处牵头,办公室配合。
完成时限:2020年9月。
4. 推进预算公开。
责任单位:财务处牵头,各直属单位分别落实。
完成时限:2020年11月。
"""


def test_the_shapes_read_right_at_first_sight() -> None:
    draft = parse_document(_FIRST_SIGHT)
    got = [(t.title, units(t), dates(t, draft)) for t in draft.tasks]
    assert got == [
        ("深化司法公开,完善庭审直播工作机制", ([], ["审管办", "信息处"], []), []),
        ("加强司法改革宣传", ([], ["司改办", "新闻办", "本院各单位"], []), []),
        ("主动公开发展规划", (["规划处", "统计处"], [], ["办公室"]), [date(2020, 9, 30)]),
        ("推进预算公开", (["财务处"], ["各直属单位"], []), [date(2020, 11, 30)]),
    ]


_COMBINED_TRADITIONAL = """一、工作要點
1.做好信息發佈工作。局辦公室結合本局職責和公開目錄,及時收集、發佈應主動公開的信息。
2.規範依申請公開。局法規科要依法依規辦理政府信息公開申請。
3.推進解讀工作。局業務科結合職責做好政策解讀。
4.堅持點面結合。以點帶面推進公開工作。
"""


def test_a_subject_that_combines_its_work_in_a_traditional_copy() -> None:
    draft = parse_document(_COMBINED_TRADITIONAL)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("做好信息發佈工作", ([], ["局辦公室"], [])),
        ("規範依申請公開", ([], ["局法規科"], [])),
        ("推進解讀工作", ([], ["局業務科"], [])),
        ("堅持點面結合", ([], [], [])),  # 結合 after no unit's name: no subject
    ]


_RESTATED = """某局2023年政务公开工作要点
一、工作要点
1.做好政策解读。对本局起草的政策文件进行全面解读,创新解读形式。
2.强化制度建设。局办公室要建立完善的信息公开制度,保障工作长效推进。
3.做好宣传。局办公室要做好宣传。
4.加强培训。局人事科要组织全局干部参加政务公开业务培训。
二、重点工作任务分解
重点任务 | 工作内容 | 负责科室 |
政策解读 | 对本局起草的政策文件进行全面解读,创新解读形式。 | 各业务科室 |
制度建设 | 局办公室要建立完善的信息公开制度,保障工作长效推进。 | 办公室 |
宣传 | 局办公室要做好宣传。 | 办公室 |
"""


def test_a_point_written_again_by_a_row_of_the_division_is_that_row() -> None:
    draft = parse_document(_RESTATED)
    got = [(t.title, units(t)) for t in draft.tasks]
    assert got == [
        ("做好宣传", ([], ["局办公室"], [])),  # "局办公室要做好宣传": too short to be a restatement
        ("加强培训", ([], ["局人事科"], [])),  # no row writes it again: a task of its own
        ("政策解读", ([], ["各业务科室"], [])),
        ("制度建设", ([], ["办公室"], [])),
        ("宣传", ([], ["办公室"], [])),
    ]
