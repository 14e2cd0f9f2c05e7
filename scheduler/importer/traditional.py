"""A copy in traditional characters is read as its simplified text (issue #13 round 32).

The grammar's words are written in simplified characters, and only some of its patterns accept the
traditional forms (vocab.either). A plan published or converted in traditional characters
("責任處室：機關黨委", "參與部門：", "各區、縣級市") is therefore read with the keyword characters of the
importer's own tables (vocab, columns) folded to simplified, one character for one, and the titles
and unit names of the draft are given back as written: the names keep their traditional form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.importer import columns, vocab
from scheduler.importer.draft import Draft
from scheduler.importer.traditional_units import UNIT_ENDINGS

_PAIRS = {t: s for s, forms in vocab._TRADITIONAL.items() for t in forms}
_PAIRS |= {t: s for t, s in zip(columns._TRADITIONAL, columns._SIMPLIFIED, strict=True) if t != s}
_PAIRS |= UNIT_ENDINGS  # "銀保監會", "人民銀行": names end as units' names end (round 56)
FOLD = str.maketrans(_PAIRS)
_TRADITIONAL = frozenset(_PAIRS)
_ANY = re.compile("[" + "".join(sorted(_PAIRS)) + "]")


@dataclass(frozen=True)
class Folding:
    original: str  # the lines joined, as written
    folded: str  # the same, keyword characters simplified: one character for one
    back: dict[int, str]  # simplified → the one traditional form the document always writes
    mixed: frozenset[str]  # simplified characters the document writes in more than one form

    def restore(self, text: str) -> str:
        """A piece of the folded text as the document writes it: by its characters, or where both
        forms are met, by finding it (in the first 2 MB: a long text is not searched per name)."""
        if not self.mixed.intersection(text):
            return text.translate(self.back)
        at = self.folded.find(text, 0, 2**21)
        return self.original[at:at + len(text)] if at >= 0 else text.translate(self.back)


def fold(lines: list[str]) -> tuple[list[str], Folding | None]:
    """The lines with keyword characters simplified, and how to give names back; (lines, None)
    when the document has no traditional keyword character (every simplified document)."""
    joined = "".join(lines)
    if not _ANY.search(joined):  # scanned in C: a simplified document costs one pass
        return lines, None
    present = set(joined)
    found = present & _TRADITIONAL
    forms: dict[str, set[str]] = {}
    for t in found:
        forms.setdefault(_PAIRS[t], set()).add(t)
    back = {ord(s): next(iter(ts)) for s, ts in forms.items() if len(ts) == 1 and s not in present}
    mixed = frozenset(s for s in forms if ord(s) not in back)
    return [ln.translate(FOLD) for ln in lines], Folding(joined, joined.translate(FOLD), back, mixed)


def restore(draft: Draft, folding: Folding) -> None:
    """The draft's titles, details and unit names as the document writes them."""
    draft.title, draft.number = folding.restore(draft.title), folding.restore(draft.number)
    for task in draft.tasks:
        task.title, task.detail = folding.restore(task.title), folding.restore(task.detail)
        a = task.assignment
        a.lead, a.responsible, a.cooperating = ([folding.restore(n) for n in names]
                                                for names in (a.lead, a.responsible, a.cooperating))
        task.deadlines = [(phrase, folding.restore(clause)) for phrase, clause in task.deadlines]
