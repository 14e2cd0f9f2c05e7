"""A unit's name broken by a space where a PDF's line wrapped inside it.

Text drawn out of a PDF keeps a space wherever a printed line ended, words included:
"责任单位: 省经济和信息化委、住房城乡 建设厅、…, 各市(州) 人民政府". A name whose first piece is
no unit ("住房城乡", "各市(州)") and whose pieces read together end as units' names end is one name
("住房城乡建设厅"). Pieces that are units already ("市发改委 市财政局") are a spaced list, and a
piece of one or two characters ("市 发改委", "推动 跨省通办": words, round 16) or a role word ("牵头 市发改委")
is left as written.
"""

from __future__ import annotations

import re

from scheduler.importer.vocab import is_unit_name

_SPACES = re.compile(r"[ \u3000]+")
_WORDS = re.compile(r"[\u4e00-\u9fff（）()〔〕、]+")  # "各县(市、区) 人民政府"
_ROLE = re.compile(r"(?:牵头|牽頭|配合|负责|負責|责任|責任|协办|協辦|主办|主辦|参与|參與"
                   r"|单位|單位|部门|部門|会同|會同)$")


def unwrap_name(piece: str) -> str:
    """"住房城乡 建设厅" → "住房城乡建设厅"; anything else as written."""
    parts = _SPACES.split(piece.strip())
    if len(parts) < 2 or not all(_WORDS.fullmatch(p) for p in parts):
        return piece
    heads = parts[:-1]
    if any(len(h) < 3 or is_unit_name(h) or _ROLE.search(h) for h in heads):
        return piece
    joined = "".join(parts)
    return joined if is_unit_name(joined) else piece
