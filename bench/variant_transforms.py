"""The meaning-preserving transformations of bench/import_variants.py: each pure and deterministic
(the random ones are seeded by the document's name), (text, document name) -> text."""

from __future__ import annotations

import html
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from import_pages import pages  # noqa: E402

from scheduler.importer import columns, vocab  # noqa: E402
from scheduler.importer.parse import parse_document  # noqa: E402

Transform = Callable[[str, str], str]  # (text, document name) -> text


_HALF = str.maketrans("（）：；，", "():;,")


def halfwidth(text: str, _: str) -> str:
    return text.translate(_HALF)


_ASCII_INNER = re.compile(r"(?<![0-9A-Za-z])[():;]|[():;](?![0-9A-Za-z])")
_FULL = {"(": "（", ")": "）", ":": "：", ";": "；"}


def fullwidth(text: str, _: str) -> str:
    """( ) : ; → full width, except between two ASCII letters/digits ("10:30", "a:b")."""
    return _ASCII_INNER.sub(lambda m: _FULL[m[0]], text)


def indent(text: str, _: str) -> str:
    return "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in text.split("\n"))


def nbsp(text: str, name: str) -> str:
    rng = random.Random(f"nbsp {name}")
    return "".join("\u00a0" if ch == " " and rng.random() < 0.5 else ch for ch in text)


def trailing(text: str, name: str) -> str:
    rng = random.Random(f"trailing {name}")
    return "\n".join(ln + rng.choice((" ", "\t", "  ", " \t", "\u3000")) if ln.strip() else ln
                     for ln in text.split("\n"))


def blank(text: str, _: str) -> str:
    return "\n\n".join(ln for ln in text.split("\n") if ln.strip())


def noblank(text: str, _: str) -> str:
    return "\n".join(ln for ln in text.split("\n") if ln.strip())


def wrap(width: int) -> Transform:
    def wrapped(text: str, _: str) -> str:
        return "\n".join(ln[i:i + width] for ln in text.split("\n") for i in range(0, max(len(ln), 1), width))
    wrapped.__name__ = f"wrap{width}"
    return wrapped


def crlf(text: str, _: str) -> str:
    return text.replace("\n", "\r\n")


def bom(text: str, _: str) -> str:
    return "\ufeff" + text


_DOTS = re.compile(r"^(\s*)(\d{1,3})[.．、﹒](?![\d.．])", re.M)


def dots(style: str) -> Transform:
    def restyled(text: str, _: str) -> str:
        return _DOTS.sub(lambda m: f"{m[1]}{m[2]}{style}", text)
    return restyled


def _traditional_table() -> dict[str, str]:
    table = {s: forms[0] for s, forms in vocab._TRADITIONAL.items()}
    for t, s in zip(columns._TRADITIONAL, columns._SIMPLIFIED, strict=True):
        table.setdefault(s, t)
    return table


_TO_TRAD = str.maketrans(_traditional_table())
FROM_TRAD = str.maketrans({t: s for s, t in _traditional_table().items()}
                           | {t: s for s, forms in vocab._TRADITIONAL.items() for t in forms})


def trad(text: str, _: str) -> str:
    return text.translate(_TO_TRAD)


_SPACE_RUN = re.compile(r" {2,}")


def page(text: str, name: str) -> str:
    """The text as a gov.cn page: header, nav, 索引号 box (the document's own facts), content, footer."""
    draft = parse_document(text)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = html.escape(draft.title or (lines[0] if lines else name))
    box = [("索引号：", "000014349/2021-00123"), ("主题分类：", "综合政务\\其他"), ("标题：", title)]
    if draft.number:
        box.append(("发文字号：", html.escape(draft.number)))
    if draft.issued:
        box += [("成文日期：", f"{draft.issued.year}年{draft.issued.month:02d}月{draft.issued.day:02d}日")]
    cells = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in box)
    # runs of spaces (a table set out with spaces) as a web editor writes them: &nbsp;
    body = "\n".join("<p>" + _SPACE_RUN.sub(lambda m: "&nbsp;" * len(m[0]), html.escape(ln)) + "</p>" for ln in lines)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_政府信息公开</title>'
            '<script>var s="首页";</script></head><body>\n'
            '<div class="header"><a href="/">首页</a> | <a href="/zhengce/">政策</a> | 简 | 繁 | 无障碍</div>\n'
            '<div class="nav">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 政策文件库</div>\n'
            f'<table class="bd1" border="1">{cells}</table>\n'
            f'<div class="pages_content" id="UCAP-CONTENT">\n{body}\n</div>\n'
            '<div class="editor">【我要纠错】 责任编辑：王某</div>\n'
            '<div class="footer">主办单位：某某人民政府办公室　网站标识码：1234000001　'
            'ICP备案号：京ICP备05070218号</div>\n'
            "</body></html>\n")


_DATE_DOT = re.compile(r"(?<![\d.])(20\d\d)\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d.万亿千百%余多个元吨亩户人家所座公里米])")


def widedots(text: str, _: str) -> str:
    """台账 dates "2022.6.30" / "2022.10" typed with the full-width period (Chinese input method)."""
    return _DATE_DOT.sub(lambda m: "．".join(g for g in m.groups() if g), text)


_RANGE = re.compile(r"(\d{1,2}[月日](?:底|中旬|上旬|下旬)?)(至)(?=(?:20\d\d年)?\d{1,2}[月日])")


def tilde(text: str, _: str) -> str:
    """A date range "3月1日至3月31日" written with "～" (a wave dash, as many copies do)."""
    return _RANGE.sub(lambda m: m[1] + "～", text)


def widedigits(text: str, _: str) -> str:
    """ASCII digits typed full width ("２０２１年６月底前", Word documents)."""
    return text.translate({0x30 + i: 0xFF10 + i for i in range(10)})


TRANSFORMS: dict[str, Transform] = {
    "halfwidth": halfwidth, "fullwidth": fullwidth, "indent": indent, "nbsp": nbsp, "trailing": trailing,
    "blank": blank, "noblank": noblank, "wrap35": wrap(35), "wrap48": wrap(48), "crlf": crlf, "bom": bom,
    "dots_period": dots("."), "dots_wide": dots("．"), "dots_comma": dots("、"), "trad": trad, "html": page,
    "widedots": widedots, "tilde": tilde, "widedigits": widedigits,
    "pages": pages, "pages_wrap35": lambda text, name: pages(wrap(35)(text, name), name, cut=False),
}
