""".docx: paragraphs and tables in document order, with the automatic numbering python-docx
hides and merged cells (gridSpan, vMerge) expanded into the grid."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from scheduler.importer.formats.blocks import Block, FormatError, grid
from scheduler.importer.formats.numbering import Numbering, W, load_numbering


def read_docx(path: Path) -> list[Block]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise FormatError(f"{path}：Word 文件已损坏或不完整，无法打开（{type(err).__name__}）；"
                          "请在 Word/WPS 中打开后重新保存为 .docx") from None
    except Exception as err:  # lxml syntax errors of a damaged part
        raise FormatError(f"{path}：Word 文件内容无法解析（{type(err).__name__}）；"
                          "请在 Word/WPS 中打开后重新保存为 .docx") from None
    numbering = load_numbering(document)
    blocks: list[Block] = []
    _body(document.element.body, numbering, blocks)
    return blocks


def _body(parent: Any, numbering: Numbering, blocks: list[Block]) -> None:
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            text = numbering.prefix(child) + paragraph_text(child)
            blocks += [line for line in text.splitlines() if line.strip()]
        elif child.tag == f"{W}tbl":
            blocks.append(grid(_table(child, numbering)))
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            _body(content if content is not None else child, numbering, blocks)


def paragraph_text(p: Any) -> str:
    """Runs, hyperlinks, fields and inserted text of a w:p; breaks as newlines, tabs kept."""
    out: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if el.tag == f"{W}t":
            out.append(el.text or "")
        elif el.tag == f"{W}tab":
            if el.getparent() is not None and el.getparent().tag == f"{W}r":
                out.append("\t")
        elif el.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)


def _table(tbl: Any, numbering: Numbering) -> list[list[str]]:
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column → text of the cell a vMerge continues
    for tr in tbl.iterchildren(f"{W}tr"):
        row: list[str] = []
        trpr = tr.find(f"{W}trPr")
        before = trpr.find(f"{W}gridBefore") if trpr is not None else None
        if before is not None:
            row += [""] * _int(before.get(f"{W}val"))
        for tc in _cells(tr):
            tcpr = tc.find(f"{W}tcPr")
            span_el = tcpr.find(f"{W}gridSpan") if tcpr is not None else None
            vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            span = max(1, _int(span_el.get(f"{W}val")) if span_el is not None else 1)
            col = len(row)
            if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue":
                text = above.get(col, "")
            else:
                text = _cell_text(tc, numbering)
            for c in range(col, col + span):
                above[c] = text
            row += [text] * span
        rows.append(row)
    return rows


def _cells(tr: Any) -> list[Any]:
    out = []
    for child in tr.iterchildren():
        if child.tag == f"{W}tc":
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            out += _cells(content if content is not None else child)
    return out


def _cell_text(tc: Any, numbering: Numbering) -> str:
    lines: list[Block] = []
    _body(tc, numbering, lines)
    parts: list[str] = []
    for block in lines:
        parts += [block] if isinstance(block, str) else ["\t".join(r) for r in block.rows]
    return "\n".join(parts)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
