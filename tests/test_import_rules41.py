"""`duban import` grammar, round 40 of issue #13: real plans of 2023–2024 from places not used before (a
都市圈 重点工作清单 whose items close with "(责任单位:A、B,完成时限:2023年6月)", a county-level city's
绿色低碳 重点任务, and a county's 民生实事 project table copied from a web page in 繁体). The 清单 writes
"襄阳市、十堰市、随州市、神农架林区发改委": named places before a named place's department share it. The
project table has columns no task table had before: 建设地点, 建设时间 (a year alone, "2024") and
年度投资金额(万元), whose numbers are cells of the row, not the next row's number. These tests keep those
shapes read, in sentences of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.numeric_dates import worded
from scheduler.importer.parse import parse_document
from scheduler.importer.shared_gov import share_government
from tests.import_rules_support import dates, units


# "(责任单位:A市、B市、C市交通运输局,…)": three 交通运输局, as "A市、B市、C市人民政府" (round 39)
def test_named_places_share_the_department_after_them() -> None:
    draft = parse_document("一、加强区域协同\n"
                           "1.编制都市圈交通一体化方案。(责任单位:昭通市、曲靖市、玉溪市交通运输局,完成时限:2024年9月)\n"
                           "2.建立联合招商机制。(責任單位:昭通市、曲靖市發改委,完成時限:2024年12月)")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("编制都市圈交通一体化方案", ([], ["昭通市交通运输局", "曲靖市交通运输局", "玉溪市交通运输局"], [])),
        ("建立联合招商机制", ([], ["昭通市發改委", "曲靖市發改委"], []))]
    assert dates(draft.tasks[0], draft) == [date(2024, 9, 30)]


# a department without a place of its own, or a zone's 管委会, is shared with no bare place before it
def test_bare_places_before_an_unnamed_department_stay() -> None:
    draft = parse_document("1.完善项目储备库。(责任单位:昭通市、市发改委,完成时限:2024年6月)\n"
                           "2.建设物流园区。(责任单位:曲靖市、东川新区管委会,完成时限:2024年12月)")
    assert [units(t)[1] for t in draft.tasks] == [["昭通市", "市发改委"], ["曲靖市", "东川新区管委会"]]
    assert share_government(["昭通市", "曲靖市"]) == ["昭通市", "曲靖市"]


def _project_table(header: list[str], rows: list[list[str]]) -> str:
    """A web page's table saved as text: a cell per line closed by " |", a lone "|" between rows."""
    lines = ["附件:", "|", "2024年为民办实事项目表 |", "||||"]
    for cells in [header, *rows]:
        lines += ["|", *(f"{cell} |" for cell in cells)]
    return "\n".join([*lines, "|"])


_ROWS = [["1", "城区公厕提升改造项目", "城关镇", "2024", "改造城区公厕12座。", "150", "城管局"],
         ["2", "乡镇卫生院设备更新项目", "各镇", "2024", "为8所卫生院更新设备。", "2600", "卫健局"],
         ["3", "农村饮水安全巩固项目", "河东镇 (河西镇)", "2024", "新建供水站2处。", "2", "水利局"]]


# 建设地点 and 年度投资金额 are not read; 建设时间 "2024" is that year's end; "150" and "2" are cells of their rows
def test_a_project_table_with_place_money_and_building_year() -> None:
    header = ["序号", "项目名称", "建设地点", "建设时间", "年度建设内容", "年度投资金额 (万元)", "责任单位"]
    draft = parse_document(_project_table(header, _ROWS))
    assert [(t.title, units(t)[1]) for t in draft.tasks] == [
        ("城区公厕提升改造项目", ["城管局"]), ("乡镇卫生院设备更新项目", ["卫健局"]), ("农村饮水安全巩固项目", ["水利局"])]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 12, 31)]] * 3


def test_the_same_table_in_traditional_characters() -> None:
    header = ["序號", "項目名稱", "建設地點", "建設時間", "年度建設內容", "年度投資金額 (萬元)", "責任單位"]
    draft = parse_document(_project_table(header, _ROWS))
    assert [t.title for t in draft.tasks] == ["城区公厕提升改造项目", "乡镇卫生院设备更新项目", "农村饮水安全巩固项目"]
    assert [units(t)[1] for t in draft.tasks] == [["城管局"], ["卫健局"], ["水利局"]]


# a number in a column the table reads still starts the next row, also after a short row and a gap
def test_a_short_row_still_ends_at_the_next_number() -> None:
    text = "\n".join(["序号", "工作任务", "责任单位", "完成时限",
                      "1", "开展河道清淤。", "水利局",
                      "3", "修缮文化礼堂。", "文旅局", "10月底前"])
    draft = parse_document(text)
    assert [(t.title, units(t)[1]) for t in draft.tasks] == [("开展河道清淤", ["水利局"]), ("修缮文化礼堂", ["文旅局"])]


# "完成时限：2024", a year alone, is that year's end; other numbers and spans stay as written
def test_a_deadline_of_a_year_alone() -> None:
    draft = parse_document("一、重点任务\n1.建设智慧停车平台。\n责任单位：城管局\n完成时限：2025")
    assert dates(draft.tasks[0], draft) == [date(2025, 12, 31)]
    assert (worded("2024"), worded(" 2025 "), worded("1360"), worded("2023-2025")) == \
        ("2024年", "2025年", "1360", "2023-2025")
