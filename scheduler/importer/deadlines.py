"""The deadlines of an item: those its assignment clauses write and those of its sentences."""

from __future__ import annotations

import re

from scheduler import phrases
from scheduler.importer.assign import is_deadline
from scheduler.importer.names import split_outside
from scheduler.importer.numeric_dates import worded
from scheduler.importer.periods import as_years, ongoing_until
from scheduler.importer.relative import find_relative, without_relative
from scheduler.importer.scheduled import scheduled_months
from scheduler.importer.vocab import simplified
from scheduler.importer.year_tasks import year_labelled
from scheduler.importer.year_work import work_years

# a deadline cell or label that says only "长期"/"常年"/"持续": the ongoing wording duban reads
_STEADY = re.compile(r"(?:长期|常年)(?:性|开展|实施|落实|进行)?(?:工作)?|持续(?:性|实施|落实|开展|进行)?")
# a deadline cell or label naming a month and what is done in it: "9月投入使用", "2016年10月建成"
_MONTH_DONE = re.compile(r"((?:\d{4}\s*年)?\d{1,2}\s*月)(?![底末份内中上下初日号前至到])[\u4e00-\u9fff]{2,8}")
_MONTH = re.compile(r"\d\s*月")
_PARTS = re.compile(r"[，,；;]")
_MONTH_PART = re.compile(_MONTH_DONE.pattern.replace("{2,8}", "{2,12}"))  # "2021年8月公布上年度决算信息"
_WHOLE_YEAR = re.compile(r"(?:全年|今年全年|年度内)(?:完成|推进|实施)?")


def item_deadlines(written: list[str], body: str) -> tuple[list[tuple[str, str]], str]:
    """(phrase, clause) for each deadline of an item, from the deadlines its assignment clauses
    wrote and from its sentences; and the ongoing wording ("持续推进") if a clause gave one."""
    found: list[tuple[str, str]] = []
    ongoing = ""
    for text in map(worded, written):  # "完成时限：2022.6.30": a ledger's numeric date
        if _WHOLE_YEAR.fullmatch(text.strip()):
            text = "年内"  # "完成时限：全年": within the plan's year
        if steady := _STEADY.fullmatch(simplified(text).strip()):  # "完成时限：长期", a table's "持续"
            ongoing = "持续推进" if steady[0].startswith("持续") else "长期坚持"
        elif words := [w for w in phrases.ONGOING_WORDS if w in simplified(text)]:  # "持續推進"
            ongoing = words[0]  # "年内持续推进" is written "持续推进", the phrase duban reads
            if span := _SPAN.search(as_years(simplified(text))):
                found.append((f"{span[1]}年底", text))  # "2023—2025年持续推进": until the span's end
            else:  # "X1月底前完成;其它事项12月底前取得成效并长期坚持": the months named are deadlines too
                found += [(p, text) for p in _phrases(text) if _MONTH.search(p)]
        elif is_deadline(text) or is_deadline(text := _reworded(text)):  # "完成时限：9月份"
            found.append((text, ""))
        elif month := _MONTH_DONE.fullmatch(text.strip()):  # a deadline cell "9月投入使用": that month
            found.append((f"{month[1]}底", text))
        elif len(months := [_MONTH_PART.fullmatch(p.strip()) for p in _PARTS.split(text)]) > 1 and all(months):
            found += [(f"{m[1]}底", text) for m in months if m]  # "2021年2月公布预算信息,2021年8月公布决算信息"
        else:
            found += [(p, text) for p in _phrases(text)]
    labelled = bool(found)  # the item's own deadline label or cell
    for clause, here in _clauses(year_labelled(body)):  # "2020年任务：一是4月底前……"
        for phrase in here:
            if labelled and phrase == "年内":  # "年内推动……" under "完成时限：2021年11月": the label's (round 66)
                continue
            if all(p != phrase for p, _ in found):
                found.append((phrase, clause))
    return found, ongoing


def _clauses(body: str) -> list[tuple[str, list[str]]]:
    """Sentences of the item with their deadline phrases; a sentence naming several deadlines is
    cut at the commas so that each keeps the words around it ("6月底前完成方案编制" | "11月底前完成迁移")."""
    out: list[tuple[str, list[str]]] = []
    for sentence in (c.strip() for c in re.split(r"[。；;]", body)):
        found = _phrases(sentence)
        if len(found) < 2:  # the usual case: one phrase or none
            out += [(sentence, found)] if found else []
            continue
        groups: list[tuple[list[str], list[str]]] = []  # (segments, phrases)
        for segment in split_outside(sentence, re.compile(r"[，,]")):
            here = _phrases(segment)
            if not groups or (here and groups[-1][1]):
                groups.append(([segment], here))
            else:
                groups[-1][0].append(segment)
                groups[-1][1].extend(here)
        out += [("，".join(segments).strip(), found_here) for segments, found_here in groups]
    return out


def _phrases(text: str) -> list[str]:
    """Dated phrases and relative ones ("本方案印发之日起30日内", "明年7月份")."""
    text = _CLOCK.sub(r"\1", text)  # "6月20日18：00前" is the day's deadline
    if "到" in text or "至" in text:
        text = _YEARS.sub(r"\1—", text)  # "2002年到2005年，X连续四年组织……": a span of years, not "到2005年"
    found = phrases.find_all(_reworded(without_relative(text))) + find_relative(text)
    found += [p for p in ongoing_until(text) + scheduled_months(text) if p not in found]  # "“十四五”期间持续推进"
    if "年" in text:
        found += [f"{y}年" for y in _YEAR_TARGET.findall(text) if f"{y}年" not in found]
        found += [y for y in work_years(text) if y not in found]  # year_work.py: "2010年开展……"
    return found


def _reworded(text: str) -> str:
    if "年内" not in text and "年度内" not in text and "旬" not in text and "月份" not in text:
        return text
    return _WORDED.sub(_reword, text)


def _reword(m: re.Match[str]) -> str:
    if m[0] == "内":
        return "年内"
    if m[0] in _WORDING:
        return _WORDING[m[0]]
    return m[1] + (_TEN_DAYS[m[2]] if m[2] != "份" else m[3] or "")


# wordings the date phrases do not know, in the words they do: "2021年内" (that year's end), "本年度内",
# "9月份" (the month), "10月中旬前" (the 20th), "11月上旬" (the 10th), "12月下旬" (the month's end)
_WORDING = {"本年度内": "年内", "年度内": "年内"}
_TEN_DAYS = {"上旬": "10日前", "中旬": "20日前", "下旬": "底前"}
_WORDED = re.compile(r"(?<=\d{4}年)内|本?年度内|(\d{1,2}\s*月)(上旬|中旬|下旬|份)(前)?")
_YEARS = re.compile(r"(\d{4}\s*年\s*)[到至](?=\s*\d{4}\s*年(?![底末\d]))")
# "2024年新增企业800家", "2025年新建基站2万个", "2024年改造老旧小区100个", "2025年、2026年各改造100个": that
# year's target, as "2025年安排……" (scheduler/phrases.py); a count is what makes it one. Never "2024年1月1日至……"
# (a period), "2025年起"/"2024年以来"/"2024年底前" (a start, the past, or a phrase read already), nor
# "2004年预计……94台" (an estimate)
_COUNT = r"\d+(?:\.\d+)?\s*[万亿]?(?:个|家|所|座|处|户|套|公里|千米|条|项|台|辆|栋|间|张|亩|吨|人|名|批|支|场)"
_YEAR_TARGET = re.compile(r"(?<![\d至到—–-])(\d{4})\s*年(?=新增|新建|新开工|新培育|新认定"
                          rf"|(?:\s*[、和]\s*\d{{4}}\s*年)*各?(?![底末内前起后以度初中上下]|预计|预期|预测|累计|共计|已)[\u4e00-\u9fff]{{2,14}}?{_COUNT})")
_SPAN = re.compile(r"\d{4}\s*年?\s*[—–-]+\s*(\d{4})\s*年")  # a span of years
_CLOCK = re.compile(r"([日号])\s*\d{1,2}\s*[:：]\s*\d{2}(?=\s*(?:前|以前|之前))")
