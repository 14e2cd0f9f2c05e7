"""`duban import` grammar, round 5 of issue #13: a bureau's own 工作要点 names its offices
("（责任科室：组干科、机关党委）"), as ministries' plans name their 司局 and provincial
departments' plans their 处室; a city policy closes each paragraph with a "责任单位：…。" sentence;
a provincial 工作要点 writes "各地级以上市人民政府结合实际落实"; State Council brackets count from
"自本通知印发之日起", leave guidance to "等部门加强指导" and add "；其中，…" remarks. The documents themselves stay out of the repository; each rule is
tested with a sentence of the same form, names changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import parse_document
from tests.import_rules_support import units


# "1.标题。正文……（责任科室：组干科、机关党委）": the offices are the responsible units
def test_office_labels_in_a_closing_bracket() -> None:
    draft = parse_document(
        "一、加强党的建设\n"
        "1.加强理论学习。制定并落实局党委理论学习中心组2025年度学习计划。（责任科室：人事科、机关党委）\n"
        "2.推进基层组织建设。开展党支部标准化建设。（牵头处室：组织处；配合处室：宣传处、办公室）\n"
        "3.完善督查制度。建立重点工作季度调度机制。（牵头司局：办公厅；参与司局：政策法规司、规划司）\n")
    assert [t.title for t in draft.tasks] == ["加强理论学习", "推进基层组织建设", "完善督查制度"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["人事科", "机关党委"], []),
        (["组织处"], [], ["宣传处", "办公室"]),
        (["办公厅"], [], ["政策法规司", "规划司"]),
    ]
    assert [t.assignment.deadlines for t in draft.tasks] == [[], [], []]  # "2025年度学习计划" is no deadline


def test_office_label_lines_under_an_item() -> None:
    draft = parse_document(
        "一、重点工作\n（一）规范行政执法。全面推行行政执法公示制度。\n"
        "牵头科室：法规科\n责任科室：执法监督科、审批科\n")
    assert [units(t) for t in draft.tasks] == [(["法规科"], ["执法监督科", "审批科"], [])]


def test_boxed_office_labels() -> None:
    draft = parse_document(
        "一、重点工作\n1.优化窗口服务。推行延时错时服务。【责任股室】政务服务股【完成时限】2025年6月底前\n")
    assert [units(t) for t in draft.tasks] == [([], ["政务服务股"], [])]
    assert draft.tasks[0].assignment.deadlines == ["2025年6月底前"]


def test_office_columns_of_a_task_table() -> None:
    draft = parse_document(
        "重点工作任务清单\n"
        "序号 | 工作任务 | 牵头科室 | 责任科室 | 完成时限 |\n"
        "1 | 完成年度预算编制。 | 财务科 | 各业务科室 | 2025年12月底前 |\n")
    assert [t.title for t in draft.tasks] == ["完成年度预算编制"]
    assert [units(t) for t in draft.tasks] == [(["财务科"], ["各业务科室"], [])]


# a plain 责任单位 line is still read as before (no office word)
def test_unit_labels_unchanged() -> None:
    draft = parse_document("一、重点工作\n1.做好安全生产。开展隐患排查。（责任单位：区应急局、区住建局）\n")
    assert [units(t) for t in draft.tasks] == [([], ["区应急局", "区住建局"], [])]


# "1.正文……资助。责任单位：A、B。": the label sentence ends the item's paragraph, no bracket
def test_label_sentence_closing_a_paragraph() -> None:
    draft = parse_document(
        "关于支持人才引进的若干措施\n"
        "1.对来本市落户的高层次创新团队，经认定，再给予 200 万元科研经费；对顶尖人才团队实行“一事一议”。"
        "责任单位：市委人才办、市科技局。\n"
        "2.对年纳税 3000 万元以上的招商项目，给予人才指标 2 名。牵头单位：市商务局。配合单位：市财政局。\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["市委人才办", "市科技局"], []),
        (["市商务局"], [], ["市财政局"]),
    ]
    assert draft.tasks[0].title.startswith("对来本市落户的高层次创新团队")
    assert "责任单位" not in draft.tasks[0].detail + draft.tasks[0].title


def test_a_label_inside_the_paragraph_is_not_taken() -> None:
    draft = parse_document("一、重点工作\n1.明确责任分工。责任单位：要在方案中逐项写明。各单位抓好落实。\n")
    assert [units(t) for t in draft.tasks] == [([], [], [])]


# "（省科技厅按职责分工负责，各地级以上市人民政府结合实际落实）"
def test_结合实际落实_is_a_role_not_a_name() -> None:
    draft = parse_document(
        "一、重点任务\n1.推进技术攻关。支持建设中试平台。（省科技厅按职责分工负责，各地级以上市人民政府结合实际落实）\n")
    assert [units(t) for t in draft.tasks] == [([], ["省科技厅", "各地级以上市人民政府"], [])]


# national brackets: "自本通知印发之日起30日内", "等部门加强指导", "；其中，2021年底前……"
NATIONAL = ("国务院办公厅关于做好某项工作的通知\n国办发〔2020〕9号\n2020年3月1日\n一、重点任务\n"
            "（一）清理规范收费。（市场监管总局负责，自本通知印发之日起30日内完成）\n"
            "（二）完善配套政策。（各省级人民政府负责，国家发展改革委等部门加强指导）\n"
            "（三）开展试点。（国家发展改革委、财政部负责；其中，2021年底前完成第一批试点）\n"
            "（四）建立协调机制。（商务部牵头，从本意见印发之日起3个月内完成）\n")


def test_national_brackets_units() -> None:
    draft = parse_document(NATIONAL)
    assert [units(t) for t in draft.tasks] == [
        ([], ["市场监管总局"], []),
        ([], ["各省级人民政府", "国家发展改革委"], []),
        ([], ["国家发展改革委", "财政部"], []),
        (["商务部"], [], []),
    ]


def test_national_brackets_deadlines() -> None:
    draft = parse_document(NATIONAL)
    got = [[d for d, _, _ in resolve_deadlines(t, 2020, draft.issued)] for t in draft.tasks]
    assert got == [[date(2020, 3, 31)], [], [date(2021, 12, 31)], [date(2020, 6, 1)]]


MIXED = ("国务院办公厅关于做好某项工作的意见\n国办发〔2020〕9号\n2020年3月1日\n一、重点任务\n"
         "（一）完善制度。制定管理办法。（教育部等部门负责，持续实施）\n"
         "（二）加强执法。开展专项行动。（公安部负责，长期实施）\n"
         "二、深化协同治理\n"
         "（三）推进流域治理。生态环境部、水利部要加强对地方的指导。\n"
         "（四）加强宣传。做好政策解读。\n"
         "三、强化保障措施\n"
         "（五）加强组织领导。各地区、各部门要高度重视，抓好落实。\n")


# "（教育部等部门负责，持续实施）": ongoing work, not a unit named 持续
def test_持续实施_is_ongoing_work() -> None:
    draft = parse_document(MIXED)
    assert [(t.title, t.ongoing) for t in draft.tasks[:2]] == [("完善制度", "持续推进"), ("加强执法", "长期坚持")]
    assert [units(t) for t in draft.tasks[:2]] == [([], ["教育部"], []), ([], ["公安部"], [])]


# in a plan of brackets, an item of another section whose sentences name units as subjects is a task;
# an item naming none stays prose, and "强化保障措施" is a support section like "保障措施"
def test_subject_units_in_a_plan_of_brackets() -> None:
    draft = parse_document(MIXED)
    assert [t.title for t in draft.tasks] == ["完善制度", "加强执法", "推进流域治理"]
    assert units(draft.tasks[2]) == ([], ["生态环境部", "水利部"], [])
    assert draft.skipped == ["(四)（第9行）", "(五)（第11行）"]


def test_support_headings_with_a_verb() -> None:
    from scheduler.importer.sections import SUPPORT, TASKS, section_kind
    assert [section_kind(h) for h in ("强化保障措施", "强化组织保障", "抓好组织实施", "保障措施", "工作要求")] == [SUPPORT] * 5
    assert section_kind("重点任务") == TASKS
    assert section_kind("加强政务数据共享流通") != SUPPORT
    assert section_kind("强化组织领导") != SUPPORT  # a notice's "一、强化组织领导。各地区要……" is a task


# units as the subjects of sentences, in the State Council's wordings
def test_state_council_collectives_as_subjects() -> None:
    from scheduler.importer.subjects import subject_units
    got = [subject_units(s) for s in ("国务院各有关部门要按照职责分工，抓紧制定配套措施。",
                                      "中央和国家机关各部门要带头执行。",
                                      "推动各单位建立台账。")]
    assert [(a.lead, a.responsible, a.cooperating) for a in got] == [
        ([], ["国务院各有关部门"], []), ([], ["中央和国家机关各部门"], []), ([], [], [])]


def test_由X牵头_then_会同_partners() -> None:
    from scheduler.importer.subjects import subject_units
    got = [subject_units(s) for s in ("由交通运输部牵头，会同公安部、应急管理部建立联动机制。",
                                      "由司法部牵头，会同有关部门研究论证。",
                                      "由水利部牵头负责。",
                                      "教育部负责牵头制定实施细则。")]
    assert [(a.lead, a.responsible, a.cooperating) for a in got] == [
        (["交通运输部"], [], ["公安部", "应急管理部"]), (["司法部"], [], []), (["水利部"], [], []),
        ([], ["教育部"], [])]


# bracket wordings of 2014–2017 State Council documents
def test_more_state_council_bracket_wordings() -> None:
    from scheduler.importer.assign import parse_assignment
    got = [parse_assignment(b) for b in ("国务院办公厅负责督促检查", "国家发展改革委、国家能源局会同有关地方负责",
                                         "市发展改革委牵头统筹推进，各县区落实")]
    assert [(a.lead, a.responsible, a.cooperating) for a in got] == [
        ([], ["国务院办公厅"], []), ([], ["国家发展改革委", "国家能源局"], []), (["市发展改革委"], ["各县区"], [])]
