"""`duban import` grammar, round 51 of issue #13: rural, water, land and transport plans. A district's winter
irrigation notice lists its targets with "(X牽頭、Y配合)" and then gives the campaign's time in a section of its own,
"二、时间安排 即日起至……": that section is the schedule of the whole notice, no task of its own. The steps of a
phase section ("（一）动员部署阶段") stay tasks."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_NOTICE = ("为做好今冬明春农村公路建设工作,现就有关事项通知如下:\n一、目标任务\n今冬明春全县农村公路建设任务:\n"
           "(一)新改建通村公路45公里,完成危桥改造6座。(县交通运输局牵头、各乡镇配合)\n"
           "(二)清理公路两侧堆积物,整治路域环境(各乡镇牵头、县公路中心配合)。\n"
           "二、{schedule}\n{when}\n三、工作要求\n"
           "(一)加强组织领导。各乡镇、各有关单位要落实工作责任,确保按期完成。\n")


# the schedule section is no task; the two targets keep their units
def test_a_schedule_section_of_one_paragraph_is_no_task() -> None:
    for schedule, when in (("时间安排", "即日起至2019年4月30日。"), ("時間安排", "即日起至2019年4月30日。"),
                           ("实施步骤", "2019年1月至4月,分两个阶段实施。"), ("进度安排", "2019年4月底前全部完成。")):
        draft = parse_document(_NOTICE.format(schedule=schedule, when=when))
        assert [t.title for t in draft.tasks] == ["新改建通村公路45公里,完成危桥改造6座",
                                                   "清理公路两侧堆积物,整治路域环境"], schedule
        assert units(draft.tasks[0]) == (["县交通运输局"], [], ["各乡镇"])
        assert units(draft.tasks[1]) == (["各乡镇"], [], ["县公路中心"])


# the steps of a phase section are still tasks, with their dates
def test_the_steps_of_a_phase_section_stay_tasks() -> None:
    text = ("某县农村人居环境整治行动方案\n2019年3月1日\n一、主要任务\n"
            "(一)开展村庄清洁行动。清理农村生活垃圾和河塘沟渠。(县农业农村局牵头,各乡镇负责)\n"
            "二、实施步骤\n(一)动员部署阶段（2019年3月1日至3月31日）。制定方案,召开动员会议。\n"
            "(二)集中整治阶段（2019年4月至9月）。各乡镇按照分工开展集中整治。\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["开展村庄清洁行动", "动员部署阶段（2019年3月1日至3月31日）",
                                               "集中整治阶段（2019年4月至9月）"]
    assert dates(draft.tasks[1], draft) == [date(2019, 3, 31)]
    assert dates(draft.tasks[2], draft) == [date(2019, 9, 30)]


# a three-year plan lists each item's work by year: the months under "2020年任务：" are 2020's, a year's list
# without a month is due at that year's end
_YEARS = ("某市推进“四好农村路”建设三年(2019—2021年)行动方案\n2019年3月1日\n二、主要工作和目标任务\n(一)完善农村路网\n"
          "1.推进农村公路提档升级\n加快县乡道改造,提升通行能力。{body}(牵头单位:市交通运输局、市财政局)\n")


def test_months_under_a_year_label_belong_to_that_year() -> None:
    body = ("2019年任务:一是完成县道改造60公里;二是完成危桥改造12座。"
            "2020年任务:一是6月底前完成乡道安保工程;二是11月底前完成通村公路硬化。")
    draft = parse_document(_YEARS.format(body=body))
    [task] = draft.tasks
    assert task.title == "推进农村公路提档升级"
    assert units(task) == (["市交通运输局", "市财政局"], [], [])
    assert dates(task, draft) == [date(2019, 12, 31), date(2020, 6, 30), date(2020, 11, 30)]


def test_year_labels_with_other_wordings() -> None:
    body = "2020年工作任务：完成农村客运站改造。2021年重点任务：9月30日前实现建制村通客车全覆盖。"
    draft = parse_document(_YEARS.format(body=body))
    [task] = draft.tasks
    assert dates(task, draft) == [date(2020, 12, 31), date(2021, 9, 30)]


# no label with a colon: the months keep the plan's year, and "2019年任务完成情况" is no deadline
def test_no_year_label_leaves_the_months_alone() -> None:
    draft = parse_document(_YEARS.format(body="6月底前完成乡道安保工程,11月底前完成通村公路硬化。"))
    [task] = draft.tasks
    assert dates(task, draft) == [date(2019, 6, 30), date(2019, 11, 30)]
    draft = parse_document(_YEARS.format(body="定期通报2019年任务完成情况。"))
    [task] = draft.tasks
    assert dates(task, draft) == []
