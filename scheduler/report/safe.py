"""Spreadsheet safety: text from the tasks files never becomes a formula in Excel, WPS or LibreOffice.

A cell whose text starts with = + - @ (also after leading spaces, tabs or line breaks), or with a tab
or carriage return, is read as a formula by spreadsheet programs ("CSV injection"): such text gets
a leading apostrophe, the usual neutralisation (OWASP). Numbers and dates are written as such.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@")


def cell_text(text: str) -> str:
    if text[:1] in ("\t", "\r") or text.lstrip(" \t\r\n").startswith(_TRIGGERS):
        return "'" + text
    return text


def cell(value: object) -> object:
    """A cell value with any text neutralised; other types unchanged."""
    return cell_text(value) if isinstance(value, str) else value
