"""Lists of unit names as documents write them: split outside brackets, 和/及 between two units,
"各县、市、区政府" kept whole, "X等有关部门" reduced to the named unit."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scheduler.importer.and_units import part_at_one_and
from scheduler.importer.glued_units import glued_names
from scheduler.importer.place_pairs import pair_places
from scheduler.importer.shared_gov import share_government
from scheduler.importer.spaced_units import spaced_names
from scheduler.importer.stated_roles import join_bare_units
from scheduler.importer.vocab import CLOSE, GENERIC, OPEN, TAIL, either, is_unit_name
from scheduler.importer.wrapped_names import unwrap_name

if TYPE_CHECKING:
    from scheduler.importer.assign import Assignment

HAS_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月")
CLAUSE = re.compile(r"[，,；;]")
# "各区县及园区": 各 goes on over the parks after the districts and counties, one collective (round 34)
_EACH_LEVEL = r"(?:(?<!各[县区市]及)(?<!各[县区市]{2}及)|(?!园区|街道|社区|乡镇))"  # tested after 及 only
LIST_SEP = re.compile(r"、|和|及(?!其)" + _EACH_LEVEL)  # "地方各级人民政府及其部门" is one collective
NAME_SEP = re.compile(r"、|以及|会同|及(?!其)(?=[^及]{2,})" + _EACH_LEVEL
                      + r"|(?<=各地区|各部门|各单位)(?=各)|(?<=各地)(?=各)"
                      # "区发改委/区财政局": a slash after a unit's last character
                      + r"|(?<=[局委办厅部府会室处所院站队司中心馆社团])[/／](?=[\u4e00-\u9fff]{2})")
# "各区人民政府〈含开发区、风景区管委会,下同〉": a remark in angle brackets too (round 50)
_REMARK = re.compile(r"[（(〈<＜][^（）()〈〉<>＜＞]*(?:下同|除|为准|注)[^（）()〈〉<>＜＞]*[）)〉>＞]")


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
        whole = len(pieces) > 1 and all((is_unit_name(p.strip()) or _EACH.match(p.strip()))
                                        and not GENERIC.match(p.strip()) for p in pieces) \
            and not any(_BARE.match(p.strip()) for p in pieces[1:]) and is_unit_name(pieces[0].strip())
        rest = pieces[-1].strip()
        if not whole and len(pieces) == 2 and GENERIC.match(pieces[0].strip()) and not GENERIC.match(rest) \
                and (is_unit_name(rest) or rest.startswith("各")) and not _BARE.match(rest):
            pieces, whole = pieces[1:], True  # "会同有关部门和各县区": the generic half is no unit
        if not whole and (two := part_at_one_and(part, _unit_piece)):
            pieces, whole = two, True  # "文化和旅游部和各省级人民政府" (round 56)
        out += pieces if whole else [part]  # "各有关部门和单位" stays one collective
    return out


_AND = re.compile(r"和|与")
_EACH = re.compile(r"^各[\u4e00-\u9fff]{2,6}$")  # "市人口计生委和各县市区": a unit and a collective
# "各县（市、区）党委和人民政府", "高新区党工委和管委会": a body named without its place shares the one before
_BARE = re.compile(either(r"^(?:人民政府|政府|党委|党工委|管委会|管理委员会|办事处)$"))


def _unit_piece(name: str) -> bool:
    return (is_unit_name(name) or bool(_EACH.match(name))) and not GENERIC.match(name) and not _BARE.match(name)


def unit_names(clause: str, out: Assignment) -> list[str]:
    clause = _REMARK.sub("", clause)  # "(除标注“分别牵头”外，列第一位为牵头单位，下同)"
    clause = TAIL.sub("", clause.strip()).strip()
    names: list[str] = []
    parts = share_government(rejoin_places(_and_split(pair_places(split_outside(clause, NAME_SEP)))))  # rounds 39, 53
    parts = join_bare_units(parts)  # "市直有关部门、单位" (round 70)
    pieces = (unwrap_name(piece.strip()) for p in parts for piece in spaced_names(p))  # round 69
    for part in (g for piece in pieces for g in glued_names(piece)):  # round 58
        for name in _split_etc(_BY.sub("", part.strip(" 　─—")), out):  # "──由X组织落实"
            if name and not GENERIC.match(name) and name not in names and len(name) <= 40 \
                    and not HAS_DATE.search(name):  # "自2026年1月1日起执行", "2021年起实施": no units
                names.append(name)
    return names


# "A、B等部门和各省辖市政府负责落实": the list goes on after "等部门" (round 33)
ETC_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})等(?:有关|相关)?(?:部门|单位)$")
_BY = re.compile(r"^由(?=[\u4e00-\u9fff]{2})")  # "（由县发改局牵头实施）"
# names keep traditional forms: "各市、縣人民政府"; "各縣、特區、區人民政府" (round 33)
_PLACE = r"(?:[县縣市区區州旗乡鄉镇鎮]|特[区區]|县级市|自治县|自治州|地级市)"
_PLACE_BRACKET = r"[（(〔][^（）()〔〕]{1,8}[）)〕]"  # "县（市、区）", "县〔区〕" (round 57)
_PLACE_STUB = re.compile(rf"各?(?:有关|相关|有關|相關)?{_PLACE}{{1,3}}(?:{_PLACE_BRACKET})?")  # "各县市、区政府" (65)
_STUB_AFTER = re.compile(rf"(?<=[等和及与])(各(?:有关|相关)?{_PLACE})$")  # a unit "等和各市", then "县人民政府"
# "13个街道、镇": a counted collective, one name with the place words after it
_COUNTED = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个(?:街道|乡镇|镇|乡|社区)")
_LEVEL = re.compile(r"(?:街办|街道|管理处|社区|园区)(?:办事处)?")  # "各乡、街办、管理处": 各 goes on over them
_TOWNS = re.compile(r"各(?:乡镇|镇|乡|鄉鎮|鎮|鄉)(?:人民)?政府")  # "各乡镇人民政府" before a bare "街道办事处"
# "县市区人民政府" after "各市州、" (round 70): up to three place words
_PLACE_TAIL = re.compile(rf"{_PLACE}{{1,3}}(?:{_PLACE_BRACKET})?(?:级)?(?:人民)?"
                         rf"(?:政府(?:管委会)?|党委|有关部门|相关部门)?"
                         rf"(?:{_PLACE_BRACKET})?")  # "各县、区人民政府(管委会)" (round 33), "县〔区〕" (57)


def rejoin_places(parts: list[str]) -> list[str]:
    """"各县、市、区政府", "市、县政府" and "各有关区、县级市" are one collective: a lone 县/市/区
    joins the place words that follow it ("区政府"), never a unit of its own ("市财政局")."""
    out: list[str] = []
    pending: list[str] = []
    for part in parts:
        name = part.strip()
        if _PLACE_STUB.fullmatch(name) or _COUNTED.fullmatch(name) or (pending and _LEVEL.fullmatch(name)):
            pending.append(name)
        elif not pending and (m := _STUB_AFTER.search(name)):  # "地税局等和各市、县人民政府"
            out.append(name[:m.start(1)])
            pending = [m[1]]
        elif pending and _PLACE_TAIL.fullmatch(name):
            out.append("、".join([*pending, name]))
            pending = []
        elif out and _LEVEL.fullmatch(name) and _TOWNS.fullmatch(out[-1].strip()) and not pending:
            out[-1] = f"{out[-1]}、{name}"  # "各乡镇人民政府、街道办事处": 各 goes on over the streets (round 33)
        else:
            out += (["、".join(pending)] if pending else []) + [part]
            pending = []
    return out + (["、".join(pending)] if pending else [])


def _split_etc(part: str, out: Assignment) -> list[str]:
    """"省司法厅等省政府相关部门" → the named unit and the collective (generic ones dropped)."""
    if part.startswith("等") and is_unit_name(part[1:]):  # "A、B、等区政府有关部门": a stray 、 before 等 (round 64)
        out.etc = True
        return [TAIL.sub("", part[1:]).strip()]
    if "等" not in part or part.startswith("等"):
        return [part]
    out.etc = True
    head, _, tail = part.partition("等")
    return [head, TAIL.sub("", tail).strip().lstrip("和及与、")]  # "X等和各省级人民政府"


def split_names(text: str) -> list[str]:
    """Unit names of a list as written: "各县（市、区）政府和市财政局" → two names."""
    return [n.strip() for n in rejoin_places(split_outside(text, LIST_SEP)) if n.strip()]
