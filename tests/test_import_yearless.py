"""A plan whose date is not found: deadlines without a year are drafted as the document writes
them (never turned into 持续推进), and `duban check` resolves them once `issued` is filled in."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Duban

PLAN = ("重点工作任务分工\n\n"
        "一、推进政务服务标准化。（牵头单位：市政务服务局；责任单位：市司法局）年底前完成。\n"
        "二、建设数据平台。（牵头单位：市大数据局）6月底前完成方案，年底前建成投用。\n"
        "三、开展清理工作。（牵头单位：市司法局）自本方案印发之日起30日内完成。\n"
        "四、加强督促检查。（牵头单位：市政府督查室）\n")

SETTINGS = ('timezone = "Asia/Shanghai"\nsend_at = "09:00"\nsend_until = "18:00"\ntasks = "tasks.toml"\n'
            'units = "units.toml"\nstate = "state/duban.db"\ncoordinator = "市政府督查室"\n'
            '[channels.outbox]\ndir = "outbox"\n')
UNITS = "".join(f'[unit."{u}"]\nemail = ["u{n}@example.gov.cn"]\n'
                for n, u in enumerate(("市政务服务局", "市司法局", "市大数据局", "市政府督查室")))


def _draft(tmp_path: Path, duban: Duban, *args: str) -> str:
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    result = duban("import", str(doc), *args)
    assert result.code == 0, result.err
    return result.out


def test_yearless_deadlines_are_written_as_the_document_writes_them(tmp_path: Path, duban: Duban) -> None:
    draft = _draft(tmp_path, duban)
    assert "# issued 未识别，文中“6月底前”“年底前”等时限没有写年份" in draft
    first, second, third, fourth = draft.split("[[task]]")[1:]
    assert 'deadline = "年底前"  # 年份未定：请填写 [document] 的 issued' in first
    assert "持续推进" not in first + second
    assert second.count("[[task.milestone]]") == 2
    assert '  deadline = "6月底前"  # 年份未定：请填写 [document] 的 issued\n  what = "6月底前完成方案"' in second
    assert '  deadline = "年底前"  # 年份未定：请填写 [document] 的 issued\n  what = "年底前建成投用"' in second
    assert "deadline" not in third.replace("请按印发日期填写 deadline", "")
    assert "# 原文时限“自本方案印发之日起30日内”从印发之日起算：印发日期未识别，请按印发日期填写 deadline" in third
    assert "# 原文未写完成时限（持续推进）" in fourth


def test_check_names_them_until_issued_is_filled_in(tmp_path: Path, duban: Duban) -> None:
    draft = _draft(tmp_path, duban)
    (tmp_path / "duban.toml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "units.toml").write_text(UNITS, encoding="utf-8")
    tasks = tmp_path / "tasks.toml"
    tasks.write_text(draft, encoding="utf-8")
    check = duban("check", "--config", str(tmp_path / "duban.toml"))
    assert check.code == 1
    assert check.out.count("没有写年份，且无法推断：请在 [document] 中填写 issued") == 3
    assert 'id="T-01" → deadline：时限“年底前”没有写年份' in check.out
    tasks.write_text(draft.replace('number = ""\n', 'number = ""\nissued = 2024-03-01\n', 1), encoding="utf-8")
    check = duban("check", "--config", str(tmp_path / "duban.toml"))
    assert check.code == 0, check.out + check.err
    plan = duban("plan", "--config", str(tmp_path / "duban.toml"), "--task", "T-02", "--format", "json",
                 "--from", "2024-03-01", "--to", "2025-03-01")
    assert plan.code == 0, plan.err
    assert '"deadline": "2024-06-30"' in plan.out and '"deadline": "2024-12-31"' in plan.out


def test_a_known_year_still_gives_dates(tmp_path: Path, duban: Duban) -> None:
    draft = _draft(tmp_path, duban, "--year", "2024")
    assert 'deadline = "' not in draft and "年份未定" not in draft
    assert "deadline = 2024-12-31  # 年底前" in draft
    assert "  deadline = 2024-06-30  # 6月底前" in draft
