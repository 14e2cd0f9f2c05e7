"""`duban import` grammar, round 34 of issue #13: real documents from fields, places and years not used
before (a city science bureau's 2018 division of its tasks among its sections, an autonomous
prefecture's 政府工作报告 division stored as a later page run together on one line, a city's 2024 乡村
医疗卫生 division table flattened into one paragraph). Items of the same shapes as the documents', names,
places and sentences changed."""

from __future__ import annotations

from scheduler.importer.flat_rows import table_header, unit_cell, unwrap
from scheduler.importer.label_forms import plain_labels
from scheduler.importer.names import split_names
from scheduler.importer.parse import parse_document
from scheduler.importer.run_on import split_at_spaces
from tests.import_rules_support import units

_SECTIONS = "\n".join([
    "某市农业农村局关于分解落实2019年重点工作任务的通知",
    "局属各单位、各科室:",
    "现将我局承担的2019年重点工作任务分解如下,请认真抓好落实。",
    "1.推进高标准农田建设,新建高标准农田5万亩。",
    "责任领导:王某某",
    "牵头科室(单位):农田建设科、农技推广中心",
    "完成时限:2019年11月",
    "2.做好农村人居环境整治,完成改厕2000户。",
    "责任领导:李某某",
    "责任部门（单位）：社会事业科",
    "配合科室(单位):计划财务科",
    "完成时限:2019年12月",
])


# "牵头科室(单位):A、B": the bracket only widens the label; it is read as "牵头科室:"
def test_a_label_with_its_alternative_word_in_brackets() -> None:
    draft = parse_document(_SECTIONS)
    assert [(t.title, units(t), t.deadlines) for t in draft.tasks] == [
        ("推进高标准农田建设,新建高标准农田5万亩", (["农田建设科", "农技推广中心"], [], []), [("2019年11月", "")]),
        ("做好农村人居环境整治,完成改厕2000户", ([], ["社会事业科"], ["计划财务科"]), [("2019年12月", "")])]


def test_only_a_labels_bracket_before_its_colon_goes() -> None:
    assert plain_labels("牵头科室(单位):办公室") == "牵头科室:办公室"
    assert plain_labels("责任部门（单位）：市财政局") == "责任部门：市财政局"
    # guards: a header cell without a colon, a sentence's own bracket, a unit's bracketed remark stay
    assert plain_labels("落实科室(部门)") == "落实科室(部门)"
    assert plain_labels("健全责任单位(部门)考核办法。") == "健全责任单位(部门)考核办法。"
    assert plain_labels("牵头单位:市政府办公室(市政务服务中心)") == "牵头单位:市政府办公室(市政务服务中心)"


_LATER_PAGE = " ".join([
    "|\n[接上页] 三、坚持改善民生,推进社会事业全面发展",
    "(十一)抓好公共卫生体系建设。完善县乡村三级疾病预防控制网络,新建标准化村卫生室60个,"
    "提高突发公共卫生事件应急处置能力。(州卫生局牵头)",
    "(十二)推进义务教育均衡发展。改造农村薄弱学校校舍,扩大寄宿制学校规模,加强双语教师培训,"
    "提高农牧区学校办学水平。(州教育局牵头)",
    "(十三)繁荣群众文化。建设乡镇综合文化站,开展送戏下乡活动,丰富农牧民文化生活。(州文化局、广播电视局负责)",
])


# a later page of a paged copy, run together on one line: its "(N)" items go on from the page before
def test_a_run_on_page_whose_items_go_on_from_an_earlier_page() -> None:
    draft = parse_document(_LATER_PAGE)
    assert [(t.number, t.title, units(t)) for t in draft.tasks] == [
        ("(十一)", "抓好公共卫生体系建设", (["州卫生局"], [], [])),
        ("(十二)", "推进义务教育均衡发展", (["州教育局"], [], [])),
        ("(十三)", "繁荣群众文化", ([], ["州文化局", "广播电视局"], []))]


def test_a_run_needs_three_items_in_order() -> None:
    filler = "加强组织领导,明确责任分工,确保各项任务按期完成,形成工作合力。" * 3
    ordered = f"前言 (五)甲项工作。{filler} (六)乙项工作。{filler} (七)丙项工作。{filler}"
    assert split_at_spaces(ordered) is not None
    # guards: numbers out of order, or only two of them, are no run-on page
    assert split_at_spaces(f"前言 (五)甲项工作。{filler} (七)乙项工作。{filler} (九)丙项工作。{filler}") is None
    assert split_at_spaces(f"前言 (五)甲项工作。{filler} (六)乙项工作。{filler}{filler}") is None


_FLAT = "\n".join([
    "某市医改领导小组秘书处关于印发分工方案的通知",
    "—3 — 某市促进基层医疗卫生服务能力提升分工方案 序号 重点任务 主要内容 具体目标 责任单位 一 完善基层 医疗卫生 服务网络"
    " 1.优化乡 镇卫生院 布局。 ①每个建制乡镇办好 1 所卫生院。 市卫健委、财 政局、自然资 源局,各县 (市、区)党委和 人民政府。"
    "列在首 位的为牵头单位, 其他单位按职责 分工负责,下同; 以 下 均 需 各 县 (市、区)党委和 人民政府落实,不 再列出。"
    " ②偏远地区村卫生室实现全覆盖。 2.建设县 域医疗次 中心。 遴选 5 所中心卫生院建设县域医疗次中心,提升急诊急救能力。"
    " 市卫健委、发改 委 3.加强基 层人才队 伍建设。 每年为乡镇卫生院定向培养医学生 50 名。 市卫健委、人社 局、财政局",
])


# a task table run together in one paragraph: rows at their numbers, the cells' wrap spaces gone, each row's
# unit cell read, "列在首位的为牵头单位,下同" for all rows, "以下均需X落实,不再列出" adds X to the later rows
def test_a_flat_table_paragraph_with_wrapped_cells() -> None:
    draft = parse_document(_FLAT)
    county = "各县(市、区)党委和人民政府"
    assert [(t.title, units(t)) for t in draft.tasks] == [
        ("优化乡镇卫生院布局", (["市卫健委"], ["财政局", "自然资源局", county], [])),
        ("建设县域医疗次中心", (["市卫健委"], ["发改委", county], [])),
        ("加强基层人才队伍建设", (["市卫健委"], ["人社局", "财政局", county], []))]


def test_wrap_spaces_go_only_inside_words() -> None:
    assert unwrap("1.优化乡 镇卫生院 布局。 ①办好 1 所卫生院。 市卫健委、财 政局") == \
        "1.优化乡镇卫生院布局。 ①办好 1 所卫生院。 市卫健委、财政局"
    assert table_header("分工方案 序号 重点任务 主要内容 具体目标 责任单位 一 完善网络 1.优化布局。")
    # guards: a run-on page of label lines has no table header: its spaces start lines ("市公安局 项目责任人:")
    assert not table_header("1.新增视频采集设备。 牵头领导:某某 责任单位:市公安局 项目责任人:某某 配合单位:市城管局")
    assert not table_header("序号为本方案附表中的编号,请各单位对照落实。")


def test_a_unit_cell_is_a_sentence_of_units_names_only() -> None:
    assert unit_cell("①办好卫生院。 市卫健委、财政局。列在首位的为牵头单位。") == \
        ("市卫健委、财政局", "①办好卫生院。。列在首位的为牵头单位。")
    # guards: one name (a signature), a sentence with a verb, names glued without a space
    assert unit_cell("加强监督检查。 某县人民政府办公室") is None
    assert unit_cell("提升能力。 市卫健委、财政局要加强指导") is None
    assert unit_cell("提升能力。市卫健委、财政局") is None


# "以下各项工作均需各县(市、区)党委和人民政府落实": the collective is one name, added to every later item
def test_a_rule_for_the_later_items_keeps_a_collective_whole() -> None:
    draft = parse_document("\n".join([
        "某市实施方案",
        "二、重点任务",
        "1.完善养老服务清单。发布基本养老服务清单。(市民政局牵头,各县(市、区)党委和人民政府负责落实。"
        "以下各项工作均需各县(市、区)党委和人民政府负责落实,不再一一列出。)",
        "2.健全兜底保障制度。对特困老年人实行集中供养。(市民政局、市财政局负责)",
    ]))
    county = "各县(市、区)党委和人民政府"
    assert [units(t) for t in draft.tasks] == [(["市民政局"], [county], []), ([], ["市民政局", "市财政局", county], [])]
    # guard: a government and the province's departments stay two collectives
    draft = parse_document("\n".join([
        "某省实施方案", "二、重点任务",
        "1.甲项工作。加强统筹。(省发展改革委牵头。以下各项均需各市州政府和省直有关部门落实,不再列出。)",
        "2.乙项工作。完善机制。(省财政厅负责)",
    ]))
    assert units(draft.tasks[1]) == ([], ["省财政厅", "各市州政府", "省直有关部门"], [])


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


# a progress page's table, a cell per line between blank lines, no number column: header names wrapped
# over two cells ("項目" / "名稱"), a period under each progress column ("進展情況" / "(6月)")
def test_an_unnumbered_blank_line_table_with_wrapped_header_names() -> None:
    text = _cells("項目", "名稱", "內容", "牽頭單位", "進展情況", "(6月)", "進展情況", "(12月)",
                  "托育服務項目", "新增普惠性托位300個,建設社區托育點5個。", "區衛健局", "已新增托位120個。", "已完成。",
                  "公共文化項目", "新建城市書房3家。", "區文廣旅體局", "已選址。", "已建成開放。",
                  "新增托位超額完成。", "分享:")
    draft = parse_document(text)
    assert [(t.title, t.detail, units(t)) for t in draft.tasks] == [
        ("托育服務項目", "新增普惠性托位300個,建設社區托育點5個。", (["區衛健局"], [], [])),
        ("公共文化項目", "新建城市書房3家。", (["區文廣旅體局"], [], []))]


def test_a_row_whose_unit_cell_names_no_unit_ends_the_table() -> None:
    text = _cells("项目名称", "内容", "牵头单位", "进展情况",
                  "托育服务项目", "新增普惠性托位300个。", "区卫健局", "已新增托位120个。",
                  "下一步工作", "继续推进。", "加强督查通报", "按月调度。")
    assert [(t.title, units(t)) for t in parse_document(text).tasks] == [("托育服务项目", (["区卫健局"], [], []))]
    # guard: paragraphs parted by blank lines, the first a short heading, are no table
    prose = _cells("工作要点", "一、加强组织领导。各单位要高度重视。", "二、强化督查考核。(区督查室负责)")
    assert [t.title for t in parse_document(prose).tasks] == ["加强组织领导", "强化督查考核"]


# "(牵头责任单位:X;责任单位:各区县及园区,市政府有关部门)": 各 goes on over the parks, one collective
def test_each_district_and_county_and_the_parks_are_one_collective() -> None:
    draft = parse_document("\n".join([
        "某市2010年政府工作报告主要工作任务解读",
        "(二)保障改善民生",
        "3.扩大城镇职工养老保险覆盖面,新增参保人员1万人。(牵头责任单位:市人社局;责任单位:各县区及园区,市政府有关部门)",
        "4.新建廉租住房500套。(牵头责任单位:市住建局;责任单位:各区县及街道)",
    ]))
    assert [units(t) for t in draft.tasks] == [
        (["市人社局"], ["各县区及园区", "市政府有关部门"], []), (["市住建局"], ["各区县及街道"], [])]
    # guards: a unit before 及 is no such collective; the districts and the city's departments stay two
    assert split_names("市财政局及园区") == ["市财政局", "园区"]
    assert split_names("各县区及市直有关部门") == ["各县区", "市直有关部门"]
