"""Numbers written as one character ("㈠", "⑴", "⒈": GBK documents and Word's numbering in some fonts),
points "⑴/（1）" that each close with their own assignment under a "（一）" heading, and plans whose only
numbering is "（1）" or "1）": each point is a task with its own units."""

from __future__ import annotations

import pytest

from scheduler.importer.parse import parse_document
from scheduler.importer.top_points import top_points

Row = tuple[str, str, list[str]]


def _rows(text: str) -> list[Row]:
    return [(t.number, t.title, t.assignment.lead + t.assignment.responsible) for t in parse_document(text).tasks]


def test_one_character_numbers() -> None:
    text = ("某区2021年重点工作任务分工方案\n一、优化营商环境\n㈠推行企业开办“一网通办”。（区政务服务中心牵头，2021年6月底前完成）\n"
            "㈡清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）\n二、加强基层治理\n㈠完善网格化管理。（区委政法委负责，年底前完成）\n")
    assert _rows(text) == [("(一)", "推行企业开办“一网通办”", ["区政务服务中心"]), ("(二)", "清理规范涉企收费", ["区发展改革委"]),
                           ("(一)", "完善网格化管理", ["区委政法委"])]


def test_points_with_their_own_assignment_under_a_heading_item() -> None:
    text = ("某区2021年重点工作任务分工方案\n（一）优化营商环境\n⑴推行企业开办“一网通办”。（区政务服务中心牵头，2021年6月底前完成）\n"
            "⑵清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）\n⒈完善网格化管理。（区委政法委负责，2021年12月底前完成）\n")
    assert _rows(text) == [("(一)(1)", "推行企业开办“一网通办”", ["区政务服务中心"]),
                           ("(一)(2)", "清理规范涉企收费", ["区发展改革委"]), ("(一)1", "完善网格化管理", ["区委政法委"])]


@pytest.mark.parametrize("style", ["（{n}）", "({n})", "{n}）", "{n})"])
def test_points_as_the_only_numbering(style: str) -> None:
    items = ["推行企业开办“一网通办”。（区政务服务中心牵头，2021年6月底前完成）", "清理规范涉企收费。（区发展改革委负责，2021年9月底前完成）",
             "完善网格化管理。（区委政法委负责，2021年12月底前完成）"]
    text = "某区2021年重点工作任务分工方案\n" + "\n".join(style.format(n=n) + item for n, item in enumerate(items, 1))
    assert _rows(text) == [("1.", "推行企业开办“一网通办”", ["区政务服务中心"]), ("2.", "清理规范涉企收费", ["区发展改革委"]),
                           ("3.", "完善网格化管理", ["区委政法委"])]


def test_points_under_higher_numbering_stay_points() -> None:
    lines = ["一、主要任务", "（1）甲", "（2）乙", "（3）丙"]
    assert top_points(lines) == lines
    assert top_points(["1）甲", "2）乙"]) == ["（1）甲", "（2）乙"]  # "1）" is written as the walker knows it
