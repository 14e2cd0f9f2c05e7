"""`duban import` grammar, round 9 of issue #13: a city government's 若干意见 and two State Council
General Office replies that name their units only in sentences ("临港地区管委会负责……", "由市财政局会同
浦东新区、奉贤区和临港地区管委会制定", "国办将与国家标准委、国务院信息办等单位一起……", "发展改革委拟……"),
a district's work plan in traditional characters ("各審批單位對……", "由區行政服務中心管委會、區政府督查室
跟進督辦"), a provincial plan whose heading lines group titled measures, and a reply whose first
sections report findings. The documents themselves stay out of the repository; each form is tested
with sentences of the same shape, names and dates changed."""

from __future__ import annotations

from scheduler.importer.parse import DraftTask, parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


def deadlines(task: DraftTask) -> list[str]:
    return [p for p, _ in task.deadlines]


# a development zone's administrative committee is a unit; "X会同Y对……" makes Y a partner, and an X
# named responsible by an earlier sentence keeps that role
def test_committee_keeps_its_role_and_gains_a_partner() -> None:
    text = ("加强园区管委会统筹职能。西江园区管委会负责统筹推进园区规划编制等工作，江北区政府要做好财力保障。"
            "西江园区管委会会同国资监管部门对园区开发主体进行考核。")
    assert subjects(text) == ([], ["西江园区管委会", "江北区政府"], ["国资监管部门"])


# "各审批单位" is a kind of units; "各责任单位" refers back to roles given elsewhere
def test_kind_collective_and_role_reference() -> None:
    assert subjects("各审批单位要对进驻情况开展自查。") == ([], ["各审批单位"], [])
    assert subjects("各责任单位要对进驻情况开展自查。") == ([], [], [])


# a reply's measures: "X拟……", "Y继续……", "Z连续三年组织……"
def test_verbs_of_replies_and_plans() -> None:
    text = ("商务部拟研究制订配套政策。交通运输部拟在今后两年安排试点。")
    assert subjects(text) == ([], ["商务部", "交通运输部"], [])
    assert subjects("东湖区政府继续支持园区建设。") == ([], ["东湖区政府"], [])
    assert subjects("2016年到2018年，国家统计局连续三年组织抽样调查。") == ([], ["国家统计局"], [])


# "X正在牵头组织……" names the lead, as "由X牵头" does
def test_subject_that_leads() -> None:
    assert subjects("目前，民政部正在牵头组织建设全国信息平台。") == (["民政部"], [], [])
    assert subjects("住房城乡建设部牵头制定技术导则。") == (["住房城乡建设部"], [], [])


# "……由X统筹使用", "由X、Y跟进督办", "由X会同A区、B区和C制定": the agent after the topic; places
# listed before a unit are units too, and a partner already responsible keeps its role
def test_agents_after_the_topic() -> None:
    assert subjects("发展基金由东湖园区管委会统筹使用。") == ([], ["东湖园区管委会"], [])
    assert subjects("未按时完成的，由区政务办、区政府督查室跟进督办。") == ([], ["区政务办", "区政府督查室"], [])
    text = "基金由东湖园区管委会统筹使用。基金管理办法由市财政局会同江北新区、西湖区和东湖园区管委会制定。"
    assert subjects(text) == (["市财政局"], ["东湖园区管委会"], ["江北新区", "西湖区"])


# "X将与Y、Z等单位一起，组织制定……": all of them do it
def test_units_working_together() -> None:
    text = "国办将与国家标准委、工业和信息化部等单位一起，组织制定电子政务相关标准。"
    assert subjects(text) == ([], ["国办", "国家标准委", "工业和信息化部"], [])


# "A区、B区政府根据……" (two district governments sharing the ending); "市、区两级政府" is one collective
def test_places_sharing_an_ending_and_levels_of_government() -> None:
    assert subjects("江北新区、西湖区政府根据管辖权限，授权东湖园区管委会开展合作。") == \
        ([], ["江北新区", "西湖区政府"], [])
    assert subjects("市、区两级政府进一步向园区下放审批权限。") == ([], ["市、区两级政府"], [])
    assert subjects("省、市、县三级政府要加大投入。") == ([], ["省、市、县三级政府"], [])


# a verb before its object is no unit ("加强园区管委会统筹职能", "授权园区管委会……")
def test_verb_before_an_object_is_no_unit() -> None:
    assert subjects("加强东湖园区管委会统筹职能。") == ([], [], [])


# traditional copies: 對 and 將 after a subject, 管委會 and 督查室 in names
def test_traditional_subjects() -> None:
    plan = ("一、實施窗口優化工程\n"
            "1.按照“應進必進”原則,梳理尚未進駐的審批事項。各審批單位對進駐情況開展自查。"
            "10月31日前,各審批單位將自查情況報區政務服務管委會。未按時進駐的,由區政務服務管委會、區政府督查室跟進督辦。\n")
    task = parse_document(plan).tasks[0]
    assert units(task) == ([], ["各審批單位", "區政務服務管委會", "區政府督查室"], [])
    assert deadlines(task) == ["10月31日前"]


# "一、總體目標" (traditional) is a preamble; titled measures "1.X。……" under a heading line are tasks
def test_traditional_goals_and_titled_measures_under_a_heading() -> None:
    plan = ("一、總體目標\n"
            "到2028年,全市個體工商戶活躍度達到70%。\n"
            "二、構建梯次培育體系\n"
            "(一)激發創業創新活力\n"
            "1.構建創業服務體系。建立注冊登記就近辦服務體系。\n"
            "2.豐富經營場所供給。合理預留經營場所。\n")
    draft = parse_document(plan)
    assert [t.title for t in draft.tasks] == ["構建創業服務體系", "豐富經營場所供給"]
    assert [t.number for t in draft.tasks] == ["(一)1", "(一)2"]


# an item whose sub-items assign nothing and carry no titles of their own stays one task
def test_untitled_points_under_an_item_stay_one_task() -> None:
    plan = ("二、主要任务\n"
            "（一）推进平台建设。建设统一平台。\n"
            "1.完善功能，整合入口\n"
            "2.优化流程，压缩时限\n")
    draft = parse_document(plan)
    assert [t.title for t in draft.tasks] == ["推进平台建设"]


# "2016年到2018年，……连续三年……" is a span of years, not "到2018年"; a span's end month stays a deadline
def test_span_of_years_is_no_deadline() -> None:
    reply = ("一、加强考核评估。2016年到2018年，国家统计局连续三年组织评估，将继续做好评估。\n"
             "二、推进标准建设。2019年至2020年6月底前完成标准修订，由国家标准委负责。\n")
    draft = parse_document(reply)
    assert [deadlines(t) for t in draft.tasks] == [[], ["2020年6月底前"]]
    assert units(draft.tasks[0]) == ([], ["国家统计局"], [])


# a reply's first sections report findings ("一、……情况。"): they assign nothing and are no tasks;
# its measures, named in sentences, are
def test_findings_are_no_tasks() -> None:
    reply = ("国务院办公厅关于节能建议的复函\n"
             "一、钢铁企业余热利用情况。2020年某钢铁公司投资建成余热回收设施，年节能10万吨标准煤。\n"
             "二、城市节能改造情况。近5年来，各地在建筑节能等方面做了大量工作。\n"
             "三、有关部门下一步拟采取的措施。发展改革委拟研究制订余热利用的技术经济政策。"
             "住房城乡建设部拟继续推进既有建筑节能改造。\n")
    draft = parse_document(reply)
    assert [t.title for t in draft.tasks] == ["有关部门下一步拟采取的措施"]
    assert units(draft.tasks[0]) == ([], ["发展改革委", "住房城乡建设部"], [])


# a "……情况" item that names its units stays a task
def test_findings_heading_with_units_stays() -> None:
    plan = ("一、开展整改落实情况。各区政府要于6月底前报送整改情况。\n"
            "二、做好总结。市发展改革委负责汇总。\n")
    draft = parse_document(plan)
    assert [t.title for t in draft.tasks] == ["开展整改落实情况", "做好总结"]
    assert units(draft.tasks[0]) == ([], ["各区政府"], [])
    assert deadlines(draft.tasks[0]) == ["6月底前"]
    assert [d.isoformat() for d in dates(draft.tasks[0], parse_document("2021年3月1日\n" + plan))] == ["2021-06-30"]


# a progress page publishes each task as a two-column record: "重点工作: | 21.X。 |", "牵头单位: | Y |",
# quarterly milestones in the text
def test_task_records_copied_as_label_value_lines() -> None:
    page = ("重点工作: | 21.推进背街小巷环境整治,完善长效管理机制。 |\n"
            "牵头单位: | 市城市管理局 |\n"
            "年度阶段性工作目标: | 第二季度:完成整治方案。 第四季度:全面完成年度任务。 |\n"
            "进展情况: |\n"
            "已完成。 |\n")
    draft = parse_document(page)
    assert [(t.number, t.title) for t in draft.tasks] == [("21.", "推进背街小巷环境整治,完善长效管理机制")]
    assert units(draft.tasks[0]) == (["市城市管理局"], [], [])
    assert deadlines(draft.tasks[0]) == ["第二季度", "第四季度"]


# "一、主要工作目标" is a preamble ("到2025年……" there is a goal); a line broken inside a sentence
# ("……等生活" / "服务设施。……") goes on in the same item, it is no closing paragraph
def test_goals_heading_and_a_sentence_broken_across_lines() -> None:
    plan = ("一、主要工作目标\n"
            "到2025年,全市商贸流通业实力显著提升。\n"
            "二、开展改造整治专项行动\n"
            "1.加大违建整治力度。12 月底前完成整治。\n"
            "2.加快老旧小区整治改造。5 月底前开工改造项目,健全便民市场、停车场等生活\n"
            "服务设施。继续推进既有住宅增设电梯,11 月底前开工建设100部。\n")
    draft = parse_document(plan)
    assert [t.title for t in draft.tasks] == ["加大违建整治力度", "加快老旧小区整治改造"]
    assert [deadlines(t) for t in draft.tasks] == [["12 月底前"], ["5 月底前", "11 月底前"]]


# probes in the State Council's sentence forms (not from a document): an adverb or a plain verb after
# the subject opens the predicate; "X同有关部门……" is X's own work; 银行 ends a name in a list
def test_subjects_before_adverbs_and_plain_verbs() -> None:
    assert subjects("中央网信办、公安部依法加强网络监管。") == ([], ["中央网信办", "公安部"], [])
    assert subjects("国家发展改革委抓紧制定配套政策。") == ([], ["国家发展改革委"], [])
    assert subjects("税务总局优化办税流程。") == ([], ["税务总局"], [])
    assert subjects("国家卫生健康委同有关部门制定标准。") == ([], ["国家卫生健康委"], [])
    assert subjects("人民银行、银保监会要指导金融机构加大信贷支持。") == ([], ["人民银行", "银保监会"], [])


# a clause reporting a unit's stance is no subject list: "水利部也表示将积极配合发展改革委做好……"
def test_stance_is_no_name() -> None:
    assert subjects("水利部也表示将积极配合发展改革委做好前期工作。") == ([], [], [])


# a reply forwarding a ministry's report (third batch): the list of attachments ("附件：1.X" / "2.Y") is no task;
# "二、……成因分析" and "三、处理情况。X已委托……" report, they assign nothing; "建议X……做好……" names X
def test_forwarded_report_with_attachments() -> None:
    reply = ("国务院办公厅关于某县地质险情有关问题的复函\n"
             "某省人民政府：\n"
             "你省的请示收悉。现将自然资源部及专家组的有关意见转复你省。\n"
             "附件：1.自然资源部关于某县地质险情调研情况的报告\n"
             "2.某县地质险情调查专家组意见\n"
             "国务院办公厅\n"
             "二〇二〇年十一月四日\n"
             "附件1\n"
             "一、基本情况\n"
             "某村位于江岸山区，部分房屋出现裂缝。\n"
             "二、地质险情成因分析\n"
             "专家组认为，倾向于认为是由浅源地震造成的。\n"
             "三、处理情况\n"
             "某县人民政府已委托某大学进行了地质勘查。某省地震局已在该村设立了监测站。\n"
             "四、建议意见\n"
             "建议某省人民政府按照专家组意见，做好长期监测工作。\n")
    draft = parse_document(reply)
    assert [t.title for t in draft.tasks] == ["建议意见"]
    assert units(draft.tasks[0]) == ([], ["某省人民政府"], [])


# a "……情况" section whose sentences give work to a unit stays a task, with or without a deadline
def test_findings_heading_that_assigns_stays() -> None:
    plan = ("一、整改落实情况。各区政府要逐项整改，市发展改革委负责汇总。\n"
            "二、做好总结。市统计局负责统计。\n")
    draft = parse_document(plan)
    assert [t.title for t in draft.tasks] == ["整改落实情况", "做好总结"]
    assert units(draft.tasks[0]) == ([], ["各区政府", "市发展改革委"], [])


# probes in rectification plans' bracket forms (not from a document): "整改时限：" and "完成期限：" label a deadline
def test_rectification_deadline_labels() -> None:
    plan = ("2021年3月1日\n二、整改任务\n"
            "（一）完善工作台账。逐项建立台账。（责任单位：市住建局；整改时限：2021年12月底前）\n"
            "（二）规范审批流程。（牵头单位：市住建局；责任单位：各区政府；完成期限：2021年9月底前）\n"
            "（三）加强日常监管。（责任单位：市城管局；整改时限：立行立改、长期坚持）\n")
    draft = parse_document(plan)
    assert [units(t) for t in draft.tasks] == \
        [([], ["市住建局"], []), (["市住建局"], ["各区政府"], []), ([], ["市城管局"], [])]
    assert [[d.isoformat() for d in dates(t, draft)] for t in draft.tasks] == [["2021-12-31"], ["2021-09-30"], []]
    assert draft.tasks[2].ongoing == "长期坚持"


# probes in county and district plans (not from a document): the governments of a level as a collective
def test_level_collectives_of_towns_and_districts() -> None:
    assert subjects("各乡镇（街道）要落实属地责任。") == ([], ["各乡镇（街道）"], [])
    assert subjects("各街道负责组织排查。") == ([], ["各街道"], [])
    assert subjects("各区县要抓紧落实。") == ([], ["各区县"], [])
    assert subjects("区内各镇要加强配合。") == ([], [], [])


# probes of deadline wordings (not from a document): "2021年内", "本年度内", "9月份", "10月中旬前", "11月上旬"
def test_deadline_wordings() -> None:
    ends = []
    for phrase in ("2021年内完成", "本年度内完成", "9月份完成", "10月中旬前完成", "11月上旬完成", "3年内完成"):
        draft = parse_document(f"2021年3月1日\n二、主要任务\n（一）推进试点。{phrase}。（市住建局负责）\n")
        ends.append([d.isoformat() for d in dates(draft.tasks[0], draft)])
    assert ends == [["2021-12-31"], ["2021-12-31"], ["2021-09-30"], ["2021-10-20"], ["2021-11-10"], []]


# the same wordings after a deadline label: "完成时限：9月份", "完成时限：2021年11月下旬"
def test_deadline_wordings_after_a_label() -> None:
    plan = ("2021年3月1日\n二、主要任务\n"
            "（一）推进试点。开展试点。（责任单位：市住建局；完成时限：9月份）\n"
            "（二）总结经验。形成报告。（责任单位：市住建局；完成时限：2021年11月下旬）\n")
    draft = parse_document(plan)
    assert [[d.isoformat() for d in dates(t, draft)] for t in draft.tasks] == [["2021-09-30"], ["2021-11-30"]]


# towns named in a list, with a remark naming them together, before an adverb: "A镇、B镇和C镇（以下统称“三镇”）重点做好……"
def test_towns_named_in_a_list() -> None:
    text = "西江园区管委会负责统筹招商。东湖镇、西山镇和南岭镇（以下统称“三镇”）重点做好社会管理工作。"
    assert subjects(text) == ([], ["西江园区管委会", "东湖镇", "西山镇", "南岭镇"], [])
    assert subjects("城镇和乡村要统筹发展。") == ([], [], [])
