"""`duban import` grammar, round 37 of issue #13: real documents from fields, levels and years not used before
(a 2017 national 实施分工方案 of an inter-ministerial joint conference whose first item closes with "(A、B、C、D负责。
列第一位者为牵头部门或单位,其他有关部门和单位按职责分工负责,下同)", a 2021 繁体 repost of a national 年度推进计划
whose items close with "(A、B、C負責)", a county's 粮食安全 plan copied from a PDF whose lines break inside sentences
and inside a unit's name, with "〔A、B按职责分工负责,各乡(街道)落实〕", and page 5 of a city's 2009 政府工作报告
division whose page starts with the previous item's "责任单位:"/"配合单位:" lines). The importer read all four right
at first sight; these tests keep those shapes read. Items of the same shapes as the documents', names, places and
sentences changed."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

_FIRST_LISTED = "\n".join([
    "附件:全民健身计划(2021—2025年)实施分工方案",
    "国务院全民健身工作部际联席会议办公室",
    "2022年3月1日",
    "全民健身计划(2021—2025年)实施分工方案",
    "一、加大全民健身场地设施供给",
    "(一)完善公共健身设施网络。",
    "1. 新建或改扩建2000个以上体育公园,每个县级行政区建有全民健身中心。"
    "(体育总局、国家发展改革委、住房城乡建设部负责。列第一位者为牵头部门或单位,其他有关部门和单位按职责分工负责,下同)",
    "2. 推进公共体育场馆免费或低收费开放。(体育总局、财政部负责)",
])


# "(A、B、C负责。列第一位者为牵头部门或单位,……,下同)": A leads, the rest are responsible, on later items too
def test_a_first_listed_lead_rule_after_the_units_holds_for_later_items() -> None:
    draft = parse_document(_FIRST_LISTED)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("新建或改扩建2000个以上体育公园,每个县级行政区建有全民健身中心",
         (["体育总局"], ["国家发展改革委", "住房城乡建设部"], []), []),
        ("推进公共体育场馆免费或低收费开放", (["体育总局"], ["财政部"], []), [])]


_TRADITIONAL = "\n".join([
    "國務院安全生產委員會辦公室",
    "2022年11月2日",
    "一、健全安全生產法規制度",
    "(一)完善安全生產法律法規",
    "1.推進修訂《中華人民共和國消防法》《生產安全事故報告和調查處理條例》,推進制定《危險化學品安全法》。"
    "做好相關配套規章的清理工作。(應急管理部、公安部、司法部負責)",
])


# "(A、B、C負責)" in traditional characters: no lead named, all three responsible; "," inside 《》 lists keeps the title
def test_a_traditional_bracket_of_responsible_ministries() -> None:
    draft = parse_document(_TRADITIONAL)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("推進修訂《中華人民共和國消防法》《生產安全事故報告和調查處理條例》,推進制定《危險化學品安全法》",
         ([], ["應急管理部", "公安部", "司法部"], []), [])]


_PDF_LINES = "\n".join([
    "(二)加强高标准农田建设。统筹整合涉农资金,新建高标准农田 xx 万亩,",
    "改造提升高标准农田 xx 万亩。健全农田建设工程管护机制,落实管护主体",
    "和管护责任。〔县农业农村局、县财政局、县自然资",
    "源局按职责分工负责,各乡(街道)落实〕",
    "(三)稳定生猪生产。落实能繁母猪存栏调控机制,支持规模养殖场改造提",
    "升。〔县农业农村局按职责分工负责,各乡(街道)落实〕",
])


# PDF lines break inside sentences and inside a unit's name; "各乡(街道)落实" is responsible, after the others
def test_pdf_lines_broken_inside_a_unit_name_and_a_collective_that_carries_out() -> None:
    draft = parse_document(_PDF_LINES)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("加强高标准农田建设", ([], ["县农业农村局", "县财政局", "县自然资源局", "各乡(街道)"], []), []),
        ("稳定生猪生产", ([], ["县农业农村局", "各乡(街道)"], []), [])]


_PAGE_START = "\n".join([
    "责任单位:市住建局、市城管局、市环保局",
    "配合单位:各县(市、区)政府,市财政(地税)局、市规划局",
    "31、加快社会保障体系建设。扩大城镇职工基本养老保险覆盖面,推进新型农村社会养老保险试点。"
    "完善城乡居民最低生活保障制度,提高保障标准。",
    "责任单位:市劳动保障局,市民政局、市残联",
    "配合单位:各县(市、区)政府,金华开发区管委会,市财政(地税)局、市审计局",
])


# a page that starts with the previous item's unit lines: they belong to no task here
def test_unit_lines_before_the_first_item_of_a_page_make_no_task() -> None:
    draft = parse_document(_PAGE_START)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("加快社会保障体系建设",
         ([], ["市劳动保障局", "市民政局", "市残联"],
          ["各县(市、区)政府", "金华开发区管委会", "市财政(地税)局", "市审计局"]), [])]
