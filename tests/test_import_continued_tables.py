"""A task table that goes on in a second table without its header (a Word table split in two, a page's
table cut by its editor, "续表" on the next page): the second table's rows are tasks of the first."""

from __future__ import annotations

from pathlib import Path

import docx

from scheduler.importer.formats import document_text
from scheduler.importer.parse import parse_document

HEAD = ["序号", "重点任务", "牵头单位", "完成时限"]
FIRST = [["1", "推行企业开办“一网通办”", "区政务服务中心", "6月底前"], ["2", "清理规范涉企收费", "区发展改革委", "9月底前"]]
THEN = [["3", "完善网格化管理", "区委政法委", "年底前"], ["4", "开展“三无”小区整治", "区住房城乡建设局", "10月底前"]]


def _docx(path: Path, between: list[str], then: list[list[str]]) -> None:
    document = docx.Document()
    document.add_paragraph("某区2021年重点工作任务分解表")
    for rows in ([HEAD, *FIRST], None, then):
        if rows is None:
            for text in between:
                document.add_paragraph(text)
            continue
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.add_paragraph("各牵头单位每季度末报送进展情况。")
    document.save(str(path))


def _titles(path: Path) -> list[tuple[str, list[str]]]:
    return [(t.title, t.assignment.lead) for t in parse_document(document_text(path)).tasks]


ALL = [("推行企业开办“一网通办”", ["区政务服务中心"]), ("清理规范涉企收费", ["区发展改革委"]),
       ("完善网格化管理", ["区委政法委"]), ("开展“三无”小区整治", ["区住房城乡建设局"])]


def test_a_word_table_split_in_two_keeps_every_row(tmp_path: Path) -> None:
    for n, between in enumerate(([], [""], ["— 2 —"], ["续表"], ["（续上表）"])):
        path = tmp_path / f"split{n}.docx"
        _docx(path, between, THEN)
        assert _titles(path) == ALL, between


def test_a_page_table_split_in_two_keeps_every_row(tmp_path: Path) -> None:
    def table(rows: list[list[str]]) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><div class='content'><p>某区2021年重点工作任务分解表</p>{table([HEAD, *FIRST])}"
                    f"<p>续表</p>{table(THEN)}</div></body></html>", encoding="utf-8")
    assert _titles(path) == ALL


def test_a_table_after_text_or_of_another_width_is_not_a_continuation(tmp_path: Path) -> None:
    path = tmp_path / "text.docx"
    _docx(path, ["以上任务由区政府督查室跟踪督办。"], THEN)  # a sentence between: not the same table
    assert _titles(path) == ALL[:2]
    path = tmp_path / "wide.docx"
    _docx(path, [], [[*row, "备注"] for row in THEN])  # another width: another table
    assert _titles(path) == ALL[:2]
