"""Meeting minutes as copied to web pages (issue #13 round 24), set right before the walk:

- decisions numbered inside one paragraph, after the words that open them: "……会议确定:1.由办公室负责,
  ……。2.由A、B负责,……。" — each "N." starts a line of its own, so each decision is an item;
- in a meeting report with no numbered item at all, a sentence that charges a unit with work
  ("責成縣婦聯根據會議討論意見修改完善后,履行發文程序。", "会议决定,由X根据会议意见,做好……。") is a task
  of one sentence, its unit the one charged (subjects.py reads "责成X……", "由X……" as X's work).
"""

from __future__ import annotations

import re

from scheduler.importer.layout import RECORD
from scheduler.importer.numerals import CN_NUM
from scheduler.importer.vocab import either

# "会议确定:", "会议研究决定如下：", "会议议定以下事项:" right before "1."
_OPENS = re.compile(either(r"会议(?:研究)?(?:确定|决定|议定|明确|要求|商定)(?:如下|以下事项)?")
                    + r"\s*[:：]\s*(?=1[.．、](?!\d))")
_NEXT = re.compile(r"(?<=[。；;])\s*(\d{1,3})[.．、](?!\d)")
_NUMBERED = re.compile(rf"^[（(]?(?:[{CN_NUM}]+|\d{{1,3}})[）)、．.](?!\d)")
# "责成X……。", "会议决定,由X……。" (the opening words are no part of the task)
_CHARGE = re.compile(either(r"(?:会议(?:研究)?决定[,，]?\s*)?((?:责成|(?<=决定[,，])由|(?<=决定)由)")
                     + r"[^。；;]{4,150}[。；;]?)")
_SENTENCE_START = "。；;！!？?"


def read_minutes(lines: list[str]) -> list[str]:
    if any("会议" in ln or "會議" in ln for ln in lines):
        lines = [part for ln in lines for part in _split_decisions(ln)]
    if not any(_NUMBERED.match(ln) for ln in lines) \
            and any(("成" in ln or "决定" in ln) and _CHARGE.search(ln) for ln in lines):
        lines = [part for ln in lines for part in _charges(ln)]
    return lines


def _split_decisions(line: str) -> list[str]:
    """"……会议确定:1.……。2.……。": the paragraph before the decisions, then one line each."""
    opens = _OPENS.search(line)
    if opens is None:
        return [line]
    starts, number = [opens.end()], 2
    for m in _NEXT.finditer(line, opens.end()):
        if int(m[1]) == number:
            starts.append(m.start(1))
            number += 1
    if len(starts) < 2:
        return [line]
    parts = [line[:opens.end()]] + [line[a:b] for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
    return [p.strip() for p in parts if p.strip()]


def _charges(line: str) -> list[str]:
    """A sentence opening with 责成 or "会议决定,由" becomes a line of its own, marked as an unnumbered task."""
    out: list[str] = []
    start = 0
    for m in _CHARGE.finditer(line):
        if m.start() > 0 and line[m.start() - 1] not in _SENTENCE_START:
            continue  # "……并责成X……": inside a sentence about something else
        if line[start:m.start()].strip():
            out.append(line[start:m.start()].strip())
        out.append(RECORD + m[1])
        start = m.end()
    if line[start:].strip():
        out.append(line[start:].strip())
    return out or [line]
