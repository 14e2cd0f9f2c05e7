"""Deadline phrases as work plans write them: "2021年6月底前", "年底前", "持续推进" …

Pure and shared by tasks.toml loading and `duban import`. A phrase resolves to a date (the last
day of the period it names), to ONGOING (no deadline), or fails with PhraseError.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

ONGOING_WORDS = ("持续推进", "长期坚持", "常态化", "长期推进", "持续开展")

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}

_YEAR = r"(?:(?P<year>\d{4})\s*年)?"
_MONTH = r"(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
_SUFFIX = r"(?:底|末)?(?:前|以前|之前)?(?:完成)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(_YEAR + _MONTH + r"(?P<day>\d{1,2})\s*[日号]" + r"(?:前|以前|之前)?(?:完成)?$")),
    ("month", re.compile(_YEAR + _MONTH + _SUFFIX + "$")),
    ("quarter", re.compile(_YEAR + r"(?:第)?(?P<q>[一二三四1-4])季度" + _SUFFIX + "$")),
    ("half", re.compile(_YEAR + r"(?P<half>上|下)半年" + _SUFFIX + "$")),
    ("year_end", re.compile(_YEAR + r"年?(?:底|末)" + r"(?:前|以前|之前)?(?:完成)?$")),
    ("within_year", re.compile(r"(?:(?P<year>\d{4})\s*年|[今本]?年)内(?:完成)?$")),
    ("year", re.compile(r"(?P<year>\d{4})\s*年(?:前|以前|之前)?(?:完成)?$")),
)


class PhraseError(ValueError):
    """The phrase is not a deadline duban understands; str() is a Chinese message."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved phrase: `deadline` None means ongoing (持续推进)."""

    phrase: str
    deadline: date | None
    year_given: bool  # the phrase named its year itself

    @property
    def ongoing(self) -> bool:
        return self.deadline is None


def normalize(phrase: str) -> str:
    """Full-width digits and spaces folded (NFKC), surrounding punctuation dropped."""
    text = unicodedata.normalize("NFKC", phrase).strip()
    return text.strip("，。,.;；:：（）() ")


def resolve(phrase: str, base_year: int | None) -> Resolved:
    """Resolve `phrase`; `base_year` supplies the year when the phrase names none."""
    text = normalize(phrase)
    if any(text == w or text == f"完成时限{w}" for w in ONGOING_WORDS):
        return Resolved(phrase, None, False)
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _resolved(phrase, kind, match, base_year)
    raise PhraseError(
        f"无法识别的时限“{phrase}”：应为日期（2021-06-30）或“6月底前”“2021年6月底前”"
        "“年底前”“2022年11月底前”“2024年”“持续推进”“长期坚持”“常态化”之一"
    )


def _resolved(phrase: str, kind: str, match: re.Match[str], base_year: int | None) -> Resolved:
    given = match.groupdict().get("year")
    year = int(given) if given else base_year
    if year is None:
        raise PhraseError(
            f"时限“{phrase}”没有写年份，且无法推断：请在 [document] 中填写 issued，或写成“2021年…”"
        )
    if not 1900 <= year <= 2200:
        raise PhraseError(f"时限“{phrase}”的年份 {year} 不合理")
    try:
        return Resolved(phrase, _last_day(kind, match, year), given is not None)
    except ValueError:
        raise PhraseError(f"时限“{phrase}”不是存在的日期") from None


def _last_day(kind: str, match: re.Match[str], year: int) -> date:
    groups = match.groupdict()
    if kind in ("year_end", "within_year", "year"):
        return date(year, 12, 31)
    if kind == "half":
        return date(year, 6, 30) if groups["half"] == "上" else date(year, 12, 31)
    if kind == "quarter":
        return _month_end(year, _QUARTER[groups["q"]])
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _CN_DIGITS[month_text]
    if kind == "day":
        return date(year, month, int(groups["day"]))
    return _month_end(year, month)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def find_all(text: str) -> list[str]:
    """Every dated deadline phrase inside free text, in order (for the importer).

    Ongoing words are not searched for: "持续推进“互联网＋监管”" is a verb, not a deadline; the
    importer reads them only after "完成时限". A range ("2017年7月18日至2017年7月25日") gives its
    end; a bare year counts only as a target ("到2024年", "2021年全面推广"), never as "2020年版".
    """
    if not _HINT.search(text):
        return []  # most clauses name no date at all
    found = []
    text = unicodedata.normalize("NFKC", text)
    for m in _FINDER.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        if before in ("截至", "截止", "自从") or text[m.end():m.end() + 2] == "以来":
            continue  # a reference point ("截至2020年6月底"), not a deadline
        if before.endswith(("每年", "每季", "每月")) or text[max(0, m.start() - 3):m.start()] in ("每年度", "每季度"):
            continue  # a recurring duty ("每年1月31日前公开上年度情况"), not this task's deadline
        if m["end"] and _period(m.group(0), text[m.end():m.end() + 3]):
            continue  # the period a measure applies ("2019年1月1日至12月31日，…免征"), not a deadline
        if m["end"]:
            found.append(_with_year(m.group(0), m["end"]))
        elif target := m["target"] or m["target2"]:
            found.append(target + "年")
        else:
            found.append(m.group(0))
    return found


def _period(whole: str, after: str) -> bool:
    """"2019年1月1日至12月31日" (a whole year) or a range followed by 期间/执行: when a measure
    applies. Ranges of a plan's phases ("（2022年3月1日至3月31日）") stay deadlines."""
    start = re.match(r"(?:\d{4}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", whole)
    whole_year = (start is not None and start[1] == "1" and start[2] == "1"
                  and re.search(r"12\s*月\s*31\s*[日号]$", whole) is not None)
    # "2021年5月1日至2022年4月30日实施阶段性下调…费率的政策" (traditional forms too)
    return whole_year or after.startswith(("期间", "执行", "施行", "有效", "实施", "期間", "執行", "實施"))


def _with_year(whole: str, end: str) -> str:
    """A range's end takes the range's own year ("2019年11月至2月" ends in 2020's February)."""
    start = re.match(r"(\d{4})\s*年\s*(\d{1,2})?", whole)
    if not start or re.match(r"\d{4}\s*年", end):
        return end
    year = int(start[1])
    month = re.match(r"(\d{1,2})\s*月", end)
    if start[2] and month and int(month[1]) < int(start[2]):
        year += 1
    return f"{year}年{end}"


_HINT = re.compile(r"[年月季]")
_Y = r"(?:\d{4}\s*年\s*)"
_M = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
_D = r"(?:\d{1,2}\s*[日号])"
_BEFORE = r"(?:前|以前|之前)"
_FINDER = re.compile(
    rf"{_Y}?{_M}\s*{_D}?\s*[至到—－~-]\s*(?P<end>{_Y}?{_M}\s*{_D}?)(?:底|末)?"
    rf"|{_Y}?{_M}\s*{_D}?\s*(?:底|末)?{_BEFORE}"
    rf"|{_Y}{_M}\s*(?:底|末)(?!{_BEFORE})"
    rf"|{_Y}?{_M}\s*(?:底|末)?完成"
    rf"|{_Y}?(?:第)?[一二三四]季度(?:末|底)?(?:前)?"
    rf"|{_Y}?[上下]半年(?:底|末)?前?"
    rf"|{_Y}?年?(?:底|末){_BEFORE}"
    rf"|\d{{4}}\s*年\s*(?:底|末)"
    r"|(?:到|至)\s*(?P<target>\d{4})\s*年(?![\d底末上下第版度])"
    r"|(?<![\d至到])(?P<target2>\d{4})\s*年(?=基本|全面|力争|要|实现|完成|建成|初步|安排|统筹安排)"
    r"|(?<![\d一二三四五六七八九十两几多个])[今本]?年内"  # "年内出台" (this year), never "3年内" (a span)
)
