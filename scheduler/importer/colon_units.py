"""Items that open with their units and a colon (issue #13 round 58): a township's 巡查方案 writes

    2.挂村镇干部、各村委会:每天……循环播放森林防火音频。……
    3.镇消防队:每天在全镇范围机动巡查,……

The names before the colon are whom the item is for: its units become the item's "责任单位：" line and the
item is the text after the colon. Persons among them ("挂村镇干部", "护林员") are no units and are left
out; a name that is neither a unit, a "各…" collective nor a person ("1.工作目标:……", "2.组织领导:……")
leaves the line as it is. At least two such items make a page's layout (one alone may be a heading).
"""

from __future__ import annotations

import re

from scheduler.importer.names import split_names
from scheduler.importer.vocab import GENERIC, is_unit_name

_ITEM = re.compile(r"^(?P<number>\d{1,2}[.．、](?!\d))(?P<names>[^:：。，,；;（）()“”]{2,30})[:：](?P<rest>\S.*)$")
_PERSON = re.compile(r"(?:干部|人员|领导|同志|书记|队员|护林员|网格员|组长|成员)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CONTACT = re.compile(r"\d{7,}|电话|手机|联系人|邮箱")
_COLLECTIVE = re.compile(r"^各[\u4e00-\u9fff]{1,6}(?:[（(][\u4e00-\u9fff、]{1,6}[）)])?$")


def colon_units(lines: list[str]) -> list[str]:
    found = [_units(ln) for ln in lines]
    if sum(units is not None for units in found) < 2:
        return lines
    out: list[str] = []
    for line, units in zip(lines, found, strict=True):
        m = _ITEM.match(line) if units else None
        if m is None or not units:
            out.append(line)
            continue
        out += [m["number"] + m["rest"], f"责任单位：{'、'.join(units)}"]
    return out


def _units(line: str) -> list[str] | None:
    """The units an item opens with before its colon ([] if only persons), or None when it opens otherwise."""
    m = _ITEM.match(line)
    if m is None or len(_CJK.findall(m["rest"])) < 8 or _CONTACT.search(m["rest"]):
        return None  # "1.县发改局:张三,电话……": a list of contacts, no work
    names = split_names(m["names"])
    units = [n for n in names if not _PERSON.search(n)
             and ((_unit(n) and not GENERIC.match(n)) or _COLLECTIVE.match(n))]
    persons = [n for n in names if _PERSON.search(n)]
    return units if names and len(units) + len(persons) == len(names) and units else None


def _unit(name: str) -> bool:
    """A unit's name, a town's 消防队 or 护林队 too."""
    return is_unit_name(name) or (name.endswith("队") and name[:1] in "镇乡区县市" and len(name) <= 12)
