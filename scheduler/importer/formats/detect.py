"""The format of a document from its bytes (FACTS §9): never from the extension."""

from __future__ import annotations

import io
import re
import zipfile

from scheduler.importer.formats.mhtml import is_mhtml

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG, GIF, TIFF (both byte orders); BMP and WebP by their own checks
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|body|head|table|p|div|meta)\b", re.IGNORECASE)


def sniff(data: bytes) -> str:
    """One of: docx, xlsx, ofd, zip, encrypted, ole, pdf, image, mhtml, html, text, empty."""
    if not data.strip():
        return "empty"
    if data.startswith(b"PK"):
        return _zip_kind(data)
    if data.startswith(OLE):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in data else "ole"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_IMAGES) or (data[:2] == b"BM" and data[6:10] == b"\x00" * 4) or data[8:12] == b"WEBP":
        return "image"
    if is_mhtml(data):
        return "mhtml"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML.match(head) or (head.startswith(b"<") and _HTML.search(data[:4096])):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def ole_kind(data: bytes) -> str:
    """doc, wps, xls or other for a compound file, from its stream names."""
    for name, kind in (("WordDocument", "doc"), ("Workbook", "xls"), ("Book", "xls"),
                       ("WpsContent", "wps"), ("PowerPoint Document", "ppt")):
        if name.encode("utf-16-le") in data:
            return kind
    return "other"
