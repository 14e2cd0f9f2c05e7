"""`duban import` per format: per-field scores of the drafts read from .docx, PDF, .xlsx, .csv and
HTML. Prints one line per format and document set.

    python bench/import_formats_bench.py

Seeds: the four seeds with hand-checked expected outputs (tests/import_expected), converted by
tests/data/make_formats.py into each format, scored against the expected outputs (the text line is
the baseline). Corpus: the nine gov.cn pages (tests/data/corpus) as HTML and converted, scored
against their hand-read expected outputs (tests/import_expected/corpus) and, as "corpus=text",
against the drafts of their text twins (how much of the text draft a format keeps). Fields as in
tests/import_score.py; a task not found is wrong in every field.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.data import make_formats as mf  # noqa: E402
from tests.import_score import FIELDS, Score, dump_expected, score  # noqa: E402

DATA = REPO / "tests" / "data"
FORMATS = ("txt", "docx", "pdf", "xlsx", "csv")


def convert(source: Path, out: Path) -> dict[str, Path]:
    text = source.read_text(encoding="utf-8")
    paths = {"txt": source, **{f: out / f"{source.stem}.{f}" for f in FORMATS[1:]}}
    mf.docx_from_text(text, paths["docx"])
    mf.pdf_from_text(text, paths["pdf"])
    rows, merges = mf.table_from_text(text)
    mf.xlsx_from_table(rows, merges, paths["xlsx"])
    mf.csv_from_table(rows, merges, paths["csv"])
    if source.with_suffix(".html").exists():
        paths["html"] = source.with_suffix(".html")
    return paths


def line(name: str, s: Score, seconds: float) -> str:
    fields = "  ".join(f"{n} {s.percent(n):5.1f}%" for n in FIELDS)
    return f"{name:<22} {s.expected:>4} tasks  {fields}  extra {s.extra:>2}  {seconds:5.2f} s"


def main() -> None:
    totals: dict[tuple[str, str], Score] = {}
    spent: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for source in sorted((DATA / "seeds").glob("*.txt")):
            expected = REPO / "tests" / "import_expected" / f"{source.stem[:3]}.toml"
            for fmt, path in convert(source, out).items():
                _add(totals, spent, ("seeds", fmt), path, expected)
        for source in sorted((DATA / "corpus").glob("*.txt")):
            text_draft = out / f"{source.stem}.expected.toml"
            text_draft.write_text(dump_expected(source), encoding="utf-8")
            hand_read = REPO / "tests" / "import_expected" / "corpus" / f"{source.stem}.toml"
            for fmt, path in convert(source, out).items():
                _add(totals, spent, ("corpus=text", fmt), path, text_draft)
                if hand_read.exists():
                    _add(totals, spent, ("corpus", fmt), path, hand_read)
    for (group, fmt), result in sorted(totals.items(), key=lambda kv: (kv[0][0], FORMATS.index(kv[0][1])
                                                                         if kv[0][1] in FORMATS else 9)):
        print(line(f"{group} {fmt}", result, spent[(group, fmt)]))
        for wrong in result.wrong[:3] if group != "corpus" else []:
            print(f"    {wrong[:150]}")


def _add(totals: dict[tuple[str, str], Score], spent: dict[tuple[str, str], float], key: tuple[str, str],
         path: Path, expected: Path) -> None:
    start = time.perf_counter()
    result = score(path, expected)
    spent[key] = spent.get(key, 0.0) + time.perf_counter() - start
    totals.setdefault(key, Score()).add(result)


if __name__ == "__main__":
    main()
