"""Measures under a group heading (issue #13 round 60): a city's 重点工作清单 sets "(一)持续提升干部队伍履职能力"
(a heading line, no sentence) over "1.……。" and "2.……。市防震减灾中心要举办……。" — untitled sub-items, each a
paragraph of whole sentences, one of which names its unit as the subject. The sub-items are the tasks and
the heading is only their group, as for titled sub-items (walker._titled_under_heading) and sub-items that
open with their unit (subject_items.py); without a unit named in any of them they stay the heading's sentences."""

from __future__ import annotations

import re

from scheduler.importer.draft import DraftTask
from scheduler.importer.item import names_subjects

_MAX_HEADING = 40


def measures_under_heading(head_texts: list[str], sub_texts: list[list[str]], subs: list[DraftTask]) -> bool:
    """A heading line alone over two sub-items or more, each of whole sentences, one naming its unit."""
    if len(head_texts) != 1 or len(subs) < 2 or len(sub_texts) != len(subs):
        return False
    head = head_texts[0].strip()
    if not head or len(head) > _MAX_HEADING or re.search(r"[。；;]", head):
        return False
    return all("".join(texts).rstrip().endswith("。") for texts in sub_texts) and any(names_subjects(t) for t in subs)
