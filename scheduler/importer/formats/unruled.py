"""A PDF task table drawn without ruled lines: columns of text under a header of column names.

pdfplumber finds tables by their lines; a table typeset with none (a Word table whose borders were
removed, a typesetter's columns) comes out as lines of text where each row's cells stand side by
side and a wrapped cell goes on in the lines below:

    序号  工作任务                  牵头单位    配合单位      完成时限
    1     推行告知承诺制。对涉企经营  市司法局    市市场监管局  2023年6月底前
          许可事项实行告知承诺。                  市税务局

The header is a line of column names (a name the cell's width wrapped, "序" over "号", joins its
column); each word below goes to the column its header stands over (or the nearest); a row is the
lines from one 序号 to the next, or a block of lines set apart by a wider gap (a cell set at the
bottom or middle of its row); "一、……" alone on a line is a category row. The table ends at a line
that spans several columns (a paragraph) or after a large gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from scheduler.importer.formats.tables import column_kind, header_row

_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")
_CATEGORY = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$")
_MAX_FRAGMENT = 6  # a header name wrapped in a narrow cell: "序" / "号", "牵头" / "单位"


@dataclass(frozen=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


Band = list[_Word]  # the words of one line, left to right
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Found:
    box: Box  # where the table stands on the page: its text is not read again as lines
    names: list[str]  # the columns' names
    rows: list[list[str]]  # the header (when the page has one) and the rows, cells' lines joined by newlines
    spans: list[tuple[float, float]]  # the columns' horizontal extent, for the next page's part


def unruled_table(page: Any, above: Found | None = None) -> Found | None:
    """The page's task table without rules, or the part of the table `above` (the last page's)
    that goes on at the top of this page without a header; None when there is none."""
    words = [_Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
             for w in page.extract_words(x_tolerance=3, y_tolerance=2)]
    bands = _bands(words)
    for i, band in enumerate(bands):
        if len(band) >= 3 and header_row([[w.text for w in band]]) == 0:
            return _table(bands, i)
    for i in range(len(bands)):  # names on several lines: a two-row header, names centred in merged cells
        if (found := _stacked(bands, i)) is not None:
            return found
    if above is None or not bands:
        return None
    size = max(w.bottom - w.top for w in bands[0])
    body = _body(bands, above.spans, size)
    number = next((i for i, n in enumerate(above.names) if column_kind(n) == "number"), None)
    rows = _rows(body, above.spans, number, size)
    return Found(_box(body), above.names, rows, above.spans) if rows else None


def _bands(words: list[_Word]) -> list[Band]:
    """Words grouped into lines by their vertical position."""
    bands: list[Band] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if bands and abs(bands[-1][0].top - word.top) <= 0.4 * (word.bottom - word.top):
            bands[-1].append(word)
        else:
            bands.append([word])
    return [sorted(b, key=lambda w: w.x0) for b in bands]


def _table(bands: list[Band], at: int) -> Found | None:
    size = max(w.bottom - w.top for w in bands[at])
    top, end = at, at
    while top > 0 and _fragment(bands[top - 1]) and _near(bands[top - 1], bands[top], size):
        top -= 1
    while end + 1 < len(bands) and _fragment(bands[end + 1]) and _near(bands[end], bands[end + 1], size):
        end += 1
    sub = end + 1 < len(bands) and _subheader(bands[end + 1], bands[at], size)
    tried = [_header(bands, first, last) for first, last in dict.fromkeys([(top, end), (at, end), (at, at)])]
    if sub:  # a header on two rows: tried first, the names of the lower row standing for their group's
        tried = [_header(bands, first, end + 1, True) for first in dict.fromkeys([top, at])] + tried
    found = max((t for t in tried if t is not None), key=lambda t: t[0], default=None)  # a short title above: no name
    return None if found is None else _finish(bands, found, size)


def _stacked(bands: list[Band], at: int) -> Found | None:
    """A header whose names stand on up to three lines, none holding three: "责任单位" at the top of its
    merged cell, "工作任务" centred in a cell spanning both rows, "牵头单位 配合单位" below."""
    size = max(w.bottom - w.top for w in bands[at])
    last = at
    while (last + 1 < len(bands) and _fragment(bands[last + 1])
           and bands[last + 1][0].top - bands[at][0].top <= 3 * size):
        last += 1
    if last == at or not _fragment(bands[at]):
        return None
    found = _header(bands, at, last, all(column_kind(w.text) is not None for w in bands[last]))
    return None if found is None else _finish(bands, found, size)


def _finish(bands: list[Band], found: tuple[int, int, int, list[list[_Word]], list[str]], size: float) -> Found | None:
    """The table under a header found: its columns' extent, its body and rows."""
    _, first, last, columns, names = found
    spans = [(min(w.x0 for w in col), max(w.x1 for w in col)) for col in columns]
    number = next((i for i, n in enumerate(names) if column_kind(n) == "number"), None)
    body = _body(bands[last + 1:], spans, size)
    rows = _rows(body, spans, number, size)
    if not rows:
        return None
    names = [n.replace(" ", "") for n in names]
    return Found(_box(bands[first:last + 1] + body), names, [names, *rows], spans)


def _header(bands: list[Band], first: int, last: int,
            sub: bool = False) -> tuple[int, int, int, list[list[_Word]], list[str]] | None:
    """The header's columns and names when the lines first..last are one: how many names are known.
    `sub`: the last line names the parts of merged cells above it ("责任单位" over "牵头单位  配合单位"):
    each of its names is a column, and a name above that stands over one of them is only their group's."""
    words = [w for band in bands[first:last + 1] for w in band]
    if sub:  # a group's name may be centred over the gap between its parts: within a character of one
        parts = bands[last]
        size = max(w.bottom - w.top for w in parts)
        words = [w for w in words if w in parts or not any(_overlap(w, p.x0 - size, p.x1 + size) > 0 for p in parts)]
    columns = _columns(words)
    names = [" ".join(w.text for w in col) for col in columns]
    if header_row([[n.replace(" ", "") for n in names]]) != 0:
        return None
    return sum(column_kind(n.replace(" ", "")) is not None for n in names), first, last, columns, names


def _box(bands: list[Band]) -> Box:
    taken = [w for band in bands for w in band]
    return (min(w.x0 for w in taken) - 1, min(w.top for w in taken) - 1,
            max(w.x1 for w in taken) + 1, max(w.bottom for w in taken) + 1)


def _near(upper: Band, lower: Band, size: float) -> bool:
    return lower[0].top - upper[0].top <= 1.8 * size


def _subheader(band: Band, header: Band, size: float) -> bool:
    """The lower row of a two-row header: known column names only, under the header's reach, at most
    three lines below it (a merged cell's padding sets it further than a wrapped name)."""
    return (band[0].top - header[0].top <= 3 * size and all(column_kind(w.text) is not None for w in band)
            and min(w.x0 for w in header) <= band[0].x0 and band[-1].x1 <= max(w.x1 for w in header) + size)


def _fragment(band: Band) -> bool:
    """A line of the header's wrapped names: short words, no digits."""
    return all(len(w.text) <= _MAX_FRAGMENT and not re.search(r"\d", w.text) for w in band)


def _columns(words: list[_Word]) -> list[list[_Word]]:
    """The header's words grouped into columns: words over each other are one column's name."""
    columns: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.x0, w.top)):
        same = next((c for c in columns if _overlap(word, min(w.x0 for w in c), max(w.x1 for w in c)) > 0), None)
        if same is None:
            columns.append([word])
        else:
            same.append(word)
    return [sorted(c, key=lambda w: w.top) for c in sorted(columns, key=lambda c: min(w.x0 for w in c))]


def _overlap(word: _Word, x0: float, x1: float) -> float:
    return min(word.x1, x1) - max(word.x0, x0)


def _column(word: _Word, spans: list[tuple[float, float]]) -> int:
    """The column a word stands in: the header it overlaps most, else the nearest one."""
    def score(i: int) -> float:
        over = _overlap(word, *spans[i])
        return over if over > 0 else over - 10_000  # a negative overlap is the gap between them
    return max(range(len(spans)), key=score)


def _body(bands: list[Band], spans: list[tuple[float, float]], size: float) -> list[Band]:
    """The lines of the table after its header: up to a paragraph across several columns, or a gap of
    more than three lines."""
    centres = [(a + b) / 2 for a, b in spans]
    out: list[Band] = []
    for band in bands:
        if out and band[0].top - out[-1][0].top > 4 * size:
            break
        text = " ".join(w.text for w in band)
        if PAGE_NUMBER.match(text) and not (len(band) == 1 and _overlap(band[0], *spans[0]) > 0):
            break  # "— 3 —" under the table (a number alone under the first column is a 序号)
        wide = any(sum(w.x0 < c < w.x1 for c in centres) >= 2 for w in band)
        if wide and not (len(band) == 1 and _CATEGORY.match(band[0].text)):
            break
        out.append(band)
    return out


def _rows(body: list[Band], spans: list[tuple[float, float]], number: int | None, size: float) -> list[list[str]]:
    """The table's rows: a row opens at each 序号 (cells set at the top of the row) or after a gap
    wider than a line's (cells set at the bottom or middle); a category alone on its line is a row
    of its own, its text in every cell. Lines before the first 序号 of a page that goes on with the
    table are the rest of the last page's row: a row without a 序号 (pages.py joins it)."""
    if not body:
        return []
    steps = [b[0].top - a[0].top for a, b in pairwise(body)]
    line = min(steps, default=size)
    groups: list[list[Band]] = [[]]
    for i, band in enumerate(body):
        category = len(band) == 1 and _CATEGORY.match(band[0].text) is not None
        gap = i > 0 and steps[i - 1] > 1.25 * line
        opened = any(_numbered(b, spans, number) for b in groups[-1])
        if category or gap or (opened and _numbered(band, spans, number)) or _category_group(groups[-1]):
            groups.append([])
        groups[-1].append(band)
    rows: list[list[str]] = []
    for group in (g for g in groups if g):
        if _category_group(group):
            rows.append([group[0][0].text] * len(spans))
        elif rows and number is not None and not any(_numbered(b, spans, number) for b in group):
            rows[-1] = [f"{a}\n{b}" if a and b else a or b for a, b in zip(rows[-1], _cells(group, spans), strict=True)]
        else:
            rows.append(_cells(group, spans))
    return rows


def _numbered(band: Band, spans: list[tuple[float, float]], number: int | None) -> bool:
    return number is not None and any(_column(w, spans) == number and _NUMBER.match(w.text) for w in band)


def _category_group(group: list[Band]) -> bool:
    return len(group) == 1 and len(group[0]) == 1 and _CATEGORY.match(group[0][0].text) is not None


def _cells(group: list[Band], spans: list[tuple[float, float]]) -> list[str]:
    cells: list[list[str]] = [[] for _ in spans]
    for band in group:
        parts: dict[int, list[str]] = {}
        for word in band:
            parts.setdefault(_column(word, spans), []).append(word.text)
        for i, texts in parts.items():
            cells[i].append(" ".join(texts))
    return ["\n".join(c) for c in cells]
