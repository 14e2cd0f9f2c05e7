"""A damaged state database is told in words true for every command that meets it: status, history and
report send nothing themselves, so none of them says "已停止发送"; each says what is wrong and that
`duban run` will send nothing until it is repaired."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Duban, Project


def test_every_command_tells_the_same_true_thing_about_a_damaged_state(project: Project, duban: Duban,
                                                                       tmp_path: Path) -> None:
    state = project.root / "state"
    state.mkdir(exist_ok=True)
    (state / "duban.db").write_bytes(b"garbage, not SQLite" * 300)
    config = str(project.config)
    for args in (("run", "--once", "--now", "2021-06-30T09:30"), ("status", "--now", "2021-06-30"), ("history",),
                 ("report", "--now", "2021-06-30", "--output", str(tmp_path / "台账.xlsx"))):
        result = duban(*args, "--config", config)
        assert result.code == 1, args
        assert "已损坏，无法读写发送记录：duban run 在修复前不会发送任何消息" in result.err, (args, result.err)
        assert "已停止发送" not in result.err and "Traceback" not in result.err


def test_a_state_path_that_is_a_directory_is_refused_by_check(project: Project, duban: Duban) -> None:
    (project.root / "state").mkdir(exist_ok=True)
    text = project.config.read_text(encoding="utf-8")
    assert 'state = "state/duban.db"' in text
    project.config.write_text(text.replace('state = "state/duban.db"', 'state = "state"'), encoding="utf-8")
    result = duban("check", "--config", str(project.config), "--now", "2021-06-30")
    assert result.code == 1
    assert "duban.toml state：“state”是目录或设备，不是文件" in result.out + result.err
