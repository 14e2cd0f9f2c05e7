"""Role wordings the clause grammar (assign.py) reads once they are put in its usual words:
"(市行政服务中心负责、市编办、市政府法制办配合)" — a role followed by "、" instead of "，" — and
"(市法制局牵头,具体职能部门负责起草)" — "负责" followed by the work it is for."""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

# "X负责、Y、Z配合": the clause of X ends at its role; the list after it has a role of its own
_ROLE_THEN_LIST = re.compile(either(r"(牵头|负责)、(?=[^，,；;。]*?(?:配合|参与|参加|协同|协助|协办)(?:$|[，,；;。]))"))
# "Y负责起草": the work after "负责" is not part of Y's name
_ROLE_WORK = re.compile(either(r"负责(?:起草|拟定|拟订|编制|制定|办理)(?=$|[，,；;。])"))


def usual_roles(text: str) -> str:
    """`text` with these wordings put as the grammar reads them."""
    if "负责" not in text and "負責" not in text and "牵头" not in text and "牽頭" not in text:
        return text
    return _ROLE_WORK.sub(lambda m: m[0][:2], _ROLE_THEN_LIST.sub(lambda m: m[1] + "，", text))
