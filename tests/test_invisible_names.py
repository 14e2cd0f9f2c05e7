"""Names pasted from a page or a document carry characters that show as nothing (U+200B, U+FEFF,
U+2060 …): `check` says so, instead of "no such unit" for a name that looks exactly right."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.errors import CalendarGapError
from tests.conftest import TASKS, UNITS, Duban, Project


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u2060", "\u200e"])
def test_a_task_naming_a_unit_with_an_invisible_character_is_told_which(project: Project, duban: Duban,
                                                                         char: str) -> None:
    project.write("tasks.toml", TASKS.replace('lead = ["省司法厅"]', f'lead = ["省司法{char}厅"]'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    code = f"U+{ord(char):04X}"
    assert f"lead[0]：units.toml 中没有单位、别名或分组“省司法{char}厅”，名称中有看不见的字符（{code}），请删除：应为“省司法厅”" \
        in result.out + result.err


def test_a_unit_defined_with_an_invisible_character_is_warned(project: Project, duban: Duban) -> None:
    project.write("units.toml", UNITS.replace('[unit."省残联"]', '[unit."省残联\u200b"]'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    assert ('units.toml [unit."省残联\u200b"]：名称中有看不见的字符（U+200B），多半是从网页或文档复制时带入的；'
            "任务中须写出同样的字符才能引用，建议删除") in result.out


def test_an_invisible_character_in_a_name_no_unit_has_is_named_without_a_fix(project: Project, duban: Duban) -> None:
    project.write("tasks.toml", TASKS.replace('lead = ["省司法厅"]', 'lead = ["省发改委\u200b"]'))
    result = duban("check", "--config", str(project.config))
    assert "“省发改委\u200b”，名称中有看不见的字符（U+200B），请删除\n" in result.out + result.err


def test_a_year_without_holiday_data_points_to_the_settings_file_given() -> None:
    message = str(CalendarGapError(date(2101, 1, 1).year))
    assert "请在设置文件（--config，默认 config/duban.toml）的 [calendar.years.2101] 中补充" in message
