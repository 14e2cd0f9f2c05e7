"""The words of assignments: role labels ("牵头单位：", "责任科室："), role tails ("按职责分工负责"),
generic names that are no unit ("有关部门"), the first-is-lead rule, how units' names end, and the
traditional forms of the keyword characters."""

from __future__ import annotations

import re

OPEN, CLOSE = "（(〔[【", "）)〕]】"

# Traditional forms of the keywords (seed 001 is published in traditional characters); unit
# names themselves are kept exactly as written.
_TRADITIONAL = {"牵": "牽", "头": "頭", "单": "單", "责": "責", "负": "負", "职": "職", "时": "時",
                "关": "關", "门": "門", "间": "間", "协": "協", "办": "辦", "实": "實", "与": "與",
                "据": "據", "别": "別", "设": "設", "应": "應", "划": "劃", "数": "數",
                "会": "會", "厅": "廳", "区": "區", "县": "縣", "国": "國", "务": "務",
                "对": "對", "将": "將", "继": "繼", "续": "續", "统": "統", "筹": "籌", "进": "進",
                "确": "確", "为": "為爲",  # "排在首位的爲牽頭單位": both traditional forms of 为 are met
                "结": "結"}  # "局綜合科結合……": a subject's verb (round 66)


def either(pattern: str) -> str:
    """A regex accepting simplified or traditional forms of the keyword characters."""
    return "".join(f"[{c}{_TRADITIONAL[c]}]" if c in _TRADITIONAL else c for c in pattern)


_FOLD = str.maketrans({t: s for s, forms in _TRADITIONAL.items() for t in forms})


def simplified(text: str) -> str:
    """Keyword characters folded to simplified (only for classifying, never for names)."""
    return text.translate(_FOLD)


LABELS = {"牵头单位": "lead", "主办单位": "lead", "牵头部门": "lead", "牵头责任单位": "lead",
           "责任单位": "responsible", "责任部门": "responsible", "协同责任单位": "responsible",
           "配合单位": "cooperating", "配合部门": "cooperating", "协办单位": "cooperating",
           "参与单位": "cooperating", "参与部门": "cooperating", "协同单位": "cooperating", "协同部门": "cooperating",
           "协作单位": "cooperating", "协作部门": "cooperating",  # "主要协作单位：各乡镇人民政府"
           "主要协作单位": "cooperating", "主要协作部门": "cooperating",
           "主责单位": "responsible", "主责部门": "responsible",
           "落实单位": "responsible", "落实部门": "responsible",  # "落实单位:区工信局等" (round 62)
           "参加单位": "cooperating", "参加部门": "cooperating",  # "(牵头单位:X 参加单位:Y、Z)" (round 65)
           # bare role words as labels, in a bracket or a table cell: "（牵头：X；配合：Y、Z）"
           "牵头": "lead", "主办": "lead", "配合": "cooperating", "协办": "cooperating", "参与": "cooperating",
           # people, not units: "（牵头单位：…；督办领导：李四）"
           "督办领导": "person", "责任领导": "person", "牵头领导": "person", "分管领导": "person", "责任人": "person",
           "完成时限": "deadline", "时间安排": "deadline", "完成时间": "deadline", "启动时间": "deadline",
           "牵头、责任单位": "lead", "牵头和责任单位": "lead", "牵头及责任单位": "lead",  # both roles: the heavier
           "时间节点": "deadline", "时限要求": "deadline",
           # rectification plans: "（责任单位：X；整改时限：2021年12月底前）"
           "整改责任单位": "responsible", "问题整改责任单位": "responsible",  # "问题整改责任单位:X 整改时限:3天"
           "整改时限": "deadline", "整改期限": "deadline", "完成期限": "deadline", "办结时限": "deadline",
           "治理时限": "deadline",  # a 治理 plan's bracket: "（责任单位：X；治理时限：2022年11月）" (round 68)
           "负责部门": "responsible", "负责单位": "responsible",
           "主要负责部门": "responsible", "主要负责单位": "responsible",  # "主要负责部门：X；配合部门：Y"
           # "部门分工：省发展改革委牵头，各地、各部门配合": a clause, read as one
           "部门分工": "responsible", "责任分工": "responsible", "任务分工": "responsible",
           "工作要求": "requirement",  # "工作要求：由X牵头，并负责报进度": names the lead
           "适用范围": "scope", "推广范围": "scope", "实施范围": "scope",  # scope: where, not who
           # a bureau's or ministry's own plan names its offices: "（责任科室：组干科、机关党委）"
           **{f"{role}{office}": kind for office in ("科室", "处室", "司局", "股室")
              for role, kind in (("牵头", "lead"), ("责任", "responsible"), ("主办", "lead"),
                                 ("配合", "cooperating"), ("协办", "cooperating"), ("参与", "cooperating"))}}
LABEL_RE = re.compile("(" + "|".join(either(k) for k in sorted(LABELS, key=len, reverse=True)) + r")\s*[:：]")
TAIL = re.compile(either(
    "(?:按职责分工|按照职责分工|根据职责分工|依据职责分工|按分工|按照分工|按各自职责|按职责|根据职责|分别|共同|具体|组织|结合实际|因地制宜"
    "|各负其责|各司其职"  # "A、B各负其责" (round 66)
    "|等?负责落实|负责|牵头|主办|协办|配合|参与|参加|协同|协助|(?:加强|做好|给予|予以|负责)?指导|落实|实施"
    "|督促检查|督促落实|监督检查|督导|督查|统筹协调|统筹推进|协调推进|组织协调|推进实施|推进"
    "|抓好|认真|切实|贯彻)+$"))  # "各地区抓好落实", "各地认真贯彻落实"
# "A、B等部门单位参与" (round 42): "部门单位" written without 和 is the same generic tail
GENERIC = re.compile(either(
    "^(?:其他|其它)?(?:相关|有关)?(?:部门|单位|方面)(?:(?:和|及|与|、)?(?:其他|其它)?(?:相关|有关)?(?:部门|单位|方面|地方))?$"
    "|^(?:其他|其它)?(?:相关|有关)地方$"  # "会同有关地方负责": X's own work
    "|^(?:其中|同时|此外|另外|并且?)$"))  # "…负责；其中，2021年底前完成第一批": a connective, no unit
# "列第一位者为牵头单位，下同", "排在第一位的部门为牵头部门", "排名第一的为牵头单位", "列第一位者为工作牵头
# 单位或汇总单位", "一项任务涉及多个部门的,原则上由排名首位的部门牵头负责": a rule about the lists, never a unit
# "第一责任单位为牵头单位，下同" (a city's 若干措施, round 31): the first unit named leads
# "排序第一的为牵头单位" (round 48)
_FIRST = r"(?:(?:列|排)(?:在|名|序)?(?:第一位?|首位)|第一(?:责任|个)?(?:单位|部门))"
FIRST_IS_LEAD = re.compile(either(_FIRST + r"[^，,。；;）)]{0,8}?(?:为|是)?(?:工作)?牵头"))
RULE_CLAUSE = re.compile(either(
    r"[，,。；;]?\s*(?:(?:[^，,。；;（(）)]{0,14}的[，,])?(?:原则上)?由?" + _FIRST
    + r"[^，,。；;）)]{0,8}?(?:为|是)?(?:工作)?牵头[^，,。；;]*|下同)(?=[，,。；;]|$)"))


# a department's divisions and a bureau's sections: "政策法规处", "财务科" (not "不足之处", "3处", "学科")
_NO_DIVISION = r"\d一二两兩三四五六七八九十百千多几幾每某各此彼到好之相出短长長难難用住益妙深远遠近去何共该該"
DIVISIONS = (rf"[处處](?<![{_NO_DIVISION}][处處])(?![理置罚罰分])"
             r"|科(?<![\d学专内外本理工文眼儿牙前百妇产骨预分每]科)(?![技研学普教])")  # not "处理", "科技"
# words before a sentence's subject: "请X会同……", "由X负责", "责成X……", "会议要求X……" (责成, 会议要求: round 24)
OPENERS = "请|由|经|建议|责成|会议要求"
# mass organisations, as names end: "县妇联", "縣婦聯", "县科协", "市总工会" (round 24)
MASS_ORGS = "|(?:妇|婦|残|殘|侨|僑|工商)(?:联|聯)|科协|科協|总工会|總工會"
UNIT_NAME = re.compile(either(
    r"(?:局|厅|委|办|院|部|署|室|政府|中心|公司|银行|支行|小组|管委会|开发区|委员会|办公室|分局|集团|协会|联合会|海关|法院|检察院"
    r"|部门|单位|监会|总社|总局|组委|组委会|联席会议|总署"
    r"|(?<![场住处厕诊寓\d])所|(?<![车网驿\d])站|中队|大队|" + DIVISIONS +
    r")(?:[（(][^（）()]*[）)])?$"))  # a town's 派出所, 安监站 ("2所": a count, round 63)


def starts_with_label(text: str) -> bool:
    """"责任单位：市委组织部、市科技局": a clause opened by a role or deadline label."""
    return bool(LABEL_RE.match(text.strip()))


def is_unit_name(name: str) -> bool:
    """"市商务局", "开发区管委会", "各县（市、区）政府": a name ending as units' names end."""
    return bool(UNIT_NAME.search(name)) and len(name) <= 25
