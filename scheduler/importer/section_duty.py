"""A section's own paragraph naming the units of its items (round 45, a city's 2004 重点工作):
"一、落实科教兴市战略行动纲要" / "由X副市长牵头,Y副市长配合。A、B、C为主要责任单位。" / "主要内容:" / "(一)……" —
the units the paragraph names "为主要责任单位" (or "为责任单位") are the responsible units of the
section's items that name none; the vice-mayors before them are people, not units."""

from __future__ import annotations

import re

# "市政府法制办、市审改办、浦东新区政府为主要责任单位。": the last sentence of the paragraph
_DUTY = re.compile(r"(?:^|[。；;])\s*([^。；;，,：:]{2,80}?)为(?:主要)?责任单位(?:[。；;]|$)")


def section_duty(line: str) -> str | None:
    """The assignment a section's paragraph gives its items ("责任单位：A、B、C"), or None."""
    m = _DUTY.search(line) if "责任单位" in line else None
    return f"责任单位：{m[1].strip()}" if m else None
