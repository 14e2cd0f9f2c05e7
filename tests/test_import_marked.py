"""Plans as platforms and tools write them: Markdown pipe tables and headings, "任务一：" labels and
"●" bullets instead of numbers — each row, label or bullet with its own assignment is a task."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.importer.formats import document_text
from scheduler.importer.marked_items import marked_items
from scheduler.importer.parse import parse_document

EXPECTED = [("推行企业开办“一网通办”", ["区政务服务中心"], ["区市场监管局"]), ("清理规范涉企收费", ["区发展改革委"], ["区财政局"]),
            ("完善网格化管理", ["区委政法委"], ["各街道"])]
MARKDOWN = """# 某区2021年重点工作任务分工

## 一、任务分工

| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
|:---:|---|---|---|---|
| 1 | **推行企业开办“一网通办”** | 区政务服务中心 | 区市场监管局 | 2021年6月底前 |
| 2 | 清理规范涉企收费 | 区发展改革委 | 区财政局 | 2021年9月底前 |
| 3 | 完善网格化管理 | 区委政法委 | 各街道 | 2021年12月底前 |

各牵头单位每季度末报送进展。
"""


def _rows(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.title, t.assignment.lead, t.assignment.cooperating) for t in parse_document(text).tasks]


def test_a_markdown_plan_with_a_pipe_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    text = document_text(path)
    assert text.splitlines()[0] == "某区2021年重点工作任务分工"  # no heading marks
    assert _rows(text) == EXPECTED
    assert parse_document(text).tasks[0].deadlines == [("2021年6月底前", "")]


ITEMS = ["推行企业开办“一网通办”。（区政务服务中心牵头，区市场监管局配合，2021年6月底前完成）",
         "清理规范涉企收费。（区发展改革委牵头，区财政局配合，2021年9月底前完成）",
         "完善网格化管理。（区委政法委牵头，各街道配合，2021年12月底前完成）"]


@pytest.mark.parametrize("marks", [["任务一：", "任务二：", "任务三："], ["第一项：", "第二项：", "第三项："],
                                   ["●", "●", "●"], ["■ ", "■ ", "■ "], ["◆", "◆", "◆"]])
def test_labels_and_bullets_mark_items(marks: list[str]) -> None:
    text = "某区2021年重点工作任务分工方案\n" + "\n".join(m + item for m, item in zip(marks, ITEMS, strict=True))
    assert _rows(text) == EXPECTED


def test_a_few_bullets_or_labels_out_of_order_are_left_alone() -> None:
    lines = ["●甲", "●乙"]
    assert marked_items(lines) == lines
    lines = ["任务二：甲", "任务一：乙", "任务三：丙"]
    assert marked_items(lines) == lines
