"""Five-year plan periods written by name: "“十四五”期间" is 2021—2025."""

from __future__ import annotations

import re

from scheduler import phrases

# "“十四五”期间", "十四五时期", "‘十五五’期间" (the 11th to the 15th plan; "十五期间" alone is left unread)
_PERIOD = re.compile(r"[“\"‘']?十([一二三四五])五[”\"’']?\s*(?:期间|时期)")
_ORDINAL = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15}
# the period followed by the ongoing wording: "“十四五”期间持续推进"
_ONGOING = re.compile(_PERIOD.pattern + r"\s*[，,]?\s*(?=" + "|".join(phrases.ONGOING_WORDS) + ")")


def _years(m: re.Match[str]) -> str:
    end = 1955 + 5 * _ORDINAL[m[1]]  # the 14th plan ends in 2025
    return f"{end - 4}—{end}年"


def as_years(text: str) -> str:
    """The plan period before the ongoing wording written as its years ("2021—2025年持续推进")."""
    return _ONGOING.sub(_years, text) if "五" in text else text


def ongoing_until(text: str) -> list[str]:
    """"…，“十四五”期间持续推进": the period's last year's end, as a deadline phrase."""
    if "五" not in text:
        return []
    return [f"{1955 + 5 * _ORDINAL[m[1]]}年底" for m in _ONGOING.finditer(text)]
