"""HTML pages of government sites: the article's text in reading order, and its real tables.

gov.cn pages put the whole article inside layout tables; a layout table is read as text, a
task table (its header row names 牵头/责任/配合/时限…) as a Table with rowspan/colspan expanded.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from scheduler.importer.formats.blocks import Block, FormatError, Table, grid
from scheduler.importer.formats.continued import goes_on
from scheduler.importer.formats.html_lists import li_marker, text_levels
from scheduler.importer.formats.tables import is_task_table

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "center", "blockquote", "pre", "dd", "dt", "dl", "form", "header", "footer", "main",
          "address", "figure", "figcaption", "caption", "hr", "tbody", "thead", "tfoot", "body"}
_SKIP = {"script", "style", "noscript", "head", "title", "nav", "iframe", "select", "button", "template"}
# an XHTML page's XML declaration: lxml refuses a decoded string that still names an encoding
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")
_CONTENT = re.compile(r"UCAP-CONTENT|TRS_Editor|article|pages_content|zoom|content|zhengwen|main", re.I)


def read_html(path: Path, text: str) -> list[Block]:
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError):
        raise FormatError(f"{path}：无法解析网页，文件可能已损坏或不是网页；"
                          "请在浏览器中打开后另存为“网页，仅 HTML”再导入") from None
    article = _article(root)
    reader = _Reader(text_levels(article) if article.find(".//ol") is not None else 0)
    reader.walk(article)
    reader.newline()
    return reader.blocks


def _article(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: the content-like element with most of the page's text."""
    body = root.find("body")
    body = body if body is not None else root
    total = len(_text(body))
    best, size = body, 0
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        names = f"{el.get('id', '')} {el.get('class', '')}"
        if _CONTENT.search(names) and (n := len(_text(el))) > size and n >= 0.3 * total:
            best, size = el, n
    return best


def _text(el: lxml.html.HtmlElement) -> str:
    return "".join(t for t in el.itertext() if t.strip())


class _Reader:
    def __init__(self, list_base: int = 0) -> None:
        self.list_base = list_base  # GB/T 9704 levels the text uses above ordered lists
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.marker = ""

    def newline(self) -> None:
        # &nbsp; is not collapsed by a browser: a copy keeps its runs (a table set out with spaces)
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.line)).replace("\xa0", " ").strip()
        if text:
            self.blocks.append(self.marker + text)
            self.marker = ""
        self.line = []

    def walk(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP or not isinstance(el.tag, str):
            return
        if tag == "table":
            self.table(el)
        elif tag == "br":
            self.newline()
        else:
            block = tag in _BLOCK
            if block:
                self.newline()
            if tag == "li":
                self.marker = li_marker(el, self.list_base)  # before the item's first line, even inside its <p>
            if el.text:
                self.line.append(el.text)
            for child in el:
                self.walk(child)
                if child.tail:
                    self.line.append(child.tail)
            if block:
                self.newline()

    def table(self, el: lxml.html.HtmlElement) -> None:
        self.newline()
        rows = _expand(el)
        if is_task_table(rows) or goes_on(self.blocks, rows):
            self.blocks.append(grid(rows))
            return
        for tr in _rows(el):  # a layout or data table: its cells as text, row by row
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            for cell in cells:
                self.walk_cell(cell)
            self.newline()

    def walk_cell(self, cell: lxml.html.HtmlElement) -> None:
        if self.line and "".join(self.line).strip():
            self.line.append("\t")
        if cell.text:
            self.line.append(cell.text)
        for child in cell:
            self.walk(child)
            if child.tail:
                self.line.append(child.tail)


def _rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The rows of this table, not of tables nested in its cells."""
    out = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            out.append(child)
        elif tag in ("tbody", "thead", "tfoot"):
            out += [tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr"]
    return out


def _expand(table: lxml.html.HtmlElement) -> list[list[str]]:
    """The table's grid with rowspan/colspan expanded: a spanning cell fills every position."""
    out: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(_rows(table)):
        row: list[str] = []
        col = 0
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = _cell_text(cell)
            span_c, span_r = _span(cell.get("colspan")), _span(cell.get("rowspan"))
            for dc in range(span_c):
                row.append(text)
                for dr in range(1, span_r):
                    pending[(r + dr, col + dc)] = text
            col += span_c
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        out.append(row)
    return out


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 500))
    except ValueError:
        return 1


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    reader = _Reader()
    for child in [cell]:
        if child.text:
            reader.line.append(child.text)
        for sub in child:
            reader.walk(sub)
            if sub.tail:
                reader.line.append(sub.tail)
    reader.newline()
    return "\n".join(b for b in reader.blocks if isinstance(b, str))


__all__ = ["Table", "read_html"]
