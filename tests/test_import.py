"""`duban import` on real work plans (tests/data/seeds). The 10 MB case is measured in bench/import_bench.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS, Duban
from tests.import_score import FIELDS, document_of, score

SEED_003 = SEEDS / "003_b80b79bf0441d402.txt"


def test_seed_003_draft_has_every_task_and_passes_check(tmp_path: Path, duban: Duban) -> None:
    result = duban("import", str(SEED_003), "--prefix", "QH2021-", "--config", str(REPO / "config" / "duban.toml"))
    assert result.code == 0, result.err
    draft = result.out
    assert draft.count("[[task]]") == 58
    assert 'number = "(二)"' in draft and 'title = "持续精简行政审批事项"' in draft
    assert "deadline = 2021-06-30  # 2021年6月底前" in draft
    assert 'lead = ["省政府审改办"]' in draft
    assert "units.toml 中未找到" not in draft  # every unit of the plan is in the sample directory
    assert "青政办〔2021〕41号" in draft and "issued = 2021-06-02" in draft
    shutil.copytree(REPO / "config", tmp_path / "config")
    (tmp_path / "tasks.toml").write_text(draft, encoding="utf-8")
    check = duban("check", "--config", str(tmp_path / "config" / "duban.toml"))
    assert check.code == 0, check.out + check.err


@pytest.mark.parametrize(("content", "message"), [
    (b"", "没有找到编号的任务"),
    (b"\x00\x01\x02binary" * 100, "二进制文件"),
    ("这是一部小说。他走进房间，看见了她。".encode() * 2000, "没有找到编号的任务"),
])
def test_bad_documents_give_a_message(tmp_path: Path, duban: Duban, content: bytes, message: str) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(content)
    result = duban("import", str(doc))
    assert result.code == 1
    assert message in result.err


def test_gbk_document_is_read(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes("一、总体要求\n（一）推进改革。2021年6月底前完成。\n责任单位：省司法厅牵头\n".encode("gb18030"))
    result = duban("import", str(doc), "--prefix", "X-")
    assert result.code == 0, result.err
    assert 'lead = ["省司法厅"]' in result.out and "deadline = 2021-06-30" in result.out


SEED_001 = SEEDS / "001_445477fb280825f5.txt"
SEED_004 = SEEDS / "004_43d324f93e9ca206.txt"


def test_seed_001_traditional_with_garbled_brackets_gives_its_21_items() -> None:
    from scheduler.importer.parse import parse_document
    from scheduler.importer.run import read_document

    draft = parse_document(read_document(SEED_001))
    numbered = [t for t in draft.tasks if "-" in t.key]
    assert len(numbered) == 21
    assert [t.key for t in numbered[:4]] == ["01-1", "01-2", "01-3", "01-4"]
    first = numbered[0]
    assert first.title == "加強政府信息化平臺建設"  # names and text kept as written (traditional)
    assert first.assignment.lead[:2] == ["省發展改革委", "省工信廳"]
    assert first.assignment.responsible[:2] == ["各市州政府", "蘭州新區管委會"]
    assert [p for p, _ in numbered[1].deadlines] == ["6月底前", "9月底前"]  # two milestones
    assert draft.issued is not None and draft.issued.year == 2021


def test_seed_004_specific_measures_are_tasks_with_their_own_units(duban: Duban) -> None:
    result = duban("import", str(SEED_004), "--prefix", "GB2020-", "--year", "2020")
    assert result.code == 0, result.err
    draft = result.out
    assert 'id = "GB2020-03-1"' in draft and 'number = "(三)1"' in draft
    assert 'id = "GB2020-05-2"' in draft
    block = draft.split('id = "GB2020-05-2"')[1].split("[[task]]")[0]
    assert "deadline = 2021-06-30  # 2021年6月底前" in block
    assert 'responsible = ["国务院办公厅"]' in block  # "(国务院办公厅负责)"


def test_numbering_that_restarts_per_section_gives_unique_ids(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("一、第一部分\n（一）甲任务。6月底前完成。（省司法厅负责）\n"
                   "二、第二部分\n（一）乙任务。9月底前完成。（省财政厅负责）\n", encoding="utf-8")
    result = duban("import", str(doc), "--prefix", "X-", "--year", "2021")
    assert result.code == 0, result.err
    assert 'id = "X-01"' in result.out and 'id = "X-01-2"' in result.out


EXPECTED = Path(__file__).parent / "import_expected"
HELDOUT = Path(__file__).parent / "import_heldout"
# What the importer is known to get wrong, with the reason; anything else is a regression.
KNOWN_WRONG = {
    # （一）強化調度機制: the line's damage cannot be undone (bytes were lost), so the title
    # stays garbled; the draft flags the task for review.
    "001": ["強化調度機制: 未找到"],
}


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_seed_drafts_match_the_expected_outputs(seed: str) -> None:
    document = next(SEEDS.glob(f"{seed}_*.txt"))
    result = score(document, EXPECTED / f"{seed}.toml")
    assert result.wrong == KNOWN_WRONG.get(seed, [])
    assert result.extra == len(KNOWN_WRONG.get(seed, []))
    for name in FIELDS:
        assert result.percent(name) >= 95.0, (name, result.percent(name))


@pytest.mark.parametrize("expected", sorted(HELDOUT.glob("*.expected.toml")), ids=lambda p: p.name.split(".")[0])
def test_held_out_documents_match_their_expected_outputs(expected: Path) -> None:
    """Every held-out plan, in whatever format it came (text, .html, .docx, .xlsx, .pdf)."""
    result = score(document_of(expected), expected)
    assert result.wrong == [] and result.extra == 0


def test_seed_000_draft_passes_check_against_a_units_file_of_its_units(tmp_path: Path, duban: Duban) -> None:
    config = tmp_path / "config"
    shutil.copytree(REPO / "config", config)
    shutil.copy(EXPECTED / "000_units.toml", config / "units.toml")
    seed = next(SEEDS.glob("000_*.txt"))
    result = duban("import", str(seed), "--prefix", "QH2020-", "--config", str(config / "duban.toml"))
    assert result.code == 0, result.err
    assert "units.toml 中未找到" not in result.out
    assert result.out.count("[[task]]") == 45
    (tmp_path / "tasks.toml").write_text(result.out, encoding="utf-8")
    check = duban("check", "--config", str(config / "duban.toml"))
    assert check.code == 0, check.out + check.err


def test_unknown_units_are_marked_with_config(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("一、总体\n（一）甲任务。6月底前完成。（省司法厅牵头，省外星局负责）\n", encoding="utf-8")
    result = duban("import", str(doc), "--year", "2021", "--config", str(REPO / "config" / "duban.toml"))
    assert result.code == 0, result.err
    assert "units.toml 中未找到：省外星局" in result.out


def test_several_deadlines_become_milestones_with_their_clause(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("一、总体\n（一）建设平台。6月底前完成方案编制，11月底前完成迁移。（省大数据局负责）\n",
                   encoding="utf-8")
    result = duban("import", str(doc), "--year", "2023", "--prefix", "X-")
    assert result.code == 0, result.err
    assert result.out.count("[[task.milestone]]") == 2
    assert "deadline = 2023-06-30  # 6月底前" in result.out
    assert 'what = "6月底前完成方案编制"' in result.out and 'what = "11月底前完成迁移"' in result.out


def test_phases_of_implementation_steps_are_tasks(duban: Duban) -> None:
    result = duban("import", str(HELDOUT / "phases.txt"), "--prefix", "XH-")
    assert result.code == 0, result.err
    assert result.out.count("[[task]]") == 4  # 3 phases and the 职责分工 item (no clause assigns units)
    assert 'title = "巩固提升阶段"' in result.out and "deadline = 2022-12-31" in result.out
    assert 'responsible = ["市公安局", "市城管局"]' in result.out  # units written as sentence subjects
    assert "(一)（第13行）" in result.out  # 保障措施 listed as skipped prose


def test_long_document_gives_one_task_per_item_with_unique_ids(tmp_path: Path, duban: Duban) -> None:
    item = "（一）推进改革。2021年6月底前完成。（省司法厅牵头，各地区按职责分工负责）\n"
    doc = tmp_path / "big.txt"
    doc.write_text("一、总体要求\n" + item * 3000, encoding="utf-8")
    result = duban("import", str(doc), "--prefix", "B-")
    assert result.code == 0, result.err[-500:]
    ids = [line for line in result.out.splitlines() if line.startswith("id = ")]
    assert len(ids) == 3000 and len(set(ids)) == 3000
    assert result.out.count('lead = ["省司法厅"]') == 3000 and result.out.count("deadline = ") == 3000


def test_random_bytes_and_noise_never_crash(tmp_path: Path, duban: Duban) -> None:
    import random
    rng = random.Random(8)
    for n in range(20):
        doc = tmp_path / f"noise{n}.txt"
        if n % 2:
            doc.write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
        else:
            doc.write_text("".join(rng.choice("（一）1.、，。牵头负责单位省厅局：;（）〔〕年月底前\n") for _ in range(5000)),
                           encoding="utf-8")
        result = duban("import", str(doc))
        assert result.code in (0, 1) and "Traceback" not in result.err
