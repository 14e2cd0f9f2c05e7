"""`duban import` grammar after round 16 of issue #13: layouts of copied text (bench/import_corpus_split.md,
Round 16) — a notice run together on one line, a label line hard-wrapped by a PDF copy, a line naming the
unit of the items above it ("3项目标的责任单位均为X"), unnumbered one-sentence tasks each followed by its
label lines, role lists after a ";" sharing the closing role, a 开发区 as a unit, items glued to the
bracket closing the one before, "X主办，Y协办", and "⑴" points closed by label lines below. Sentences
written for the tests, not the documents' own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.assign import parse_assignment
from scheduler.importer.parse import parse_document
from scheduler.importer.vocab import is_unit_name
from tests.import_rules_support import dates, units

HEAD = "某市人民政府办公室关于分解落实年度目标的通知\n2010年3月2日\n"


# "……请抓好落实。 一、主要目标 1、……(X,Y)。 2、……": one line per section and item
def test_a_notice_run_together_on_one_line() -> None:
    draft = parse_document(
        HEAD + "各区人民政府,市政府各部门: 现将年度目标分解给你们,请抓好落实。 一、主要目标 "
        "1、全市生产总值增长9%(市发改委,各区政府,高新开发区)。 2、进出口总额增长10%(市商务局,各区政府)。 "
        "3、新增城镇就业3万人(市人社局、市财政局,各区政府)。")
    assert [t.title for t in draft.tasks] == ["全市生产总值增长9%", "进出口总额增长10%", "新增城镇就业3万人"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["市发改委", "各区政府", "高新开发区"], []), ([], ["市商务局", "各区政府"], []),
        ([], ["市人社局", "市财政局", "各区政府"], [])]


# a sentence that mentions "1、" once, after a space, is no list
def test_a_single_number_after_a_space_splits_nothing() -> None:
    draft = parse_document(HEAD + "一、加强统筹。各区要在 1、2月完成摸底,市统计局负责汇总。\n")
    assert [t.title for t in draft.tasks] == ["加强统筹"]


def _wrapped(*paragraphs: str, width: int = 24) -> str:
    """The paragraphs broken every `width` characters, as a PDF copy breaks them."""
    return "\n".join(p[i:i + width] for p in paragraphs for i in range(0, len(p), width)) + "\n"


WRAPPED = "某区落实街道工作意见的任务分解方案\n2019年5月6日\n" + _wrapped(
    "一、加强街道党建工作,完善街道党工委统筹协调",
    "1.健全街道党工委议事规则,重大事项由街道党工委集体讨论决定,推动社区党组织书记和居委会主任一肩挑,"
    "把党的领导贯彻到基层治理的各个方面和全过程之中。",
    "牵头单位:区委组织部",
    "协办单位:区委编办、区民政局、区人力社保局、园区党工委、各街道党工委",
    "— 3 —",
    "2.建立街道吹哨部门报到机制,明确报到事项和响应时限,对响应不及时的部门通报考核,推动资源向街道倾斜,"
    "形成条块结合、上下联动、齐抓共管的工作格局。",
    "牵头单位:区委社会工委",
    "协办单位:区政务服务局")


# a PDF copy breaks every line at one width: the unit label line goes on in the next line
def test_a_hard_wrapped_label_line_goes_on() -> None:
    draft = parse_document(WRAPPED)
    assert [units(t) for t in draft.tasks] == [
        (["区委组织部"], [], ["区委编办", "区民政局", "区人力社保局", "园区党工委", "各街道党工委"]),
        (["区委社会工委"], [], ["区政务服务局"])]


# in a text not wrapped at one width a short label line is complete
def test_a_label_line_in_plain_text_stays_whole() -> None:
    draft = parse_document(
        HEAD + "1.推进老旧小区改造。\n牵头单位:市住建局\n配合单位:市财政局、园区党工\n委员会议定的其他事项另行通知。\n")
    assert units(draft.tasks[0]) == (["市住建局"], [], ["市财政局", "园区党工"])


# "3项目标的责任单位均为X。" and "该目标责任单位为Y。" give the items above them their unit
def test_a_line_naming_the_unit_of_the_items_above() -> None:
    draft = parse_document(
        HEAD + "一、目标体系\n(一)发展目标。包括4项。\n1.生产总值增长9%;\n2.固定资产投资增长12%;\n"
        "3.一般公共预算收入增长8%;\n3项目标的责任单位均为市发改委。\n4.工业增加值增长10%;\n"
        "該目標責任單位為市經信委。\n")
    assert [t.title for t in draft.tasks] == [
        "生产总值增长9%", "固定资产投资增长12%", "一般公共预算收入增长8%", "工业增加值增长10%"]
    assert [units(t)[1] for t in draft.tasks] == [["市发改委"]] * 3 + [["市經信委"]]


# a count larger than the items above it is no such line
def test_a_count_beyond_the_items_above_gives_nothing() -> None:
    draft = parse_document(HEAD + "1.新建公园3个;\n5项目标的责任单位均为市城管局。\n")
    assert units(draft.tasks[0]) == ([], [], [])


# unnumbered one-sentence tasks, each with its label lines: persons are no units, 进度安排 gives deadlines
def test_unnumbered_tasks_each_followed_by_label_lines() -> None:
    draft = parse_document(
        "本报讯 市政府公布了今年十件实事的任务分解表。\n关键词 养老\n"
        "新建社区养老服务站20个。\n主管领导:王明\n责任单位:市民政局\n主要责任人:李强\n"
        "进度安排:6月底前完成选址;11月底前全部建成。\n"
        "为80岁以上老人发放高龄津贴。\n分管領導:王明\n責任單位:市民政局、市財政局\n"
        "進度安排:9月底前發放到位。\n")
    assert [t.title for t in draft.tasks] == ["新建社区养老服务站20个", "为80岁以上老人发放高龄津贴"]
    assert [t.number for t in draft.tasks] == ["", ""]  # the list has no numbers: none is made up
    assert [units(t) for t in draft.tasks] == [([], ["市民政局"], []), ([], ["市民政局", "市財政局"], [])]
    with_year = parse_document("2012年3月5日\n" + "\n".join(
        ln for ln in ["新建社区养老服务站20个。", "责任单位:市民政局", "进度安排:6月底前完成选址;11月底前全部建成。",
                      "改造农贸市场5个。", "责任单位:市商务局", "进度安排:10月底前完成。"]))
    assert [dates(t, with_year) for t in with_year.tasks] == [
        [date(2012, 6, 30), date(2012, 11, 30)], [date(2012, 10, 31)]]


# one sentence before label lines, in a plan that numbers its items, is an item's paragraph
def test_a_paragraph_of_a_numbered_item_is_not_a_task() -> None:
    draft = parse_document(
        HEAD + "1.推进垃圾分类\n在城区推行垃圾分类投放。\n责任单位:市城管局\n"
        "2.建设口袋公园\n新建口袋公园10个。\n责任单位:市园林局\n")
    assert [t.title for t in draft.tasks] == ["推进垃圾分类", "建设口袋公园"]


# "X、Y牵头；A、B，C、D，各州、市人民政府配合": every list after the lead shares 配合
def test_lists_after_the_lead_share_the_closing_role() -> None:
    a = parse_assignment("省发展改革委、财政厅牵头;省交通运输厅、水利厅,国家开发银行省分行,各州、市人民政府配合")
    assert (a.lead, a.responsible, a.cooperating) == (
        ["省发展改革委", "财政厅"], [], ["省交通运输厅", "水利厅", "国家开发银行省分行", "各州、市人民政府"])
    b = parse_assignment("市教育局牵头,市财政局、市人社局等部门,各区政府负责")
    assert (b.lead, b.responsible, b.cooperating) == (["市教育局"], ["市财政局", "市人社局", "各区政府"], [])


def test_a_development_zone_is_a_unit() -> None:
    assert is_unit_name("荆门开发区") and is_unit_name("经济技术开发区")


# "（一）……。（X负责）（二）……。（Y主办，Z协办）": the next item glued to the closing bracket starts a line
def test_items_glued_to_the_bracket_before() -> None:
    draft = parse_document(
        "某省人民政府关于重点工作责任分工的意见\n2014年3月1日\n一、主要目标\n"
        "（一）全省生产总值增长9%左右。（省发展改革委负责）（二）一般公共预算收入增长8%。（省财政厅主办，省税务局协办）\n"
        "二、推进项目建设\n（一）抓好重点项目。\n"
        "1.推进100个省级重点项目。（省发展改革委主办，省工信厅、自然资源厅协办）2.加快新材料项目落地。（省工信厅负责）\n")
    assert [t.title for t in draft.tasks] == [
        "全省生产总值增长9%左右", "一般公共预算收入增长8%", "推进100个省级重点项目", "加快新材料项目落地"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["省发展改革委"], []), (["省财政厅"], [], ["省税务局"]),
        (["省发展改革委"], [], ["省工信厅", "自然资源厅"]), ([], ["省工信厅"], [])]


# a bracket followed by a number that does not come next ("（二）" after "（一）" only) splits nothing
def test_a_bracket_before_another_number_stays() -> None:
    draft = parse_document(HEAD + "（一）修订3部法规。（市司法局负责）5.其余事项另行安排。\n")
    assert [t.title for t in draft.tasks] == ["修订3部法规"]


# "⑴…⑶" under a short group line, each closed by label lines on the lines below
def test_points_closed_by_label_lines_below() -> None:
    draft = parse_document(
        HEAD + "一、主要指标分工\n（一）约束性指标。\n1.资源环境指标。\n⑴森林覆盖率提高到40%。\n责任单位:省林业厅。\n"
        "⑵万元生产总值能耗降低15%。\n牵头单位:省发展改革委。\n责任单位:省发展改革委、省工信厅、省统计局等。\n"
        "⑶城镇污水处理率达到95%。\n责任单位:省住房城乡建设厅。\n")
    assert [t.title for t in draft.tasks] == ["森林覆盖率提高到40%", "万元生产总值能耗降低15%", "城镇污水处理率达到95%"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["省林业厅"], []), (["省发展改革委"], ["省工信厅", "省统计局"], []), ([], ["省住房城乡建设厅"], [])]
