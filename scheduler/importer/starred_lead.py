"""Lead units marked with a sign (issue #13 round 54): a plan that writes its units in one list
and marks the leading one, saying so once:

    （责任单位：☆经信局、科技局。标☆的为牵头单位，下同。）

The sentence "标☆的为牵头单位" is a rule, not a unit; wherever the document states it, each
assignment list that marks a name with that sign is rewritten so that the marked names lead and
the others are responsible ("（牵头单位：经信局；责任单位：科技局）"). A document that never states
the rule is left as it is: a sign alone says nothing of who leads.
"""

from __future__ import annotations

import re

_SIGNS = "☆★※*＊▲△◆●■"
# "标☆的为牵头单位，下同。", "带★的单位为牵头单位", "（加*号的为牵头部门）"; traditional forms written out
_MARKED = rf"([{re.escape(_SIGNS)}])\s*(?:[号號]|符[号號]|[标標]记)?的?(?:[单單]位|部[门門])?[为為爲是][牵牽][头頭]"
_CORE = rf"(?:[标標]注?|[带帶]有?|加注?|注有|有)?\s*{_MARKED}(?:[单單]位|部[门門])?[，,]?\s*(?:下同)?[。.；;]?"
_RULE = re.compile(rf"[（(]{_CORE}[)）]|{_CORE}")
# where the rule is looked for: from its sign on, so that a long text is scanned by a character class
_FIND = re.compile(_MARKED)
_LABEL = r"(?:[责責]任[单單]位|[责責]任部[门門]|[牵牽][头頭][单單]位|[牵牽][头頭]部[门門]|[单單]位)\s*[:：]"
_LIST = re.compile(rf"^(?:{_LABEL})?\s*(.+?)[。.；;，,\s]*$")
_OPEN, _CLOSE = "（(", "）)"


def starred_leads(lines: list[str]) -> list[str]:
    """The lines with each marked list split into leading and responsible units."""
    joined = "\n".join(lines)
    if not any(sign in joined for sign in _SIGNS):  # one pass in C: a plan without signs costs that
        return lines
    rule = _FIND.search(joined)
    if rule is None:
        return lines
    sign = rule[1]
    return [_rewritten(ln, sign) if sign in ln else ln for ln in lines]


def _rewritten(line: str, sign: str) -> str:
    line = _RULE.sub("", line)
    if re.match(_LABEL, line.lstrip()) and (split := _split(line, sign)):
        return split  # a label line: "责任单位：☆A、B"
    body = line.rstrip("。.；; ")
    end = len(body) - 1
    if end < 0 or body[end] not in _CLOSE:
        return line
    start = body.rfind(_OPEN[0], 0, end)
    start = max(start, body.rfind(_OPEN[1], 0, end))
    if start < 0 or (split := _split(body[start + 1:end], sign)) is None:
        return line
    return f"{line[:start]}（{split}）{line[end + 1:]}"


def _split(text: str, sign: str) -> str | None:
    """"责任单位:☆经信局、科技局。" → "牵头单位：经信局；责任单位：科技局"; None when no name is marked."""
    m = _LIST.match(text.strip())
    if m is None:
        return None
    names = [n.strip() for n in re.split(r"[、，,]", m[1]) if n.strip()]
    lead = [n.lstrip(sign).strip() for n in names if n.startswith(sign)]
    if not lead or any(sign in n for n in names if not n.startswith(sign)):
        return None
    others = [n for n in names if not n.startswith(sign)]
    return f"牵头单位：{'、'.join(lead)}" + (f"；责任单位：{'、'.join(others)}" if others else "")
