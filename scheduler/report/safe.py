"""Spreadsheet safety: text from the tasks files never becomes a formula in Excel, WPS or LibreOffice.

A cell whose text starts with = + - @ (also after leading spaces, tabs or line breaks), or with a tab
or carriage return, is read as a formula by spreadsheet programs ("CSV injection"): such text gets
a leading apostrophe, the usual neutralisation (OWASP). Numbers and dates are written as such.

Control characters (text copied from Word carries vertical tabs, its soft line break) are not
allowed in XML and show as junk elsewhere: `printable` turns a vertical tab or form feed into a
line break and drops the others, for every format of the reports.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@")
# C0 controls but tab, line feed and carriage return; U+FFFE/U+FFFF (not characters, not in XML)
_CONTROLS = {c: None for c in (*range(0, 9), *range(14, 32), 0x7F, 0xFFFE, 0xFFFF)} | {11: "\n", 12: "\n"}


def printable(text: str) -> str:
    """Text without control characters: vertical tab and form feed become line breaks."""
    return text.translate(_CONTROLS) if not text.isprintable() else text


def cell_text(text: str) -> str:
    if text[:1] in ("\t", "\r") or text.lstrip(" \t\r\n").startswith(_TRIGGERS):
        return "'" + text
    return text


def cell(value: object) -> object:
    """A cell value with any text neutralised; other types unchanged."""
    return cell_text(printable(value)) if isinstance(value, str) else value
