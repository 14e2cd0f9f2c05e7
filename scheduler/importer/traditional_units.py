"""Traditional forms of the characters units' names end with (issue #13 round 56).

A copy in traditional characters is read with its keyword characters folded to simplified
(traditional.py). The endings of units' names (vocab.UNIT_NAME) are written in simplified characters,
so a name such as "銀保監會", "人民銀行", "領導小組", "團市委"'s "集團", "檢察院", "大隊", "聯席會議" or "開發區"
read with only the keyword characters folded did not end as a unit's name ends: "銀保監會和地方各級人民
政府負責" stayed one name. These characters are folded too (names are given back as written).
"""

from __future__ import annotations

# traditional → simplified, one character for one; only characters of the names' endings
UNIT_ENDINGS = {"監": "监", "銀": "银", "組": "组", "團": "团", "檢": "检", "隊": "队", "議": "议", "開": "开"}
