"""`duban import` grammar after round 23 of issue #13 (bench/import_corpus_split.md, Round 23): 2005–2011
divisions of government work reports that close an item by "(X牵头落实)", state once inside the first bracket
"一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同", or write labels under an item with the units
separated by spaces and a "工作要求:由X牵头" line. Sentences written for the tests, not the documents' own."""

from __future__ import annotations

from scheduler.importer.parse import parse_document
from tests.import_rules_support import units

HEAD = "某市人民政府关于印发2011年市政府重点工作任务分解意见的通知\n2011年4月6日\n一、工业经济方面\n"


# "(X牵头落实)" names the lead, as "(X牵头)" does; two units before it both lead
def test_lead_then_implement_bracket() -> None:
    draft = parse_document(HEAD + "1.推进园区基础设施建设,完善配套服务。(市工信局牵头落实)\n"
                           "2.加强矿产资源保护,建立储备制度。(市工信局、市自然资源局牵头落实)\n"
                           "3.做好中小企业服务工作。(市中小企业局负责落实)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进园区基础设施建设,完善配套服务", (["市工信局"], [], [])),
        ("加强矿产资源保护,建立储备制度", (["市工信局", "市自然资源局"], [], [])),
        ("做好中小企业服务工作", ([], ["市中小企业局"], [])),
    ]


FIRST_LEADS = ("某市人民政府办公室关于分解落实《政府工作报告》的通知\n2007年2月8日\n一、主要预期目标\n"
               "1、地区生产总值增长9%以上(由市发改委、经信委、统计局负责。一项任务涉及多个部门的,"
               "原则上由排名首位的部门牵头负责。下同)。\n"
               "2、城镇新增就业1万人(由市人社局、财政局负责)。\n"
               "3、粮食总产量稳定在50万吨(由市农业局负责)。\n")


# the rule sentence inside the first bracket is no unit; by "下同" the first unit of every list leads
def test_first_listed_leads_by_a_rule_sentence_in_the_first_bracket() -> None:
    draft = parse_document(FIRST_LEADS)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("地区生产总值增长9%以上", (["市发改委"], ["经信委", "统计局"], [])),
        ("城镇新增就业1万人", (["市人社局"], ["财政局"], [])),
        ("粮食总产量稳定在50万吨", (["市农业局"], [], [])),
    ]


LABELLED = ("某市人民政府办公室关于印发省政府全体会议确定事项分解落实意见的通知\n2005年3月1日\n一、关于重点项目建设\n"
            "1.重点项目是稳增长的关键。各方面要落实建设责任制,确保工程质量。\n"
            "责任领导:张三\n"
            "责任单位:市发改委 各县区政府 高新区管委会\n"
            "责 任 人:李四 王五\n")


# units separated by spaces only are several units; "工作要求:由X牵头" makes X the lead
def test_space_separated_units_and_a_requirement_naming_the_lead() -> None:
    draft = parse_document(LABELLED + "工作要求:由市发改委牵头,并负责报送进度。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("重点项目是稳增长的关键", (["市发改委"], ["各县区政府", "高新区管委会"], [])),
    ]


# a requirement that names no lead assigns nothing: the units stay responsible
def test_requirement_without_a_lead_assigns_nothing() -> None:
    draft = parse_document(LABELLED + "工作要求:每季度末报送进度。\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("重点项目是稳增长的关键", ([], ["市发改委", "各县区政府", "高新区管委会"], [])),
    ]


# a name written with a space inside ("市 发改委": a piece too short to be a unit) is not split
def test_a_spaced_single_name_is_not_split() -> None:
    draft = parse_document(HEAD + "1.做好项目储备工作。\n责任单位:市 发改委\n")
    assert [units(t) for t in draft.tasks] == [([], ["市 发改委"], [])]


RUN_ON = ("某省人民政府关于印发“十一五”规划纲要报告工作目标责任分解的通知 各市、县人民政府: 现将工作目标责任分解印发给你们,"
          "请认真贯彻落实。 二○○六年五月十一日 一、省长负责的工作 对主要工作任务负总责,同时具体负责以下工作: "
          "(一)省监察厅牵头的工作 健全惩治和预防腐败体系。 协同部门:省政府办公厅、财政厅等。 "
          "(二)省审计厅牵头的工作 依法开展审计工作,维护财政经济秩序。 协同部门:省财政厅、地税局等和各市、县人民政府。 "
          "(三)省编办牵头的工作 1.优化政府组织机构,规范各级政府事权。 协同部门:省人民政府各部门。\n")


# a page stored as one line, spaces where its lines began, items "(一)" "(二)" "(三)": split at the spaces;
# "协同部门:" names the helpers; "X等和各市、县人民政府" keeps the collective whole
def test_run_on_page_numbered_by_parenthesised_items() -> None:
    draft = parse_document(RUN_ON)
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("健全惩治和预防腐败体系", (["省监察厅"], [], ["省政府办公厅", "财政厅"])),
        ("依法开展审计工作,维护财政经济秩序", (["省审计厅"], [], ["省财政厅", "地税局", "各市、县人民政府"])),
        ("优化政府组织机构,规范各级政府事权", (["省编办"], [], ["省人民政府各部门"])),
    ]


# a short line with a space and "(一)" is not a run-on page
def test_short_line_with_spaces_is_not_split() -> None:
    draft = parse_document("某区2011年重点工作\n一、重点工作\n1.推进老旧小区改造 (一)(二)(三)期同步实施。(区住建局负责)\n")
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("推进老旧小区改造 (一)(二)(三)期同步实施", ([], ["区住建局"], [])),
    ]
