"""`duban import` grammar, round 38 of issue #13: real documents from topics, bodies and years not used
before (a 2014 national 社会信用体系建设 重点工作任务 reposted in 繁体, a 2024 national 标准化 行动计划 reposted
in 繁体, and two pages of cities' 2009–2010 行政审批制度改革 plans from law-library copies). One city's page
writes its items as dash bullets "--标题。……。(X牵头,Y负责起草)", one of them with three brackets and
"2010年在……开展……试点,至2012年……" inside; the other closes an item with "(X负责、Y、Z配合)" and writes
"力争2010年……达到50%以上". These tests keep those shapes read, in sentences of their own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

_DASHES = "\n".join([
    "--建立统一的投资项目在线平台,研究制订配套管理办法。(市发改局牵头,具体业务部门负责起草)",
    "--推行联合验收。抓紧研究联合验收工作规程(市住建局、规划局牵头,各有关部门参加)。"
    "2012年进一步完善网上申报(市政务服务中心牵头)。",
    "(三)深入开展收费清理",
    "--进一步规范中介服务。清理行政审批前置中介服务事项。(市物价局牵头,各相关单位参加)",
    "——进一步规范检查行为。减少重复检查。(市监察局牵头)",
])


# "--X。……(A牵头,B负责起草)": each dash bullet closing with its own bracket is a task, under a heading or not
def test_dash_bullets_that_close_with_an_assignment_are_tasks() -> None:
    draft = parse_document(_DASHES)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("建立统一的投资项目在线平台,研究制订配套管理办法", (["市发改局"], ["具体业务部门"], [])),
        ("推行联合验收", (["市住建局", "规划局", "市政务服务中心"], [], ["各有关部门"])),
        ("进一步规范中介服务", (["市物价局"], [], ["各相关单位"])),
        ("进一步规范检查行为", (["市监察局"], [], []))]
    assert dates(draft.tasks[1], draft) == [date(2012, 12, 31)]


_PRINCIPLES = "\n".join([
    "(一)优化审批服务。",
    "——坚持便民高效。",
    "——坚持依法规范。",
    "推行网上审批和集中办理。(市政务服务中心负责)",
])


# "——坚持便民高效。" without a bracket of its own stays a sentence of its item
def test_dash_lines_without_an_assignment_stay_in_their_item() -> None:
    draft = parse_document(_PRINCIPLES)
    assert [(t.title, units(t)) for t in draft.tasks] == [("优化审批服务", ([], ["市政务服务中心"], []))]


_ROLE_COMMA = "\n".join([
    "(五)推行告知承诺制。编制告知承诺事项目录。(市司法局负责、市市场监管局、市商务局配合)",
    "(六)推行容缺受理。(市政务服务中心牵头、各审批部门配合)",
    "(七)编制办事指南。(市審改辦負責、市財政局協同)",
])


# "(X负责、Y、Z配合)": the role ends X's clause even when a "、" follows it
def test_a_role_followed_by_a_pause_mark_ends_its_clause() -> None:
    draft = parse_document(_ROLE_COMMA)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推行告知承诺制", ([], ["市司法局"], ["市市场监管局", "市商务局"])),
        ("推行容缺受理", (["市政务服务中心"], [], ["各审批部门"])),
        ("编制办事指南", ([], ["市審改辦"], ["市財政局"]))]


_WORK_YEARS = "\n".join([
    "1.规范收费行为。2012年开展涉企收费清理。(市物价局牵头)",
    "2.推进并联审批。2012年在工程建设领域开展并联审批试点,至2014年全面实行。(市发改局牵头)",
    "3.推行网上审批。力争2013年全市网上审批率达到60%以上。(市政府办负责)",
    "4.总结改革经验。2011年以来开展的改革要认真总结。(市编办负责)",
    "5.开展评估。2011—2012年开展改革成效评估。(市编办负责)",
])


# "2012年开展……", "2012年在……开展……", "力争2013年……": that year's end; never "2011年以来开展" (the past)
# nor "2011—2012年开展" (a span)
def test_a_year_of_planned_work_is_that_years_end() -> None:
    draft = parse_document(_WORK_YEARS)
    assert [(t.title, dates(t, draft)) for t in draft.tasks] == [
        ("规范收费行为", [date(2012, 12, 31)]),
        ("推进并联审批", [date(2012, 12, 31), date(2014, 12, 31)]),
        ("推行网上审批", [date(2013, 12, 31)]),
        ("总结改革经验", []),
        ("开展评估", [])]  # a span of years is not read as one year's work
