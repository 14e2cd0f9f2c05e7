"""Measures numbered as articles, as 若干措施, 实施办法 and 实施细则 are: "第一章 总则" / "第三条 降低企业
用地成本。……（责任单位：X）". The walker reads the levels of a plan, so chapters are written as its parts
("一、总则") and articles as its items ("（三）降低企业用地成本。……"), keeping the article's number.
Only a document with three articles or more whose numbers go up is rewritten."""

from __future__ import annotations

import re
from itertools import pairwise

from scheduler.importer.numerals import CN_NUM, cn_to_int, int_to_cn

_ARTICLE = re.compile(rf"^第([{CN_NUM}]{{1,4}})条[\s\u3000]*(.+)$")
_CHAPTER = re.compile(rf"^第([{CN_NUM}]{{1,3}})[章节][\s\u3000]*([^\s。，；]{{1,30}})$")
_MIN_ARTICLES = 3


def article_lines(lines: list[str]) -> list[str]:
    found = {i: m for i, ln in enumerate(lines) if ln[:1] == "第" and (m := _ARTICLE.match(ln))}
    numbers = [cn_to_int(m[1]) for m in found.values()]
    if len(numbers) < _MIN_ARTICLES or sum(b > a for a, b in pairwise(numbers)) < 0.8 * (len(numbers) - 1):
        return lines
    out = []
    for i, ln in enumerate(lines):
        if (m := found.get(i)) is not None:
            out.append(f"（{int_to_cn(cn_to_int(m[1]))}）{m[2]}")
        elif h := _CHAPTER.match(ln):
            out.append(f"{int_to_cn(cn_to_int(h[1]))}、{h[2]}")
        else:
            out.append(ln)
    return out
