"""QA of the coordinator's loop around a draft (README "导入"): `duban import DOC --units-out units.toml >
tasks.toml`, fill in the contacts, `duban check`, `duban plan`. Every draft of every document must be valid
TOML and, with the skeleton filled in, pass `duban check` with no error; `--units-out` must keep an existing
file and refuse what it cannot extend safely; stdout trouble ends with a Chinese message, not a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import IO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.cli import main
from scheduler.importer.emit import emit_toml
from scheduler.importer.parse import parse_document
from scheduler.importer.units_out import named_units, skeleton
from tests.conftest import REPO, SEEDS, Duban

COORDINATOR = "督办测试单位"
SETTINGS = f"""\
timezone = "Asia/Shanghai"
send_at = "09:00"
send_until = "18:00"
tasks = "../tasks.toml"
units = "units.toml"
state = "../state/duban.db"
coordinator = "{COORDINATOR}"

[policy.default]
stages = [
  {{ name = "临期提醒", offset = -3, to = ["lead", "responsible", "cooperating"] }},
  {{ name = "逾期催办", offset = 1, to = ["lead", "responsible", "coordinator"], repeat_every = 5 }},
]
"""
_READABLE = {".txt", ".html", ".htm", ".mhtml", ".docx", ".pdf", ".xlsx", ".csv"}
DOCUMENTS = sorted(
    p for folder in (SEEDS, REPO / "tests" / "data" / "corpus", REPO / "tests" / "data" / "pages",
                     REPO / "tests" / "import_heldout")
    for p in folder.iterdir() if p.suffix in _READABLE and not p.name.startswith("README"))
NO_YEAR_NOTE = "# issued 未识别，文中"

# documents made for this pass: what a draft must survive
TRICKY = (
    "某县2021年重点工作任务分工方案\n\n一、深化改革\n"
    '（一）推进“放管服”改革\\n"""测试"""\x7f标题\x01。（县发改局牵头，县财政局、县发改局配合；2021年6月底前）\n'
    "（二）每季度末报送一次进展情况。（县政府办牵头；每季度末）\n"
    "（三）" + "很长的标题" * 400 + "。（县住建局牵头，各乡（镇）人民政府、县住建局负责；年底前）\n"
    "（四）优化营商环境。（县司法局牵头，县财政局负责；持续推进）\n"
    "（五）推进数据共享。（县大数据中心牵头，县司法局配合；2021年9月30日前、2021年12月底前）\n"
)
YEARLESS = (
    "关于做好重点工作的通知\n\n一、重点任务\n"
    "（一）完成清单编制。（市发改委牵头，市财政局配合；6月底前）\n"
    "（二）开展专项检查。（市市场监管局负责；三季度末）\n"
    "（三）推进改革试点。（市司法局牵头，各区县政府负责；年底前）\n"
)


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "duban.toml").write_text(SETTINGS, encoding="utf-8")
    return config


def _fill(units: Path) -> None:
    """The coordinator's second step: a contact for every unit, members for every group."""
    text = units.read_text(encoding="utf-8-sig")
    text = text.replace("email = []", 'email = ["x@example.gov.cn"]')
    text = text.replace("members = []", f'members = ["{COORDINATOR}"]')
    if f'[unit."{COORDINATOR}"]' not in text:
        text += f'\n[unit."{COORDINATOR}"]\nemail = ["dc@example.gov.cn"]\n'
    units.write_text(text, encoding="utf-8")


def _fix_issued(draft: str) -> str:
    """The coordinator's fix for a document without a year: fill in `issued` where the draft says to."""
    return "\n".join("issued = 2021-03-01" if line.startswith(NO_YEAR_NOTE) else line for line in draft.split("\n"))


def _loop(tmp_path: Path, duban: Duban, doc: Path, *args: str) -> str:
    """import → fill in → check (no error) → plan; the draft as written."""
    config = _config(tmp_path)
    units = config / "units.toml"
    result = duban("import", str(doc), "--units-out", str(units), *args)
    assert result.code == 0, result.err
    tomllib.loads(result.out)  # valid TOML as drafted
    tomllib.loads(units.read_text(encoding="utf-8-sig"))
    (tmp_path / "tasks.toml").write_text(_fix_issued(result.out), encoding="utf-8")
    _fill(units)
    check = duban("check", "--config", str(config / "duban.toml"))
    assert check.code == 0 and "检查通过" in check.out, check.out + check.err
    plan = duban("plan", "--config", str(config / "duban.toml"), "--now", "2021-03-01", "--to", "2022-12-31",
                 "--format", "json")
    assert plan.code == 0, plan.err
    assert isinstance(json.loads(plan.out), list)
    return result.out


# ---- every draft passes the loop ----

@pytest.mark.parametrize("doc", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_every_document_s_draft_passes_check_and_plan(tmp_path: Path, duban: Duban, doc: Path) -> None:
    draft = _loop(tmp_path, duban, doc)
    ids = re.findall(r'^id = "([^"]*)"$', draft, re.MULTILINE)
    assert ids and len(ids) == len(set(ids))


def test_restarted_numbering_never_repeats_an_id(tmp_path: Path, duban: Duban) -> None:
    """`(一)1`, `(一)2` and later a section's own `1.`: the second "01" must not become the first's "01-2"."""
    doc = REPO / "tests" / "import_heldout" / "council_division.txt"
    draft = _loop(tmp_path, duban, doc)
    ids = re.findall(r'^id = "([^"]*)"$', draft, re.MULTILINE)
    assert ids == ["T-01-1", "T-01-2", "T-01", "T-02", "T-03", "T-04", "T-05", "T-01-3", "T-02-2", "T-03-2"]


def test_longest_prefix_gives_ids_check_accepts(tmp_path: Path, duban: Duban) -> None:
    prefix = "督" * 39 + "-"
    draft = _loop(tmp_path, duban, SEEDS / "004_43d324f93e9ca206.txt", "--prefix", prefix)
    assert draft.count(f'id = "{prefix}') == 97


def test_quotes_backslashes_control_characters_and_long_titles(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "tricky.txt"
    doc.write_text(TRICKY, encoding="utf-8")
    draft = tomllib.loads(_loop(tmp_path, duban, doc))
    tasks = draft["task"]
    assert tasks[0]["title"] == '推进“放管服”改革\\n"""测试"""\x7f标题\x01'
    assert tasks[0]["lead"] == ["县发改局"] and tasks[0]["cooperating"] == ["县财政局"]
    assert tasks[1]["repeat"] == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
    assert (tasks[1]["start"].isoformat(), tasks[1]["until"].isoformat()) == ("2021-01-01", "2021-12-31")
    assert tasks[2]["title"] == "很长的标题" * 400 and tasks[2]["responsible"] == ["各乡（镇）人民政府"]
    assert tasks[3]["deadline"] == "持续推进"
    plan = json.loads(duban("plan", "--config", str(tmp_path / "config" / "duban.toml"), "--now", "2021-01-01",
                            "--to", "2021-12-31", "--task", "T-02", "--format", "json").out)
    assert sorted({f["milestone"] for f in plan}) == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]
    assert [m["deadline"].isoformat() for m in tasks[4]["milestone"]] == ["2021-09-30", "2021-12-31"]
    units = tomllib.loads((tmp_path / "config" / "units.toml").read_text(encoding="utf-8"))
    assert list(units["group"]) == ["各乡（镇）人民政府"]
    assert COORDINATOR in units["unit"] and "县住建局" in units["unit"]


def test_unit_names_are_written_as_check_reads_them(tmp_path: Path, duban: Duban) -> None:
    """Word's optional hyphen (\\x1f) or a full-width space around a name: `duban check` strips a task's
    names, and refuses a unit whose name is not stripped, so the draft and the skeleton strip them too; a
    zero-width space pasted from a page (check warns of it) is dropped."""
    doc = tmp_path / "plan.txt"
    doc.write_text("2021年工作要点\n\n一、改革\n（一）推进改革。（县司法\u200b局牵头，县发改局\u3000、\x1f县财政局配合；6月底前）\n"
                   "（二）优化服务。（县发改局\u3000负责；年底前）\n", encoding="utf-8")
    draft = tomllib.loads(_loop(tmp_path, duban, doc))
    assert [(t.get("lead"), t.get("responsible"), t.get("cooperating")) for t in draft["task"]] == [
        (["县司法局"], None, ["县发改局", "县财政局"]), (None, ["县发改局"], None)]
    units = tomllib.loads((tmp_path / "config" / "units.toml").read_text(encoding="utf-8"))
    assert list(units["unit"]) == ["县司法局", "县发改局", "县财政局", COORDINATOR]


def test_yearless_draft_passes_once_issued_is_filled_in_or_with_year(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "通知.txt"
    doc.write_text(YEARLESS, encoding="utf-8")
    draft = _loop(tmp_path / "a", duban, doc)
    assert NO_YEAR_NOTE in draft and 'deadline = "6月底前"' in draft
    with_year = tomllib.loads(_loop(tmp_path / "b", duban, doc, "--year", "2022"))
    assert [t["deadline"].isoformat() for t in with_year["task"]] == ["2022-06-30", "2022-09-30", "2022-12-31"]


def test_comments_never_carry_control_characters(tmp_path: Path, duban: Duban) -> None:
    """The file name and the document's title go into comments: a newline, DEL or an undecodable byte there
    must not break the TOML (a comment may hold no control character, and the file must be UTF-8)."""
    doc = tmp_path / os.fsdecode("计划\n第二行\x7f".encode() + b"\xff.txt")
    doc.write_text("某县2021年重点\x01工作\x7f任务\n\n一、改革\n（一）推进改革。（县发改局牵头；2021年6月底前）\n"
                   "（二）推进改革二。（县财政局牵头；2021年6月底前）\n", encoding="utf-8")
    draft = _loop(tmp_path, duban, doc)
    assert draft.splitlines()[0].startswith("# duban import 生成的草稿，来源：计划 第二行")
    units = (tmp_path / "config" / "units.toml").read_text(encoding="utf-8")
    assert units.startswith("# 单位通讯录：duban import 根据《计划 第二行")


def test_prefix_with_a_control_character_is_a_usage_error(duban: Duban) -> None:
    result = duban("import", str(SEEDS / "003_b80b79bf0441d402.txt"), "--prefix", "GZ\x01-")
    assert result.code == 2 and "--prefix" in result.err and result.out == ""


def test_document_path_with_spaces_and_chinese(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "2021年 工作 要点.txt"
    doc.write_bytes((SEEDS / "003_b80b79bf0441d402.txt").read_bytes())
    draft = _loop(tmp_path, duban, doc)
    assert draft.startswith("# duban import 生成的草稿，来源：2021年 工作 要点.txt\n")


def test_stdin_as_dev_stdin(tmp_path: Path) -> None:
    with SEED.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "scheduler.cli", "import", "/dev/stdin"], cwd=REPO, stdin=stdin,
                              capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0 and done.stdout.count("[[task]]") == 58, done.stderr


def test_directory_or_dash_as_document(tmp_path: Path, duban: Duban) -> None:
    result = duban("import", str(tmp_path))
    assert (result.code, result.out) == (1, "") and f"{tmp_path}：无法读取文件（这是一个目录）" in result.err
    dash = duban("import", "-")  # SPEC and README name no stdin: "-" says how to read it
    assert (dash.code, dash.out) == (1, "") and "要从标准输入读取，请写 /dev/stdin" in dash.err


# generated documents: titles of awkward characters, units in several roles and collectives, every kind
# of deadline the README lists (with and without a year, recurring, ongoing, counted from the issue)
_TITLE = st.lists(st.sampled_from([*"推进改革优化营商环境", '"', "'", "\\", '"""', "'''", "\x01", "\x7f", "\t",
                                           "\x0b", "\x0c", "\u2028", "\x85", "#", "[", "]", "=", "{", "}", " ", "\u3000",
                                           "\ufeff", "\u202e", "\U0001f600"]), min_size=1, max_size=24).map("".join)
_UNIT = st.sampled_from(["县发改局", "县财政局", "各乡（镇）人民政府", "县直有关部门", "省政府相关部门", "各地区", "市委改革办",
                         "各县（市、区）政府", 'A"局', "B\\局", "县统计局\x01", "县\x7f局", "\x1f县财政局", "县发改局\u3000"])
_DEADLINE = st.sampled_from(["2021年6月底前", "6月底前", "年底前", "持续推进", "长期坚持", "常态化推进", "每季度末", "每月底前",
                             "三季度末", "上半年", "2022年11月底前", "2024年", "2021年9月30日前", "本意见印发之日起30日内",
                             "‘十四五’期间持续推进", "年内持续推进", "2月30日前", "12月15日前", ""])
_ITEM = st.tuples(_TITLE, st.lists(_UNIT, max_size=3), st.lists(_UNIT, max_size=2), _DEADLINE)
Item = tuple[str, list[str], list[str], str]


def _generated(year: str, items: list[Item]) -> str:
    lines = [f"{year}重点工作任务分工方案", "", "一、深化改革"]
    for i, (title, leads, partners, deadline) in enumerate(items):
        roles = [*(["、".join(leads) + "牵头"] if leads else []), *(["、".join(partners) + "配合"] if partners else [])]
        inner = "，".join(roles) + (f"；{deadline}" if deadline else "")
        lines.append(f"（{'一二三四五六'[i]}）{title}。" + (f"（{inner}）" if inner else ""))
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["2021年", "某县", ""]), st.lists(_ITEM, min_size=1, max_size=6))
def test_generated_documents_pass_the_loop(tmp_path: Path, year: str, items: list[Item]) -> None:
    draft = parse_document(_generated(year, items))
    if not draft.tasks:
        return
    text = emit_toml(draft, "plan.txt", "T-", None)
    tomllib.loads(text)
    config = _config(tmp_path)
    (tmp_path / "tasks.toml").write_text(_fix_issued(text), encoding="utf-8")
    (config / "units.toml").write_text(skeleton(named_units(draft), "plan.txt", True), encoding="utf-8")
    _fill(config / "units.toml")
    settings_file = str(config / "duban.toml")
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), contextlib.redirect_stderr(null):
        checked = main(["check", "--config", settings_file])
        planned = main(["plan", "--config", settings_file, "--now", "2021-03-01", "--to", "2022-12-31"])
    assert (checked, planned) == (0, 0), text


# ---- --units-out into an existing file ----

EXISTING = (
    "# 本省单位（运维维护）\n"
    '[unit."省政府审改办"]   # 审改办\n'
    'email = ["shgb@example.gov.cn"]\n\n'
    '[unit."省发改委"]\naliases = ["省发展改革委"]\nemail = ["fgw@example.gov.cn"]\n\n'
    '[group."各地区"]\nmembers = ["省政府审改办", "省司法厅"]  # 省司法厅 只是成员\n'
)
SEED = SEEDS / "003_b80b79bf0441d402.txt"


def test_merge_keeps_the_file_and_skips_units_aliases_and_groups(tmp_path: Path, duban: Duban) -> None:
    """Kept byte for byte; a unit, an alias or a group is not added again; a name that is only a group's
    member is not defined yet (check would say 未知的单位) and is added as a unit."""
    config = _config(tmp_path)
    units = config / "units.toml"
    units.write_text(EXISTING, encoding="utf-8")
    result = duban("import", str(SEED), "--units-out", str(units))
    assert result.code == 0, result.err
    new = units.read_text(encoding="utf-8")
    assert new.startswith(EXISTING + "\n# —— duban import 根据 003_b80b79bf0441d402.txt 追加的单位和分组 ——\n")
    data = tomllib.loads(new)
    added = new[len(EXISTING):]
    assert '[unit."省政府审改办"]' not in added and '[unit."省发展改革委"]' not in added
    assert '[group."各地区"]' not in added and '[unit."省司法厅"]' in added
    assert list(data["group"]) == ["各地区", "省政府相关部门"]
    (tmp_path / "tasks.toml").write_text(result.out, encoding="utf-8")
    _fill(units)
    check = duban("check", "--config", str(config / "duban.toml"))
    assert check.code == 0, check.out + check.err


def test_two_documents_into_one_units_file_then_again(tmp_path: Path, duban: Duban) -> None:
    config = _config(tmp_path)
    units = config / "units.toml"
    first = duban("import", str(SEED), "--prefix", "QH-", "--units-out", str(units))
    second = duban("import", str(SEEDS / "000_f4c8e39b9b01479d.txt"), "--prefix", "QH20-", "--units-out", str(units))
    assert first.code == second.code == 0
    after_two = units.read_bytes()
    data = tomllib.loads(after_two.decode())
    assert after_two.count(b"# \xe2\x80\x94\xe2\x80\x94 duban import") == 1  # one appended block
    again = [duban("import", str(doc), "--units-out", str(units)) for doc in (SEED, SEEDS / "000_f4c8e39b9b01479d.txt")]
    assert all(r.code == 0 and "新增0个单位、0个分组" in r.err for r in again)
    assert units.read_bytes() == after_two  # idempotent
    assert duban("import", str(SEED), "--prefix", "QH-").out == first.out  # the same draft again: a diff shows edits
    (tmp_path / "tasks.toml").write_text(first.out, encoding="utf-8")
    (tmp_path / "tasks2.toml").write_text(second.out, encoding="utf-8")
    (config / "duban.toml").write_text(SETTINGS.replace('tasks = "../tasks.toml"',
                                                        'tasks = ["../tasks.toml", "../tasks2.toml"]'), encoding="utf-8")
    _fill(units)
    check = duban("check", "--config", str(config / "duban.toml"))
    assert check.code == 0, check.out + check.err
    assert not set(data["unit"]) & set(data["group"])


def test_first_import_with_config_into_its_own_units_file(tmp_path: Path, duban: Duban) -> None:
    """`--config` marks names missing from units.toml; when --units-out is that file it need not exist yet,
    and the draft marks nothing (every name is in it after the merge)."""
    config = _config(tmp_path)
    result = duban("import", str(SEED), "--config", str(config / "duban.toml"), "--units-out",
                   str(config / "units.toml"))
    assert result.code == 0, result.err
    assert "未找到" not in result.out and result.out.count("[[task]]") == 58
    assert "新增35个单位、2个分组" in result.err
    again = duban("import", str(SEEDS / "000_f4c8e39b9b01479d.txt"), "--config", str(config / "duban.toml"))
    assert again.code == 0 and "  # units.toml 中未找到：" in again.out  # without --units-out: marked as before


def test_document_without_units_still_creates_the_units_file(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text("2021年工作要点\n\n一、改革\n（一）推进改革。（2021年6月底前）\n（二）优化服务。（年底前）\n", encoding="utf-8")
    units = tmp_path / "units.toml"
    result = duban("import", str(doc), "--units-out", str(units))
    assert result.code == 0 and "新增0个单位、0个分组" in result.err
    assert units.read_text(encoding="utf-8").startswith("# 单位通讯录：duban import 根据《plan.txt》生成的骨架。")
    assert tomllib.loads(units.read_text(encoding="utf-8")) == {}


def test_units_file_in_a_missing_directory(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "no" / "units.toml"
    result = duban("import", str(SEED), "--units-out", str(units))
    assert (result.code, result.out) == (1, "")
    assert f"{units}：无法写入单位文件（文件或目录不存在）" in result.err and not units.parent.exists()


def test_bom_is_kept_and_its_names_are_known(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = b'\xef\xbb\xbf# BOM\n[unit."\xe7\x9c\x81\xe6\x94\xbf\xe5\xba\x9c\xe5\xae\xa1\xe6\x94\xb9\xe5\x8a\x9e"]\nemail = []\n'
    units.write_bytes(old)
    result = duban("import", str(SEED), "--units-out", str(units))
    assert result.code == 0 and "新增34个单位、2个分组" in result.err
    assert units.read_bytes().startswith(old + b"\n# ")


def test_crlf_file_is_extended_with_crlf(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = '# 记事本保存\r\n[unit."省政府审改办"]\r\nemail = []\r\n'.encode()
    units.write_bytes(old)
    assert duban("import", str(SEED), "--units-out", str(units)).code == 0
    new = units.read_bytes()
    assert new.startswith(old) and b"\n" not in new.replace(b"\r\n", b"")
    tomllib.loads(new.decode())


def test_gbk_units_file_is_refused_with_the_iconv_advice(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = '# 单位\n[unit."省政府审改办"]\nemail = []\n'.encode("gbk")
    units.write_bytes(old)
    result = duban("import", str(SEED), "--units-out", str(units))
    assert (result.code, result.out) == (1, "")
    assert f"iconv -f GB18030 -t UTF-8 {units}" in result.err and "Traceback" not in result.err
    assert units.read_bytes() == old


def test_toml_error_names_file_and_line_in_chinese_and_writes_nothing(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = '# 单位\n[unit."x"]\nemail = []\n[unit."y"\nemail = []\n'.encode()
    units.write_bytes(old)
    result = duban("import", str(SEED), "--units-out", str(units))
    assert (result.code, result.out) == (1, "")  # no draft either: the command failed as a whole
    assert f"{units}：单位文件不是有效的 TOML（第4行第10列：表的标题缺少结尾的“]”）" in result.err, result.err
    assert units.read_bytes() == old


def test_inline_table_units_file_is_refused_rather_than_made_invalid(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = 'unit = { "省政府审改办" = { email = [] } }\n'.encode()
    units.write_bytes(old)
    result = duban("import", str(SEED), "--units-out", str(units))
    assert (result.code, result.out) == (1, "") and "内联表" in result.err, result.err
    assert units.read_bytes() == old


def test_units_out_on_the_document_itself(tmp_path: Path, duban: Duban) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_bytes(SEED.read_bytes())
    result = duban("import", str(doc), "--units-out", str(doc))
    assert (result.code, result.out) == (1, "") and f"{doc}：单位文件不是有效的 TOML（第" in result.err
    assert doc.read_bytes() == SEED.read_bytes()


def test_directory_as_units_file(tmp_path: Path, duban: Duban) -> None:
    result = duban("import", str(SEED), "--units-out", str(tmp_path))
    assert (result.code, result.out) == (1, "") and f"{tmp_path}：无法读取单位文件（这是一个目录）" in result.err


def test_read_only_units_file_is_refused_and_left_alone(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    units.write_bytes(b'[unit."x"]\nemail = []\n')
    units.chmod(0o444)
    result = duban("import", str(SEED), "--units-out", str(units))
    assert (result.code, result.out) == (1, "") and "只读" in result.err, result.err
    assert units.read_bytes() == b'[unit."x"]\nemail = []\n' and stat.S_IMODE(units.stat().st_mode) == 0o444


def test_mode_kept_and_symlink_written_through(tmp_path: Path, duban: Duban) -> None:
    target = tmp_path / "real" / "units.toml"
    target.parent.mkdir()
    target.write_bytes(b'[unit."x"]\nemail = []\n')
    target.chmod(0o640)
    link = tmp_path / "units.toml"
    link.symlink_to(target)
    result = duban("import", str(SEED), "--units-out", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert len(tomllib.loads(target.read_text(encoding="utf-8"))["unit"]) == 36


def test_new_units_file_follows_the_umask(tmp_path: Path, duban: Duban) -> None:
    units = tmp_path / "units.toml"
    old = os.umask(0o022)
    try:
        assert duban("import", str(SEED), "--units-out", str(units)).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(units.stat().st_mode) == 0o644


# ---- stdout: the same file, closed early, a full disk ----

def _cli(*args: str, stdout: IO[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scheduler.cli", *args], cwd=REPO, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_units_out_on_the_draft_s_own_file_is_refused(tmp_path: Path) -> None:
    """`duban import plan.txt --units-out tasks.toml > tasks.toml`: the skeleton would replace the draft."""
    tasks = tmp_path / "tasks.toml"
    with tasks.open("w") as out:
        done = _cli("import", str(SEED), "--units-out", str(tasks), stdout=out)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{tasks}：--units-out 与草稿的输出是同一个文件" in done.stderr, done.stderr
    assert tasks.read_bytes() == b""


def test_stdout_closed_early_is_quiet_and_still_writes_units(tmp_path: Path) -> None:
    units = tmp_path / "units.toml"
    proc = subprocess.Popen([sys.executable, "-m", "scheduler.cli", "import", str(SEEDS / "004_43d324f93e9ca206.txt"),
                             "--units-out", str(units)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -0`: the reader is gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and "Traceback" not in err and "Exception ignored" not in err, err
    assert "[unit." in units.read_text(encoding="utf-8")


def test_stdout_on_a_full_disk_is_a_chinese_error(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _cli("import", str(SEED), stdout=full)
    assert done.returncode == 1, done.stderr
    assert "错误：无法写出草稿（磁盘空间已满）" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr


def test_units_out_into_a_pipe_is_written_in_place_not_read_or_replaced(tmp_path: Path) -> None:
    """A FIFO (like /dev/null or /dev/stderr, not a regular file): reading it to merge would block, and
    renaming over it would replace the device. It is written in place."""
    fifo = tmp_path / "units.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with open(os.devnull, "w") as null:
            done = _cli("import", str(SEED), "--units-out", str(fifo), stdout=null)
        got = os.read(reader, 1 << 20).decode()
    finally:
        os.close(reader)
    assert done.returncode == 0, done.stderr
    assert got.startswith("# 单位通讯录：") and got.count("[unit.") == 35 and stat.S_ISFIFO(fifo.stat().st_mode)


def test_two_drafts_with_the_same_prefix_are_told_to_use_prefix(tmp_path: Path, duban: Duban) -> None:
    config = _config(tmp_path)
    units = config / "units.toml"
    for doc, name in ((SEED, "tasks.toml"), (SEEDS / "000_f4c8e39b9b01479d.txt", "tasks2.toml")):
        result = duban("import", str(doc), "--units-out", str(units))
        (tmp_path / name).write_text(result.out, encoding="utf-8")
    (config / "duban.toml").write_text(SETTINGS.replace('tasks = "../tasks.toml"',
                                                        'tasks = ["../tasks.toml", "../tasks2.toml"]'), encoding="utf-8")
    _fill(units)
    check = duban("check", "--config", str(config / "duban.toml"))
    assert check.code == 1
    assert ('tasks2.toml 第11行 [[task]] id="T-01"：任务编号重复：tasks.toml 第11行已有同一编号，编号必须唯一'
            "（两份文件由 duban import 生成时，请导入时用 --prefix 给各自的编号加上不同的前缀）") in check.out + check.err


def test_stdout_closed_from_the_start_is_a_chinese_error(tmp_path: Path) -> None:
    units = tmp_path / "units.toml"
    done = subprocess.run([sys.executable, "-m", "scheduler.cli", "import", str(SEED), "--units-out", str(units)],
                          cwd=REPO, stderr=subprocess.PIPE, text=True, timeout=120, preexec_fn=lambda: os.close(1),
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "错误：标准输出已关闭，草稿无法输出" in done.stderr and not units.exists()


def test_units_out_on_a_tasks_file_is_refused(tmp_path: Path, duban: Duban) -> None:
    """`--units-out tasks.toml` by mistake (an earlier draft): [unit] tables appended there would make it fail
    `duban check`; a file with anything but unit and group is not a units file."""
    tasks = tmp_path / "tasks.toml"
    old = duban("import", str(SEEDS / "000_f4c8e39b9b01479d.txt")).out.encode()
    tasks.write_bytes(old)
    result = duban("import", str(SEED), "--units-out", str(tasks))
    assert (result.code, result.out) == (1, "")
    assert f"{tasks}：这不像单位文件（其中有 units.toml 中不该有的 document、task）" in result.err, result.err
    assert tasks.read_bytes() == old
