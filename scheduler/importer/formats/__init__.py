"""Documents in the formats plans come in → the text the importer's one grammar reads.

The format is chosen by the file's bytes (FACTS §9), never by its extension: PK zip → .docx,
.xlsx or .ofd by content; D0CF11E0 → .doc/.wps/.xls through LibreOffice; %PDF; a page saved as one
file (.mht) by its MIME header; HTML by its markup; the rest is text (UTF-16 with a byte-order mark
becomes UTF-8 first; a CSV task table when its first rows hold a task table's header).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from scheduler.errors import os_reason
from scheduler.importer.formats.blocks import Block, FormatError
from scheduler.importer.formats.detect import ole_kind, sniff
from scheduler.importer.formats.tables import to_lines
from scheduler.importer.formats.text import decode

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = "支持 .txt、.docx、.html、.mht、.pdf（有文字层）、.ofd、.xlsx、.csv，以及装有 LibreOffice 时的 .doc/.wps"


def document_text(path: Path) -> str:
    """The document's text: paragraphs as lines, task tables as lines of the text grammar."""
    data = read_bytes(path)
    kind = sniff(data)
    if kind == "text":
        text = decode(path, data)
        from scheduler.importer.formats.delimited import looks_like_csv, read_csv
        from scheduler.importer.formats.markdown import markdown_blocks

        if (blocks := markdown_blocks(text)) is not None:  # a Markdown plan's pipe tables
            return "\n".join(to_lines(blocks))

        return "\n".join(to_lines(read_csv(path, text))) if looks_like_csv(text) else text
    return "\n".join(to_lines(read_blocks(path, data, kind)))


def read_blocks(path: Path, data: bytes, kind: str) -> list[Block]:
    if kind == "empty":
        return []
    if kind == "docx":
        from scheduler.importer.formats.docx import read_docx

        return read_docx(path)
    if kind == "xlsx":
        from scheduler.importer.formats.xlsx import read_xlsx

        return read_xlsx(path)
    if kind == "pdf":
        from scheduler.importer.formats.pdf import read_pdf

        return read_pdf(path)
    if kind == "ofd":
        from scheduler.importer.formats.ofd import read_ofd

        return read_ofd(path)
    if kind == "html":
        from scheduler.importer.formats.html import read_html

        return read_html(path, decode(path, data) if b"\x00" not in data[:4096] else "")
    if kind == "mhtml":
        from scheduler.importer.formats.mhtml import read_mhtml

        return read_mhtml(path, data)
    if kind == "image":
        raise FormatError(f"{path}：这是图片（扫描件或截图），duban import 不识别图片中的文字；"
                          f"请向发文单位索取文字版，或先用文字识别（OCR）转成文字；{SUPPORTED}")
    if kind == "encrypted":
        raise FormatError(f"{path}：Office 文件有密码保护，请在 Word/WPS/Excel 中取消密码后另存再导入")
    if kind == "ole":
        return _legacy(path, data)
    if kind == "zip":
        raise FormatError(f"{path}：这是 zip 压缩包或已损坏的 Office 文件，不是 .docx/.xlsx；{SUPPORTED}")
    raise FormatError(f"{path}：无法识别的文件格式；{SUPPORTED}")


def _legacy(path: Path, data: bytes) -> list[Block]:
    from scheduler.importer.formats.legacy import convert

    kind = ole_kind(data)
    if kind == "ppt" or kind == "other":
        raise FormatError(f"{path}：这是 Office 97-2003 的其他类型文件（不是 Word/WPS 文字/Excel）；{SUPPORTED}")
    converted, work = convert(path, kind)
    with work:
        return _read_converted(path, converted, kind)


def _read_converted(path: Path, converted: Path, kind: str) -> list[Block]:
    if kind == "xls":
        from scheduler.importer.formats.xlsx import read_xlsx

        return read_xlsx(converted)
    from scheduler.importer.formats.docx import read_docx

    try:
        return read_docx(converted)
    except FormatError:
        raise FormatError(f"{path}：LibreOffice 转换后的文件无法读取") from None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused with a message when unreadable or over 20 MB."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise FormatError(f"{path}：无法读取文件（{os_reason(err)}）") from None
    if len(data) > MAX_BYTES:
        raise FormatError(f"{path}：文件超过 20 MB，不像是一份工作要点")
    return _from_utf16(path, data)


def _from_utf16(path: Path, data: bytes) -> bytes:
    """Text saved as "Unicode" (Notepad, Word's and Excel's "Unicode text"): UTF-16 with its byte-order
    mark, as UTF-8, so that it is sniffed and read like any text, page or CSV."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise FormatError(f"{path}：文件以 UTF-16 标记开头，但内容不是完整的 UTF-16 文本（可能已损坏）；"
                          "请另存为 UTF-8 文本后再导入") from None


__all__ = ["Block", "FormatError", "decode", "document_text", "read_blocks", "read_bytes"]
