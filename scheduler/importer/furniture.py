"""Page furniture in a copy of a PDF or a printed Word file (issue #13 round 36), dropped before the
lines are read:

- a page number on a line of its own: "— 3 —", "－3－", "- 3 -", "第3页 共12页", "第 3 页", "共12页 第3页"
  always; a bare "3" only as one of a run of page numbers (1, 2, 3 … each at least 12 lines of text
  after the one before, but the last page's; three at least, or two from 1 or ending the document),
  and none when any bare number follows the one before it
  closer than that (a cell-per-line table's 序号, a list): a lone number that is a row's 序号 or an
  item stays;
- a running header: the same line right after two page numbers or more (a 发文字号, a short title);
- a sentence the page break cut ("……由市财政局" / "— 3 —" / "牵头……") joined back, when the copy is
  not hard-wrapped at one width (copies.py joins those) and the line after opens nothing of its own.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from scheduler.importer.copies import opens_line, wrap_width

_MARKED = re.compile(r"^(?:[—－\-–─]{1,2}\s*\d{1,3}\s*[—－\-–─]{1,2}"
                     r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*[,，/]?\s*第\s*\d{1,3}\s*页)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DOC_NUMBER = re.compile(r"[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
_FIRST = frozenset("0123456789—－-–─第共")
_BARE = re.compile(r"^\d{1,3}$")
_SENTENCE_END = "。；;！!？?：:）)】」”"
_GAP = 12  # lines of text at least between two bare page numbers


def without_furniture(lines: list[str]) -> list[str]:
    """The lines (stripped or not) without page numbers and running headers; a sentence a page break
    cut joined back. The same list when the copy has no furniture."""
    numbers = _page_numbers([ln.strip() for ln in lines])
    if not numbers:
        return lines
    headers = _running_headers(lines, numbers)
    out: list[str] = []
    breaks: set[int] = set()  # indexes in out after which furniture stood
    for i, ln in enumerate(lines):
        if i in numbers or i in headers:
            if out:
                breaks.add(len(out) - 1)
            continue
        if not ln.strip() and any(j in numbers and _spaced(lines, j) for j in (i - 1, i + 1)):
            continue  # the blank lines around a page number (a blank on one side only is the text's)
        out.append(ln)
    return _joined(out, breaks)


def _spaced(lines: list[str], i: int) -> bool:
    return 0 < i < len(lines) - 1 and not lines[i - 1].strip() and not lines[i + 1].strip()


def _page_numbers(lines: list[str]) -> set[int]:
    candidates = [i for i, ln in enumerate(lines) if ln[:1] in _FIRST]  # few lines can be furniture
    marked = {i for i in candidates if _MARKED.match(lines[i])}
    numbers = [i for i in candidates if _BARE.match(lines[i])]
    if not numbers:
        return marked
    best: dict[int, tuple[int, int]] = {}  # a bare number's index -> (length of the run it ends, index before)
    by_value: dict[int, int] = {}  # a value -> the last line it stood on
    last = max((i for i, ln in enumerate(lines) if ln), default=-1)
    for i in numbers:
        value = int(lines[i])
        j = by_value.get(value - 1, -1)
        if j >= 0 and i != last and sum(map(bool, lines[j:i])) <= _GAP:
            return marked | _headed(lines, numbers, last)  # numbers close together: a list's or a table's 序号
        best[i] = (best[j][0] + 1, j) if j >= 0 else (1, -1)  # the last page may be short
        by_value[value] = i
    bare: set[int] = set()
    for i, (length, j) in best.items():
        if length >= 3 or (length == 2 and (i == last or lines[j] == "1")):  # a run of page numbers: all of it
            bare.add(i)
            while j >= 0 and j not in bare:
                bare.add(j)
                j = best[j][1]
    if last in best and best[last][0] == 1 and not bare:
        bare.add(last)  # a lone number closing the document: a one-page copy's number (a 序号 has cells after it)
    return marked | bare


def _headed(lines: list[str], bare: list[int], last: int) -> set[int]:
    """Among a table's 序号, the bare numbers a running header follows are page numbers (and the number
    closing the document, then): a header stands once a page, so those numbers stand far apart (a
    table's column repeating one text after every 序号 is no header)."""
    after = [(i, j) for i in bare if (j := _next_text(lines, i)) is not None]
    counts = Counter(lines[j] for _, j in after)
    most = len(lines) // _GAP  # once a page at most: a text after more numbers than that is a column's
    top = _top(lines)
    found = sorted(i for i, j in after if counts[h := lines[j]] <= most and _words(h)
                   and (counts[h] >= 2 or _is_title(h.strip(), [t for k, t in top if k < j])))
    if any(b - a <= 2 * _GAP for a, b in itertools.pairwise(found)):
        return set()
    return set(found) | {last} if found and last in bare else set(found)


def _running_headers(lines: list[str], numbers: set[int]) -> set[int]:
    after = {i: _next_text(lines, i) for i in numbers}
    counts = Counter(lines[j].strip() for j in after.values() if j is not None)
    top = _top(lines)
    return {j for j in after.values() if j is not None and _words(h := lines[j].strip())
            and (counts[h] >= 2 or _is_title(h, [t for i, t in top if i < j]))}  # words: a title, a 发文字号


def _top(lines: list[str]) -> list[tuple[int, str]]:
    """The first lines with words (the title, the 发文字号) and where they stand."""
    return [(i, ln.strip()) for i, ln in enumerate(lines[:40]) if len(_CJK.findall(ln)) >= 4][:5]


def _words(line: str) -> bool:
    """A header has words: four Chinese characters at least, or a 发文字号's shape ("办函〔2020〕60号")."""
    return len(_CJK.findall(line)) >= 4 or _DOC_NUMBER.search(line) is not None


def _is_title(line: str, top: list[str]) -> bool:
    """The document's title cut short or its 发文字号, as a header repeats them (10 characters at least)."""
    return len(line) >= 10 and any(t.startswith(line) or (line in t and "号" in line) for t in top)


def _next_text(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j].strip():
            return j
    return None


def _joined(lines: list[str], breaks: set[int]) -> list[str]:
    stripped = [ln.strip() for ln in lines]
    if wrap_width(stripped, [len(ln.rstrip()) for ln in lines]) is not None:
        return lines  # a copy cut at one width: copies.py joins its lines
    out: list[str] = []
    glue = False
    for i, ln in enumerate(lines):
        if glue and out and ln.strip() and not opens_line(ln.strip()):
            out[-1] = out[-1].rstrip() + ln.strip()
        else:
            out.append(ln)
        text = out[-1].strip()
        glue = i in breaks and bool(text) and text[-1] not in _SENTENCE_END and _cut(text, stripped)
    return out


_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇\d]+")
_NUMBER = re.compile(r"^[（(]?[一二三四五六七八九十百零〇\d]+[）)、．.﹒]?")
_CLAUSE = re.compile("[，,、；;]")


def _cut(text: str, lines: list[str]) -> bool:
    """Whether a page's last line, not ending a sentence, is cut: not a table's cell (short, no comma)
    and no heading of its own ("（三）强化组织保障" where the document's items of that form are
    headings on their own lines, not titles followed by their sentences)."""
    if not opens_line(text):
        return len(text) >= 16 or bool(_CLAUSE.search(text))
    form = _form(text)
    alike = [ln for ln in lines if ln != text and opens_line(ln) and _form(ln) == form]
    inline = sum(len(ln) > 20 or ln[-1] in _SENTENCE_END for ln in alike)
    return 2 * inline > len(alike)


def _form(line: str) -> str:
    """An item number's form: "（一）" and "（八）" alike, "1." another."""
    number = _NUMBER.match(line)
    return _NUMERAL.sub("N", number[0]) if number else line[:1]
