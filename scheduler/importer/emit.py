"""Draft → tasks.toml text: valid TOML, document order, a source-line comment per task."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date

from scheduler import phrases
from scheduler.importer.parse import Draft, DraftTask
from scheduler.importer.recurring import recurring_lines
from scheduler.importer.relative import find_relative, resolve_relative

Known = Callable[[str], bool]
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # an undecodable byte of a file name (surrogateescape)
_COMMENT_BAD = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # TOML allows no control character but tab in a comment


def q(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML; DEL, which JSON leaves raw, is escaped too)."""
    return json.dumps(_SURROGATE.sub("\ufffd", text), ensure_ascii=False).replace("\x7f", "\\u007f")


def unit_names(names: list[str]) -> list[str]:
    """The names as `duban check` reads them: without surrounding whitespace (a Word optional hyphen
    \\x1f, a \\u3000 left by a copy) and without characters that show as nothing (U+200B, U+FEFF, control
    characters: check warns of them, and a name typed by hand would never match), none empty, each once."""
    cleaned = ("".join(c for c in n if unicodedata.category(c) not in ("Cc", "Cf")).strip() for n in names)
    return list(dict.fromkeys(n for n in cleaned if n))


def toml_lines(lines: list[str]) -> str:
    """The lines as a TOML file. Values are all written by `q`, so a control character or an
    undecodable byte left in a line is in a comment (a file name, a title, a phrase): made a space."""
    return "\n".join(_COMMENT_BAD.sub(" ", _SURROGATE.sub("\ufffd", line)) for line in lines) + "\n"


def emit_toml(draft: Draft, source: str, prefix: str, year: int | None,
              known: Known | None = None) -> str:
    base_year = year or (draft.issued.year if draft.issued else draft.year)
    out = [
        f"# duban import 生成的草稿，来源：{source}",
        f"# 文件标题：{draft.title or '（未识别）'}；文号：{draft.number or '（未识别）'}；"
        f"日期：{draft.issued.isoformat() if draft.issued else '（未识别）'}",
        "# 请逐项核对单位与时限后再使用（duban check）。",
        *([f"# 未写单位和时限、按说明性段落略过的条目：{'、'.join(draft.skipped)}"] if draft.skipped else []), "",
        "[document]",
        f"title = {q(draft.title)}",
        f"number = {q(draft.number)}",
    ]
    if draft.issued:
        out.append(f"issued = {draft.issued.isoformat()}")
    elif base_year:
        named = "（标题中的年份）" if not year and draft.year else ""
        out.append(f"# issued 未识别；“6月底前”等按 {base_year} 年解析{named}")
    elif any(_yearless(t) for t in draft.tasks):
        out.append("# issued 未识别，文中“6月底前”“年底前”等时限没有写年份：已照原文写出，"
                   "请在此填写 issued = 印发日期（或导入时用 --year 指定年份），否则 duban check 会指出这些时限")
    for task in draft.tasks:
        out.append("")
        if task.line in draft.damaged:
            out.append("# 原文此行有乱码，编号按顺序推定，标题可能不完整，请核对")
        out += _task(task, prefix, base_year, draft.issued, known)
    return toml_lines(out)


def _task(task: DraftTask, prefix: str, year: int | None, issued: date | None,
          known: Known | None) -> list[str]:
    lines = [f"# 原文第{task.line}行", "[[task]]", f"id = {q(prefix + task.key)}",
             *([f"number = {q(task.number)}"] if task.number else []), f"title = {q(task.title)}"]
    if task.detail:
        lines.append(f"detail = {q(task.detail)}")
    a = task.assignment
    for key, raw in (("lead", a.lead), ("responsible", a.responsible),
                     ("cooperating", a.cooperating)):
        if names := unit_names(raw):
            lines.append(f"{key} = [{', '.join(q(n) for n in names)}]" + _unknown(names, known))
    if a.etc:
        lines.append("# 原文单位列表含“等”，可能还有未列出的单位")
    if a.empty():
        lines.append("# 未识别到责任单位，请补充")
    lines += _deadlines(task, year, issued)
    return lines


def _unknown(names: list[str], known: Known | None) -> str:
    if known is None:
        return ""
    missing = [n for n in names if not known(n)]
    return f"  # units.toml 中未找到：{'、'.join(missing)}" if missing else ""


def resolve_deadlines(task: DraftTask, year: int | None, issued: date | None) -> list[tuple[date, str, str]]:
    """(date, phrase, clause) for each distinct deadline of the task. A date the text names
    with its year that falls before the document was issued is a reference ("对2019年12月31日前
    出台的政策措施进行清理"), not a deadline."""
    resolved: list[tuple[date, str, str]] = []
    for phrase, clause in task.deadlines:
        if relative := resolve_relative(phrase, issued):  # "本意见印发之日起30日内"
            if all(relative != d for d, _, _ in resolved):
                resolved.append((relative, phrase, clause))
            continue
        try:
            r = phrases.resolve(phrase, year)
        except phrases.PhraseError:
            continue
        if r.deadline is None or (clause and r.year_given and issued and r.deadline < issued):
            continue
        if all(r.deadline != d for d, _, _ in resolved):
            resolved.append((r.deadline, phrase, clause))
    return sorted(resolved, key=lambda r: r[0])


def _deadlines(task: DraftTask, year: int | None, issued: date | None) -> list[str]:
    if task.ongoing and not task.deadlines:
        return [f"deadline = {q(task.ongoing)}"]
    entries = [(d.isoformat(), f"  # {phrase}", clause) for d, phrase, clause in resolve_deadlines(task, year, issued)]
    if year is None:  # as the document writes them: `duban check` resolves them once issued is filled in
        note = "  # 年份未定：请填写 [document] 的 issued"
        entries += [(q(phrase), note, clause) for phrase, clause in _yearless(task)]
    notes = [] if issued else [f"# 原文时限“{phrase}”从印发之日起算：印发日期未识别，请按印发日期填写 deadline"
                               for phrase in _from_issue(task)]
    if not entries:
        return notes or recurring_lines(task.assignment.deadlines, year, issued) or ["# 原文未写完成时限（持续推进）"]
    if len(entries) == 1:
        return [f"deadline = {entries[0][0]}{entries[0][1]}", *notes]
    out = []
    for deadline, comment, clause in entries:
        out += ["  [[task.milestone]]", f"  deadline = {deadline}{comment}"]
        if clause:
            out.append(f"  what = {q(clause)}")
    return out + notes


def _yearless(task: DraftTask) -> list[tuple[str, str]]:
    """(phrase, clause) of the deadlines that only lack their year ("年底前", "6月底前"): the
    draft writes them as the document does when no year is known."""
    found: list[tuple[str, str]] = []
    for phrase, clause in task.deadlines:
        if find_relative(phrase):
            continue
        try:
            phrases.resolve(phrase, None)
        except phrases.PhraseError:
            try:
                if phrases.resolve(phrase, 2000).deadline is not None and phrase not in [p for p, _ in found]:
                    found.append((phrase, clause))
            except phrases.PhraseError:
                pass
    return found


def _from_issue(task: DraftTask) -> list[str]:
    """The deadlines counted from the document's issue ("本意见印发之日起30日内", "明年年底")."""
    return [phrase for phrase, _ in task.deadlines if find_relative(phrase)]
