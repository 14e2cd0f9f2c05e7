"""Layouts of target lists set right before the walk (issue #13 round 19), line by line:

- unnumbered target sentences (or paragraphs, round 21) under a short heading, each closed by its own assignment bracket
  ("(一)约束性指标" / "耕地保有量保持在2000.9万亩。(市国土局牵头)" / "单位工业增加值用水量……。(X、Y负责)")
  are marked as items without a number (layout.RECORD), one task each; copies that run them
  together on one line ("……20%。(市经委牵头)万元工业增加值……。(X牵头)") or put a bracket at the
  start of the next line ("……面积。" / "(市国土房管局牵头)主要污染物……") are set one to a line first;
- a heading that names the unit leading the work under it ("(一)省监察厅牵头的工作") gives that
  unit as the lead of each item under it ("牵头单位：X" after each); with no numbered item under
  it, its first paragraph is the item;
- "──由X和各县市区组织落实。" under an item is that item's assignment sentence (the dashes dropped: no group heading);
- an item whose number lost its stop in the copy ("1大力发展高新技术产业，……。(省科技厅、发展改革委)")
  gets it back ("1.") when the line closes with an assignment bracket.
"""

from __future__ import annotations

import re

from scheduler.importer.item import ASSIGN_LINE
from scheduler.importer.layout import RECORD
from scheduler.importer.numerals import CN_NUM
from scheduler.importer.vocab import UNIT_NAME, either

_ROLE = re.compile(r"牵头|負責|负责|主办|协办|配合|参与|牽頭|主辦|協辦")
_BRACKET = re.compile(r"[（(]([^（）()]{2,80})[）)]")
# a short heading, or one sentence of up to 44 characters ("(一)推动经济稳定健康发展,必须……拉动作用。", round 72)
_HEADING = re.compile(rf"^(?:[（(][{CN_NUM}]+[）)]|[{CN_NUM}]+、|\d{{1,2}}[.．、](?!\d))"
                      r"(?P<title>.{2,24}|[^。（）()]{25,44}。?)$")
_NUMBERED = re.compile(rf"^(?:[（(]?[{CN_NUM}\d]+[）)、．.]|第[{CN_NUM}\d]+)")
# "(一)省监察厅牵头的工作", "(二)市发展改革委负责的工作": the unit that leads the items under it
_LEAD_HEADING = re.compile(
    rf"^(?P<mark>[（(][{CN_NUM}]+[）)])(?P<unit>[\u4e00-\u9fff]{{2,20}}?)" + either(r"(?:牵头负责|牵头|负责)的工作")
    + r"[。.：:]?$")
_SUB = re.compile(r"^\d{1,2}[.．、](?!\d)")


def relayout_targets(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if "─由" in text or "—由" in text:
        lines = [_BY_LINE.sub("由", ln) for ln in lines]
    if "。(" not in text and "。（" not in text and "的工作" not in text:
        return lines  # no sentence closed by a bracket, no lead heading: nothing to do
    return _lead_headings(_mark_targets(_one_to_a_line([_stop_number(ln) for ln in lines])))


# "──由X和各县市区组织落实。": the item's units, no dash heading
_BY_LINE = re.compile(r"^[─—]{1,2}由(?=[\u4e00-\u9fff])")


# "1大力发展……": a number run into its text, never a quantity ("3个", "2010年", "5万亩", "1亿元")
_QUANTITY = "年月日号號个個项項万萬亿億千百十元名人家所次条條件天周位岁歲吨噸亩畝户戶座张張台辆輛倍成批期类類级級"
_BARE_NUMBER = re.compile(rf"^(\d{{1,2}})(?=[\u4e00-\u9fff])(?![{_QUANTITY}])")


def _stop_number(ln: str) -> str:
    if not ln[:1].isdigit() or not _BARE_NUMBER.match(ln):
        return ln
    closing = _closing(ln)
    if not closing or closing[-1].end() != len(ln.rstrip("。 ")):
        return ln
    return _BARE_NUMBER.sub(r"\1.", ln, count=1)


def _assigns(inner: str) -> bool:
    """"市国土局牵头", "市水利局、市发展改革委……等部门按职责分工负责", "省科技厅、发展改革委": the
    first name written ends as units' names end."""
    first = re.split(r"[、，,；;和及]|" + _ROLE.pattern, inner, maxsplit=1)[0].strip()
    if 2 <= len(first) <= 25 and UNIT_NAME.search(first):
        return True
    if "和" not in inner and "及" not in inner:
        return False
    whole = re.split(r"[、，,；;]|" + _ROLE.pattern, inner, maxsplit=1)[0].strip()  # "省工业和信息化厅" (round 73)
    return whole != first and 2 <= len(whole) <= 25 and bool(UNIT_NAME.search(whole))


def _closing(ln: str) -> list[re.Match[str]]:
    """The assignment brackets of `ln` that close a sentence ("。(X牵头)")."""
    return [m for m in _BRACKET.finditer(ln) if ln[:m.start()].rstrip().endswith("。") and _assigns(m[1])]


def _one_to_a_line(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        lead = _BRACKET.match(ln)
        if lead and out and out[-1].endswith("。") and not _NUMBERED.match(ln) and _assigns(lead[1]) \
                and not _NUMBERED.match(out[-1]):
            out[-1] += lead[0]  # "……面积。" / "(市国土房管局牵头)主要污染物……": the bracket closes the line above
            ln = ln[lead.end():].strip()
            if not ln:
                continue
        out.extend(_split_closed(ln))
    return out


def _split_closed(ln: str) -> list[str]:
    """"甲。(X牵头)乙。(Y牵头)丙。": an unnumbered line of targets, each closed by its bracket."""
    if _NUMBERED.match(ln) or ASSIGN_LINE.match(ln):
        return [ln]
    closing = _closing(ln)
    if len(closing) < 2 and not (closing and closing[0].end() < len(ln)):
        return [ln]
    parts, start = [], 0
    for m in closing:
        rest = ln[m.end():].lstrip()
        if rest and rest[0] not in "。；;，,（(":
            parts.append(ln[start:m.end()])
            start = m.end()
    return [p.strip() for p in [*parts, ln[start:]] if p.strip()]


def _is_target(ln: str) -> bool:
    """One unnumbered sentence, or paragraph of sentences (a division's "部门分工" paragraph, round 21),
    closed by its assignment bracket."""
    if _NUMBERED.match(ln) or ASSIGN_LINE.match(ln) or ln.startswith(RECORD) or len(ln) > 800:
        return False
    closing = _closing(ln)
    return len(closing) == 1 and closing[0].end() == len(ln.rstrip("。 ")) \
        and ln[:closing[0].start()].count("。") >= 1


def _mark_targets(lines: list[str]) -> list[str]:
    out = list(lines)
    i = 0
    while i < len(lines):
        heading = _HEADING.match(lines[i]) if len(lines[i]) <= 50 else None
        run = i + 1
        while heading and run < len(lines) and (_is_target(lines[run]) or not lines[run].strip()):
            run += 1  # blank lines between the paragraphs (a page's copy, round 72) do not end the run
        targets = [j for j in range(i + 1, run) if lines[j].strip()]
        if heading and len(targets) >= 2 and not _closing(lines[i]):
            for j in targets:
                out[j] = RECORD + lines[j]
        i = max(run, i + 1)
    return out


def _lead_headings(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _LEAD_HEADING.match(lines[i]) if "的工作" in lines[i] else None
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if _NUMBERED.match(lines[j]) and not _SUB.match(lines[j])),
                   len(lines))
        label = f"牵头单位：{m['unit']}"
        body = lines[i + 1:end]
        if any(_SUB.match(ln) for ln in body):
            out.append(lines[i])
            for ln in body:
                out.append(ln)
                if _SUB.match(ln):
                    out.append(label)
        elif body and body[0] and not ASSIGN_LINE.match(body[0]):
            out += [m["mark"] + body[0], label, *body[1:]]  # the work itself is the item
        else:
            out += [lines[i], *body]
        i = end
    return out
