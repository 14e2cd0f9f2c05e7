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
