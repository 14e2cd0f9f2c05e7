"""`duban import` grammar after round 18 of issue #13: real documents from query families no earlier
round used (bench/import_corpus_split.md, Round 18) — a department's task split whose label lines
say "主要协作单位：", a task page copied one cell per line with each label alone above its value, a
deadline cell naming months and the ongoing wording together. Sentences written for the tests, not the documents' own."""

from __future__ import annotations

from datetime import date

from scheduler.importer.parse import parse_document
from tests.import_rules_support import dates, units

HEAD = "某县卫健委2024年政府工作报告任务分解\n2024年4月8日\n"


# "主要协作单位：" / "协作单位：" on a label line are the cooperating units, like "配合单位："
def test_a_cooperation_label_line() -> None:
    draft = parse_document(
        HEAD + "1.推进县域医共体建设,提升基层服务能力。\n\n牵头责任单位:县卫健委、县医保局\n\n"
        "主要协作单位:各乡镇人民政府、县政府有关部门\n\n"
        "2.建成县急救指挥中心\n\n牵头责任单位:县卫健委\n\n协作部门:县财政局\n")
    assert [t.title for t in draft.tasks] == ["推进县域医共体建设,提升基层服务能力", "建成县急救指挥中心"]
    assert [units(t) for t in draft.tasks] == [
        (["县卫健委", "县医保局"], [], ["各乡镇人民政府", "县政府有关部门"]),
        (["县卫健委"], [], ["县财政局"])]


# a task page copied one cell per line: each label alone on its line, its value on the next
def test_a_record_with_each_label_above_its_value() -> None:
    draft = parse_document(
        "某县2024年政府工作报告任务分解\n2024年3月1日\n具体任务\n"
        "改造城区供水管网12公里,新建二次供水泵房3座;推进农村供水规模化,完成5个乡镇联网。\n"
        "责任单位\n县水务局、县住建局\n配合单位\n各乡镇\n完成时限\n10月底前完成\n")
    assert [t.title for t in draft.tasks] == [
        "改造城区供水管网12公里,新建二次供水泵房3座;推进农村供水规模化,完成5个乡镇联网"]
    task = draft.tasks[0]
    assert units(task) == ([], ["县水务局", "县住建局"], ["各乡镇"])
    assert dates(task, draft) == [date(2024, 10, 31)]


# a table's header copied one cell per line (labels with no value under each) is not a record
def test_a_header_one_cell_per_line_is_no_record() -> None:
    text = ("某县2024年重点任务清单\n2024年3月1日\n序号\n工作任务\n责任单位\n完成时限\n"
            "1\n改造城区供水管网12公里。\n县水务局\n10月底前\n2\n新建公交首末站2处。\n县交通运输局\n12月底前\n")
    draft = parse_document(text)
    assert [(t.title, units(t)[1]) for t in draft.tasks] == [
        ("改造城区供水管网12公里", ["县水务局"]), ("新建公交首末站2处", ["县交通运输局"])]


# "X1月底前完成;其它事项12月底前取得明显成效并长期坚持": the months are deadlines, not only the ongoing wording
def test_a_deadline_cell_with_months_and_the_ongoing_wording() -> None:
    draft = parse_document(
        HEAD + "1.完成发热门诊改造,推进医共体建设。\n牵头责任单位:县卫健委\n"
        "完成时限:发热门诊改造2月底前完成;其它事项11月底前见到成效并长期坚持\n"
        "2.开展爱国卫生运动。\n牵头责任单位:县卫健委\n完成时限:年内持续推进\n")
    first, second = draft.tasks
    assert dates(first, draft) == [date(2024, 2, 29), date(2024, 11, 30)]
    assert (dates(second, draft), second.ongoing) == ([], "持续推进")


# a page's table copied a cell a line with a "|" line after each cell, its header without 序号: the
# first column is the rows' group (merged down, written once), each row starts at its number
def test_a_table_of_rule_lines_whose_first_column_groups_the_rows() -> None:
    cells = ["工作任务", "具体要求", "责任股室", "完成时限",
             "加强机关作风建设", "1", "开展作风纪律专项整治。每季度通报一次。", "办公室", "6月底前",
             "2", "建立重点工作周调度制度。", "各股室", "持续推进",
             "提升服务能力", "3", "组织业务培训两次。", "人事股", "11月底前"]
    draft = parse_document("某局2024年重点任务清单\n2024年3月1日\n" + "".join(f"{c}\n|\n" for c in cells)
                           + "本清单由办公室负责解释。\n")
    assert [t.title for t in draft.tasks] == ["开展作风纪律专项整治", "建立重点工作周调度制度", "组织业务培训两次"]
    assert [units(t)[1] for t in draft.tasks] == [["办公室"], ["各股室"], ["人事股"]]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 6, 30)], [], [date(2024, 11, 30)]]
    assert draft.tasks[1].ongoing == "持续推进"


# a plan run together on one line: "。 一、…。 二、…。 (一)小标题 1、…": sections 一、二、 in order and
# a numbered item are a run-on copy even when only one item survives
def test_a_run_on_plan_with_sections_and_a_single_item() -> None:
    draft = parse_document(
        "2024年某区政务公开工作要点\n根据上级要求,结合我区实际,制定本要点。 一、总体要求 2024年是关键之年,"
        "要以公开促落实。 二、目标任务 聚焦重点领域,提升公开质量。 (一)强化重点领域信息公开 1、营商环境领域。"
        "集中公开惠企政策,做好政策解读。(责任单位:区发改委、区商务局,各乡、街办、管理处)\n")
    assert [t.title for t in draft.tasks] == ["营商环境领域"]
    assert units(draft.tasks[0]) == ([], ["区发改委", "区商务局", "各乡、街办、管理处"], [])


# "各乡、街办、管理处", "各镇、街道": 各 goes on over the local levels after it; alone they stay apart
def test_each_goes_on_over_the_local_levels_after_it() -> None:
    draft = parse_document(
        "某区2024年重点工作\n2024年3月1日\n1.开展环境整治。(责任单位:区城管局,各镇、街道)\n"
        "2.建设口袋公园。(责任单位:区住建局、街道、社区)\n")
    assert [units(t)[1] for t in draft.tasks] == [["区城管局", "各镇、街道"], ["区住建局", "街道", "社区"]]


# " | " rows numbered after the cells of their groups, the header naming no number column: the
# group cells (merged down, written once) are no task; the number is a cell or starts the text
def test_a_piped_table_whose_rows_are_numbered_after_their_groups() -> None:
    draft = parse_document(
        "某局2024年政务公开任务清单\n2024年3月1日\n工作任务 | 具体要求 | 责任部门 |\n"
        "一、做好预算公开。 | 1.按时公开部门预算和决算。 | 财务股 |\n"
        "二、做好专栏更新。 | 2.每月更新机构概况。 | 办公室 |\n"
        "3.及时回复网民留言。 | 办公室牵头,各股室配合 | |\n")
    assert [t.title for t in draft.tasks] == ["按时公开部门预算和决算", "每月更新机构概况", "及时回复网民留言"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["财务股"], []), ([], ["办公室"], []), (["办公室"], [], ["各股室"])]
    draft = parse_document(
        "某市2024年政务公开任务分解\n2024年3月1日\n工作任务 | 具体要求 | 责任单位 | 时限要求 | ||\n"
        "一、助力经济发展。 | (一)公开惠企政策。 | 1 | 集中公开惠企政策文件。 | 市政府各有关部门 | 持续推进 |\n"
        "2 | 开设助企纾困专栏。 | 市商务局 | 6月底前 | ||\n")
    assert [(t.title, units(t)[1], t.ongoing) for t in draft.tasks] == [
        ("集中公开惠企政策文件", ["市政府各有关部门"], "持续推进"), ("开设助企纾困专栏", ["市商务局"], "")]
    assert dates(draft.tasks[1], draft) == [date(2024, 6, 30)]


# cells closed by their rules ("备注 |"), below a page's info bar ("索引号: | … |"): a table too; its
# title column is numbered ("1.…"), a 备注 cell that holds only a deadline is the row's deadline
def test_a_table_of_closed_cells_below_an_info_bar() -> None:
    cells = ["工作任务", "具 体 要 求", "责任单位", "完成情况", "备注", "||", "一、年底前专项任务", "|", "|||||",
             "1.规范性文件集中公开", "清理现行有效文件,形成目录。", "市政府各部门,各县市区政府", "推进中", "11月底前完成", "||",
             "2.基层公开提升", "全面公开涉农补贴信息。", "各县市区政府", "已完成", "|", "||"]
    text = ("索引号: | 1134/2024-001 | 组配分类: | 工作推进 |\n发布机构: | 某市政务公开办 | 文号: | 无 |\n"
            "2024年政务公开重点任务清单\n2024年10月8日\n"
            + "".join(f"{c} |\n" if c and "|" not in c else f"{c}\n" for c in cells))
    draft = parse_document(text)
    assert [t.title for t in draft.tasks] == ["规范性文件集中公开", "基层公开提升"]
    assert [units(t)[1] for t in draft.tasks] == [["市政府各部门", "各县市区政府"], ["各县市区政府"]]
    assert [dates(t, draft) for t in draft.tasks] == [[date(2024, 11, 30)], []]


# "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 |" with the 工作任务 cell merged down: the rows under it have
# one cell fewer; the 工作任务 is their group and each row's 细化分工 its task
def test_a_piped_table_whose_title_column_is_merged_down() -> None:
    draft = parse_document(
        "某厅2024年政务公开重点任务台账\n2024年1月8日\n序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好疫情信息发布 | 及时发布权威信息 | 应急处、疾控处等按职责分工落实 | 长期推进 |\n|\n"
        "2 | 做好疫苗接种信息公开 | 疾控处 | 6月底前 |\n|\n"
        "3 | 常规公开事项 | 公开部门预算和决算 | 财务处 | 2024年2月公布预算,2024年8月公布决算 |\n|\n"
        "4 | 清理规范性文件 | 政策法规处会办公室 | 长期推进 |\n|\n")
    assert [t.title for t in draft.tasks] == ["及时发布权威信息", "做好疫苗接种信息公开", "公开部门预算和决算", "清理规范性文件"]
    assert [units(t) for t in draft.tasks] == [
        ([], ["应急处", "疾控处"], []), ([], ["疾控处"], []), ([], ["财务处"], []), (["政策法规处"], [], ["办公室"])]
    assert [dates(t, draft) for t in draft.tasks] == [
        [], [date(2024, 6, 30)], [date(2024, 2, 29), date(2024, 8, 31)], []]
    # every row with its own 工作任务: the text reader's reading (the first text column is the title)
    draft = parse_document(
        "某厅2024年重点任务台账\n2024年3月1日\n序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 |\n"
        "1 | 做好疫情信息发布 | 及时发布权威信息。 | 应急处 | 6月底前 |\n2 | 做好预算公开 | 公开部门预算。 | 财务处 | 3月底前 |\n")
    assert [t.title for t in draft.tasks] == ["做好疫情信息发布", "做好预算公开"]


# "X会Y" between two units' names (会办) is "X会同Y"; never inside a name ("管委会", "委员会")
def test_one_unit_meets_another() -> None:
    draft = parse_document(
        HEAD + "1.整合政务信息。（宣传科会办公室）\n2.建设产业园区。（开发区管委会负责）\n3.开展评议。（县人大常委会办公室负责）\n")
    assert [units(t) for t in draft.tasks] == [
        (["宣传科"], [], ["办公室"]), ([], ["开发区管委会"], []), ([], ["县人大常委会办公室"], [])]
