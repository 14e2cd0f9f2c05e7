"""Tasks of a page with no numbered task and no task table: a meeting's news or minutes, or a notice
whose one assignment sits in a paragraph. Only sentences that name a unit doing the work are tasks:

    县自然资源局要协调落实好方案内容以及省市相关要求。          X要……: X responsible
    ……,县交通局负责,各乡镇配合,细化任务,……3月底前完成……。  X负责,Y配合,……: Y cooperating
    议案由市工业和信息化局负责主办,并于9月19日前向……答复。    由X负责主办: X leads
    責成縣婦聯根據會議討論意見修改完善后,履行發文程序。        责成X……, 会议决定,由X……: X responsible

The title is what follows the units up to the end of the sentence. A subject that is only a
collective or a generic word ("各乡镇要……", "有关部门要……", "交通、农业等部门要……") names no
unit: such sentences, and the leader's own "要……" with no subject, are no tasks. This reader runs
only when the document gave no task at all, so no plan's reading changes.
"""

from __future__ import annotations

import re

from scheduler.importer import by_agents
from scheduler.importer.assign import Assignment
from scheduler.importer.deadlines import item_deadlines
from scheduler.importer.draft import DraftTask
from scheduler.importer.names import unit_names
from scheduler.importer.subjects import _is_unit
from scheduler.importer.vocab import simplified

_STOP = r"[，,：:；;。！!？?]"
_START = rf"(?:^|(?<={_STOP})|(?<=[一二三四五六七八九十]是)|(?<=要求))"
_UNITS = r"(?P<units>[^，,：:；;。！!？?“”\"]{2,80}?)"
# the persons of a unit stand for it: "县自然资源局全体班子成员要……"
_PERSONS = r"(?:全体班子成员|班子成员|主要负责同志|主要负责人|负责同志|全体干部职工)?"
_REST = r"(?P<rest>[^。；;！!？?]{4,300})"
_MUST = re.compile(rf"{_START}{_UNITS}{_PERSONS}(?:等(?:部门|单位))?要(?!求){_REST}")
_CHARGE = re.compile(rf"{_START}{_UNITS}负责[，,](?:(?P<partners>[^，,。；;]{{2,40}}?)配合[，,])?{_REST}")
_HOST = re.compile(rf"由{_UNITS}负责主办[，,]并?(?:于(?P<when>[^，,。；;]{{2,16}}?前))?{_REST}")
# "責成縣婦聯根據會議討論意見修改完善后,……", "会议决定,由党政办公室根据会议意见,做好……" (round 24): the unit charged
_VERB = (r"(?:根据|按照|依据|结合|会同|牵头|负责|抓紧|尽快|认真|进一步|于|在|对|就"
         r"|做好|修改|制定|研究|组织|完善|落实|履行|拟定|起草)")
_ORDER = re.compile(rf"(?:^[会會][议議](?:研究)?[决決]定[，,]?由|{_START}责成){_UNITS}(?={_VERB}){_REST}")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+是")
# "要求交通运输局配合各镇做好技术指导……": the unit's own work, done beside others
_HELP = re.compile(rf"要求{_UNITS}配合[^，,。；;]{{1,30}}?(?=做好|开展|推进|完成|落实|抓好)"
                   r"(?P<rest>[^，,。；;！!？?]{4,300})")
# a meeting's page: "……主持召开……会议", "……会议召开", "县政府第65次常务会议"
_MEETING = re.compile(r"(?:召[开開]|主持).{0,60}[会會]|[会會][议議]?(?:顺利|順利|隆重)?召[开開]|[会會][议議][纪紀]要"
                      r"|常[务務][会會][议議]|[办辦]公[会會][议議]|例[会會]")
# collectives ("全校各部门": round 24), generic words and the roles a notice addresses ("主办单位要主动作为")
# name no unit
_MEMBERS = re.compile(r"^(?:全[校院局厅委市县区])?(?:各|有关|相关|其他|其它)"
                      r"|^(?:主办|承办|牵头|责任|配合|协办|会办|成员)(?:单位|部门)$")


def meeting_tasks(lines: list[str], drafted: list[DraftTask]) -> list[DraftTask]:
    """The tasks of the sentences, when the document gave none, or when it is a meeting's page whose
    numbered points (the agenda, a speech's "1、2、3、") assign nothing; otherwise none."""
    meeting = _MEETING.search(" ".join(lines[:3])[:300]) is not None
    if drafted and not (meeting and all(t.assignment.empty() and not t.deadlines for t in drafted)):
        return []
    tasks: list[DraftTask] = []
    for n, line in enumerate(lines, start=1):
        for sentence in re.split(r"(?<=[。！!？?])", line):
            if task := _sentence_task(sentence.strip(), n, len(tasks) + 1, meeting):
                tasks.append(task)
    return tasks


def _sentence_task(sentence: str, line: int, count: int, meeting: bool) -> DraftTask | None:
    folded = simplified(sentence)  # "交通運輸局要……": the keywords folded, the names kept as written
    for pattern in (_ORDER, _HOST, _CHARGE, _HELP, _MUST):
        for m in pattern.finditer(folded):
            units = _named_units(sentence[m.start("units"):m.end("units")], meeting)
            if not units:
                continue
            assignment = Assignment()
            if pattern is _HOST:
                assignment.lead = units
                if m["when"]:
                    assignment.deadlines.append(sentence[m.start("when"):m.end("when")])
            else:
                assignment.responsible = units
            if pattern is _CHARGE and m["partners"]:
                partners = sentence[m.start("partners"):m.end("partners")]
                assignment.cooperating = [p for p in unit_names(partners, Assignment()) if _is_unit(p)]
            title = sentence[m.start("rest"):m.end("rest")].strip().rstrip("，,。；;")
            task = DraftTask("", f"{count:02d}", line, title, "", assignment)
            task.deadlines, task.ongoing = item_deadlines(assignment.deadlines, title)
            return task
    return None


def _named_units(text: str, meeting: bool) -> list[str]:
    """The units a subject names, or none when any part is not a named unit. On a meeting's page a
    traditional name's ending is read folded ("區財政部門要……") and a town named is a unit ("大龙山镇、
    X局要……", round 63); a notice's own requirements keep the reading they had."""
    names = unit_names(_ORDINAL.sub("", text), Assignment())  # "四是县政府督查室要……"
    if not names or any(_MEMBERS.match(name) or not (_is_unit(name) or (meeting and (
            _is_unit(simplified(name)) or by_agents.is_town(name)))) for name in names):
        return []
    return names
