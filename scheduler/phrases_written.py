"""Deadline phrases as a coordinator types them into tasks.toml, beyond the document forms of
phrases.py: "6月中旬" (the 20th), "10月份", "2021.6.30" / "2021/6/30" / "2021-6-30", "6.30前",
"今年底前", "明年6月底前" (the year after the document's), and "长期" / "持续" (ongoing).

Each is respelled into a form phrases.resolve knows, only after resolve refused the phrase as
written: the importer (which calls resolve directly) is unaffected.
"""

from __future__ import annotations

import re

from scheduler import phrases
from scheduler.phrases import PhraseError, Resolved

MORE_ONGOING = ("长期", "持续", "长期执行", "持续实施", "常态化开展", "常态化推进")

_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
_TEN_DAYS = {"上旬": "10日", "中旬": "20日", "下旬": "底"}
_RESPELL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d{4})\s*[./／-]\s*(\d{1,2})\s*[./／-]\s*(\d{1,2})"), r"\1年\2月\3日"),
    (re.compile(r"^(\d{1,2})\s*[.．]\s*(\d{1,2})(?=\s*(?:前|以前|之前)?(?:完成)?$)"), r"\1月\2日"),
    (re.compile(_MONTH + r"份"), r"\1月"),
)
_TEN = re.compile(_MONTH + r"(上旬|中旬|下旬)")
_RELATIVE = re.compile(r"^(今年|本年|明年|次年|下一年)(?:度)?")


def resolve_written(phrase: str, base_year: int | None) -> Resolved:
    """phrases.resolve, then the respelled phrase; the error is the one for the phrase as written."""
    try:
        return phrases.resolve(phrase, base_year)
    except PhraseError as err:
        first = err
    text = phrases.normalize(phrase)
    if text in MORE_ONGOING:
        return Resolved(phrase, None, False)
    if text.startswith("每"):
        raise PhraseError(f"“{phrase}”是周期性的时限：deadline 只写一个日期；周期性的任务请写 repeat（RRULE）和 start，"
                          "如每季度末：repeat = \"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1\"") from None
    respelled, year_given = _respelled(text, base_year)
    if respelled == text:
        raise first
    try:
        resolved = phrases.resolve(respelled, base_year)
    except PhraseError:
        raise first from None
    return Resolved(phrase, resolved.deadline, resolved.year_given or year_given)


def _respelled(text: str, base_year: int | None) -> tuple[str, bool]:
    """(the phrase in a form phrases.resolve knows, whether it names its year now)."""
    for pattern, replacement in _RESPELL:
        text = pattern.sub(replacement, text)
    text = _TEN.sub(lambda m: f"{m[1]}月{_TEN_DAYS[m[2]]}", text)
    relative = _RELATIVE.match(text)
    if relative is None:
        return text, False
    rest = text[relative.end():].lstrip("年") or "底"
    if relative[1] in ("今年", "本年"):
        return ("年内" if rest == "内" else rest), False
    if base_year is None:
        raise PhraseError(f"时限“{text}”相对于印发年份：请在 [document] 中填写 issued，或写成“2022年…”这样的年份")
    return f"{base_year + 1}年{rest}", True

