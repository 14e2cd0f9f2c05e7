"""`duban import` grammar, round 28 of issue #13: a district's 民生实事 " | " table whose plan cell
lists its steps as numbered points ("1.X:3月底前……; 2.Y:……"), and a township's 重点工作 progress
page copied one cell per line whose header cells wrapped before their last word ("责任" / "领导",
"攻坚目标" / "任务", "第二季度" / "完成情况"). Each form is tested with rows of the same shape as the
documents', names, places and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import DraftTask, parse_document
from tests.import_rules_support import units


def in_2023(task: DraftTask) -> list[date]:
    """The task's deadlines in the document's year (the page's 发文日期 field is no issue date)."""
    return [d for d, _, _ in resolve_deadlines(task, 2023, None)]

_PLAN_TABLE = (
    "发布单位 | 区政府 | 发文日期 | 2023-06-20 |\n"
    "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
    "1 | 新建社区食堂12家。 | 1.社区食堂:3月底前完成选址;6月底前建成6家;10月底前全部建成。 "
    "2.助餐点:4月底前制定方案;9月底前投入运营。 3.配送服务:5月底前启动试点。 | 民政局 | 财政局、市场监管局,各街道 |\n"
    "2 | 改造农贸市场3个。 | 1.7月底前完成设计。 2.11月底前完工。 | 商务局 | 住建局 |\n")


# a row's plan cell "1.X:…; 2.Y:…; 3.Z:…" is the row's detail: the row stays one task, its steps' dates its deadlines
def test_numbered_points_inside_a_table_cell_stay_in_their_row() -> None:
    draft = parse_document(_PLAN_TABLE)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("新建社区食堂12家", ([], ["民政局"], ["财政局", "市场监管局", "各街道"])),
        ("改造农贸市场3个", ([], ["商务局"], ["住建局"]))]
    assert in_2023(draft.tasks[0]) == [date(2023, m, d) for m, d in ((3, 31), (4, 30), (5, 31), (6, 30), (9, 30), (10, 31))]
    assert in_2023(draft.tasks[1]) == [date(2023, 7, 31), date(2023, 11, 30)]


# a notice run together on one line still splits at its numbered items (no " | " cells)
def test_a_run_on_line_without_cells_is_still_split_at_its_items() -> None:
    text = ("2023年区政府重点工作 1.新建社区食堂12家。(区民政局负责) 2.改造农贸市场3个。(区商务局负责) "
            "3.新增停车泊位500个。(区交通局负责)")
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("新建社区食堂12家", ([], ["区民政局"], [])), ("改造农贸市场3个", ([], ["区商务局"], [])),
        ("新增停车泊位500个", ([], ["区交通局"], []))]


_PROGRESS_PAGE = "\n\n".join([
    "清溪镇2023年度重点工作计划三季度执行情况", "序号", "重点工作", "责任", "领导", "责任", "科室", "攻坚目标", "任务",
    "工作任务安排", "第三季度", "完成情况",
    "1", "东湖片区征迁", "陈某", "东湖片区征迁工作指挥部", "完成征迁协议签订。", "推进房屋评估。", "已签约85户。",
    "2", "农村供水提升", "林某", "农业农村办", "实现自来水全覆盖。", "按照进度推进管网铺设。", "完成管网铺设12公里。"])


# "责任/领导" (persons), "责任/科室" (the units), "攻坚目标/任务" and "工作任务安排" (the detail), "第三季度/
# 完成情况" (progress, not read): the 重点工作 is the title, the 科室 cell the responsible unit
def test_a_header_whose_cells_wrapped_before_their_last_word() -> None:
    draft = parse_document(_PROGRESS_PAGE)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("东湖片区征迁", ([], ["东湖片区征迁工作指挥部"], [])), ("农村供水提升", ([], ["农业农村办"], []))]
    assert draft.tasks[0].detail == "完成征迁协议签订。推进房屋评估。"
    assert [t.deadlines for t in draft.tasks] == [[], []]


# narrow cells that always joined still join ("责任" / "部门", "完成" / "时间"); "牵头领导" spelt whole is a person
def test_narrow_header_cells_are_read_as_before() -> None:
    text = "\n".join(["序号", "工作任务", "责任", "部门", "完成", "时间", "1", "建设智慧菜场。", "区商务局", "2023年12月底前"])
    draft = parse_document(text)
    assert [(t.title, units(t)) for t in draft.tasks] == [("建设智慧菜场", ([], ["区商务局"], []))]
    assert in_2023(draft.tasks[0]) == [date(2023, 12, 31)]
    text = "\n".join(["序号", "主要任务", "牵头领导", "牵头单位", "完成时限", "1", "建设智慧菜场。", "张某", "各街道"])
    assert [units(t) for t in parse_document(text).tasks] == [(["各街道"], [], [])]
