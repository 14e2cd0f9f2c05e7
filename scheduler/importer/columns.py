"""The names of a task table's columns: one vocabulary for every table reader.

A task table names its columns 序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限 …; the text reader
(table.py: a table copied into text, one cell per line or " | "-separated) and the file reader
(formats/tables.py: .html, .docx, .xlsx, .csv, .pdf) both build their patterns from the words below,
and both read a header in traditional characters ("序號 / 工作任務 / 牽頭單位 / 完成時限") as one in
simplified characters: a copy of a plan published in traditional characters keeps its columns.
"""

from __future__ import annotations

import re

NUMBER = ("序号", "编号", "序")
PEOPLE = ("领导", "责任人", "联系人", "联络员", "电话", "手机")  # "牵头领导", "责任人": people, not units
LEAD = ("牵头", "主办")
COOPERATING = ("配合", "协办", "协同", "参与", "协助")  # "协助单位" (round 69)
RESPONSIBLE = ("责任", "负责", "主责", "承办")
SUBJECT = ("落实", "指导", "实施")  # with a unit word after it: "落实单位", "指导部门", "实施主体"
UNIT_WORD = ("单位", "部门", "主体", "科室", "处室", "司局", "股室")
DEADLINE = ("时限", "完成时间", "时间节点", "时间安排", "进度安排", "完成期限", "截止时间", "时间进度", "时间要求",
            "完成节点", "建设时间", "建设年限", "建设期限", "实施时间")  # a project list's "建设时间 | 2024" (round 40)
PROBLEM = ("问题",)  # a rectification list: "反馈问题", "存在问题"
# the task's text: a title ("工作任务", "民生实事", "2022年预期目标", "项目名称") …
TITLE = ("举措", "任务", "事项", "措施", "名称", "项目", "工作", "实事", "目标", "内容",
         "指标")  # "考核指标" (round 46)
# … the longer text after a title in a row ("举措 | 内容"), read before TITLE …
DETAIL = ("内容", "具体措施", "工作措施", "具体要求", "目标要求", "细化分工")
# … a text table's schedule of the work, read with the detail ("分月序时进度", "实施步骤"; round 46)
SCHEDULE = ("进度", "步骤")
# … and in a file's table, the measures under a key task merged down over them ("重点任务 | 具体措施")
MEASURE = ("措施", "举措", "具体任务", "工作内容", "任务内容", "主要内容", "具体内容", "工作要求", "分工事项")
NAME = ("名称", "指标名称")  # a bare name cell beside the task's ("序号 | 名称 | 工作任务 | 主要责任单位", round 45)
CATEGORY = ("类别", "领域", "板块", "方面", "分类", "专项")  # a row's group
OTHER = ("范围", "备注", "说明", "依据", "完成情况", "进展情况", "落实情况",  # not read …
         "地点", "地址", "投资", "金额", "万元", "亿元",  # … nor a project's place and money ("年度投资金额(万元)")
         "进展", "监督")  # … nor a row's progress or who supervises it ("进展比例", "监督方式"; round 46)


def words(names: tuple[str, ...]) -> str:
    """A regex alternation of the names."""
    return "|".join(names)


# Traditional forms of the characters of column names (only for classifying a header, never for the
# text of a cell): 序號 工作任務 牽頭單位 責任單位 配合單位 完成時限 時間節點 備註 問題 整改措施 …
_TRADITIONAL = ("號務牽頭單責負時間節點進協辦實體內舉項備註範圍聯繫係絡員領導電話機問題類別專預標稱編處門參與"
                "關據說計劃區縣規數階環業績歸屬塊總發報構見戶級況設資額萬億")
_SIMPLIFIED = ("号务牵头单责负时间节点进协办实体内举项备注范围联系系络员领导电话机问题类别专预标称编处门参与"
               "关据说计划区县规数阶环业绩归属块总发报构见户级况设资额万亿")
_FOLD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_SPACE = re.compile(r"\s+")


def column_name(cell: str) -> str:
    """A header cell as the vocabulary writes it: no spaces ("工 作 任 务"), simplified characters."""
    return _SPACE.sub("", cell).translate(_FOLD)


def named(roles: list[str | None]) -> list[str | None]:
    """A bare "名称" column names the row: it is the title, unless another column holds the task's text
    ("名称 | 工作任务": "地区生产总值 | 地区生产总值增长12%"), whose detail it then is."""
    has_title = "title" in roles
    return [("detail" if has_title else "title") if r == "name" else r for r in roles]
