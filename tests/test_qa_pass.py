"""Things a new user tripped over in the release QA pass (README against behaviour)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Duban, Project


def test_config_before_the_subcommand_is_not_ignored(project: Project, duban: Duban, tmp_path: Path) -> None:
    missing = tmp_path / "无" / "duban.toml"
    before = duban("--config", str(missing), "check")
    after = duban("check", "--config", str(missing))
    assert (before.code, after.code) == (1, 1)
    assert before.out == after.out and f"文件不存在：{missing}" in before.out


def test_now_before_the_subcommand_is_not_ignored(project: Project, duban: Duban) -> None:
    result = duban("--config", str(project.config), "--now", "2021-06-30", "status")
    assert result.code == 0 and result.out.startswith("2021-06-30：1个未完成节点")


def test_report_output_with_an_unknown_suffix_is_a_usage_error(project: Project, duban: Duban,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    result = duban("report", "--config", str(project.config), "--output", str(out))
    assert result.code == 2 and not out.exists()
    assert result.err == (f"错误：无法从文件名 {out} 判断格式：请用 --format xlsx、csv、md 或 docx 指定，"
                          "或把扩展名改为 .xlsx、.csv、.md、.docx\n")


def test_report_output_without_a_suffix_is_markdown(project: Project, duban: Duban, tmp_path: Path) -> None:
    out = tmp_path / "通报"
    result = duban("report", "--config", str(project.config), "--now", "2021-06-30", "--output", str(out))
    assert result.code == 0 and out.read_text(encoding="utf-8").startswith("# 督办工作通报（2021年6月30日）")


def test_usage_errors_are_in_chinese(project: Project, duban: Duban) -> None:
    choice = duban("status", "--config", str(project.config), "--format", "csv")
    missing = duban("import")
    unknown = duban("check", "--bogus")
    assert (choice.code, missing.code, unknown.code) == (2, 2, 2)
    assert choice.err.endswith("用法错误：--format 的值 'csv' 无效，应为 'table', 'json' 之一\n")
    assert missing.err.endswith("用法错误：缺少参数：doc\n")
    assert unknown.err.endswith("用法错误：无法识别的参数：--bogus\n")
