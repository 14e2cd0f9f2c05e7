"""E-mail addresses as coordinators paste them into units.toml: a mailto: link, a name with the
address, several addresses in one string, a broken domain — refused with what was probably meant."""

from __future__ import annotations

import pytest

from tests.conftest import UNITS, Duban, Project

PLACE = 'units.toml [unit."省财政厅"] → email[0]：'


@pytest.mark.parametrize(("address", "hint"), [
    ("mailto:czt@example.gov.cn", "，去掉“mailto:”"),
    ("财政厅办公室 <czt@example.gov.cn>", "，只写尖括号中的地址，不写姓名"),
    ("czt@example.gov.cn;bgs@example.gov.cn", '；多个地址请分别写成一项：email = ["a@example.gov.cn", "b@example.gov.cn"]'),
    ("czt@example.gov.cn、bgs@example.gov.cn", '；多个地址请分别写成一项：email = ["a@example.gov.cn", "b@example.gov.cn"]'),
    ("czt@example..gov.cn", ""), ("czt@-example.gov.cn", ""), ("czt@example-.gov.cn", ""),
    ("czt.@example.gov.cn", ""), ("c..zt@example.gov.cn", ""), ("czt(1)@example.gov.cn", ""),
])
def test_a_pasted_address_is_refused_with_a_hint(project: Project, duban: Duban, address: str, hint: str) -> None:
    project.write("units.toml", UNITS.replace('email = ["czt@example.gov.cn"]', f'email = ["{address}"]'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f"{PLACE}“{address}”不是电子邮件地址（应为 name@example.gov.cn{hint}）" in result.out + result.err


@pytest.mark.parametrize("address", ["czt@example.gov.cn", "cai.zheng+duban@mail.example.gov.cn", "czt@163.com",
                                     "CZT@EXAMPLE.GOV.CN", "财政厅@example.gov.cn", "czt@a-b.example.cn"])
def test_real_addresses_pass(project: Project, duban: Duban, address: str) -> None:
    project.write("units.toml", UNITS.replace('email = ["czt@example.gov.cn"]', f'email = ["{address}"]'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err


WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"


@pytest.mark.parametrize(("value", "problem"), [
    (f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={WECOM_KEY}", "应只填写机器人网址中的key= 之后的部分，不是完整网址"),
    (f"key={WECOM_KEY}", "应只填写机器人网址中的key= 之后的部分，不是完整网址"),
    (f"{WECOM_KEY} {WECOM_KEY}", "不应包含空格或换行"),
])
def test_a_wecom_key_pasted_as_the_whole_webhook_is_an_error_that_never_shows_it(
        project: Project, duban: Duban, monkeypatch: pytest.MonkeyPatch, value: str, problem: str) -> None:
    monkeypatch.setenv("DUBAN_QA_WECOM", value)
    project.write("duban.toml", project.config.read_text(encoding="utf-8") + "\n[channels.wecom]\n")
    project.write("units.toml", UNITS.replace('email = ["czt@example.gov.cn"]',
                                              'email = ["czt@example.gov.cn"]\nwecom_key_env = "DUBAN_QA_WECOM"'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 1
    assert f'units.toml [unit."省财政厅"] → wecom_key：环境变量 DUBAN_QA_WECOM 的内容{problem}' in result.out + result.err
    assert WECOM_KEY not in result.out + result.err


def test_a_wecom_key_as_given_by_the_robot_passes(project: Project, duban: Duban,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_QA_WECOM", WECOM_KEY)
    project.write("duban.toml", project.config.read_text(encoding="utf-8") + "\n[channels.wecom]\n")
    project.write("units.toml", UNITS.replace('email = ["czt@example.gov.cn"]',
                                              'email = ["czt@example.gov.cn"]\nwecom_key_env = "DUBAN_QA_WECOM"'))
    result = duban("check", "--config", str(project.config))
    assert result.code == 0, result.out + result.err
