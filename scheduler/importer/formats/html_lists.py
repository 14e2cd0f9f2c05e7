"""The numbers of an HTML ordered list (<ol><li>), which a browser draws and the text does not hold:
pages exported from Word processors (LibreOffice "HTML", some CMS editors) keep a plan's automatic
numbering only so. The marker follows the list's `type` or CSS `list-style-type`; a list that names
none takes the levels of GB/T 9704 (公文格式: "一、", "（一）", "1．", "（1）"), starting below the levels
the page's own text already uses (a list of tasks under headings typed "一、" is numbered "（一）")."""

from __future__ import annotations

import re

import lxml.html

from scheduler.importer.numerals import int_to_cn

_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)
_ALREADY = re.compile(r"^\s*(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]"
                      r"|\d{1,3}[、．.]|[①-⑳])")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_TYPE = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


_LEVELS = (re.compile(r"^\s*[一二三四五六七八九十]+、"), re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]"),
           re.compile(r"^\s*\d{1,2}[．.、](?!\d)"), re.compile(r"^\s*[（(]\d{1,2}[）)]"))


def text_levels(article: lxml.html.HtmlElement) -> int:
    """How many GB/T 9704 levels, from the top, the page's text outside ordered lists uses."""
    seen = [False] * len(_LEVELS)
    for el in article.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "span", "font", "strong", "b"):
        if any(isinstance(a.tag, str) and a.tag.lower() == "ol" for a in el.iterancestors()):
            continue
        head = (el.text or "")[:12]
        for level, pattern in enumerate(_LEVELS):
            seen[level] = seen[level] or bool(pattern.match(head))
    return next((n for n, used in enumerate(seen) if not used), len(seen))


def li_marker(li: lxml.html.HtmlElement, base: int = 0) -> str:
    """The marker before this <li> of an <ol> ("" for an unordered or unstyled list, or when the item's
    own text already starts with a number); `base`: the levels the page's text uses (`text_levels`)."""
    ol = li.getparent()
    if ol is None or not isinstance(ol.tag, str) or ol.tag.lower() != "ol":
        return ""
    if _ALREADY.match(li.text_content()):
        return ""
    kind = _kind(li) or _kind(ol)
    if kind == "none":
        return ""
    n = _ordinal(li, ol)
    if kind:
        return _format(kind, n)
    depth = sum(1 for a in li.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "ol")
    level = base + depth - 1
    if level == 0:
        return f"{int_to_cn(n)}、"
    if level == 1:
        return f"（{int_to_cn(n)}）"
    return f"{n}．" if level == 2 else f"（{n}）" if level == 3 else _circled(n)


def _kind(el: lxml.html.HtmlElement) -> str:
    typed = el.get("type", "")
    if typed in _TYPE:
        return _TYPE[typed]
    m = _STYLE.search(el.get("style", ""))
    return m[1].lower() if m else ""


def _ordinal(li: lxml.html.HtmlElement, ol: lxml.html.HtmlElement) -> int:
    """start, then one more per item, `value` resetting the count (as browsers number)."""
    n = _int(ol.get("start"), 1) - 1
    for item in ol:
        if not isinstance(item.tag, str) or item.tag.lower() != "li":
            continue
        n = _int(item.get("value"), n + 1)
        if item is li:
            break
    return n


def _int(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.strip().lstrip("-").isdigit() else default


def _format(kind: str, n: int) -> str:
    if kind in ("cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal", "cjk-decimal"):
        return f"{int_to_cn(n)}、"
    if kind in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if kind.startswith('upper') else letter}．"
    if kind in ("lower-roman", "upper-roman") and n >= 1:
        roman = _roman(n)
        return f"{roman.upper() if kind == 'upper-roman' else roman}．"
    if kind in ("decimal-leading-zero",):
        return f"{n:02d}．"
    return f"{n}．"


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _circled(n: int) -> str:
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"{n}）"
