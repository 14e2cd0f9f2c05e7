""".pdf with a text layer (pdfplumber): lines joined back into paragraphs, tables as grids.

A PDF without usable text — a scan, or official-document fonts without a ToUnicode map that come
out as "(cid:123)" (FACTS §9) — is refused with a message, never imported as garbage.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from scheduler.importer.formats.blocks import Block, FormatError, Table, grid
from scheduler.importer.formats.pages import continued, empty_line_between, header_end, line_pitch, names_apart
from scheduler.importer.formats.spaced_glyphs import letter_spaced
from scheduler.importer.formats.tables import header_row, is_task_table
from scheduler.importer.formats.unruled import PAGE_NUMBER as _PAGE_NUMBER
from scheduler.importer.formats.unruled import Found, unruled_table
from scheduler.importer.item import ASSIGN_LINE

MAX_PAGES = 500
_CID = re.compile(r"\(cid:\d+\)")
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)"
                          r"|[①-⒇])")  # "8.5亿元" wrapped to the line's start is not item 8


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    size: float
    top: float


def read_pdf(path: Path) -> list[Block]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    # pdfminer logs its complaints about odd fonts ("Could not get FontBBox…") as English warnings on
    # stderr; what the user needs to know comes from our own checks and messages
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect:
        raise FormatError(f"{path}：PDF 文件有密码保护，请先解除密码（另存为不加密的 PDF）再导入") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError) as err:
        raise FormatError(f"{path}：PDF 文件已损坏或不完整，无法打开（{type(err).__name__}）") from None
    except Exception as err:  # pdfminer raises many kinds on damaged files; pdfplumber wraps them
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, PDFPasswordIncorrect) or "password" in type(cause).__name__.lower():
            raise FormatError(f"{path}：PDF 文件有密码保护，请先解除密码再导入") from None
        raise FormatError(f"{path}：PDF 文件无法解析（{type(err).__name__}）") from None
    try:
        with pdf:
            return _pages(path, pdf.pages[:MAX_PAGES])
    except FormatError:
        raise
    except Exception as err:
        raise FormatError(f"{path}：PDF 文件无法解析（{type(err).__name__}）") from None


def _pages(path: Path, pages: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    previous: _Line | None = None
    unruled: Found | None = None
    chars = cids = 0
    widest = 0.0
    for page in pages:
        tables = [t for t in page.find_tables() if is_task_table(_cells(t))]
        boxes = [t.bbox for t in tables]
        grids = [(float(t.bbox[1]), grid(_cells(t))) for t in tables]
        lines = _lines(page.filter(_outside(boxes)) if boxes else page)
        unruled = None if tables else _unruled(page, lines, unruled if _last_is_table(blocks) else None)
        if unruled is not None:  # columns of text without rules
            boxes, grids = [unruled.box], [(unruled.box[1], grid([[_unwrapped(c) for c in r] for r in unruled.rows]))]
            lines = _lines(page.filter(_outside(boxes)))
        chars += sum(len(ln.text) for ln in lines)
        cids += sum(len(_CID.findall(ln.text)) for ln in lines)
        pitch = line_pitch([ln.top for ln in lines])
        widest = max([widest, *(ln.x1 for ln in lines)])  # a page of short lines (cells) is not full width
        items: list[tuple[float, Table | _Line]] = [(ln.top, ln) for ln in lines]
        items += grids
        for _, item in sorted(items, key=lambda it: it[0]):
            if isinstance(item, Table):
                _add_table(blocks, item)
                previous = None
            else:
                previous = _add_line(blocks, item, previous, lines, (pitch, widest))
    if cids and cids * 4 >= chars / 4:
        raise FormatError(f"{path}：PDF 的字体没有文字编码（提取出的是“(cid:…)”），无法得到正确的文字；"
                          "请用原始的 Word/WPS 文件，或在 PDF 阅读器中另存为文本后导入")
    if not any(isinstance(b, str) and b.strip() for b in blocks) and not any(isinstance(b, Table) for b in blocks):
        raise FormatError(f"{path}：PDF 没有文字层（可能是扫描件），无法读取文字；"
                          "请用原始的 Word/WPS 文件，或先做文字识别（OCR）")
    return blocks


def _unruled(page: Any, lines: list[_Line], above: Found | None) -> Found | None:
    """A task table without rules on a page whose text has a line of column names, or the rest of
    the one on the page before."""
    if above is None and not any(header_row([ln.text.split()]) is not None for ln in lines):
        return None
    return unruled_table(page, above)


def _last_is_table(blocks: list[Block]) -> bool:
    return bool(blocks) and isinstance(blocks[-1], Table)


def _cells(table: Any) -> list[list[str]]:
    """The table's grid: a position a merged cell covers (None in pdfplumber) takes the text of the
    cell to its left when that cell reaches across it, else of the cell above."""
    rows = [list(r) for r in table.extract()]
    boxes = [list(r.cells) for r in table.rows]
    starts: dict[int, float] = {}
    for row in boxes:
        for c, box in enumerate(row):
            if box is not None:
                starts.setdefault(c, float(box[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is not None:
                continue
            left = next((k for k in range(c - 1, -1, -1) if k < len(boxes[r]) and boxes[r][k] is not None), None)
            if left is not None and float(boxes[r][left][2]) > starts.get(c, float("inf")) + 1:
                row[c] = rows[r][left]
            else:
                row[c] = rows[r - 1][c] if r > 0 and c < len(rows[r - 1]) else ""
    return [[_unwrapped(c or "") for c in row] for row in rows]


def _unwrapped(cell: str) -> str:
    """A cell's lines as written: a line about as long as the longest one was wrapped by the
    cell's width and continues on the next; a shorter one ended where the writer broke it."""
    lines = [ln.strip() for ln in cell.strip().splitlines() if ln.strip()]
    if len(lines) < 2:
        return lines[0] if lines else ""
    longest = max(len(ln) for ln in lines)
    out = lines[0]
    for prev, line in pairwise(lines):
        out += ("" if len(prev) >= 0.8 * longest and not names_apart(prev, line) else "\n") + line
    return out


def _outside(boxes: list[tuple[float, float, float, float]]) -> Callable[[dict[str, Any]], bool]:
    return lambda obj: not any(_inside(obj, b) for b in boxes)


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    y = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _lines(page: Any) -> list[_Line]:
    out = []
    for ln in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        sizes = [ch.get("size", 0) for ch in ln.get("chars", [])] or [10.0]
        out.append(_Line(letter_spaced(ln["text"], ln.get("chars", [])), ln["x0"], ln["x1"], max(sizes), ln["top"]))
    return out


def _add_table(blocks: list[Block], table: Table) -> None:
    """A table continued on the next page (same width, no header of its own) joins the last one."""
    last = blocks[-1] if blocks else None
    if isinstance(last, Table) and len(last.rows[0]) == len(table.rows[0]):
        rows = table.rows
        head, first = header_row([list(r) for r in rows]), header_row([list(r) for r in last.rows]) or 0
        if head is not None and rows[head] == last.rows[first]:
            rows = rows[header_end(rows, head) + 1:]  # the header repeated on the page, one row or two
        blocks[-1] = Table(continued(last.rows, rows))
        return
    blocks.append(table)


def _add_line(blocks: list[Block], line: _Line, previous: _Line | None, page_lines: list[_Line],
              page: tuple[float, float] = (0.0, 0.0)) -> _Line | None:
    text = line.text.strip()
    if not text or (_PAGE_NUMBER.match(text) and _at_edge(line, text, page_lines)):
        return previous
    pitch, widest = page
    char = line.size or 10.0
    right = max(ln.x1 for ln in page_lines)
    right = widest if right < widest - 4 * char else right  # a page of short lines (cells) has no full line
    left = min(ln.x0 for ln in page_lines)
    blank = previous is not None and empty_line_between(previous.top, line.top, pitch)
    continues = (previous is not None and not blank and isinstance(blocks[-1] if blocks else None, str)
                 and previous.x1 >= right - 1.5 * char and line.x0 <= left + 0.5 * char
                 and not _STARTS_ITEM.match(text) and not _own_label(text, str(blocks[-1])))
    if continues:
        blocks[-1] = str(blocks[-1]) + text
    else:
        blocks += ["\n", text] if blank else [text]  # an empty paragraph: a blank line, as in the text
    return line


def _at_edge(line: _Line, text: str, page_lines: list[_Line]) -> bool:
    """A page number: "第3页", "- 3 -", or a bare number as the page's first or last line away from
    the text's left edge; a bare number inside the page or at that edge is a 序号 (a table pasted as
    one cell a line)."""
    if not text.isdigit():
        return True
    if line.x0 <= min(ln.x0 for ln in page_lines) + 0.5 * (line.size or 10.0):
        return False
    return line.top <= min(ln.top for ln in page_lines) or line.top >= max(ln.top for ln in page_lines)


def _own_label(text: str, before: str) -> bool:
    """"牵头单位：…" after a line as wide as the page opens a line of its own, unless it goes on in a
    bracket the line before left open ("（牵头单位：市交委；" / "配合单位：市建委）")."""
    opened = before.count("（") + before.count("(") - before.count("）") - before.count(")")
    return bool(ASSIGN_LINE.match(text)) and opened <= 0
