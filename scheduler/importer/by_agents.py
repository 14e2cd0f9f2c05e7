"""Agents after 由 that the subject grammar does not name (round 61: a 巡查 problem list's 整改要求).

    整改要求:由城关镇负责按照……拆除旱厕。             a town is the agent: 城关镇 responsible
    整改要求:由包片单位县供销社负责督促业主……         a role word before the name: 县供销社
    由陈家坝沿线包片单位县职教中心、县委党校、县供销社负责……   every unit named after the role word

The subject grammar knows units by how their names end (局, 办, 中心, 站 …); a single town, a 供销社
or a 党校 ends otherwise, and a role word ("包片单位", "包保单位", "联系单位") glued before the name
made the name a longer one. Only a clause "由X负责" is read here, so "城关镇要……" stays no subject.
"""

from __future__ import annotations

import re

# "包片单位", "陈家坝沿线包片单位", "包保单位", "挂点联系单位": who the unit is to the place, not its name
_ROLE = r"(?:[\u4e00-\u9fff]{0,8}?(?:包片|包保|包联|联系|挂点|挂钩|帮扶|结对)单位)"
_END = (r"(?:镇|乡|街道|街道办事处|办事处|供销社|党校|学校|中学|小学|医院|卫生院|站|局|大队|中队|中心|所|委|办|社区"
        r"|公司|集团|管委会|委员会|办公室|政府)")
_ONE = rf"[\u4e00-\u9fff]{{1,12}}?{_END}"
# "由兴东集团按程序组织实施" (round 63: a 常务会议's 议定事项): carrying it out is the charge too
_CHARGE = r"(?:负责|(?:按程序|按规定|依法依规|依法)?组织实施)"
_BY = re.compile(rf"由(?P<role>{_ROLE})?(?P<names>{_ONE}(?:、{_ONE})*){_CHARGE}")
# one town, 乡 or 街道 by its name ("大龙山镇"): not a generic word ("乡镇", "城镇", "各镇")
_TOWN = re.compile(r"^(?!各)[\u4e00-\u9fff]{2,6}(?<![城乡集村])(?:镇|乡|街道|街道办事处)$")


def is_town(name: str) -> bool:
    """"大龙山镇", "城关镇", "东湖街道": a single town named (round 63: a meeting's subject)."""
    return bool(_TOWN.match(name))


def agents(sentence: str, named: bool, unnamed: bool = False) -> list[str]:
    """The units of "由X负责" in a sentence: always after a role word, otherwise only when the
    subject grammar named no agent (`named` false); or, when it found no subject (`unnamed`), a
    government's purse as the subject ("县财政安排……经费50万元")."""
    if "由" not in sentence or ("负责" not in sentence and "组织实施" not in sentence):
        return [m["name"]] if unnamed and "财政" in sentence and (m := _PURSE.match(sentence)) else []
    m = _BY.search(sentence)
    if m is None or (named and not m["role"]):
        return []
    return m["names"].split("、")


# "县财政安排县卫计局……经费50万元", "市财政每年安排专项资金……": the finance bureau, named by the purse
# (round 63: a 常务会议纪要's 交办事项); only with a verb of paying, so "县财政收入增长……" names nobody
_PURSE = re.compile(r"^(?P<name>(?:[\u4e00-\u9fff]{0,6}?[省市县区旗]|[乡镇])(?:级)?财政(?:局)?)(?:每年|今年|年内|当年)?"
                    r"(?:安排|拨付|拨款|列支|预算安排|统筹安排|足额安排|给予|补助|承担|保障|追加)")


# "请各相关单位对本次巡查的问题认真整改": a closing request about the whole list, no item's unit
_WHOLE_LIST = re.compile(r"^(?:本次|此次|这次|上述|以上)")


def about_whole_list(after_verb: str) -> bool:
    """True for the words after a subject's 对 that name the document's whole list ("对本次巡查的问题……")."""
    return bool(_WHOLE_LIST.match(after_verb))


# "上述责任单位要……", "今年是复审年,上述责任单位要……", "请以上单位……": words after a problem list about all of it
_CLOSING_LINE = re.compile(r"^(?:[^。，,；;]{0,16}[，,])?请?(?:上述|以上)(?:各?(?:责任|相关|有关)?单位|问题)")


def closes_list(line: str) -> bool:
    """True for a paragraph after a list's last item that speaks of every item ("上述责任单位要……")."""
    return bool(_CLOSING_LINE.match(line))
