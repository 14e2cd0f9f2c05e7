"""The facts a plan states once: title, 文号, date, and the signature that ends its text."""

from __future__ import annotations

import re
from datetime import date

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[]\d{4}[〕\]]\d+[号號]")
_ISSUED_META = re.compile(r"成文日期\s*[:：]\s*(\d{4})-(\d{2})-(\d{2})")
_TITLE = re.compile(
    r"(工作要[点點]|工作方案|实施方案|實施方案|分工方案|行动方案|行動方案|任务清单|重点任务|工作计划|工作計劃"
    r"|实施意见|實施意見|实施细则|實施細則|责任分解|責任分解|若干措施|台账|臺賬"
    # a table's own title: "某区2021年重点工作任务分解表", "……责任清单一览表"
    r"|(?:任务|工作|责任|分工|分解|督办|推进|进度|计划|安排|清单|台账|台帐|一览|明细|汇总)表)(?:[(（][^()（）]{1,12}[)）])?$")
DOC_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
# the signature: "国务院办公厅", then the date, then "（此件公开发布）"
CLOSING_MARK = re.compile(r"^[（(]此件(?:公开发布|主动公开|不公开)[）)]$")
SIGNER = re.compile(r"[\u4e00-\u9fff]{2,20}(?:办公厅|办公室|人民政府|国务院|委员会|政府|部|局|厅|委)")


def header_facts(lines: list[str]) -> tuple[str, str, date | None]:
    """The plan's title, 文号 and date, from its first lines."""
    title, number, issued = "", "", None
    for ln in lines[:60]:
        if not number and (m := _DOC_NUMBER.search(ln)):
            number = m.group(0)
        if not issued and (m := _ISSUED_META.search(ln) or DOC_DATE.match(ln)):
            issued = _safe_date(m)
    for i, ln in enumerate(lines[:80]):
        if _TITLE.search(ln) and len(ln) < 80 and "《" not in ln and not _NUMBERED.match(ln) and ln[:2] != "〇、":
            title = _with_first_half(lines, i)
            break
    return title or _above_number(lines), number, issued


def title_year(title: str) -> int | None:
    """The year a title names ("某县2022年重点工作任务督办台账"): a ledger often carries no date. A
    span of years ("2021—2025年行动方案") names no one year."""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", title)
    m = re.search(r"(?<!\d)(\d{4})\s*年", title)
    return int(m[1]) if m and len(set(years)) == 1 and 1949 < int(m[1]) < 2200 else None


# an item, not a title: "一、" "（一）" "1．" "（1）" (a title may start "2022年")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]"
                       r"|\d{1,3}[、．.](?!\d)|[（(]\d{1,3}[）)])")
_HEADING = re.compile(r"^[^，。；：:,;]{4,40}$")


def _above_number(lines: list[str]) -> str:
    """"国务院办公厅关于加快发展 / 体育竞赛表演产业的指导意见 / 国办发〔2018〕121号": a title set on
    the lines just above the 文号, at the top of the document."""
    for i, ln in enumerate(lines[:6]):
        if _DOC_NUMBER.fullmatch(ln.strip()):
            above = [a for a in lines[:i] if a]
            if above and all(_HEADING.match(a) for a in above):
                return "".join(above)
            break
    return ""


def _with_first_half(lines: list[str], i: int) -> str:
    """Titles are often set on two lines: join a short heading line just above."""
    above = [ln for ln in lines[max(0, i - 2):i] if ln]
    prev = above[-1] if above else ""
    if prev and len(prev) < 40 and not re.search(r"[：:。，,；]$|通知|〔|^[（(]|^\d{4}\s*年.*日$|^〇、", prev):
        return prev + lines[i]
    return lines[i]


def _safe_date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
