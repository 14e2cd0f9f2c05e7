"""`duban import` grammar, round 49 of issue #13: task divisions as government sites and their copies
store them (a city's 政务公开 重点任务分工 page whose own fields stand above the text as a numbered list,
"1. [主题分类] …" … "10. [文件来源] …"; a district's 政务公开 工作要点 whose items end in "(X牵头,Y、Z负责落实)").
The fields were drafted as nine items at first sight; these tests keep the shapes read, in sentences
of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.page_fields import page_fields
from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_FIELDS = ("政策文件\n  1. [主题分类] 城乡建设/住房\n  2. [发文机构] 某市住房保障工作领导小组\n  3. [联合发文单位]\n"
           "  4. [成文日期] 2019-04-12\n  5. [发文字号] 〔〕\n  6. [有效性]\n  7. [文件来源] 政府公报 年 第期\n\n"
           "某市住房保障重点任务分工\n\n一、加快保障房建设\n\n"
           "1.年内开工建设公租房2000套,优先保障新就业职工。\n\n牵头单位:市住建局\n\n责任单位:各区政府\n\n完成时限:2019年底\n\n"
           "2.完善租赁补贴申请审核办法。\n\n牵头单位:市住建局、市财政局\n\n完成时限:2020年6月底前完成并持续落实\n")


# the page's numbered fields are not items; the 成文日期 among them is the plan's date
def test_numbered_page_fields_are_not_items() -> None:
    draft = parse_document(_FIELDS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("年内开工建设公租房2000套,优先保障新就业职工", (["市住建局"], ["各区政府"], [])),
        ("完善租赁补贴申请审核办法", (["市住建局", "市财政局"], [], []))]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2019, 12, 31)], [date(2020, 6, 30)]]
    assert draft.issued == date(2019, 4, 12)


# the fields read as the page's fields; an empty one is a blank line; other lines are left as they are
def test_page_fields_read_as_fields() -> None:
    lines = ["1. [主题分类] 综合政务", "2. [联合发文单位]", "3. [发布日期] 2021-03-02", "1.[重点]建成示范点3个。"]
    assert page_fields(lines) == ["主题分类: 综合政务", "", "发布日期: 2021-03-02", "1.[重点]建成示范点3个。"]


# one field-like line alone is left to the walker, and a bracketed word that is no field opens an item
def test_a_lone_field_or_other_bracket_is_left_alone() -> None:
    assert page_fields(["1. [发布日期] 2021-03-02", "2.推进信息公开。"]) == ["1. [发布日期] 2021-03-02", "2.推进信息公开。"]
    draft = parse_document("1.[重点]建成社区示范点3个。(区民政局负责)\n2.[一般]更新办事指南。(区政务服务局负责)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("[重点]建成社区示范点3个", ([], ["区民政局"], [])), ("[一般]更新办事指南", ([], ["区政务服务局"], []))]


# "(X牵头,A、B负责落实)": X leads, the collectives after it are responsible; "(X负责落实)" is responsible
def test_lead_then_collectives_responsible_for_carrying_out() -> None:
    draft = parse_document("一、推进重点领域公开\n(一)必公开项\n"
                           "1.推进财政预决算公开。细化公开部门预算和三公经费。(区财政局牵头,全区各部门、各街道负责落实)\n"
                           "2.公开重大项目进展。按季度公开审批和建设情况。(区发改委负责落实)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进财政预决算公开", (["区财政局"], ["全区各部门", "各街道"], [])),
        ("公开重大项目进展", ([], ["区发改委"], []))]
