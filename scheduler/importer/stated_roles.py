"""Units named by a sentence of their own, and a bare "单位" after a collective (round 70).

"（A、B按职责分工负责。各市州、县市区人民政府均为责任单位,以下不再列出）": the bracket's second sentence names
its units' role and, with "以下不再列出", gives them to the items after it too (as "以下…均需X负责"). Read as
"X负责" for its own item (`stated_role`) and as a section rule (`stated_rule`).
"市直有关部门、单位": a bare "单位" after a collective of 部门 is the same collective's other half ("部门和单位"),
never a unit of its own (`join_bare_units`)."""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

_ROLE = re.compile(either(r"^\s*(\S[^。；;]{1,40}?)均为责任单位(?:[，,]\s*(?:以下|下同)[^。；;]*)?$"))
_RULE = re.compile(either(r"[。；;]\s*(\S[^。；;]{1,40}?)均为责任单位[，,]\s*以下(?:均)?不再(?:一一|逐一)?列出"))
_BARE_UNIT = re.compile(either(r"^单位$"))
_DEPARTMENTS = re.compile(either(r"部门$"))


def stated_role(sentence: str) -> str | None:
    """"X均为责任单位,以下不再列出" → "X负责" (X responsible); None for any other sentence."""
    m = _ROLE.match(sentence) if "均" in sentence else None
    return f"{m[1].strip()}负责" if m else None


def stated_rule(line: str) -> re.Match[str] | None:
    """The "X均为责任单位,以下不再列出" sentence of a line, X in group 1 (for the items after it)."""
    return _RULE.search(line) if "均" in line else None


def join_bare_units(parts: list[str]) -> list[str]:
    """["市直有关部门", "单位"] → ["市直有关部门、单位"]: one collective."""
    out: list[str] = []
    for part in parts:
        if out and len(part) < 6 and _BARE_UNIT.match(part.strip()) and _DEPARTMENTS.search(out[-1].strip()):
            out[-1] = f"{out[-1]}、{part.strip()}"
        else:
            out.append(part)
    return out
