"""Page furniture, as copy-paste from a PDF or a printed Word file gives it (issue #13 round 36), a
transformation for bench/import_variants.py.

The text is cut into pages of 30 lines; between two pages (and after the last) stands the page's
number in one of the forms real documents use ("— 3 —", "－3－", "- 3 -", "3", "第3页 共12页",
"第 3 页"), in some documents with a blank line around it, and in some a running header (the
document's 发文字号, or its title cut short) at the top of every page after the first. In some
documents a page break falls inside a sentence: the page's last line is cut and goes on after the
furniture (pages_wrap35: the text is hard-wrapped at 35 first, and its page breaks fall between
its lines, inside sentences as they come). Deterministic: every choice is seeded by the document's name.
"""

from __future__ import annotations

import random
import re

_NUMBER_FORMS = ("— {n} —", "－{n}－", "- {n} -", "{n}", "第{n}页 共{total}页", "第 {n} 页")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
PAGE_LINES = 30


def _running_header(lines: list[str], rng: random.Random) -> str | None:
    if rng.random() < 0.5:
        return None
    text = "\n".join(lines[:40])
    if (number := _DOC_NUMBER.search(text)) and rng.random() < 0.5:
        return number[0]
    title = next((ln.strip() for ln in lines if len(re.findall(r"[\u4e00-\u9fff]", ln)) >= 8), "")
    return title[:18] or None  # the first line with words (a page may open with a table's border)


def pages(text: str, name: str, cut: bool = True) -> str:
    """The text paged; cut: a page's last line may be cut (not in a copy already cut at one width,
    whose page breaks fall between its lines, inside sentences anyway)."""
    rng = random.Random(f"pages {name}")
    lines = text.split("\n")
    form = rng.choice(_NUMBER_FORMS)
    header = _running_header(lines, rng)
    spaced = rng.random() < 0.3  # a blank line before and after the page number
    cut_inside = rng.random() < 0.6 and cut  # page breaks fall inside sentences
    chunks = [lines[i:i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)] or [[]]
    total = len(chunks)
    out: list[str] = []
    carry = ""
    for n, chunk in enumerate(chunks, 1):
        page = list(chunk)
        if carry:
            page[0:0] = [carry]
            carry = ""
        if cut_inside and n < total and page and len(page[-1]) >= 24:
            last = page[-1]
            at = rng.randrange(8, len(last) - 8)
            page[-1], carry = last[:at], last[at:]
        if n > 1 and header:
            out.append(header)
        out += page
        number = form.format(n=n, total=total)
        out += ["", number, ""] if spaced else [number]
    return "\n".join(out)
