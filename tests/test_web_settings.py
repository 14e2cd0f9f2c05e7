"""`[web]` of duban.toml, as `duban check` sees it (SPEC §2.1)."""

from __future__ import annotations

import pytest

from tests.conftest import SETTINGS, Project
from tests.web_support import WEB, web_project


@pytest.mark.parametrize(("change", "message"), [
    (('listen = "127.0.0.1:{port}"', 'listen = "localhost"'),
     '[web] → listen：“localhost”写法不对，应为“地址:端口”，如 "127.0.0.1:8650"'),
    (('base_url = "https://duban.example.gov.cn"', 'base_url = "duban.example.gov.cn"'),
     '[web] → base_url：“duban.example.gov.cn”不是 http(s) 地址，应如 "https://duban.example.gov.cn"'),
    (('secret_file = "web.secret"', 'secret = "abc"'),
     "[web] → secret：不允许把密钥直接写在配置文件中：请改用 secret_env 或 secret_file"),
    (('link_days = 60', 'link_days = 0'), "[web] → link_days：应为 1–366 之间的整数（单位链接的有效天数）"),
    (('"10.0.0.0/8"', '"intranet"'),
     '[web] → trusted_proxies[1]：“intranet”不是 IP 地址或网段，应如 "127.0.0.1" 或 "10.0.0.0/8"'),
    (('link_days = 60', 'link_day = 60'), "[web] → link_day：未知的键，您是不是想写 “link_days”"),
])
def test_check_reports_bad_web_settings(project: Project, duban, change: tuple[str, str],  # type: ignore[no-untyped-def]
                                        message: str) -> None:
    web_project(project)
    project.write("duban.toml", SETTINGS + WEB.replace(*change).format(port=8650))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f"  duban.toml {message}" in (result.out + result.err).splitlines()


def test_check_passes_good_web_settings(project: Project, duban) -> None:  # type: ignore[no-untyped-def]
    web_project(project)
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
