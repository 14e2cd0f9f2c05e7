"""A channel `timeout` outside 1–600 s is an error of `duban check` (QA trial of #12).

`timeout = -5` under [channels.email] passed `check`; every send then timed out at once
("SMTPConnectTimeoutError") and nothing was ever delivered; `timeout = 0` was silently 30.
"""

from __future__ import annotations

import pytest

from tests.conftest import SETTINGS, Duban, Project, email_channel


@pytest.mark.parametrize(("table", "value", "default"), [
    ("email", "-5", 30), ("email", "0", 30), ("wecom", "601", 15), ("dingtalk", "0", 15), ("feishu", "-1", 15),
])
def test_a_timeout_outside_1_to_600_seconds_is_an_error(project: Project, duban: Duban, table: str, value: str,
                                                         default: int) -> None:
    extra = email_channel(25, f"timeout = {value}\n") if table == "email" else f"\n[channels.{table}]\ntimeout = {value}\n"
    project.write("duban.toml", SETTINGS + extra)
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f"duban.toml [channels.{table}] → timeout：应为 1–600 之间的整数（秒），默认 {default}" in result.out


def test_timeouts_within_the_range_pass(project: Project, duban: Duban) -> None:
    project.write("duban.toml", SETTINGS + email_channel(25, "timeout = 1\n") + "\n[channels.wecom]\ntimeout = 600\n")
    assert duban("check", "--config", str(project.config)).code == 0
