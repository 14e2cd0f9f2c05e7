"""Deadlines that come round: a task whose only timing is "每季度末" (in its bracket or its deadline cell)
is drafted as a recurring task — `repeat` (RFC 5545), `start`, `until` over the plan's year — that
`duban check` accepts; a dated deadline still wins, and without a year the rule is only suggested."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from scheduler.importer.recurring import recurrence
from tests.conftest import REPO, Duban


@pytest.mark.parametrize(("clause", "rule"), [
    ("每季度末", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("按季度报送", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    ("每季度结束后10日内", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"),
    ("每季度首月五日前", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5"),
    ("每月5日前报送", "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("每月底前", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("每半年", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ("每年11月底前", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1"),
    ("每年年底", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    ("每年1月31日前公开", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31"),
    ("每年3月15日前", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15"),
    ("每周五前", "FREQ=WEEKLY;BYDAY=FR"),
])
def test_recurring_wordings(clause: str, rule: str) -> None:
    found = recurrence(clause)
    assert found is not None and found[0] == rule


@pytest.mark.parametrize("clause", ["以后每年更新", "每年", "每月30日", "每年13月底", "年底前", "市财政局每季度配合"])
def test_other_clauses_are_not_recurrences(clause: str) -> None:
    assert recurrence(clause) is None


PLAN = ("某市2021年重点工作任务分工方案\n"
        "1．制定实施方案。（市发展改革委牵头，2021年6月底前完成）\n"
        "2．报送工作进展情况。（市发展改革委负责，每季度末）\n"
        "3．召开工作调度会。（市政府办公室负责，每月5日前）\n"
        "4．开展专项督查。（市政府督查室负责，每季度末报送，2021年11月底前完成全面督查）\n")


def test_a_recurring_bracket_becomes_a_recurring_task(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = duban("import", str(path))
    assert result.code == 0, result.err
    tasks = result.out.split("[[task]]")[1:]
    assert "deadline = 2021-06-30" in tasks[0] and "repeat" not in tasks[0]
    assert 'repeat = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"' in tasks[1]
    assert "start = 2021-01-01" in tasks[1] and "until = 2021-12-31" in tasks[1]
    assert 'repeat = "FREQ=MONTHLY;BYMONTHDAY=5"' in tasks[2]
    assert "deadline = 2021-11-30" in tasks[3] and "repeat" not in tasks[3]  # a dated deadline wins
    _checks(tmp_path, duban, result.out)


def test_a_recurring_deadline_cell_becomes_a_recurring_task(tmp_path: Path, duban: Duban) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["某市2021年重点工作任务分工表"], ["序号", "工作任务", "责任单位", "完成时限"],
                [1, "报送工作进展情况", "市发展改革委", "每季度末"], [2, "制定实施方案", "市财政局", "2021年6月底前"]):
        sheet.append(row)
    path = tmp_path / "table.xlsx"
    book.save(path)
    result = duban("import", str(path))
    assert result.code == 0, result.err
    assert 'repeat = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"' in result.out.split("[[task]]")[1]
    _checks(tmp_path, duban, result.out)


def test_without_a_year_the_rule_is_only_suggested(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("重点工作任务分工方案\n1．报送工作进展情况。（市发展改革委负责，每季度末）\n", encoding="utf-8")
    result = duban("import", str(path))
    assert result.code == 0, result.err
    assert "\nrepeat" not in result.out
    assert '可写 repeat = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"' in result.out


def _checks(tmp_path: Path, duban: Duban, draft: str) -> None:
    """The draft with a units skeleton passes `duban check` (the RRULE, start and until are valid)."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "config" / "duban.toml", config / "duban.toml")
    settings = (config / "duban.toml").read_text(encoding="utf-8")
    tasks = config / str(re.search(r'tasks\s*=\s*"([^"]+)"', settings)[1])  # type: ignore[index]
    tasks.parent.mkdir(parents=True, exist_ok=True)
    tasks.write_text(draft, encoding="utf-8")
    coordinator = re.search(r'coordinator\s*=\s*"([^"]+)"', settings)
    assert coordinator is not None
    names = sorted(set(re.findall(r'"(市[^"]+)"', draft)) | {coordinator[1]})
    (config / "units.toml").write_text("".join(f'[unit."{n}"]\nemail = ["u{i}@example.gov.cn"]\n\n'
                                               for i, n in enumerate(names)), encoding="utf-8")
    checked = duban("check", "--config", str(config / "duban.toml"), "--now", "2021-03-01")
    assert checked.code == 0, checked.out + checked.err
