"""`duban import` grammar, round 6 of issue #13: a ministries' joint 意见 closes items with bare
lists ("（工信部、应急管理部）") and "（X负责）"; a provincial 工作要点 writes "〔X、Y按职责牵头，
A及B按职责分工负责〕". Both read right on first sight; probes of the same house styles showed
brackets naming their helpers with 参加/协同/协助 and lists ending "按分工负责". The documents
themselves stay out of the repository; each form is tested with a sentence of the same shape,
names changed."""

from __future__ import annotations

from scheduler.importer.parse import DraftTask, parse_document


def units(task: DraftTask) -> tuple[list[str], list[str], list[str]]:
    a = task.assignment
    return a.lead, a.responsible, a.cooperating


def only_task(body: str) -> DraftTask:
    draft = parse_document("二、重点任务\n（三）健全标准体系。" + body + "\n")
    assert [t.title for t in draft.tasks] == ["健全标准体系"]
    return draft.tasks[0]


# first sight, kept as it reads: a bare list and "（X负责）" name responsible units
def test_bare_list_and_single_unit_brackets() -> None:
    draft = parse_document(
        "二、推动创新突破\n"
        "（一）建设创新平台。联合创建工程实验室。（科技部、交通运输部）\n"
        "（二）改革管理制度。设立专门机构。（交通运输部负责）\n")
    assert [units(t) for t in draft.tasks] == [([], ["科技部", "交通运输部"], []), ([], ["交通运输部"], [])]


def test_lead_by_duty_and_collective_names_in_a_hexagonal_bracket() -> None:
    task = only_task("再取消下放一批市级许可事项。〔市政府办公室、市委编办按职责牵头，"
                     "市直有关部门（单位）及各县（区）人民政府按职责分工负责〕")
    assert units(task) == (["市政府办公室", "市委编办"], ["市直有关部门（单位）", "各县（区）人民政府"], [])


# round 6 rules: 参加 / 协同 / 协助 close a clause of helpers, as 配合 and 参与 do
def test_helpers_named_with_canjia() -> None:
    task = only_task("组织制定标准。（农业农村部、水利部负责，气象局参加）")
    assert units(task) == ([], ["农业农村部", "水利部"], ["气象局"])


def test_helpers_named_with_xietong_after_deng() -> None:
    task = only_task("组织制定标准。（农业农村部负责，林草局、气象局等部门协同）")
    assert units(task) == ([], ["农业农村部"], ["林草局", "气象局"])


def test_helpers_named_with_xiezhu_after_a_lead() -> None:
    task = only_task("组织制定标准。（农业农村部牵头，水利部协助，2026年6月底前完成）")
    assert units(task) == (["农业农村部"], [], ["水利部"])
    assert task.assignment.deadlines == ["2026年6月底前完成"]


# "按分工负责" / "按各自职责负责": the tail is a role, not part of the last name
def test_by_division_of_work_tails() -> None:
    assert units(only_task("组织制定标准。（农业农村部、水利部按分工负责）")) == \
        ([], ["农业农村部", "水利部"], [])
    assert units(only_task("组织制定标准。（农业农村部、水利部按各自职责负责）")) == \
        ([], ["农业农村部", "水利部"], [])
