"""Unit assignments as documents write them.

    责任单位：省政府审改办牵头，省司法厅等省政府相关部门按职责分工负责
    （牵头单位：省发展改革委；配合单位：省财政厅；完成时限：持续推进）
    （国家发展改革委牵头，商务部等国务院相关部门及各地区按职责分工负责）
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from scheduler import phrases
from scheduler.importer.list_remarks import is_list_remark, without_leaders
from scheduler.importer.names import CLAUSE, NAME_SEP, rejoin_places, split_outside, unit_names
from scheduler.importer.numeric_dates import worded
from scheduler.importer.periods import as_years
from scheduler.importer.recurring import recurrence
from scheduler.importer.relative import find_relative
from scheduler.importer.role_words import usual_roles
from scheduler.importer.spaced_units import lead_from_requirement, leading_units
from scheduler.importer.stated_roles import stated_role
from scheduler.importer.vocab import CLOSE, LABEL_RE, LABELS, OPEN, RULE_CLAUSE, TAIL, UNIT_NAME, either, simplified


@dataclass
class Assignment:
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)  # clauses as written: "完成时限：6月底前"
    etc: bool = False  # the list said 等: more units than named

    def empty(self) -> bool:
        return not (self.lead or self.responsible or self.cooperating)


def looks_like_assignment(text: str) -> bool:
    """True for a clause that assigns units (the parenthesis or 责任单位 line), including a bare
    list of unit names ("〔市大数据局、各县（市、区）政府；年底前完成〕")."""
    if LABEL_RE.search(text) or (re.search(either("(牵头|负责|配合|会同|主办|协办)"), text) and len(text) < 300):
        return True  # "（X会同Y、Z组织实施，持续推进）", "（X主办,相关街道协办）" (round 73)
    parts = [p.strip() for p in split_outside(text, CLAUSE) if p.strip()]
    parts = [_GUIDES.sub("", p) for p in parts]  # "（生态环境部指导，供销合作总社参与）"
    parts = [p for p in parts if not (_ONGOING_CLAUSE.fullmatch(p) or _GOING_ON.fullmatch(p)  # "（政治部，持续推进）"
                                      or _WHOLE_YEAR.fullmatch(p))]  # "（X负责，全年）"
    names = [TAIL.sub("", n) for p in parts if not starts_with_deadline(_REST.sub("", p))  # "（科技部组织实施）"
             for n in rejoin_places(split_outside(p, NAME_SEP))]  # "各市、县人民政府" is one name
    names = [n.strip() for n in names]
    # "（生态环境部指导，各地组织实施）": the regions' collective beside a named unit
    return bool(names) and all((UNIT_NAME.search(n) or _REGIONS.fullmatch(n)) and len(n) <= 25 for n in names)


def starts_with_deadline(clause: str) -> bool:
    """"9月底前完成评估" is a dated clause, not a unit."""
    found = phrases.find_all(clause)
    return bool(found) and unicodedata.normalize("NFKC", clause).startswith(found[0])


def parse_assignment(text: str) -> Assignment:
    """A fresh Assignment (callers extend it); plans repeat the same wording item after item,
    so the parsing itself is cached."""
    a = _parsed(text)
    return Assignment(list(a.lead), list(a.responsible), list(a.cooperating), list(a.deadlines), a.etc)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Assignment:
    text = RULE_CLAUSE.sub("", without_leaders(_unwrap(text))).strip("，,。；; ")
    text = "；".join(_assigning_sentences(text))
    out = Assignment()
    if (LABEL_RE.match(text) and not text.startswith("责任单位")) or _has_several_labels(text):
        _labelled(text, out)
    else:
        _free(re.sub(r"^(?:责任单位|牵头单位)\s*[:：]", "", text), out)
    return out


def _assigning_sentences(text: str) -> list[str]:
    """The sentences of a clause that assign: the first, and any later one that names units or a
    role ("〔…按职责分工负责。具体任务均涉及相关市(州)人民政府，不再做分工〕": a remark) or
    gives the deadline ("（X、Y负责。2025年底前完成）")."""
    sentences = [stated_role(s) or s.strip() for s in text.split("。") if s.strip()]  # round 70
    return sentences[:1] + [s for s in sentences[1:] if not s.startswith(("以下", "下同", "不再"))
                            and not is_list_remark(s)  # "未明确牵头单位的,由所列负责单位…负责,下同" (round 65)
                            and (looks_like_assignment(s) or _dated(s) or _ONGOING_CLAUSE.fullmatch(s))]


def _unwrap(text: str) -> str:
    """Outer brackets and final stops removed; a name's own "(功能区)" kept."""
    text = text.strip().strip("。.；; ")
    while text and text[0] in OPEN and text[-1] in CLOSE and _balanced(text[1:-1]):
        text = text[1:-1].strip().strip("。.；; ")
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth < 0:
            return False
    return depth == 0


def _has_several_labels(text: str) -> bool:
    return len(LABEL_RE.findall(text)) > 1


def _labelled(text: str, out: Assignment) -> None:
    parts = LABEL_RE.split(text)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        value = value.strip().strip("；;，,。 ")
        kind = LABELS[simplified(label)]
        if kind == "deadline":
            out.deadlines.append(value)
        elif kind in ("scope", "person"):
            continue
        elif kind == "requirement":  # "工作要求：由X牵头，…"
            lead_from_requirement(value, out)
        elif kind == "responsible":
            _free(leading_units(value), out)
        else:
            for clause in split_outside(leading_units(value), CLAUSE):
                if _dated(clause.strip()):
                    out.deadlines.append(clause.strip())
                else:
                    getattr(out, kind).extend(n for n in unit_names(clause, out) if n not in getattr(out, kind))


_LEAD_MARK = either(r"[（(〔【]牵头(?:单位|部门)?[）)〕】]")  # "省教育厅（牵头）", "省教育厅〔牵头〕"
_MARKED_LEAD = re.compile(_LEAD_MARK + "$")
_REGIONS = re.compile(either("各(?:地|地区|地方)"))
_GUIDES = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:指导|参与)$")


# "（X负责，Y参加）", "（…，Z等部门协同）": the helpers
_HELPS = re.compile(either(r"(?:配合|参与|参加|协同|协助|协办)$"))
_ROLE_END = re.compile(either(r"(?:牵头(?:负责)?|主办|协办|负责(?:落实)?|配合|参与|参加|协同|协助|落实|指导)$"))


def _role_clauses(text: str) -> list[str]:
    """The clauses of `text`; lists that name no role of their own, between a clause that does
    and one that does, share the role that follows them: "X牵头，A、B等部门，C、D配合" → A–D配合."""
    clauses = [c.strip() for c in split_outside(text, CLAUSE)]
    out: list[str] = []
    for pos, clause in enumerate(clauses):
        if out and out[-1] and not _ROLE_END.search(out[-1]) and not _dated(out[-1]) \
                and any(_ROLE_END.search(c) for c in clauses[:pos - 1]) and _ROLE_END.search(clause) \
                and not _dated(clause) and not LABEL_RE.match(out[-1]):
            out[-1] = f"{out[-1]}、{clause}"
            while len(out) > 2 and _roleless(out[-2]) and any(_ROLE_END.search(c) for c in out[:-2]):
                out[-2:] = [f"{out[-2]}、{out[-1]}"]  # "X牵头；A、B，C、D，E配合": every list before E
        else:
            out.append(clause)
    return out


def _roleless(clause: str) -> bool:
    return bool(clause) and not _ROLE_END.search(clause) and not _dated(clause) and not LABEL_RE.match(clause)


def _free(text: str, out: Assignment) -> None:
    for clause in _role_clauses(usual_roles(text)):  # role_words.py: "X负责、Y配合", "Y负责起草"
        clause = clause.strip()
        if not clause:
            continue
        if simplified(clause).startswith(("完成时限", "时间")):
            out.deadlines.append(re.sub(r"^[^:：]*[:：]", "", clause))
            continue
        clause = _this_year(clause)  # "（X负责，今年三季度完成）": the document's year
        if (rest := _REST.sub("", clause)) != clause and _dated(rest):
            clause = rest  # "（X；6月底前开通5条，其余年内开通）": the rest's deadline
        if _WHOLE_YEAR.fullmatch(clause):  # "（X负责，全年）": within the plan's year
            out.deadlines.append(clause)
            continue
        # "…，6月底完成）", "（…，2023—2025年持续推进）", "（…，“十四五”期间持续推进）"
        if _dated(clause) or _ONGOING_CLAUSE.fullmatch(_SPAN.sub("", as_years(clause))) or _relative(clause):
            out.deadlines.append(clause)
            continue
        if clause == "长期":  # "（财政部牵头，长期）"
            out.deadlines.append("长期坚持")
            continue
        if recurrence(clause):  # "（X负责，每季度末）": a deadline that comes round (emit drafts `repeat`)
            out.deadlines.append(clause)
            continue
        if _LATER.match(clause):  # "以后每年更新": what follows the deadline, not a unit
            continue
        if m := _GOING_ON.fullmatch(clause):  # "（教育部等部门负责，持续实施）"
            out.deadlines.append({"长期": "长期坚持", "常态化": "常态化"}.get(m[1], "持续推进"))
            continue
        if (ongoing := _ONGOING_CLAUSE.search(clause)) and ongoing.end() == len(clause):
            out.deadlines.append(simplified(ongoing[0]))  # "各地区持续推进": the units, and ongoing work
            clause = clause[:ongoing.start()]
        if (_JOINED.search(clause) or "会" in clause) and _with_others(clause, out):
            continue
        if "配合" in clause and _helps_other(clause, out):
            continue
        marked = [_MARKED_LEAD.sub("", n.strip()) for n in split_outside(clause, NAME_SEP)
                  if _MARKED_LEAD.search(n.strip())]
        if marked:  # "市商务局（牵头）、市财政局": the marked ones lead
            clause = re.sub(_LEAD_MARK, "", clause)
            out.lead.extend(n for n in unit_names("、".join(marked), out) if n not in out.lead)
        names = [n for n in unit_names(clause, out) if n not in out.lead]
        if re.search(either("牵头(?:负责|组织)?(?:实施|落实|统筹推进|统筹协调|协调推进|推进)?$|主办$"), clause):
            out.lead.extend(n for n in names if n not in out.lead)
        elif re.search(_HELPS, clause):
            out.cooperating.extend(n for n in names if n not in out.cooperating)
        else:
            out.responsible.extend(n for n in names if n not in out.responsible)


# "X会同Y", and as it "X商Y", "X同Y", "X联合Y", "X协同Y", "X会Y" between two units' names (never inside one:
# "商务部", "市工商局", "省工商业联合会")
_JOINED = re.compile(r"会同|商(?!务)|(?<![会协共合])同(?!级)|联合(?!会)|协同")
_MEETS = re.compile(r"(?<![委员协商联合学社理工字议])会(?![同议计展务员])")  # "宣传处会办公室" (会办), tried after them


def _with_others(clause: str, out: Assignment) -> bool:
    """"X会同Y、Z负责": X leads, the named Y and Z cooperate; "X会同有关部门负责" is X's alone."""
    for m in itertools.chain(_JOINED.finditer(clause), _MEETS.finditer(clause) if "会" in clause else ()):
        head, tail = clause[:m.start()], clause[m.end():]
        if m[0] != "会同" and not (UNIT_NAME.search(head) and (first := unit_names(tail, Assignment()))
                                   and UNIT_NAME.search(first[0])):
            continue
        return _lead_with(unit_names(head, out), tail, out)
    return False


_HELPS_OTHER = re.compile(r"配合(?=[\u4e00-\u9fff])")


def _helps_other(clause: str, out: Assignment) -> bool:
    """"省人事厅配合省委有关部门落实": the unit after 配合 does the work, the one before it helps."""
    m = _HELPS_OTHER.search(clause)
    if m is None or not UNIT_NAME.search(clause[:m.start()]):
        return False
    doers = unit_names(clause[m.end():], Assignment())
    if not doers or not UNIT_NAME.search(doers[0]):
        return False
    out.cooperating.extend(n for n in unit_names(clause[:m.start()], out) if n not in out.cooperating)
    out.responsible.extend(n for n in doers if n not in out.responsible)
    return True


def _lead_with(leads: list[str], tail: str, out: Assignment) -> bool:
    others = [n for n in unit_names(tail, out) if n not in leads]
    if not leads or not others:
        return False
    out.lead.extend(n for n in leads if n not in out.lead)
    out.cooperating.extend(n for n in others if n not in out.cooperating)
    return True


# "（国务院各部门分别负责，年内持续推进）": ongoing work, not a unit
# "持續推進" in traditional copies is the same ongoing wording
_SPAN = re.compile(r"^\d{4}\s*年?\s*[—–-]+\s*\d{4}\s*年")  # "2023—2025年持续推进": ongoing over a span
_ONGOING_CLAUSE = re.compile(either("(?:年内|全年|今年|长期)?(?:" + "|".join(phrases.ONGOING_WORDS) + ")"))
_GOING_ON = re.compile(either(r"(持续|长期|常态化)(?:实施|落实|推进|开展|坚持|进行)"))  # "（X，常态化推进）"
_REST = re.compile(r"^(?:其余|其他|剩余|余下)的?")  # "其余年内开通": the remaining part, then its deadline
_WHOLE_YEAR = re.compile(r"全年(?:完成|推进|实施)?")
_LATER = re.compile(r"^(?:以后|此后|今后|之后|每年|每季度|每月|逐年|逐步)")


def _this_year(clause: str) -> str:
    """"今年三季度完成" → "三季度完成", "今年底前完成" → "年底前完成": phrases of the document's year."""
    if not clause.startswith(("今年", "本年")):
        return clause
    return _THIS_YEAR.sub("", _THIS_YEAR_END.sub("年", clause, count=1), count=1)


_THIS_YEAR_END = re.compile(r"^(?:今|本)年度?(?=底|末|内)")
_THIS_YEAR = re.compile(r"^(?:今年|本年度?)(?=\d|第?[一二三四]季度|[上下]半年)")


def _relative(clause: str) -> bool:
    """"明年6月底前", "本方案印发之日起30日内": a deadline counted from the document."""
    found = find_relative(clause)
    return bool(found) and clause.startswith(found[0])
_DATEISH = re.compile(r"[0-9０-９年月季底末内坚推常持]")


def is_deadline(clause: str) -> bool:
    """A clause that is a deadline phrase on its own ("6月底完成", "2021年底前", "长期坚持")."""
    if len(clause) > 24 or not _DATEISH.search(clause):
        return False
    try:
        phrases.resolve(clause, 2000)
    except phrases.PhraseError:
        return False
    return True


def _dated(clause: str) -> bool:
    """A deadline written among the units: "6月底完成", "9月底前完成评估", "6.30前完成"."""
    return is_deadline(clause) or starts_with_deadline(clause) or (
        (digits := worded(clause)) != clause and is_deadline(digits))
