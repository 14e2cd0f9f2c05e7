"""`duban import`'s options are checked like every input: a year outside 1949–2100 or a prefix that
cannot start a task id gets a Chinese usage message (exit 2), never a silently odd draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Duban

PLAN = "某区重点工作任务分工\n1．制定实施方案。（区发展改革委牵头，6月底前完成）\n"


@pytest.mark.parametrize(("option", "value"), [("--year", "abc"), ("--year", "0"), ("--year", "99999"),
                                               ("--year", "21"), ("--prefix", "A B"), ("--prefix", 'T"'),
                                               ("--prefix", "x" * 41)])
def test_bad_options_get_a_usage_message(tmp_path: Path, duban: Duban, option: str, value: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = duban("import", str(path), option, value)
    assert result.code == 2
    assert f"用法错误：{option} " in result.err and "argument" not in result.err
    assert result.out == ""


def test_good_options_are_used(tmp_path: Path, duban: Duban) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = duban("import", str(path), "--year", "2022", "--prefix", "区/")
    assert result.code == 0, result.err
    assert 'id = "区/01"' in result.out
    assert "deadline = 2022-06-30" in result.out
