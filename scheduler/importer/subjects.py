"""Units written as the subjects of an item's sentences, for plans without assignment clauses.

    科技部、财政部和相关科技项目管理部门要按照……          → 科技部, 财政部, 相关科技项目管理部门
    请人力资源社会保障部会同有关部门……                    → 人力资源社会保障部
    各地区、各部门在制定相关规定和具体办法时，要明确……    → 各地区, 各部门

Only government bodies and their collectives count: a name must end like one (部, 委, 局, 政府,
行政部门 …) or be a 各… collective; roles such as 职业院校、行政执法机关 and bare 政府部门 are not
units. A sentence whose subject "可" do something grants a power, it assigns nothing.
"""

from __future__ import annotations

import re

from scheduler.importer import by_agents
from scheduler.importer.assign import Assignment
from scheduler.importer.names import ETC_TAIL, rejoin_places, split_outside
from scheduler.importer.vocab import DIVISIONS, MASS_ORGS, OPENERS, simplified

# "各市、县人民政府要……", "市、县（区）政府", "相关市、县政府": governments of levels, no place named, one collective
_LEVEL = r"(?:县市区|市州|县区|区县|县市|[省市县区州])(?:[（(][^（）()]{1,8}[）)])?"  # "各市州、县市区人民政府"
_LEVEL_GOV = rf"(?:各|有关|相关)?{_LEVEL}(?:、{_LEVEL}){{1,3}}(?:人民)?政府"
_BODY = (r"(?:部|委|局|办公室|(?<![督承举创包代主协帮兴开筹试查首])办"  # 中央农办, 市委改革办
         r"|署|厅|(?<![公上官有寿])司|总局|办公厅|政府|人民政府|委员会|联席会议|行政部门|管理部门|银行|监会|总社"
         r"|小组|政府部门|有关部门|部门|各地区|各地|各部门|各单位|各有关部门|各有关单位|各有关部门和单位|(?<![为以])中心"
         r"|各[省市县区州][（(][^（）()]{1,8}[）)]"  # "各省（区、市）要……", "各市（州）、县（市、区）要……"
         r"(?:、[市县区][（(][^（）()]{1,8}[）)])*(?:人民政府|政府)?"
         r"|省、自治区、直辖市(?:人民政府|政府)?|军区"  # "有关省、自治区、直辖市及军区也要……"
         # "各乡镇（街道）要……", "各街道负责……", "各区县要……": the governments of a level, as a collective
         r"|各(?:乡镇|镇|乡|街道|区县|县区|县市区|市县|市州)(?:[（(](?:街道|乡镇|镇|社区)[）)])?(?:人民政府|政府|办事处)?"
         r"|(?<![场住处厕诊寓有之其])所(?!在|属|辖)|(?<![车网驿兵])站(?!在)|中队|大队|" + DIVISIONS + MASS_ORGS +
         r"|各[省市县区州盟](?=具体|要|应|负责|抓好|认真|$)"  # "各市具体负责", "各县要……": a level's governments
         r"|试点地区"  # "试点地区在……完成挂网": the pilot areas' governments, a collective
         r"|(?<=[委议组部会])(?:有关|相关)?(?:成员|委员)单位"  # "市食安委有关委员单位配合": a named body's members
         r"|管委会|管理委员会|督查室|各(?!责任|成员|牵头|配合|协办|主办|参与)[\u4e00-\u9fff]{1,4}?(?:单位|部门)(?:及各?[科处股]室)?"
         # "临港地区管委会", "各审批单位" (a kind of units; "各责任单位" refers back to roles given elsewhere)
         r"|[省市县区乡镇](?:、[省市县区乡镇]){1,3}[两三四五]级(?:人民)?政府"  # "市、区两级政府进一步……"
         rf"|{_LEVEL_GOV})")
# "派出所(交通中队)": a remark in brackets after a name's ending ("（以下简称……）" is none)
_AFTER = r"(?:[（(](?!以下)[^（）()]{1,8}[）)])?"
_NAME = rf"(?:各有关部门和单位|(?:[\u4e00-\u9fff]|[（(][^（）()]{{1,8}}[）)]){{0,24}}?{_BODY}{_AFTER})"
# a place before the last name of a list shares its ending: "浦东新区、奉贤区政府" (two district governments)
_PLACE = r"[\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|州|旗)"
_LIST = rf"(?:{_PLACE}(?:、|和))*{_NAME}(?:(?:、|和|及|以及)(?:{_PLACE}(?:、|和))*{_NAME})*"
# towns named in a list: "南汇新城镇、万祥镇、泥城镇和书院镇（以下统称“四镇”）重点做好……"
_TOWN = r"[\u4e00-\u9fff]{2,5}?(?:镇|乡|街道)"
_TOWNS = rf"{_TOWN}(?:(?:、|和){_TOWN})+"
_PREDICATE = (
    r"(?P<etc>等(?:有关|相关)?(?:部门|单位)|等[\u4e00-\u9fff]{1,6}?(?:部门|单位)(?:[（(](?:部门|单位)[）)])?)?"
    r"(?:[（(]以下(?:统称|简称)[^（）()]{1,12}[）)])?"  # "……（以下统称“四镇”）"
    # "X、Y及重点工程业主确定……": executors named with the units are no units (企业, 院校 …)
    r"(?:(?:及|和|以及)[\u4e00-\u9fff]{1,8}?(?:业主|業主|企业|企業|院校|学校|學校|协会|商会))?"
    # "X、Y每月10日前要将……", "X6月底前要……": when, between the subject and its verb
    r"(?:每(?:年|月|季度|季|半年|周|旬)(?:\d{1,2}日|底|末)?前?|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|[上中下]旬)前)?"
    r"(?:已经?|正在?|还|连续[一二三四五六七八九十两\d]{1,2}年)?"  # "扶贫办已会同交通部……", "X连续四年组织……"
    # "国家发展改革委抓紧制定……", "中央网信办、公安部依法加强……": an adverb opens the predicate
    r"(?:依法|抓紧|及时|积极|尽快|全面|深入|大力|着力|持续|稳步|有序|主动|认真|严格|适时|同步|重点|具体|协同)?"
    r"(?P<verb>都要|也要|要|应当|应|将|拟|继续|负责|牵头|会同|统筹|在|对|按照|按(?=职责|分工|各自)|根据|须|必须|于|进一步|切实|加快|加强|共同|分别"
    r"|落实|结合"
    r"|研究|提出|汇总|意见(?=[:：])"  # "X会同Y研究提出了办理意见", "X提出了以下意见：", "X意见："
    r"|建立|制定|组织(?!部)|指导|定期|组成|承担|的主要负责同志|的主要负责人|确定(?!的)|指定(?!的)|配合|参与|协助|负总责"
    # "各县（市、区）政府是本地区工作的责任主体": who answers for the work
    r"|是(?=[\u4e00-\u9fff、“”]{0,20}?(?:责任主体|第一责任人))"  # "X是“无废城市”建设试点责任主体"
    r"|推动|推进|开展|完善|出台|修订|编制|发布|优化|健全|实施|做好|督促)"
)
_SUBJECT = re.compile(rf"^(?:同时[，,]|此外[，,])?(?:{OPENERS})?(?:所?涉及的)?(?P<names>{_LIST})" + _PREDICATE)
# "南汇新城镇、万祥镇、泥城镇和书院镇（以下统称“四镇”）重点做好……" (tried only when a town is named)
_TOWN_SUBJECT = re.compile(rf"^(?P<names>{_TOWNS})" + _PREDICATE)


def _subject(sentence: str) -> re.Match[str] | None:
    m = _SUBJECT.match(sentence)
    if m is None and ("镇" in sentence or "乡" in sentence or "街道" in sentence):
        m = _TOWN_SUBJECT.match(sentence)
    return m


# "由X牵头", "由X牵头负责", "由X等省级主管部门（单位）牵头完成自查报告": the clause names the lead
_LEAD_REST = re.compile(r"(?:负责|实施|落实|完成[\u4e00-\u9fff]{0,12})?")
_MODAL = ("都要", "也要", "要", "应当", "应", "将", "须", "必须", "负责")
_REGION_VERBS = (*_MODAL, "组织")  # "各地要……", "X指导，各地组织实施"
_NOT_UNIT = re.compile(
    r"^(?:政府|政府部门|行政部门|管理部门|有关部门|相关部门|上级部门|主管部门|行业主管部门|其他有关部门|部门|单位"
    r"|有关单位|相关单位|其他部门|国家有关部门|其他相关部门|其他有关单位|其他相关单位"
    r"|[我本](?:局|部|委|厅|办|署|院|室|单位|部门))$")  # "我局将……": the author, not a name
_BODY_END = re.compile(rf"{_BODY}{_AFTER}$")
_LOCAL_GOVS = re.compile(r"^各.*政府$")
_SANCTION = re.compile(r"(?:问责|追责|追究[\u4e00-\u9fff]{0,4}责任|通报批评)$")


def subject_units(body: str) -> Assignment:
    """The units named as subjects of the sentences of `body`, in order, each once; "X会同Y、Z"
    makes X the lead and the named Y, Z cooperating. Traditional keyword characters ("由國土資源部
    會同農業部等部門負責落實") are read as simplified; the names keep the document's characters."""
    folded = simplified(body)
    out = _subject_units(folded)
    for names in (out.lead, out.responsible, out.cooperating):
        names[:] = [_original(n, folded, body) for n in names]
    return out


_ASSIGNS = frozenset(("都要", "也要", "要", "应当", "应", "将", "须", "必须", "负责", "牵头", "拟", "会同", "统筹"))


def assigns_work(body: str) -> bool:
    """Whether a sentence of `body` gives a unit work to do ("X要……", "X负责……"), rather than
    reporting what was done ("X已委托……", "X按照……搬迁了……")."""
    return any((m := _subject(s.strip())) is not None and m["verb"] in _ASSIGNS
               for s in re.split(r"[。；;！!，,]", simplified(body)))


def _original(name: str, folded: str, body: str) -> str:
    at = folded.find(name)  # folding maps one character to one, so positions agree
    return body[at:at + len(name)] if at >= 0 else name


# "各省、自治区、直辖市，特别是X所在地人民政府，也要……": the stressed part joins the subject
_STRESSED = re.compile(r"[，,](?:特别是|尤其是)([^，,。；;]{2,30}?)[，,](?=也要|都要|要|应当|应|须|必须)")
_REMARK = re.compile(r"[（(][^（）()]*[）)]")  # "（技工院校内由X负责）": a remark on an exception
_AGAIN = re.compile(r"^(?:同时|并且?|还|也)?(?:将|要)?(?=会同)")  # "同时将会同X、Y……": the lead's partners again
# "这项工作由外交部和总参谋部统一归口管理", "其管理工作由X负责", "资金由X统筹使用": an agent after the topic
_BY = re.compile(rf"由(?P<names>{_LIST})(?:等(?:有关|相关)?(?:部门|单位))?"
                 r"(?P<verb>负责|牵头|统一归口|归口|统一管理|统筹|会同|跟进督办|督办|提出)")  # 提出: round 63
# "X由各方派员组成，主任由……确定，负责……": the body described is the subject of the later 负责
_COMPOSED = re.compile(rf"(?<![^。；;\n])(?P<names>{_LIST})由[^。；;]*?组成[^。；;]*?[，,]负责")
# "国办将与国家标准委、国务院信息办等单位一起，组织制定……": all of them do it
_WITH = re.compile(rf"^(?P<a>{_LIST})(?:将|要|应|还|也)?[与同](?P<b>{_LIST})(?:等(?:有关|相关)?(?:部门|单位))?"
                   r"(?:一起|一道|共同)")


def _subject_units(body: str) -> Assignment:
    out = Assignment()
    if "特别是" in body or "尤其是" in body:
        body = _STRESSED.sub(r"、\1", body)
    if "由" in body and "负责" in body:
        body = _COMPOSED.sub(lambda m: m[0][:-2] + m["names"] + "负责", body)
    for sentence in re.split(r"[。；;！!，,]", body):  # a subject opens a sentence or a clause
        sentence = sentence.strip()
        if (rest := _AGAIN.sub("", sentence)).startswith("会同") and out.lead and (others := _partners(rest[2:])):
            _add_partners(out, others)
            continue  # "由市场监管总局牵头，会同商务部、海关总署建立……": the lead's partners
        if ("一" in sentence or "共同" in sentence) and (w := _WITH.match(sentence)):
            _add(out.responsible, out, _names(w["a"]) + _names(w["b"]))
            continue
        m = _subject(sentence)
        named = "由" in sentence and (m is not None or _agent(sentence, m) is not None)
        if agents := by_agents.agents(sentence, named, m is None):  # or "县财政安排……" (round 63)
            _add(out.responsible, out, agents)  # "由包片单位县供销社负责……", "由城关镇负责……"
            continue
        if (by := _agent(sentence, m)) is not None:
            names = _names(by["names"])
            if by["verb"] == "会同":  # "办法由市财政局会同浦东新区、奉贤区和临港地区管委会制定"
                _lead(out, names, _partners(sentence[by.end():]))
            else:
                _add(out.lead if by["verb"] == "牵头" else out.responsible, out, names)
            continue
        if m is None or sentence[m.end():m.end() + 1] in ("可", "不"):
            continue
        if m["names"].endswith("各地") and m["verb"] not in _REGION_VERBS:
            continue  # "各地在……的基础上，根据……": a setting; "各地要……" assigns
        if m["names"] == "各地" and any(_LOCAL_GOVS.match(n) for n in out.lead + out.responsible):
            continue  # "各市、县人民政府要……。各地要……": the same governments named again
        if m["verb"] == "对" and by_agents.about_whole_list(sentence[m.end():]):
            continue  # "请各相关单位对本次巡查的问题认真整改": the closing request, about every item
        if m["verb"] in ("将", "对") and _SANCTION.search(sentence[m.end():]):
            continue  # "……的乡镇，县人民政府将实行问责": accountability for the work, not the work
        if (pair := _joined(m["names"])) is not None:  # "请X商Y研究……", "X同Y加强……", "X联合Y开展……"
            if pair[1]:
                _lead(out, *pair)
            else:
                _add(out.responsible, out, pair[0])
            continue
        names = [n for n in _names(m["names"]) if n not in out.lead]
        verb, tail = m["verb"], sentence[m.end():]
        if verb in _MODAL[:-1] and tail.startswith(("会同", "牵头")):  # not 负责 ("X负责牵头……": round 5)
            verb, tail = tail[:2], tail[2:]  # "X要会同Y、Z制定……", "X要牵头制定……": as "X会同……", "X牵头……"
        if verb == "会同" and (others := _partners(tail)):
            _lead(out, names, others)
            continue
        if verb in ("配合", "参与", "协助"):  # "市财政局、市国土资源局配合", "X牵头，Y、Z参与": partners
            _add_partners(out, names)
            continue
        if verb == "牵头" and (not sentence.startswith("由") or _LEAD_REST.fullmatch(sentence[m.end():])):
            out.lead += names  # "由市场监管总局牵头，……", "国办正在牵头组织建设……": the lead
            out.responsible = [n for n in out.responsible if n not in out.lead]
            continue
        out.responsible += [n for n in names if n not in out.responsible and n not in out.cooperating
                            and f"各{n}" not in out.responsible  # a named partner keeps its role
                            and not any(r.startswith(f"{n}、") for r in out.responsible)]  # part of a collective
    return out


# "X商Y", "X同Y", "X联合Y", "X协同Y": X in charge with Y as its partner, as "X会同Y"; never inside a
# name ("商务部", "市工商局", "省工商业联合会"): both sides must be units' names
_JOIN = re.compile(r"商(?!务)|(?<![会协共合])同(?!级)|联合(?!会)|协同")


def _joined(text: str) -> tuple[list[str], list[str]] | None:
    if not _JOIN.search(text):
        return None
    for m in _JOIN.finditer(text):
        left, right = text[:m.start()], text[m.end():]
        heads = _names(left)
        if not heads or heads[-1] != left.rsplit("、", 1)[-1] or not (_is_unit(right.rsplit("、", 1)[-1])
                                                                      or _NOT_UNIT.match(right)):
            continue
        return heads, [] if _NOT_UNIT.match(right) else _names(right)
    return None


def _agent(sentence: str, m: re.Match[str] | None) -> re.Match[str] | None:
    """"……由X负责": the agent after the topic; a clause opened by 由 whose verb the subject
    pattern does not know ("由X、Y跟进督办", "由X统筹使用")."""
    if m is not None and "由" not in m["names"]:
        return None
    text = _REMARK.sub("", sentence)
    if "由" in sentence[1:] and (by := _BY.search(text, 1)):
        return by
    return _BY.match(text) if m is None else None


def _add(kind: list[str], out: Assignment, names: list[str]) -> None:
    kind += [n for n in names if n not in out.lead and n not in kind]


def _lead(out: Assignment, names: list[str], others: list[str]) -> None:
    """"X会同Y、Z……": X leads and the named Y, Z cooperate; an X already named responsible by an
    earlier sentence keeps that role ("临港地区管委会负责……。临港地区管委会会同国资主管部门……")."""
    new = [n for n in names if n not in out.lead and n not in out.responsible]
    if new or not names:
        out.lead += new
        out.responsible = [n for n in out.responsible if n not in out.lead]
    _add_partners(out, others)


def _add_partners(out: Assignment, others: list[str]) -> None:
    out.cooperating += [n for n in others if n not in out.cooperating and n not in out.lead
                        and n not in out.responsible]


_SEP = re.compile(r"、(?=各)|(?<=各地区|各部门|各单位)(?=各)|(?<=各地)(?=各)"  # "各地区各部门"
                  r"|(?<=[部委局室署厅府会门位区办市行社组议处所站队心协联聯）)])(?:、|和|及(?!其)|以及)(?!单位|直辖市|各?[科处股]室)")


_LEVELS = re.compile(r"[省市县区乡镇](?:、[省市县区乡镇]){1,3}[两三四五]级")  # "市、区两级政府" is one collective
_PLACES = re.compile(rf"^((?:{_PLACE}(?:、|和))+)(?=[^、和])")
_TOWNS_RE = re.compile(_TOWNS)
_WITH_OTHERS = re.compile(r"会同|同(?=有关|相关|各有关)")  # "X同有关部门制定……": X's own work
_PLACE_SEP = re.compile(r"[区县市州旗][、和]")
_LEVEL_GOVS = re.compile(_LEVEL_GOV)


def _names(text: str) -> list[str]:
    if _TOWNS_RE.fullmatch(text):
        return re.split(r"、|和", text)  # "南汇新城镇、万祥镇和书院镇"
    if _LEVEL_GOVS.fullmatch(text):
        return [text]
    if "级" in text:
        text = _LEVELS.sub(lambda m: m[0].replace("、", "\x00"), text)
    places: list[str] = []
    last = text.rsplit("、", 1)[-1].rsplit("和", 1)[-1]
    if _PLACE_SEP.search(text) and (lead := _PLACES.match(text)) and _is_unit(last):
        places = [p for p in re.split(r"、|和", lead[1]) if p]  # "浦东新区、奉贤区政府": the places share the ending
        text = text[lead.end():]
    parts = places + rejoin_places(split_outside(text, _SEP))  # "X厅、相关市、县政府": the last two are one
    out: list[str] = []
    for part in parts:
        part = ETC_TAIL.sub("", _WITH_OTHERS.split(part)[0].strip()).replace("\x00", "、")  # "X会同各有关部门"
        if out and out[0].startswith("国务院") and part.endswith("行政部门") and not part.startswith("国务院"):
            part = "国务院" + part  # "国务院人力资源社会保障行政部门、教育行政部门": both of the State Council
        if (part in places or _is_unit(part)) and part not in out:
            out.append(part)
    return out


# not names: "部署", a clause holding 的/由, or words before a 各… collective ("推动各单位")
_NOT_BODY = re.compile(
    r"(?:部署|内部|全部|局部|干部|总部|本部)$|[的由将要]|表示|配合|协助|同意|认为"  # "水利部也表示将积极配合X"
    r"|^(?!国务院|中央和国家机关|中央国家机关|[省市县区]政府|[省市县区]级|[省市县区]直|全[校院局厅委市县区])[^各].*各(?:地区|部门|单位|有关部门|有关单位|乡镇|镇|乡|街道|区县|县区)$"
    r"|^(?:在|对|按|经(?![济信开贸发])|向|与|从)"  # "在政府指导下组建": a preposition ("经济和信息化委" is a name)
    r"|^(?:该|你)"  # "该委将……", "请你省有关部门指导……": a reference, not a name
    # "指导各区政府建立……", "充分发挥各级政府在……中的作用": an object, not a subject
    r"|^(?:并且?|同时)?(?:指导|推动|督促|支持|鼓励|引导|要求|帮助|协调|推进|会同|(?:充分)?发挥)(?=各|[\u4e00-\u9fff]{2})"
    # "加强临港地区管委会统筹职能", "授权临港地区管委会在……开展": a verb before its object
    r"|^(?:加强|授权|委托|完善|健全|强化|优化|明确|赋予)(?=[\u4e00-\u9fff]{3})")


def _is_unit(name: str) -> bool:
    bare = _REMARK_END.sub("", name)  # "其他相关部门（单位）" is as generic as "其他相关部门"
    return (len(bare) >= 2 and not _NOT_BODY.search(name) and not _NOT_UNIT.match(bare)
            and (len(bare) > 5 or not bare.startswith(("有关", "相关", "其他"))) and bool(_BODY_END.search(name)))


_REMARK_END = re.compile(r"[（(][^（）()]*[）)]$")


_PARTNER_VERB = "研究|负责|共同|制定|组织|开展|做好|推进|建立|落实|加强|赴|进行|上报|起草|编制|对|就|按照|根据"


def _partners(rest: str) -> list[str]:
    """The named units after 会同 ("会同国家发展改革委、工业和信息化部等部门…"), generic ones dropped."""
    names = rf"(?P<names>{_LIST})"
    m = (re.match(rf"{names}(?=等|[，,。；;]|$)", rest)  # "会同市委农办、市财政局等"
         or re.match(rf"{names}(?={_PARTNER_VERB})", rest) or re.match(names, rest))  # "会同西部开发办研究"
    return _names(m["names"]) if m else []
