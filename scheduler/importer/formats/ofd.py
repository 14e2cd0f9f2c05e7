""".ofd (GB/T 33190, the Chinese fixed-layout format official documents are increasingly published in):
a zip of XML parts whose pages hold text objects placed on the page.

    OFD.xml → DocBody/DocRoot (Doc_0/Document.xml) → Pages/Page/@BaseLoc (Pages/Page_0/Content.xml)
    → Layer/TextObject/@Boundary "x y w h" → TextCode/@X @Y (relative to the boundary) "text"

The text codes are gathered into lines by their baseline and read left to right (a wide gap, as
between a table's columns, is kept as spaces); the lines are joined into paragraphs as a PDF's are
(pdf.py). Page templates (running heads, page numbers) are not read.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from lxml import etree

from scheduler.importer.formats.blocks import Block, FormatError
from scheduler.importer.formats.pdf import _add_line, _Line

MAX_PAGES, MAX_PART = 500, 20 * 1024 * 1024
_NUMBERS = re.compile(r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class _Run:
    text: str
    x0: float
    x1: float
    y: float  # the baseline
    size: float


def read_ofd(path: Path) -> list[Block]:
    try:
        with zipfile.ZipFile(path) as package:
            pages = _page_parts(package)
            blocks: list[Block] = []
            for part in pages[:MAX_PAGES]:
                _add_page(blocks, _runs(_xml(package, part)))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, etree.XMLSyntaxError) as err:
        raise FormatError(f"{path}：OFD 文件已损坏或不完整，无法读取（{type(err).__name__}）") from None
    if not any(isinstance(b, str) and b.strip() for b in blocks):
        raise FormatError(f"{path}：OFD 文件中没有文字（可能是扫描件），无法读取；"
                          "请用原始的 Word/WPS 文件，或先做文字识别（OCR）")
    return blocks


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    info = package.getinfo(name)
    if info.file_size > MAX_PART:
        raise ValueError(name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(package.read(info), parser)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in element.iter() if _local(e) == name]


def _resolve(base: str, loc: str) -> str:
    """A location in the package: absolute ("/Doc_0/…") or relative to the part that names it."""
    loc = loc.strip().replace("\\", "/")
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(posixpath.dirname(base), loc))


def _page_parts(package: zipfile.ZipFile) -> list[str]:
    root = _xml(package, "OFD.xml")
    doc_root = next((e.text for e in _children(root, "DocRoot") if e.text), None)
    if doc_root is None:
        raise KeyError("DocRoot")
    document_part = _resolve("OFD.xml", doc_root)
    document = _xml(package, document_part)
    return [_resolve(document_part, page.get("BaseLoc", "")) for page in _children(document, "Page")
            if page.get("BaseLoc")]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBERS.findall(text or "")]


def _runs(page: etree._Element) -> list[_Run]:
    runs: list[_Run] = []
    for obj in _children(page, "TextObject"):
        box = _numbers(obj.get("Boundary")) + [0.0] * 4
        size = (_numbers(obj.get("Size")) or [box[3] or 3.5])[0]
        ctm = (_numbers(obj.get("CTM")) + [1.0, 0.0, 0.0, 1.0, 0.0, 0.0][len(_numbers(obj.get("CTM"))):])[:6]
        x = y = 0.0  # a TextCode's position in the object's space, mapped by its CTM "a b c d e f" into the boundary's
        for code in _children(obj, "TextCode"):
            x = (_numbers(code.get("X")) or [x])[0]
            y = (_numbers(code.get("Y")) or [y])[0]
            text = "".join(code.itertext())
            if text.strip():
                a, b, c, d, e, f = ctm
                width = _advance(code.get("DeltaX"), len(text), size) * abs(a or 1)
                left, base = box[0] + a * x + c * y + e, box[1] + b * x + d * y + f
                runs.append(_Run(text, left, left + width, base, size * abs(d or 1)))
    return runs


def _advance(delta: str | None, count: int, size: float) -> float:
    """The width of a run: its glyph advances ("g 10 4.2" is ten advances of 4.2), then one glyph."""
    steps: list[float] = []
    tokens = (delta or "").split()
    i = 0
    while i < len(tokens) and len(steps) < count - 1:
        if tokens[i] == "g" and i + 2 < len(tokens):
            steps += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            steps += _numbers(tokens[i])
            i += 1
    steps = steps[:count - 1] + [size] * max(0, count - 1 - len(steps))
    return sum(steps) + size


def _add_page(blocks: list[Block], runs: list[_Run]) -> None:
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x0)):
        if lines and abs(lines[-1][0].y - run.y) <= 0.3 * run.size:
            lines[-1].append(run)
        else:
            lines.append([run])
    page = [_line(sorted(line, key=lambda r: r.x0)) for line in lines]
    previous: _Line | None = None
    for line in page:
        if "  " in line.text:  # a table's row, its cells apart: no paragraph goes on into it or from it
            blocks.append(line.text)
            previous = None
        else:
            previous = _add_line(blocks, line, previous, page)


def _line(runs: list[_Run]) -> _Line:
    text = runs[0].text
    for before, run in pairwise(runs):
        text += ("  " if run.x0 - before.x1 > 0.6 * run.size else "") + run.text
    return _Line(text, runs[0].x0, runs[-1].x1, max(r.size for r in runs), runs[0].y)
