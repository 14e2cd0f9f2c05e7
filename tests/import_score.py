"""Per-field accuracy of `duban import` against hand-made expected outputs.

An expected file is TOML: `year` (optional, as --year), `partial = true` when it lists only a
part of the document's tasks, and one `[[task]]` per task of the
document with `title`, `lead`, `responsible`, `cooperating` and `deadlines` (ISO dates, or the
ongoing phrase such as "持续推进"). A task counts as found when a drafted task has the same
title; a field is right when the drafted list equals the expected one exactly (order kept), so
a task that was not found is wrong in every field.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scheduler.importer.emit import resolve_deadlines
from scheduler.importer.formats import document_text
from scheduler.importer.parse import DraftTask, parse_document

FIELDS = ("tasks", "lead", "responsible", "cooperating", "deadlines")


@dataclass
class Score:
    expected: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    extra: int = 0  # drafted tasks the expected output does not have
    wrong: list[str] = field(default_factory=list)  # "title: field expected … got …"

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.extra += other.extra
        self.wrong += other.wrong
        for name in FIELDS:
            self.right[name] += other.right[name]

    def percent(self, name: str) -> float:
        return 100.0 * self.right[name] / self.expected if self.expected else 100.0


def document_of(expected_file: Path) -> Path:
    """The document NAME.EXT beside NAME.expected.toml: text, or a .html/.docx/.xlsx/.pdf/… file."""
    stem = expected_file.name.removesuffix(".expected.toml")
    found = sorted(p for p in expected_file.parent.glob(f"{stem}.*") if p.suffix not in (".toml", ".py", ".md"))
    if not found:
        raise FileNotFoundError(f"{expected_file}: no document {stem}.* beside it")
    return next((p for p in found if p.suffix == ".txt"), found[0])


def drafted_fields(task: DraftTask, year: int | None, issued: object) -> dict[str, list[str]]:
    a = task.assignment
    dates = [d.isoformat() for d, _, _ in resolve_deadlines(task, year, issued)]  # type: ignore[arg-type]
    if not dates and task.ongoing:
        dates = [task.ongoing]
    return {"lead": a.lead, "responsible": a.responsible, "cooperating": a.cooperating, "deadlines": dates}


def score(document: Path, expected_file: Path) -> Score:
    expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
    draft = parse_document(document_text(document))
    year = expected.get("year") or (draft.issued.year if draft.issued else draft.year)
    by_title = {t.title: t for t in draft.tasks}
    result = Score(expected=len(expected["task"]))
    if not expected.get("partial"):
        result.extra = len({t.title for t in draft.tasks} - {e["title"] for e in expected["task"]})
    drafted: dict[str, list[DraftTask]] = {}
    for t in draft.tasks:
        drafted.setdefault(t.title, []).append(t)
    wanted = Counter(e["title"] for e in expected["task"])
    seen: Counter[str] = Counter()
    for want in expected["task"]:
        task = by_title.get(want["title"])
        if wanted[want["title"]] > 1:  # a title written twice (two units' "完成交办的其他工作"): pair in order
            same = drafted.get(want["title"], [])
            task = same[seen[want["title"]]] if seen[want["title"]] < len(same) else None
            seen[want["title"]] += 1
        if task is None:
            result.wrong.append(f"{want['title']}: 未找到")
            continue
        result.right["tasks"] += 1
        got = drafted_fields(task, year, draft.issued)
        for name in FIELDS[1:]:
            if got[name] == want.get(name, []):
                result.right[name] += 1
            else:
                result.wrong.append(f"{want['title']}: {name} 应为 {want.get(name, [])}，得到 {got[name]}")
    return result


def dump_expected(document: Path, year: int | None = None) -> str:
    """The draft in the expected-output format: the starting point of a hand review."""
    draft = parse_document(document_text(document))
    base = year or (draft.issued.year if draft.issued else draft.year)
    out = [f"# 期望结果：{document.name}（人工逐条核对）"] + ([f"year = {year}"] if year else [])
    for task in draft.tasks:
        got = drafted_fields(task, base, draft.issued)
        out += ["", "[[task]]", f"# 原文第{task.line}行 {task.number}", f"title = {_q(task.title)}"]
        out += [f"{name} = [{', '.join(_q(v) for v in got[name])}]" for name in FIELDS[1:]]
    return "\n".join(out) + "\n"


def _q(text: str) -> str:
    import json
    return json.dumps(text, ensure_ascii=False)
