"""`[report]` in duban.toml: validated by `duban check` with the place, in Chinese."""

from __future__ import annotations

from typing import Any

import pytest

from scheduler.load.report_settings import ReportSettings
from scheduler.runtime import build_runtime
from tests.conftest import SETTINGS, Project


@pytest.mark.parametrize(("table", "expected"), [
    ('every = "fortnight"', ["[report] → every", "week", "month"]),
    ("every = \"week\"\non = 8", ["[report] → on", "1–7"]),
    ("every = \"month\"\non = 0", ["[report] → on", "1–31"]),
    ('on = "星期五"', ["[report] → on", "应为整数"]),
    ('every = "week"\nsend = "09:00"', ["[report] → send", "未知的键"]),
    ('to = ["督察室"]', ["[report] → to[0]", "没有单位", "督查室"]),
])
def test_bad_report_settings_are_named(project: Project, duban: Any, table: str, expected: list[str]) -> None:
    project.write("duban.toml", SETTINGS + "\n[report]\n" + table + "\n")
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert any(all(part in line for part in expected) for line in result.out.splitlines()), result.out


def test_report_settings_defaults_and_groups(project: Project) -> None:
    project.write("duban.toml", SETTINGS + '\n[report]\nevery = "month"\nto = ["各地区", "司法厅"]\n')
    assert build_runtime(project.config).settings.report == ReportSettings("month", 31, ("各地区", "司法厅"))
    project.write("duban.toml", SETTINGS + "\n[report]\n")
    assert build_runtime(project.config).settings.report == ReportSettings("week", 5, ())
    project.write("duban.toml", SETTINGS)
    assert build_runtime(project.config).settings.report is None
