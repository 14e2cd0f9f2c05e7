"""`duban import` grammar, round 5 of issue #13: a bureau's own 工作要点 names its offices
("（责任科室：组干科、机关党委）"), as ministries' plans name their 司局 and provincial
departments' plans their 处室. The documents themselves stay out of the repository; each rule is
tested with a sentence of the same form, names changed."""

from __future__ import annotations

from scheduler.importer.parse import DraftTask, parse_document


def units(task: DraftTask) -> tuple[list[str], list[str], list[str]]:
    a = task.assignment
    return a.lead, a.responsible, a.cooperating


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
