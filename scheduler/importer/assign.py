"""Unit assignments as documents write them.

    责任单位：省政府审改办牵头，省司法厅等省政府相关部门按职责分工负责
    （牵头单位：省发展改革委；配合单位：省财政厅；完成时限：持续推进）
    （国家发展改革委牵头，商务部等国务院相关部门及各地区按职责分工负责）
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from scheduler import phrases
from scheduler.importer.relative import find_relative

# Traditional forms of the keywords (seed 001 is published in traditional characters); unit
# names themselves are kept exactly as written.
_TRADITIONAL = {"牵": "牽", "头": "頭", "单": "單", "责": "責", "负": "負", "职": "職", "时": "時",
                "关": "關", "门": "門", "间": "間", "协": "協", "办": "辦", "实": "實", "与": "與",
                "据": "據", "别": "別", "设": "設", "应": "應", "划": "劃", "数": "數",
                "会": "會", "厅": "廳", "区": "區", "县": "縣", "国": "國", "务": "務"}


def either(pattern: str) -> str:
    """A regex accepting simplified or traditional forms of the keyword characters."""
    return "".join(f"[{c}{_TRADITIONAL[c]}]" if c in _TRADITIONAL else c for c in pattern)


_FOLD = str.maketrans({t: s for s, t in _TRADITIONAL.items()})


def simplified(text: str) -> str:
    """Keyword characters folded to simplified (only for classifying, never for names)."""
    return text.translate(_FOLD)


_LABELS = {"牵头单位": "lead", "主办单位": "lead", "牵头部门": "lead", "牵头责任单位": "lead",
           "责任单位": "responsible", "责任部门": "responsible", "协同责任单位": "responsible",
           "配合单位": "cooperating", "配合部门": "cooperating", "协办单位": "cooperating",
           "参与单位": "cooperating", "协同单位": "cooperating", "主责单位": "responsible", "主责部门": "responsible",
           # people, not units: "（牵头单位：…；督办领导：李四）"
           "督办领导": "person", "责任领导": "person", "牵头领导": "person", "分管领导": "person", "责任人": "person",
           "完成时限": "deadline", "时间安排": "deadline", "完成时间": "deadline",
           "时间节点": "deadline", "时限要求": "deadline",
           "负责部门": "responsible", "负责单位": "responsible",
           # "部门分工：省发展改革委牵头，各地、各部门配合": a clause, read as one
           "部门分工": "responsible", "责任分工": "responsible", "任务分工": "responsible",
           "适用范围": "scope", "推广范围": "scope", "实施范围": "scope",  # scope: where, not who
           # a bureau's or ministry's own plan names its offices: "（责任科室：组干科、机关党委）"
           **{f"{role}{office}": kind for office in ("科室", "处室", "司局", "股室")
              for role, kind in (("牵头", "lead"), ("责任", "responsible"), ("主办", "lead"),
                                 ("配合", "cooperating"), ("协办", "cooperating"), ("参与", "cooperating"))}}
_LABEL_RE = re.compile("(" + "|".join(either(k) for k in sorted(_LABELS, key=len, reverse=True)) + r")\s*[:：]")
_TAIL = re.compile(either(
    "(?:按职责分工|按照职责分工|根据职责分工|依据职责分工|按职责|根据职责|分别|共同|具体|组织|结合实际|因地制宜"
    "|等?负责落实|负责|牵头|配合|参与|(?:加强|做好|给予|予以|负责)?指导|落实|实施"
    "|督促检查|督促落实|监督检查|督导|督查|统筹协调|统筹推进|协调推进|组织协调|推进实施)+$"))
_GENERIC = re.compile(either(
    "^(?:其他|其它)?(?:相关|有关)?(?:部门|单位|方面)(?:(?:和|及|与|、)(?:其他|其它)?(?:相关|有关)?(?:部门|单位|方面|地方))?$"
    "|^(?:其他|其它)?(?:相关|有关)地方$"  # "会同有关地方负责": X's own work
    "|^(?:其中|同时|此外|另外|并且?)$"))  # "…负责；其中，2021年底前完成第一批": a connective, no unit
# "列第一位者为牵头单位，下同", "排在第一位的部门为牵头部门": a rule about the lists, never a unit
FIRST_IS_LEAD = re.compile(either(r"(?:列|排)(?:在|名)?(?:第一位|首位)[^，,。；;）)]{0,8}?(?:为|是)牵头"))
_RULE_CLAUSE = re.compile(either(
    r"[，,。；;]?\s*(?:(?:列|排)(?:在|名)?(?:第一位|首位)[^，,。；;）)]{0,8}?(?:为|是)牵头[^，,。；;]*|下同)(?=[，,。；;]|$)"))


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
    if _LABEL_RE.search(text) or (re.search(either("(牵头|负责|配合)"), text) and len(text) < 300):
        return True
    parts = [p.strip() for p in split_outside(text, _CLAUSE) if p.strip()]
    parts = [_GUIDES.sub("", p) for p in parts]  # "（生态环境部指导，供销合作总社参与）"
    names = [n for p in parts if not starts_with_deadline(p) for n in split_outside(p, _NAME_SEP)]
    return bool(names) and all(_UNIT_NAME.search(n.strip()) and len(n.strip()) <= 25 for n in names)


_UNIT_NAME = re.compile(either(
    r"(?:局|厅|委|办|院|部|署|室|政府|中心|公司|银行|支行|小组|管委会|委员会|办公室|分局|集团|协会|联合会|海关|法院|检察院"
    r"|部门|单位|监会|总社|总局|组委|组委会|联席会议|总署)(?:[（(][^（）()]*[）)])?$"))


def starts_with_label(text: str) -> bool:
    """"责任单位：市委组织部、市科技局": a clause opened by a role or deadline label."""
    return bool(_LABEL_RE.match(text.strip()))


def is_unit_name(name: str) -> bool:
    """"市商务局", "开发区管委会", "各县（市、区）政府": a name ending as units' names end."""
    return bool(_UNIT_NAME.search(name)) and len(name) <= 25


def starts_with_deadline(clause: str) -> bool:
    """"9月底前完成评估" is a dated clause, not a unit."""
    found = phrases.find_all(clause)
    return bool(found) and unicodedata.normalize("NFKC", clause).startswith(found[0])


def split_names(text: str) -> list[str]:
    """Unit names of a list as written: "各县（市、区）政府和市财政局" → two names."""
    return [n.strip() for n in _rejoin_places(split_outside(text, _LIST_SEP)) if n.strip()]


def parse_assignment(text: str) -> Assignment:
    """A fresh Assignment (callers extend it); plans repeat the same wording item after item,
    so the parsing itself is cached."""
    a = _parsed(text)
    return Assignment(list(a.lead), list(a.responsible), list(a.cooperating), list(a.deadlines), a.etc)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Assignment:
    text = _RULE_CLAUSE.sub("", _unwrap(text)).strip("，,。；; ")
    text = "；".join(_assigning_sentences(text))
    out = Assignment()
    if (_LABEL_RE.match(text) and not text.startswith("责任单位")) or _has_several_labels(text):
        _labelled(text, out)
    else:
        _free(re.sub(r"^(?:责任单位|牵头单位)\s*[:：]", "", text), out)
    return out


OPEN, CLOSE = "（(〔[【", "）)〕]】"


def _assigning_sentences(text: str) -> list[str]:
    """The sentences of a clause that assign: the first, and any later one that names units or a
    role ("〔…按职责分工负责。具体任务均涉及相关市(州)人民政府，不再做分工〕": a remark)."""
    sentences = [s.strip() for s in text.split("。") if s.strip()]
    return sentences[:1] + [s for s in sentences[1:] if not s.startswith(("以下", "下同", "不再"))
                            and looks_like_assignment(s)]


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
    return len(_LABEL_RE.findall(text)) > 1


def _labelled(text: str, out: Assignment) -> None:
    parts = _LABEL_RE.split(text)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        value = value.strip().strip("；;，,。 ")
        kind = _LABELS[simplified(label)]
        if kind == "deadline":
            out.deadlines.append(value)
        elif kind in ("scope", "person"):
            continue
        elif kind == "responsible":
            _free(value, out)
        else:
            for clause in split_outside(value, _CLAUSE):
                if _dated(clause.strip()):
                    out.deadlines.append(clause.strip())
                else:
                    getattr(out, kind).extend(n for n in _names(clause, out) if n not in getattr(out, kind))


_LEAD_MARK = either(r"[（(]牵头(?:单位|部门)?[）)]")
_MARKED_LEAD = re.compile(_LEAD_MARK + "$")
_GUIDES = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:指导|参与)$")


_ROLE_END = re.compile(either(r"(?:牵头(?:负责)?|负责(?:落实)?|配合|参与|落实|指导)$"))


def _role_clauses(text: str) -> list[str]:
    """The clauses of `text`; a list that names no role of its own, between a clause that does
    and one that does, shares the role that follows it: "X牵头，A、B等部门，C、D配合" → A–D配合."""
    clauses = [c.strip() for c in split_outside(text, _CLAUSE)]
    out: list[str] = []
    for pos, clause in enumerate(clauses):
        if out and out[-1] and not _ROLE_END.search(out[-1]) and not _dated(out[-1]) \
                and any(_ROLE_END.search(c) for c in clauses[:pos - 1]) and _ROLE_END.search(clause) \
                and not _dated(clause) and not _LABEL_RE.match(out[-1]):
            out[-1] = f"{out[-1]}、{clause}"
        else:
            out.append(clause)
    return out


def _free(text: str, out: Assignment) -> None:
    for clause in _role_clauses(text):
        clause = clause.strip()
        if not clause:
            continue
        if simplified(clause).startswith(("完成时限", "时间")):
            out.deadlines.append(re.sub(r"^[^:：]*[:：]", "", clause))
            continue
        if _dated(clause) or _ONGOING_CLAUSE.fullmatch(clause) or _relative(clause):  # "…，6月底完成）"
            out.deadlines.append(clause)
            continue
        if clause == "长期":  # "（财政部牵头，长期）"
            out.deadlines.append("长期坚持")
            continue
        if _LATER.match(clause):  # "以后每年更新": what follows the deadline, not a unit
            continue
        if m := _GOING_ON.fullmatch(clause):  # "（教育部等部门负责，持续实施）"
            out.deadlines.append("长期坚持" if m[1] == "长期" else "持续推进")
            continue
        if (ongoing := _ONGOING_CLAUSE.search(clause)) and ongoing.end() == len(clause):
            out.deadlines.append(ongoing[0])  # "各地区持续推进": the units, and ongoing work
            clause = clause[:ongoing.start()]
        if "会同" in clause and _with_others(clause, out):
            continue
        marked = [_MARKED_LEAD.sub("", n.strip()) for n in split_outside(clause, _NAME_SEP)
                  if _MARKED_LEAD.search(n.strip())]
        if marked:  # "市商务局（牵头）、市财政局": the marked ones lead
            clause = re.sub(_LEAD_MARK, "", clause)
            out.lead.extend(n for n in _names("、".join(marked), out) if n not in out.lead)
        names = [n for n in _names(clause, out) if n not in out.lead]
        if re.search(either("牵头(?:负责|组织)?(?:实施|统筹推进|统筹协调|协调推进|推进)?$"), clause):
            out.lead.extend(n for n in names if n not in out.lead)
        elif re.search(r"(配合|参与)$", clause):
            out.cooperating.extend(n for n in names if n not in out.cooperating)
        else:
            out.responsible.extend(n for n in names if n not in out.responsible)


def _with_others(clause: str, out: Assignment) -> bool:
    """"X会同Y、Z负责": X leads, the named Y and Z cooperate; "X会同有关部门负责" is X's alone."""
    head, _, tail = clause.partition("会同")
    leads = _names(head, out)
    others = [n for n in _names(tail, out) if n not in leads]
    if not leads or not others:
        return False
    out.lead.extend(n for n in leads if n not in out.lead)
    out.cooperating.extend(n for n in others if n not in out.cooperating)
    return True


# "（国务院各部门分别负责，年内持续推进）": ongoing work, not a unit
_ONGOING_CLAUSE = re.compile("(?:年内|全年|今年|长期)?(?:" + "|".join(phrases.ONGOING_WORDS) + ")")
_GOING_ON = re.compile(r"(持续|长期)(?:实施|落实|推进|开展|坚持|进行)")
_LATER = re.compile(r"^(?:以后|此后|今后|之后|每年|每季度|每月|逐年|逐步)")


def _relative(clause: str) -> bool:
    """"明年6月底前", "本方案印发之日起30日内": a deadline counted from the document."""
    found = find_relative(clause)
    return bool(found) and clause.startswith(found[0])


_HAS_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月")
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
    """A deadline written among the units: "6月底完成", "9月底前完成评估"."""
    return is_deadline(clause) or starts_with_deadline(clause)


_CLAUSE = re.compile(r"[，,；;]")
_LIST_SEP = re.compile(r"、|和|及(?!其)")  # "地方各级人民政府及其部门" is one collective
_NAME_SEP = re.compile(r"、|以及|会同|及(?!其)(?=[^及]{2,})|(?<=各地区|各部门|各单位)(?=各)|(?<=各地)(?=各)")
_REMARK = re.compile(r"[（(][^（）()]*(?:下同|除|为准|注)[^（）()]*[）)]")


_ANY_BRACKET = re.compile(r"[（(〔\[【<＜〈]")
_NAME_OPEN, _NAME_CLOSE = OPEN + "<＜〈", CLOSE + ">＞〉"  # "各县<市、区>人民政府"


def split_outside(text: str, sep: re.Pattern[str]) -> list[str]:
    """Split on `sep` outside brackets: "各县(市、区)政府、市财政局" → two names."""
    if not _ANY_BRACKET.search(text):
        return sep.split(text)
    opens, closes = (_NAME_OPEN, _NAME_CLOSE) if ">" in text or "＞" in text or "〉" in text else (OPEN, CLOSE)
    parts, start, depth, pos = [], 0, 0, 0
    while pos < len(text):
        ch = text[pos]
        depth += (ch in opens) - (ch in closes)
        m = sep.match(text, pos) if depth == 0 else None
        if m and m.end() > pos:
            parts.append(text[start:pos])
            start = pos = m.end()
            continue
        pos += 1
    parts.append(text[start:])
    return parts


def _and_split(parts: list[str]) -> list[str]:
    """"省直有关单位和各市州政府": 和/与 joins two units when both sides end as units' names end
    (never "工业和信息化部" or "文化和旅游部", whose first half is no unit, nor "各有关部门和单位")."""
    out: list[str] = []
    for part in parts:
        pieces = split_outside(part, _AND)
        whole = len(pieces) > 1 and all(is_unit_name(p.strip()) and not _GENERIC.match(p.strip()) for p in pieces)
        out += pieces if whole else [part]  # "各有关部门和单位" stays one collective
    return out


_AND = re.compile(r"和|与")


def _names(clause: str, out: Assignment) -> list[str]:
    clause = _REMARK.sub("", clause)  # "(除标注“分别牵头”外，列第一位为牵头单位，下同)"
    clause = _TAIL.sub("", clause.strip()).strip()
    names: list[str] = []
    for part in _rejoin_places(_and_split(split_outside(clause, _NAME_SEP))):
        for name in _split_etc(_BY.sub("", part.strip(" 　")), out):
            if name and not _GENERIC.match(name) and name not in names and len(name) <= 40 \
                    and not _HAS_DATE.search(name):  # "自2026年1月1日起执行", "2021年起实施": no units
                names.append(name)
    return names


_BY = re.compile(r"^由(?=[\u4e00-\u9fff]{2})")  # "（由县发改局牵头实施）"
_PLACE = r"(?:[县市区州旗乡镇]|县级市|自治县|自治州|地级市)"
_PLACE_STUB = re.compile(rf"各?(?:有关|相关)?{_PLACE}")
_PLACE_TAIL = re.compile(rf"{_PLACE}(?:级)?(?:人民)?(?:政府|党委|有关部门|相关部门)?")


def _rejoin_places(parts: list[str]) -> list[str]:
    """"各县、市、区政府", "市、县政府" and "各有关区、县级市" are one collective: a lone 县/市/区
    joins the place words that follow it ("区政府"), never a unit of its own ("市财政局")."""
    out: list[str] = []
    pending: list[str] = []
    for part in parts:
        name = part.strip()
        if _PLACE_STUB.fullmatch(name):
            pending.append(name)
        elif pending and _PLACE_TAIL.fullmatch(name):
            out.append("、".join([*pending, name]))
            pending = []
        else:
            out += (["、".join(pending)] if pending else []) + [part]
            pending = []
    return out + (["、".join(pending)] if pending else [])


def _split_etc(part: str, out: Assignment) -> list[str]:
    """"省司法厅等省政府相关部门" → the named unit and the collective (generic ones dropped)."""
    if "等" not in part or part.startswith("等"):
        return [part]
    out.etc = True
    head, _, tail = part.partition("等")
    return [head, _TAIL.sub("", tail).strip().lstrip("和及与、")]  # "X等和各省级人民政府"
