"""Meeting minutes as copied to web pages (issue #13 round 24), set right before the walk: decisions
numbered inside one paragraph, after the words that open them ("……会议确定:1.由办公室负责,……。2.由A、B
负责,……。"): each "N." starts a line of its own, so each decision is an item
(a report without numbered items, whose sentences charge units with work, is read by meeting_news.py)
"""

from __future__ import annotations

import re

from scheduler.importer.vocab import either

# "会议确定:", "会议研究决定如下：", "会议议定以下事项:" right before "1."
_OPENS = re.compile(either(r"会议(?:研究)?(?:确定|决定|议定|明确|要求|商定)(?:如下|以下事项)?")
                    + r"\s*[:：]\s*(?=1[.．、](?!\d))")
_NEXT = re.compile(r"(?<=[。；;])\s*(\d{1,3})[.．、](?!\d)")


def read_minutes(lines: list[str]) -> list[str]:
    if not any("会议" in ln or "會議" in ln for ln in lines):
        return lines
    return [part for ln in lines for part in _split_decisions(ln)]


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
