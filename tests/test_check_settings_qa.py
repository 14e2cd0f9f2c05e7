"""Settings a coordinator mistypes that `check` used to pass: `per_minute = 0` (silently 20), a stage
sent to nobody (`to = []`), an offset a digit too long."""

from __future__ import annotations

import pytest

from tests.conftest import SETTINGS, Duban, Project

STAGE = '\n[[policy.default.stages]]\nname = "提醒"\noffset = {offset}\nto = {to}\n'


@pytest.mark.parametrize("channel", ["wecom", "dingtalk", "feishu"])
def test_per_minute_zero_is_refused_not_taken_as_the_default(project: Project, duban: Duban, channel: str) -> None:
    project.write("duban.toml", SETTINGS + f"\n[channels.{channel}]\nper_minute = 0\n")
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f"duban.toml [channels.{channel}] → per_minute：应为 1–" in result.out + result.err
    assert "不写即为" in result.out + result.err


def test_a_stage_sent_to_nobody_is_an_error(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS + STAGE.format(offset=-3, to="[]"))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert ("duban.toml [policy.default] stages[0] → to：至少写一个角色（lead、responsible、cooperating、coordinator），"
            "否则这个阶段不发给任何人") in result.out + result.err


@pytest.mark.parametrize(("offset", "warned"), [(-250, False), (250, False), (-251, True), (3000, True)])
def test_an_offset_beyond_a_year_is_warned(project: Project, duban: Duban, offset: int, warned: bool) -> None:
    project.write("duban.toml", SETTINGS + STAGE.format(offset=offset, to='["lead"]'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
    warning = (f"duban.toml [policy.default] stages[0] → offset：距到期日{abs(offset)}个工作日，超过一年（250个工作日），"
               "请确认没有多写一位数")
    assert (warning in result.out) is warned
