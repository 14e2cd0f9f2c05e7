"""Web pages saved as one file (.mht/.mhtml: "网页，单个文件" in IE, Edge and Chrome): a MIME message
whose first text/html part is the page, read like any page. The stdlib's email package decodes it."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from scheduler.importer.formats.blocks import Block, FormatError
from scheduler.importer.formats.text import decode

# the message's own header (IE: "From: <由 Microsoft Internet Explorer 11 保存>", Chrome: "From: <Saved by
# Blink>") announcing the parts of a page
_RELATED = re.compile(rb"^Content-Type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_HEADER_START = re.compile(rb"^(?:From|MIME-Version|Subject|Date|Content-Type|Snapshot-Content-Location|X-[\w-]+):",
                           re.IGNORECASE)
# charsets a page declares that Python knows under a wider name
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}


def is_mhtml(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_HEADER_START.match(head)) and bool(_RELATED.search(head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]))


def page_of(path: Path, data: bytes) -> str:
    """The text of the saved page's HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = (part.get_content_charset() or "").lower()
        try:
            return payload.decode(_WIDER.get(charset, charset)) if charset else decode(path, payload)
        except (LookupError, UnicodeDecodeError):
            return decode(path, payload)
    raise FormatError(f"{path}：这是保存为单个文件的网页（.mht），但其中没有网页正文（可能已损坏）；"
                      "请在浏览器中重新打开原网页，另存为“网页，仅 HTML”后再导入")


def read_mhtml(path: Path, data: bytes) -> list[Block]:
    from scheduler.importer.formats.html import read_html

    return read_html(path, page_of(path, data))
