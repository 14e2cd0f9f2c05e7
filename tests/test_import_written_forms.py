"""Ledgers' short forms. Deadlines written as a month and a day with a dot ("6.30前", "12.31"): in a
deadline cell or label and in an assignment bracket they are that day of the plan's year; a decimal in
a sentence ("增长6.5%", "3.5万亩") is no date. Units parted by a slash ("区发改委/区财政局") are two."""

from __future__ import annotations

from pathlib import Path

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document


def _dates(text: str) -> list[list[str]]:
    draft = parse_document(text)
    return [[d.isoformat() for d, _, _ in resolve_deadlines(t, 2021, None)] for t in draft.tasks]


def test_in_a_bracket() -> None:
    text = ("某区2021年重点工作任务分工方案\n1．推行企业开办“一网通办”。（区政务服务中心牵头，6.30前完成）\n"
            "2．清理规范涉企收费。（区发展改革委负责，12.31前）\n3．完善网格化管理。（区委政法委负责，9.30）\n")
    draft = parse_document(text)
    assert [t.assignment.lead + t.assignment.responsible for t in draft.tasks] == [
        ["区政务服务中心"], ["区发展改革委"], ["区委政法委"]]
    assert _dates(text) == [["2021-06-30"], ["2021-12-31"], ["2021-09-30"]]


def test_in_a_deadline_cell(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("序号,工作任务,责任单位,完成时限\n1,推行企业开办,区政务服务中心,6.30前\n2,清理涉企收费,区发展改革委,12.31\n",
                    encoding="utf-8")
    assert _dates(document_text(path)) == [["2021-06-30"], ["2021-12-31"]]


def test_decimals_in_a_sentence_are_no_dates() -> None:
    text = ("某区2021年重点工作任务分工方案\n1．稳定经济增长。地区生产总值增长6.5%，新建高标准农田3.5万亩。（区发展改革委负责）\n"
            "2．扩大有效投资。完成投资12.31亿元。（区财政局负责，年底前）\n")
    assert _dates(text) == [[], ["2021-12-31"]]


def test_units_parted_by_a_slash() -> None:
    draft = parse_document("某区2021年重点工作任务分工方案\n1．任务甲。（牵头单位：区发改委/区财政局；配合单位：区统计局／各街道）\n"
                           "2．任务乙。（区教育和体育局负责，年底前）\n")
    assert [(t.assignment.lead, t.assignment.cooperating) for t in draft.tasks] == [
        (["区发改委", "区财政局"], ["区统计局", "各街道"]), ([], [])]


def test_bare_role_words_as_labels(tmp_path: Path) -> None:
    text = ("某区2021年重点工作任务分工方案\n1．任务甲。（牵头：区发改委；配合：区财政局、区统计局；2021年6月底前）\n"
            "2．任务乙。（责任单位：牵头：区委政法委；配合：各街道）\n")
    rows = [(t.assignment.lead, t.assignment.responsible, t.assignment.cooperating) for t in parse_document(text).tasks]
    assert rows == [(["区发改委"], [], ["区财政局", "区统计局"]), (["区委政法委"], [], ["各街道"])]
    path = tmp_path / "table.csv"
    path.write_text("序号,工作任务,责任单位,完成时限\n1,任务丙,牵头：区商务局；配合：区市场监管局,年底前\n", encoding="utf-8")
    draft = parse_document(document_text(path))
    assert [(t.assignment.lead, t.assignment.cooperating) for t in draft.tasks] == [(["区商务局"], ["区市场监管局"])]
