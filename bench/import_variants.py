"""`duban import` on the same documents as real copies vary: meaning-preserving transformations of
each document's text, scored against the document's one expected output (issue #13 round 32).

    python bench/import_variants.py [--only NAME,NAME] [--detail] [DIR ...]

For every document with an expected output (seeds, corpus, held-out plans as bench/import_bench.py
lists them, every /tmp/unseen*/NAME.expected.toml when present, and the DIRs given), the text that
`document_text` gives is transformed (halfwidth, indent, wrap35, …), written to a file, read back
through `document_text` and imported. Printed per transformation: task checks, per-field %, extra
tasks, and how many documents score worse / better than the untransformed text (written and read the
same way; a document already wrong untransformed counts only for what changes). Then one line per
document whose result changed. Deterministic: the random ones are seeded by the document's name.

Transformations: halfwidth / fullwidth punctuation, indent ("　　" before each line), nbsp (spaces
become U+00A0 at random), trailing spaces, blank (an empty line between every two lines), noblank,
wrap35 / wrap48 (hard-wrapped anywhere, through names and dates), crlf, bom, dots_period / dots_wide /
dots_comma (one item-number style for the whole document), trad (the importer's own tables of
traditional keyword characters, applied in reverse), html (the lines as <p> of a gov.cn page with
header, nav, 索引号 box and footer). Added because copies really differ so: widedots (台账 dates
"2022.6.30" typed with the full-width period of a Chinese input method), tilde ("3月1日至3月31日"
written "3月1日～3月31日", as many pages do) and widedigits (digits typed full width in Word).
Round 36: pages (page numbers, running headers and page breaks inside sentences, bench/import_pages.py)
and pages_wrap35 (the same on a copy hard-wrapped at 35, as a PDF copy really is).

Titles and unit names are kept as written by the importer, so a copy in half-width punctuation or
traditional characters gives "(试点)" or "單位" where the expected output has "（试点）" / "单位": both sides
are folded (the punctuation pairs and the importer's own traditional table) before comparing.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from import_bench import pairs  # noqa: E402
from variant_transforms import FROM_TRAD, TRANSFORMS  # noqa: E402

from scheduler.importer.formats import document_text  # noqa: E402
from scheduler.importer.parse import parse_document  # noqa: E402
from tests.import_score import FIELDS, Score, drafted_fields  # noqa: E402

# --- scoring -----------------------------------------------------------------------------------

_FOLD = str.maketrans("（）：；，\u00a0～", "():;, 至")  # "～" only where tilde wrote it for 至


def fold(value: str) -> str:
    return value.translate(_FOLD).translate(FROM_TRAD)


@dataclass(frozen=True)
class Result:
    score: Score
    key: str  # everything scored, for "changed" (wrong lists included)


def score_text(text: str, expected: dict[str, object], suffix: str, work: Path) -> Result:
    path = work / f"variant{suffix}"
    path.write_bytes(text.encode("utf-8"))
    draft = parse_document(document_text(path))
    year = expected.get("year") or (draft.issued.year if draft.issued else draft.year)
    by_title = {fold(t.title): t for t in draft.tasks}
    tasks: list[dict[str, object]] = expected["task"]  # type: ignore[assignment]
    result = Score(expected=len(tasks))
    if not expected.get("partial"):
        result.extra = len(set(by_title) - {fold(str(e["title"])) for e in tasks})
    for want in tasks:
        task = by_title.get(fold(str(want["title"])))
        if task is None:
            result.wrong.append(f"{want['title']}: 未找到")
            continue
        result.right["tasks"] += 1
        got = drafted_fields(task, year, draft.issued)  # type: ignore[arg-type]
        for name in FIELDS[1:]:
            wanted = [str(v) for v in want.get(name, [])]  # type: ignore[attr-defined]
            if [fold(v) for v in got[name]] == [fold(v) for v in wanted]:
                result.right[name] += 1
            else:
                result.wrong.append(f"{want['title']}: {name} 应为 {wanted}，得到 {got[name]}")
    return Result(result, f"{result.right} {result.extra} {result.wrong}")


def documents(extra: list[Path]) -> list[tuple[str, Path, Path]]:
    unseen = sorted(p for p in Path("/tmp").glob("unseen*") if p.is_dir())
    found = pairs([])
    for folder in [*unseen, *extra]:
        for expected in sorted(folder.glob("*.expected.toml")):
            stem = expected.name.removesuffix(".expected.toml")
            docs = sorted(p for p in folder.glob(f"{stem}.*") if p.suffix not in (".toml", ".py", ".md"))
            if docs:
                doc = next((p for p in docs if p.suffix == ".txt"), docs[0])
                found.append((f"{folder.name}/{stem}", doc, expected))
    return found


def _line(name: str, s: Score, worse: int, better: int) -> str:
    fields = " ".join(f"{n} {s.percent(n):5.1f}" for n in FIELDS)
    return f"{name:<12} {s.expected:>5} {fields}  extra {s.extra:>3}  worse {worse:>3}  better {better:>3}"


def run(extra: list[Path], only: list[str], detail: bool) -> None:
    chosen = {n: t for n, t in TRANSFORMS.items() if not only or n in only}
    totals = {n: Score() for n in ["none", *chosen]}
    moved: dict[str, list[int]] = {n: [0, 0] for n in totals}
    changes: list[str] = []
    start = time.perf_counter()
    docs = documents(extra)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, doc, expected_file in docs:
            expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
            text = document_text(doc)
            base = score_text(text, expected, ".txt", work)
            totals["none"].add(base.score)
            for label, transform in chosen.items():
                variant = transform(text, name)
                suffix = ".html" if label == "html" else ".txt"
                got = base if variant == text else score_text(variant, expected, suffix, work)
                totals[label].add(got.score)
                if got.key != base.key:
                    delta = sum(got.score.right.values()) - got.score.extra \
                        - sum(base.score.right.values()) + base.score.extra
                    moved[label][0 if delta < 0 or (delta == 0 and len(got.score.wrong) > len(base.score.wrong))
                                 else 1] += 1
                    changes.append(f"{label:<12} {name:<44} {_brief(base.score)} -> {_brief(got.score)}")
                    if detail:
                        changes += [f"{label:<12} {name:<44}     {w}"[:300] for w in got.score.wrong
                                    if w not in base.score.wrong][:4]
    print(f"{len(docs)} documents, {totals['none'].expected} task checks each; "
          f"{time.perf_counter() - start:.0f} s")
    print(f"{'transform':<12} {'tasks':>5} fields (%)")
    for label, total in totals.items():
        print(_line(label, total, *moved[label]))
    print("\nchanged documents (right fields summed, extra):")
    print("\n".join(sorted(changes)))


def _brief(s: Score) -> str:
    return f"{sum(s.right.values())}/{s.expected * len(FIELDS)} x{s.extra}"


if __name__ == "__main__":
    args = sys.argv[1:]
    only: list[str] = []
    if "--only" in args:
        i = args.index("--only")
        only = args[i + 1].split(",")
        del args[i:i + 2]
    detail = "--detail" in args
    run([Path(a) for a in args if a != "--detail"], only, detail)
