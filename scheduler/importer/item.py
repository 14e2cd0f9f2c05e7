"""One numbered item's text → a DraftTask: its title, detail, units and deadlines; and the tests
the line walker asks of an item's text (a heading? a heading whose bracket assigns the section?)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scheduler.importer.assign import Assignment, looks_like_assignment, parse_assignment
from scheduler.importer.clauses import closing_groups, merged, title_labels, trailing_labels
from scheduler.importer.deadlines import item_deadlines
from scheduler.importer.draft import DraftTask
from scheduler.importer.flat_rows import unit_cell
from scheduler.importer.month_cells import month_cells
from scheduler.importer.names import split_names
from scheduler.importer.stated_duty import stated_lasting
from scheduler.importer.subjects import subject_units
from scheduler.importer.vocab import CLOSE, OPEN, either, is_unit_name

ASSIGN_LINE = re.compile(either(
    r"^(?:责任单位|牵头单位|责任部门|牵头部门|配合单位|配合部门|协办单位|主办单位|牵头责任单位|协同责任单位|协同单位|协同部门|参与单位|参与部门"
    r"|完成时限|完成时间|时间节点|时限要求|负责部门|负责单位|适用范围|推广范围|实施范围|部门分工|责任分工|任务分工|主责单位|主责部门"
    r"|整改时限|整改期限|治理时限|(?:问题)?整改责任单位|完成期限|办结时限|主要负责部门|主要负责单位|(?:主要)?协作(?:单位|部门)|工作要求"
    r"|落实(?:单位|部门)"
    r"|(?:牵头|责任|主办|配合|协办|参与)(?:科室|处室|司局|股室))\s*[:：]"))


def heading_line(lines: list[str]) -> list[str]:
    """An item's own line that holds a short heading without any punctuation, with its paragraph
    on the lines below ("（一）进一步推进权力清单公开" / "对权力清单……。"): the heading is the title."""
    if len(lines) < 2 or not lines[1]:
        return lines
    head = lines[0]
    if (group := trailing_group(head)) is not None and group[1] <= 30 and not looks_like_assignment(group[0]):
        head = head[:group[1]]  # "…建设项目(票决项目)": a remark after the heading is still a heading line
    if len(head) > 30 or re.search(r"[，,、：:；;。！!？?（(）)]", head):
        return lines
    return [lines[0] + "。", *lines[1:]]


def assigns(task: DraftTask) -> bool:
    return not task.assignment.empty() or bool(task.deadlines or task.ongoing)


def names_subjects(task: DraftTask) -> bool:
    """"1.关于防治地质灾害问题。国土资源部会同民政部……": a titled sub-item whose sentences name
    its own units stays a task of its own."""
    return bool(task.detail) and not subject_units(f"{task.title}。{task.detail}").empty()


def is_heading(text: str) -> bool:
    """"一、持续深化行政审批制度改革" is a heading; a long line, one assigning units, or one whose
    title is followed by sentences ("一、强化组织领导。各地区要……") is a task."""
    if len(text) >= 60 or re.search(r"。\s*[^\s。]", text):
        return False
    group = trailing_group(text)
    return group is None or not looks_like_assignment(group[0])


def assigned_heading(text: str) -> str | None:
    """"扩大有效投资政策（由县发改局牵头实施）": a heading whose bracket assigns the section's
    items (a short title, no sentence before the bracket); the bracket's text, else None."""
    group = trailing_group(text)
    if group is None or group[1] > 30 or re.search(r"[。；;，,]", text[:group[1]]):
        return None
    return group[0] if looks_like_assignment(group[0]) else None


# "一、县示范区管委会牵头工作(8项)", "二、县发改局负责的任务": a heading naming who does its items
_UNIT_HEADING = re.compile(either(
    r"^(.{2,40}?)(牵头|负责)的?(?:工作|任务|事项)(?:[（(]\s*\d{1,3}\s*[项項件个個条條][）)])?$"))


def unit_heading(text: str) -> str:
    """The assignment a section heading gives its items by naming their unit ("X牵头工作(8项)"
    → "X牵头"), or ""; the words before 牵头/负责 must be units' names."""
    m = _UNIT_HEADING.match(text.strip().rstrip("。."))
    if m is None or not all(is_unit_name(n) for n in split_names(m[1])):
        return ""
    return m[1] + m[2]


def trailing_group(text: str) -> tuple[str, int] | None:
    """The bracketed group ending `text` ("（X牵头，Y负责）", "〔牵头单位：…（功能区）〕") and
    where it starts; nested brackets inside names are kept whole."""
    body = text.rstrip("。.；; ")
    if not body or body[-1] not in CLOSE:
        return None
    depth = 0
    for pos in range(len(body) - 1, -1, -1):
        depth += (body[pos] in CLOSE) - (body[pos] in OPEN)
        if depth == 0:
            return body[pos + 1:-1], pos
    return None


@dataclass
class Rules:
    """What the document says once for the items that follow."""

    section_units: list[str] = field(default_factory=list)  # "以下均需各市州政府负责落实"
    section_assignment: str = ""  # "一、扩大有效投资政策（由县发改局牵头实施）": its items' units
    first_is_lead: bool = False  # "列第一位的为牵头单位，下同"


_TASK_LABELS = ("任务要求", "具体任务")  # "(一)任务要求。X。" / "牵头单位:…" (round 45): X is the title


def item_task(number: str, key: str, line: int, texts: list[str], rules: Rules) -> DraftTask | None:
    body_lines, months = month_cells([t for t in texts if not ASSIGN_LINE.match(t)])  # "3月" / "6月": cells
    assign_text = " ".join(t for t in texts if ASSIGN_LINE.match(t))
    body = "".join(heading_line(body_lines))
    if assign_text:
        assignment = parse_assignment(assign_text)
    else:
        groups, body = closing_groups(body)
        labels, body = ([], body) if groups else trailing_labels(body)  # "…资助。责任单位：市科技局。"
        if not groups and not labels:
            labels, body = title_labels(body)  # "棚户区改造,牵头部门:市住建委。新开工……"
        assignment = merged(groups, rules.first_is_lead) if groups else parse_assignment(" ".join(labels)) \
            if labels else Assignment()
        if not groups and not labels and (cell := unit_cell(body)) is not None:  # a flat table row's unit cell
            assignment, body = parse_assignment(cell[0]), cell[1]
    if assignment.empty() and rules.section_assignment:
        assignment = parse_assignment(rules.section_assignment)
    if rules.first_is_lead and not assignment.lead and assignment.responsible:
        assignment.lead.append(assignment.responsible.pop(0))
    for unit in rules.section_units:
        if unit not in assignment.responsible and unit not in assignment.lead:
            assignment.responsible.append(unit)
    title, _, detail = body.partition("。")
    if title.strip() in _TASK_LABELS and detail.strip():  # "(一)任务要求。2007年……。": a label, not the title
        title, _, detail = detail.partition("。")
    title = title.strip().rstrip("；;,，")  # "1.地区生产总值增长15%；", "1.……建设,(责任单位:X)" (round 52)
    if not title:
        return None
    task = DraftTask(number, key, line, title, detail.strip(), assignment)
    task.deadlines, task.ongoing = item_deadlines(assignment.deadlines + months, body)
    if not task.deadlines and not task.ongoing and stated_lasting(body):  # stated_duty.py (round 67)
        task.ongoing = "持续推进"
    return task
