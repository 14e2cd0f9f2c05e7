"""The assignment clauses that close an item's sentences.

An item is a run of sentences, each group of them closed by a bracket naming who does it:

    …营造良好的体育竞赛表演产业准入环境。（市场监管总局负责）加强体育产业创新创业教育服务，…
    鼓励退役运动员投身体育竞赛表演产业。（体育总局、教育部负责）

Every such bracket belongs to the item; the item's units are all of them, in order.
"""

from __future__ import annotations

import re

from scheduler.importer.assign import Assignment, looks_like_assignment, parse_assignment
from scheduler.importer.vocab import CLOSE, OPEN, starts_with_label

_STOPS = "。；;.！!"
_OPEN = re.compile(f"[{re.escape(OPEN)}]")
_BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")
_ROLE = re.compile("牵头|负责|配合|牽頭|負責")


def closing_groups(body: str) -> tuple[list[str], str]:
    """The texts of the assignment brackets that close a sentence of `body` (in order), and the
    body without them. A bracket closes a sentence when a stop comes just before it, or when it
    ends the body or is followed by a stop; brackets inside a sentence ("（以下简称《方案》）") stay."""
    if not _OPEN.search(body):
        return [], body
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _BRACKET.finditer(body):
        pos = m.start()
        if body[pos] in OPEN:
            if depth == 0:
                start = pos
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                groups.append((start, pos + 1))
    found: list[str] = []
    kept: list[str] = []
    last = 0
    closes: list[int] | None = None
    for n, (start, end) in enumerate(groups):
        # the text around the bracket, looked at from the bracket outwards (a page stored as one
        # line has thousands of brackets: copying what comes before each one made it quadratic)
        before = _visible_end(body, start)
        after = _visible_start(body, end)
        inner = body[start + 1:end - 1]
        at_stop = before == 0 or body[before - 1] in _STOPS or after == len(body) or body[after] in _STOPS
        # "…减免政策(X、Y等负责),建设…": before a comma, in an item whose other brackets close sentences (round 72)
        at_comma = not at_stop and body[after] in "，," and _ROLE.search(inner) is not None
        if at_comma and not found:
            if closes is None:  # worked out once: a page stored as one line has thousands of brackets
                closes = [i for i, (_, e) in enumerate(groups)
                          if _visible_start(body, e) == len(body) or body[_visible_start(body, e)] in _STOPS]
            at_comma = bool(closes) and closes[-1] > n
        if (at_stop or at_comma) and not _town_alias(body[max(0, before - _TOWN_CHARS):before], inner) \
                and looks_like_assignment(inner):
            found.append(inner)
            kept.append(body[last:start])
            last = end
    if not found:
        return [], body
    kept.append(body[last:])
    return found, "".join(kept)


def _visible_end(body: str, start: int) -> int:
    """Where `body[:start].rstrip()` ends."""
    while start > 0 and body[start - 1].isspace():
        start -= 1
    return start


def _visible_start(body: str, end: int) -> int:
    """Where `body[end:].lstrip()` begins."""
    while end < len(body) and body[end].isspace():
        end += 1
    return end


# "分解落实到相关镇人民政府（街道办事处）。": a town's government and its counterpart in the city, one name
_TOWN = re.compile(r"(?:人民政府|政府|镇|鎮|乡|鄉)$")
_TOWN_CHARS = 4  # the longest ending above: the end of the text before a bracket is enough
_STREET = re.compile(r"^(?:街道办事处|街道辦事處|街道办|街道|办事处|辦事處)$")


def _town_alias(before: str, inner: str) -> bool:
    return bool(_TOWN.search(before) and _STREET.match(inner.strip()))


def trailing_labels(body: str) -> tuple[list[str], str]:
    """Label sentences that end a paragraph without brackets, and the body before them:
    "…最高给予5000万元资助。责任单位：市委组织部、市科技局。" → ["责任单位：市委组织部、市科技局"]."""
    found: list[str] = []
    rest = body.rstrip()
    while True:
        text = rest.rstrip("。. ")
        cut = text.rfind("。")
        last = text[cut + 1:].strip()
        if cut < 0 or not starts_with_label(last):
            return found, (rest if found else body)
        found.insert(0, last)
        rest = text[:cut + 1]


# "农村道路畅通工程,牵头部门:市交通局。建设进度……": a short title, a comma, then its label clause
_TITLE_LABEL = re.compile(r"^([^。，,：:；;]{2,40})[，,]\s*(?=\S)")


def title_labels(body: str) -> tuple[list[str], str]:
    """A label clause that ends an item's first sentence after its short title ("棚户区改造,牵头部门:
    市住建委。新开工……") → that clause, and the body without it (the sentences after it stay)."""
    first, stop, rest = body.partition("。")
    m = _TITLE_LABEL.match(first)
    if m is None or not starts_with_label(label := first[m.end():]) or "。" in label:
        return [], body
    return [label], m[1] + stop + rest


def merged(texts: list[str], first_is_lead: bool = False) -> Assignment:
    """One Assignment from several clauses: every unit once, in the order first named. Under a
    "列第一位者为牵头单位" rule each clause's first unit leads (when the clause names no lead)."""
    out = parse_assignment(texts[0]) if len(texts) == 1 else Assignment()
    for text in texts if len(texts) > 1 else []:
        part = parse_assignment(text)
        if first_is_lead and not part.lead and part.responsible:
            part.lead.append(part.responsible.pop(0))
        for kind in ("lead", "responsible", "cooperating"):
            have: list[str] = getattr(out, kind)
            have += [n for n in getattr(part, kind) if n not in have]
        out.deadlines += part.deadlines
        out.etc = out.etc or part.etc
    # a unit named in several roles keeps the heaviest: lead > responsible > cooperating
    if out.lead:
        out.responsible = [n for n in out.responsible if n not in out.lead]
    if out.cooperating:
        out.cooperating = [n for n in out.cooperating if n not in out.lead and n not in out.responsible]
    return out
