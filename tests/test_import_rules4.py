"""`duban import` grammar, round 4 of issue #13: the wordings of a fourth set of unseen plans (a
国办函 that assigns in sentences, in traditional characters; a city 政务公开工作要点 whose items
are heading lines over a paragraph; a provincial 分工方案 with 牵头领导 lines; a city 实施细则 whose
first bracket states a rule for the items that follow). The documents themselves stay out of the
repository; each rule is tested with a sentence of the same form, names and dates changed."""

from __future__ import annotations

from datetime import date

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.parse import parse_document
from scheduler.importer.subjects import subject_units
from tests.import_rules_support import dates, units


# "（一）进一步推进……公开" on its own line, its paragraph below: the heading is the title
def test_a_heading_line_over_its_paragraph_is_the_title() -> None:
    draft = parse_document(
        "一、围绕重点改革推进公开\n（一）深化财政预决算公开\n"
        "对预决算公开情况进行检查，公布2019年版部门预算。指导各区政府做好预算公开工作。\n"
        "（二）推进重大项目信息公开\n按季度公开重大项目批准和实施信息。\n")
    assert [t.title for t in draft.tasks] == ["深化财政预决算公开", "推进重大项目信息公开"]
    assert draft.tasks[0].detail.startswith("对预决算公开情况进行检查")
    assert [units(t) for t in draft.tasks] == [([], [], []), ([], [], [])]  # 各区政府 is an object here
    assert [dates(t, draft) for t in draft.tasks] == [[], []]  # "2019年版" is no deadline


def test_a_line_with_punctuation_is_not_a_heading() -> None:
    draft = parse_document("一、主要任务\n（一）完善工作机制，健全\n协调推进制度。（市发展改革委负责）\n")
    assert [t.title for t in draft.tasks] == ["完善工作机制，健全协调推进制度"]


# "由國土資源部會同農業部等部門負責落實": traditional keywords, names kept as written
def test_traditional_sentence_subjects_with_會同() -> None:
    a = subject_units("關於“推進農田水利建設”的問題，由水利部會同財政部、中央農辦等部門負責落實。")
    assert (a.lead, a.responsible, a.cooperating) == (["水利部"], [], ["財政部", "中央農辦"])


def test_a_plan_assigning_in_sentences_reads_each_item() -> None:
    draft = parse_document(
        "國務院辦公廳關於落實有關政策措施分工的通知\n一、工作分工\n"
        "（一）關於“穩定糧食生產”的問題，由發展改革委會同農業部、糧食局等部門研究提出落實意見。\n"
        "（二）關於“完善農業補貼”的問題，由財政部負責落實。\n")
    assert [units(t) for t in draft.tasks] == [
        (["發展改革委"], [], ["農業部", "糧食局"]), ([], ["財政部"], [])]


# names ending in 办 (中央农办, 市委改革办) are bodies; 督办, 承办 are verbs
def test_names_ending_in_办_are_units() -> None:
    a = subject_units("由市农业农村局会同市委农办、市财政局等部门研究提出落实意见。")
    assert (a.lead, a.responsible, a.cooperating) == (["市农业农村局"], [], ["市委农办", "市财政局"])
    assert subject_units("市委改革办要加强统筹。").responsible == ["市委改革办"]
    assert subject_units("市政府督办要定期通报。").responsible == []


# "指导各区政府建立……", "推动各县政府……": the verb's object, no subject
def test_a_verb_before_a_collective_is_no_subject() -> None:
    assert subject_units("指导各区政府建立健全责任清单制度。").responsible == []
    assert subject_units("推动各县政府完善公开目录。").responsible == []
    assert subject_units("各区政府要建立健全责任清单制度。").responsible == ["各区政府"]


# Forms met in this round that the grammar already read (kept so that they stay read)
def test_label_lines_with_a_leader_line_and_commas_between_collectives() -> None:
    draft = parse_document(
        "一、主要预期目标\n1.地区生产总值增长6%以上。\n牵头领导：市政府分管领导同志\n牵头单位：市发展改革委\n"
        "责任单位：市工业和信息化局、市商务局等，各县人民政府，市高新区管委会\n")
    assert units(draft.tasks[0]) == (["市发展改革委"], ["市工业和信息化局", "市商务局", "各县人民政府", "市高新区管委会"], [])


def test_a_rule_inside_the_first_bracket_holds_for_the_items_that_follow() -> None:
    draft = parse_document(
        "一、落实财税政策\n1.争取省级专项资金，支持中小微企业。（责任单位：市工信局、市财政局等有关部门，"
        "各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出）\n"
        "2.成立工作专班，出台2023年工作推进方案。（责任单位：市工信局）\n")
    assert [units(t) for t in draft.tasks] == [
        ([], ["市工信局", "市财政局", "各县区人民政府", "园区管委会"], []),
        ([], ["市工信局", "各县区人民政府", "园区管委会"], [])]
    assert [dates(t, draft) for t in draft.tasks] == [[], []]


# A table whose cells stand one per line, each closed by the column's rule ("全年 |"), with a
# people's column; the "完成时限" cell "全年" is the plan's year-end; wrap spaces leave the title
def test_a_piped_one_cell_per_line_table_with_a_whole_year_deadline() -> None:
    draft = parse_document(
        "2024年园区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
        "1 |\n优化项目服务工作机 制,全力服务重 大项目落地。 |\n王五 |\n招商服务部、企业服务部 |\n全年 |\n"
        "2 |\n推进存量土地盘活。 |\n赵六 |\n改革办 |\n9月底前 |\n")
    assert [t.title for t in draft.tasks] == ["优化项目服务工作机制,全力服务重大项目落地", "推进存量土地盘活"]
    assert [units(t) for t in draft.tasks] == [([], ["招商服务部", "企业服务部"], []), ([], ["改革办"], [])]
    assert [[d for d, _, _ in resolve_deadlines(t, 2024, None)] for t in draft.tasks] == [
        [date(2024, 12, 31)], [date(2024, 9, 30)]]


def test_whole_year_in_a_sentence_is_no_deadline() -> None:
    draft = parse_document("一、主要任务\n1.力争全年盘活闲置厂房20处。（责任单位：区经信局）\n")
    assert [d for d, _, _ in resolve_deadlines(draft.tasks[0], 2024, None)] == []
