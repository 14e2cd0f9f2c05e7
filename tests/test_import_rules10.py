"""`duban import` grammar, round 10 of issue #13: a region's opinion that names "各市、縣人民政府" in a
sentence and restates them as "各地", a city's 实施意见 whose brackets end "排名第一的為牽頭單位,下同",
a county's opinion whose items threaten accountability ("县人民政府将实行问责"), and a city's notice
(traditional, with pinyin annotations) whose sections are single sentences, name executors next to
the units and put the time between the subject and its verb. The documents themselves stay out of
the repository; each form is tested with sentences of the same shape, names and dates changed."""

from __future__ import annotations

from scheduler.importer.names import split_names
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


def subjects(text: str) -> tuple[list[str], list[str], list[str]]:
    a = subject_units(text)
    return a.lead, a.responsible, a.cooperating


# "(A、B、C。排名第一的為牽頭單位,下同)": the rule sentence is no unit, the first unit leads
def test_ranked_first_leads() -> None:
    text = ("一、强化责任\n（一）切实提高认识。把保障供应列入年度计划抓好落实。"
            "（市发改委、市商务局、各县市区人民政府。排名第一的为牵头单位，下同）\n"
            "（二）健全储备。完善地方储备制度。（市商务局、市财政局）\n")
    first, second = parse_document(text).tasks
    assert units(first) == (["市发改委"], ["市商务局", "各县市区人民政府"], [])
    assert units(second) == (["市商务局"], ["市财政局"], [])
    traditional = ("一、強化責任\n（一）切實提高認識。把保障供應列入年度計畫。"
                   "(市發改委、市農委、中儲糧某某直屬庫。排名第一的為牽頭單位,下同)\n")
    assert units(parse_document(traditional).tasks[0]) == (["市發改委"], ["市農委", "中儲糧某某直屬庫"], [])


# "各市、县人民政府要……": the governments of two levels, no place named, are one collective; a later
# "各地要……" names them again; "各地" alone is still a collective of its own
def test_level_governments_and_their_restatement() -> None:
    text = "各市、县人民政府要加快编制住房发展规划，报自治区住房城乡建设厅备案。各地要严格控制年度开发总量。"
    assert subjects(text) == ([], ["各市、县人民政府"], [])
    assert subjects("各市、縣人民政府要加快編制規劃。各地要嚴格控制開發總量。") == ([], ["各市、縣人民政府"], [])
    assert subjects("市、县（区）政府要落实属地责任。") == ([], ["市、县（区）政府"], [])
    assert subjects("各地要严格控制年度开发总量。") == ([], ["各地"], [])
    assert subjects("江北区、西湖区政府要做好保障。") == ([], ["江北区", "西湖区政府"], [])  # places named


# a clause's list in traditional characters: "各市、縣人民政府" is one collective, as "各市、县人民政府" is
def test_level_governments_in_a_traditional_list() -> None:
    assert split_names("省住建廳、各市、縣人民政府") == ["省住建廳", "各市、縣人民政府"]


# "……的乡镇，县人民政府将实行问责": accountability for the work, not an assignment of it
def test_accountability_is_no_assignment() -> None:
    text = "各乡镇人民政府要严格执行种植计划。完不成收购任务的乡镇，县人民政府将实行问责。"
    assert subjects(text) == ([], ["各乡镇人民政府"], [])
    assert subjects("对工作不力的单位，市政府将予以通报批评。区农业局负责技术指导。") == ([], ["区农业局"], [])


# executors named with the units are no units; "确定" is a verb ("确定的" is not); the time may stand
# between the subject and its verb
def test_executors_verbs_and_time_after_the_subject() -> None:
    text = "各区（市）县政府、市级各部门及重点项目业主确定一名分管领导，并确定一名联络员。"
    assert subjects(text) == ([], ["各区（市）县政府", "市级各部门"], [])
    text = "各区县政府、市级各部门每月5日前要将上月工作情况书面报送市政府办公室。"
    assert subjects(text) == ([], ["各区县政府", "市级各部门"], [])
    assert subjects("各街道办事处6月底前要完成排查。") == ([], ["各街道办事处"], [])
    assert subjects("原则上只转载党委和政府网站以及有关主管部门确定的稿源单位发布的信息。") == ([], [], [])


# a notice whose sections are one sentence each: "二、……要认真总结，向区政府专题报告。" with nothing
# under it is a task, not a heading; "一、报告内容：……" defines, it assigns nothing; pinyin annotations
# go, also with a space before the bracket ("聯(lián)絡(luò )員")
def test_one_sentence_sections_and_definitions() -> None:
    text = ("关于建立重点工作落实情况报告制度的通知\n各街道办事处，区政府各部门：\n现将有关事项通知如下：\n"
            "一、报告内容：经济运行、项目建设、民生实事等重点工作的进展、问题及建议。\n"
            "二、已经完成的重点项目要认真总结，向区政府专题报告。\n"
            "三、各街道办事处、区政府各部门确定一名聯(lián)絡(luò )員，于4月20日前报送区政府办公室。\n"
            "四、重点工作推进情况。区发展改革局负责汇总。\n"
            "2019年3月28日\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == [
        "已经完成的重点项目要认真总结，向区政府专题报告",
        "各街道办事处、区政府各部门确定一名聯絡員，于4月20日前报送区政府办公室",
        "重点工作推进情况"]
    assert units(draft.tasks[0]) == ([], [], [])
    assert units(draft.tasks[1]) == ([], ["各街道办事处", "区政府各部门"], [])
    assert [d.isoformat() for d in dates(draft.tasks[1], draft)] == ["2019-04-20"]


# a section heading followed by its items stays a heading, also when it is a sentence without a modal
def test_headings_stay_headings() -> None:
    text = ("一、推进项目建设\n（一）加快审批。区政务服务局负责。\n"
            "二、强化要素保障。\n（二）保障用地。区自然资源局负责。\n")
    assert [t.title for t in parse_document(text).tasks] == ["加快审批", "保障用地"]


# probes in the sentence forms of provincial opinions (written after the round's documents were read):
# "省直各有关部门", "X是……的责任主体", "省委组织部" (组织 before 部 is no verb; "X负责牵头……" stays responsible,
# tests/test_import_rules5.py), "X、Y配合",
# "各市州、县市区人民政府"
def test_provincial_sentence_forms() -> None:
    assert subjects("省直各有关部门要按照职责分工抓好落实。") == ([], ["省直各有关部门"], [])
    assert subjects("市级各部门要加强配合。") == ([], ["市级各部门"], [])
    assert subjects("各县（市、区）政府是本地区工作的责任主体，要层层落实责任。") == ([], ["各县（市、区）政府"], [])
    assert subjects("市委组织部、市人力资源社会保障局负责制定实施细则。") == (
        [], ["市委组织部", "市人力资源社会保障局"], [])
    assert subjects("区发展改革局牵头，区财政局、区自然资源局配合，年底前完成。") == (
        ["区发展改革局"], [], ["区财政局", "区自然资源局"])
    assert subjects("各市州、县市区人民政府要抓紧制定实施方案。") == ([], ["各市州、县市区人民政府"], [])


# a bracket listing units without a verb, one of them the governments of two levels ("各市、县人民政府",
# "各市、縣(區)人民政府" in a traditional copy): a list of units, the collective kept whole
def test_level_governments_in_a_bracket() -> None:
    text = ("一、主要任务\n（一）落实责任。压实属地责任。（省发展改革委，各市、县人民政府）\n"
            "（二）建立台账。2019年6月底前建立工作台账。（責任單位：各市、縣(區)人民政府）\n")
    first, second = parse_document(text).tasks
    assert units(first) == ([], ["省发展改革委", "各市、县人民政府"], [])
    assert units(second) == ([], ["各市、縣(區)人民政府"], [])


# a " | " table without a number column ("专项整治行业名称 | 时间安排 | 责任单位 |"): each row is a task, in
# order; "X月份" is the month's end; a town's 站/所 are units; a stray "、" ends no title
def test_unnumbered_pipe_table() -> None:
    text = ("某镇2019年度消防安全专项整治工作计划\n一、专项整治安排表\n"
            "专项整治行业名称 | 时间安排 | 责任单位 |\n"
            "液化气站 | 3月份 | 安监站 派出所 |\n"
            "集贸市场、商场、 | 4月份 | 市场监管所 |\n"
            "二、工作要求\n"
            "（一）各有关责任单位要按照时间安排制定专项整治方案。\n"
            "2019年2月20日\n")
    draft = parse_document(text)
    assert [(t.title, units(t)[1], [d.isoformat() for d in dates(t, draft)]) for t in draft.tasks] == [
        ("液化气站", ["安监站", "派出所"], ["2019-03-31"]), ("集贸市场、商场", ["市场监管所"], ["2019-04-30"])]


# a numbered step of 工作步骤: "1、排查摸底阶段:……" has the phase as its title
def test_numbered_phase_title() -> None:
    text = ("三、工作步骤\n1、排查摸底阶段:区城管局、区住建局要明确职责,开展摸排。\n"
            "2、集中整治阶段:2020年9月底前,完成整治。\n")
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["排查摸底阶段", "集中整治阶段"]
