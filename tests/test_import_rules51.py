"""`duban import` grammar, round 50 of issue #13: 行动方案 and 攻坚/专项整治 plans. A city's river-basin action plan
names the districts once with a scope remark in angle brackets, "各区人民政府〈含开发区、风景区管委会,下同〉": the remark
("含……,下同") says what the name covers and is no part of the name, as "(除……外，……下同)" already was in round
brackets. A name that holds its own angle brackets ("各县<市、区>人民政府") stays whole."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_PLAN = ("市人民政府关于印发某市黑臭水体整治攻坚行动方案的通知\n2020年3月2日\n二、工作任务及责任分工\n(一)治源\n"
         "1.开展工业园区雨污管网排查,对发现的问题建立台账并限期整改。2020年9月底之前,完成整改。"
         "(牵头单位:市水务局;责任单位:{who};配合单位:市生态环境局)\n")


# the remark in angle brackets goes; the name before it is the unit
def test_a_scope_remark_in_angle_brackets_is_no_part_of_the_name() -> None:
    for who in ("各区人民政府〈含开发区、风景区管委会,下同〉", "各区人民政府<含开发区管委会，下同>",
                "各区人民政府＜包括开发区管委会，下同＞"):
        draft = parse_document(_PLAN.format(who=who))
        [task] = draft.tasks
        assert task.title == "开展工业园区雨污管网排查,对发现的问题建立台账并限期整改"
        assert units(task) == (["市水务局"], ["各区人民政府"], ["市生态环境局"])
        assert dates(task, draft) == [date(2020, 9, 30)]


# angle brackets that are part of a name, with no remark in them, stay
def test_angle_brackets_inside_a_name_stay() -> None:
    draft = parse_document(_PLAN.format(who="各县<市、区>人民政府、市住建局"))
    [task] = draft.tasks
    assert units(task) == (["市水务局"], ["各县<市、区>人民政府", "市住建局"], ["市生态环境局"])
