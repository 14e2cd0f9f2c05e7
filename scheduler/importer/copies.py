"""Copies of one plan that differ without changing its meaning (issue #13 round 32), set right
before the layouts are read:

- spaces a web page or Word writes as no-break (U+00A0) or other Unicode spaces are spaces, and
  zero-width characters are dropped;
- a copy that doubles every line break (each paragraph of a web page followed by an empty line,
  exactly one, everywhere) is read without the empty lines: they carry nothing, unless they part the
  cells of a table whose borders became blank lines (blank_cells.py);
- a copy hard-wrapped at one width, breaking anywhere (a PDF or a narrow editor pasted into a text
  file: "……由市发展改革委、市" / "财政局牵头……"), has its lines joined back where a line that long does
  not end a sentence and the next line does not open anything of its own (an item number, a label line).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from scheduler.importer.blank_cells import read_blank_cells
from scheduler.importer.header import DOC_DATE
from scheduler.importer.item import ASSIGN_LINE

SPACES: dict[int, int | None] = {0xA0: 0x20, 0x202F: 0x20, 0x205F: 0x20, 0x200B: None, 0x200C: None,
                                 0x200D: None, 0x2060: None, 0xFEFF: None}
SPACES |= {c: 0x20 for c in range(0x2000, 0x200B)}  # en/em/thin/hair spaces
_ODD_SPACE = re.compile("[" + "".join(map(chr, SPACES)) + "]")


def plain_spaces(text: str) -> str:
    """No-break, other Unicode and zero-width spaces made plain (the text scanned once, copied only then)."""
    return text.translate(SPACES) if _ODD_SPACE.search(text) else text


_SENTENCE_END = "。；;！!？?：:"
# what a line of its own opens: an item number ("（一）" "1." "一、" "⑴"), a page number, a dash heading,
# a table's row, a label line
_OPENS = re.compile(r"^(?:[（(]?[一二三四五六七八九十百零〇\d]+[）)、．.﹒]|[（(]\d{1,2}[）)]|[—\-－\s\d]+$"
                    r"|第[一二三四五六七八九十\d]+页|——|附件|〇、|\d{1,3}\s|\||[│├┌└┃┣┏┗]"  # rows "12 X" "| X" "│X"
                    r"|(?!如下)[\u4e00-\u9fff]{2,6}[:：])")  # a label line: "牵头单位:" "监督方式:0557-…"


def normalised(lines: list[str]) -> list[str]:
    """The lines (spaces already plain) stripped, with doubled breaks and a copy's cuts undone. A
    cut is judged on the line with its indent: the first line of a paragraph keeps it in the width."""
    raw = _single_blanks([ln.rstrip() for ln in lines])
    return _bracket_tails(_unwrapped([ln.strip() for ln in raw], [len(ln) for ln in raw]))


_TAIL = re.compile(r"^[^(（)）:：]{1,12}[)）][。；;]?$")


def _bracket_tails(lines: list[str]) -> list[str]:
    """A bracket's short tail cut onto a line of its own ("(省环保厅、发展改革委按职责分工负" / "责)")
    joined back, in a copy whose few long lines were not enough to tell its width."""
    if not any(_TAIL.match(ln) for ln in lines):
        return lines
    out: list[str] = []
    for ln in lines:
        if out and _TAIL.match(ln) and _open_bracket(out[-1]):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _open_bracket(ln: str) -> bool:
    at = max(ln.rfind("("), ln.rfind("（"))
    return at >= 0 and ")" not in ln[at:] and "）" not in ln[at:]


def _single_blanks(lines: list[str]) -> list[str]:
    """Exactly one empty line between every two lines of text (six lines at least): none."""
    texts = [i for i, ln in enumerate(lines) if ln]
    if len(texts) < 6 or any(b - a != 2 for a, b in itertools.pairwise(texts)):
        return lines
    stripped = [ln.strip() for ln in lines[:texts[min(len(texts), 2000) - 1] + 2]]  # its header comes early
    if any(len(stripped[i]) <= 16 and read_blank_cells(stripped, i) for i in texts[:2000]):
        return lines  # a table whose borders became blank lines (blank_cells.py): they part its cells
    return [ln for ln in lines if ln]


def _unwrapped(lines: list[str], widths: list[int]) -> list[str]:
    width = wrap_width(lines, widths)
    if width is None:
        return lines
    out: list[str] = []
    prev, size = "", 0  # the line before, as cut, and its width
    cuts = opened = 0  # lines at the width with a line after them, and those whose next line opens something
    for ln, n in zip(lines, widths, strict=True):
        cut = size == width or (width - 2 <= size < width and prev[-1] not in _SENTENCE_END)
        if ln and out and prev and cut:
            cuts += 1
            if opens_line(ln) and not _in_bracket(out[-1], ln):
                opened += 1
                out.append(ln)
            else:
                out[-1] += ln
        else:
            out.append(ln)
        if cuts == 64 and 2 * opened > cuts:
            return lines  # rows of one width, each opening with its number: a table, not a cut copy
        prev, size = ln, n
    return lines if 2 * opened > cuts else out


def cut_at_width(lines: list[str], index: int) -> bool:
    """Whether lines[index] is a line of a copy cut at one width (a paragraph's piece, no table row)."""
    raw = [ln.rstrip() for ln in lines]
    width = wrap_width([ln.strip() for ln in raw], [len(ln) for ln in raw])
    return width is not None and width - 2 <= len(raw[index]) <= width


def _in_bracket(before: str, ln: str) -> bool:
    """A label line cut inside the bracket the line before opened: "(牵头单位:市教育局;" / "责任单位:各区人民政府)"."""
    return before.count("(") + before.count("（") > before.count(")") + before.count("）") \
        and _LABEL.match(ln) is not None and (")" in ln or "）" in ln)


_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]")


def opens_line(ln: str) -> bool:
    """A line that opens something of its own (an item number, a label, an assignment line, a date):
    never the rest of a line cut before it."""
    return bool(_OPENS.match(ln) or ASSIGN_LINE.match(ln) or DOC_DATE.match(ln))


def wrap_width(lines: list[str], widths: list[int]) -> int | None:
    """The width a copy was cut at: most lines of 30 characters or more (three at least) are that
    wide or one or two narrower (a space dropped), at least two and half of them exactly that wide,
    and most of those do not end a sentence. None when the text is not cut so."""
    lengths = Counter(n for n in widths if n >= 30)
    if not lengths:
        return None
    width, count = max(((w, sum(lengths[w - d] for d in range(3))) for w in lengths), key=lambda wc: (wc[1], wc[0]))
    if count < 3 or 2 * count < lengths.total() or 2 * lengths[width] < max(count, 4):
        return None  # most cut lines are the width itself: a copy cuts by count
    ended = sum(width - 2 <= n <= width and ln[-1] in _SENTENCE_END for ln, n in zip(lines, widths, strict=True))
    return width if 3 * ended < count else None
