"""Document text → Draft: header facts, numbered items, their units and deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from scheduler.importer.assign import (
    CLOSE,
    FIRST_IS_LEAD,
    OPEN,
    Assignment,
    either,
    looks_like_assignment,
    parse_assignment,
    split_names,
)
from scheduler.importer.clauses import closing_groups, merged, trailing_labels
from scheduler.importer.deadlines import item_deadlines
from scheduler.importer.header import CLOSING_MARK, DOC_DATE, SIGNER, header_facts
from scheduler.importer.sections import OTHER, PHASES, TASKS, covering_notice, section_kind, select_tasks
from scheduler.importer.table import Row, read_table

CN_NUM = "一二三四五六七八九十百零〇"
_SECTION = re.compile(rf"^([{CN_NUM}]+)[、．.﹒]\s*(.*)$")
_ITEM = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*(.*)$")
_ASSIGN_LINE = re.compile(either(
    r"^(?:责任单位|牵头单位|责任部门|牵头部门|配合单位|配合部门|协办单位|主办单位|牵头责任单位|协同责任单位|协同单位"
    r"|完成时限|完成时间|时间节点|负责部门|负责单位|适用范围|推广范围|实施范围|部门分工|责任分工|任务分工|主责单位|主责部门"
    r"|(?:牵头|责任|主办|配合|协办|参与)(?:科室|处室|司局|股室))\s*[:：]"))
_PHASE_LINE = re.compile(
    r"^((?:第[一二三四五六七八九十]+阶段|[\u4e00-\u9fff]{2,10}阶段)[^。:：]{0,40}?)\s*[。:：]\s*(.*)$")
_SUB = re.compile(r"^(\d{1,3})[.．、﹒](?!\d*[.．]\d)\s*(.+)$")  # ﹒: U+FE52 in web copies
_GARBLED = re.compile(r"^\?[。.]")  # a damaged "（一）" as seen in published copies (seed 001)
_MEASURES = re.compile(r"^(?:具体措施|主要措施|工作措施)[:：]?$")
_DASH_HEADING = re.compile(r"^——[\u4e00-\u9fff][^。；;，,]{1,29}$")
_TABLE_HEADING = re.compile(r"^(?:重点)?任务(?:分工|分解|清单)表?$")
_NUMBER_ID = re.compile(r"[〔\[]\s*(\d{4})\s*[〕\]]")
_WIDE = {0xFF10 + i: 0x30 + i for i in range(10)} | {0x3000: 0x20}
_SECTION_RULE = re.compile(either(r"以下[^。]*?均(?:需|由)([^，。；]+?)(?:负责落实|负责实施|负责|落实|实施)"))
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


@dataclass
class DraftTask:
    number: str  # as written, ASCII parentheses: "(二)", "3."
    key: str  # id suffix: "02", "05-3"
    line: int
    title: str
    detail: str
    assignment: Assignment
    deadlines: list[tuple[str, str]] = field(default_factory=list)  # (phrase, clause)
    ongoing: str = ""
    phase: bool = False  # a step of 实施步骤: a task even without units
    section: str = OTHER  # the kind of section the item stands in (sections.py)


@dataclass
class Draft:
    title: str = ""
    number: str = ""
    issued: date | None = None
    tasks: list[DraftTask] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # prose items: no units, no deadline
    damaged: set[int] = field(default_factory=set)  # lines whose garbled number could not be repaired
    signed_at: int | None = None  # how many items came before the first signature


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def parse_document(text: str) -> Draft:
    lines = [_PINYIN.sub("", ln.translate(_WIDE)).strip() for ln in text.splitlines()]
    draft = _header(lines)
    _Walker(draft, lines).run()
    covering_notice(draft)
    select_tasks(draft)
    _unique_keys(draft)
    return draft


_BOXED_LABEL = re.compile(either(
    r"【\s*(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|协办单位|主办单位|完成时限|完成时间|时间节点"
    r"|负责部门|负责单位|主责单位|主责部门|(?:牵头|责任|主办|配合|协办|参与)(?:科室|处室|司局|股室))\s*】\s*[:：]?"))


def _label_lines(line: str) -> list[str]:
    """"…。【牵头单位】市发改委【配合单位】市财政局": each boxed label starts a label line."""
    parts = _BOXED_LABEL.split(line)
    if len(parts) == 1:
        return [line]
    out = [parts[0].strip()] if parts[0].strip() else []
    return out + [f"{label}：{value.strip()}" for label, value in zip(parts[1::2], parts[2::2], strict=True)]


def _unique_keys(draft: Draft) -> None:
    """Numbering may restart in each section: a repeated key gets "-2", "-3" … (ids stay unique)."""
    seen: dict[str, int] = {}
    for task in draft.tasks:
        count = seen[task.key] = seen.get(task.key, 0) + 1
        if count > 1:
            task.key = f"{task.key}-{count}"


def _header(lines: list[str]) -> Draft:
    title, number, issued = header_facts(lines)
    return Draft(title=title, number=number, issued=issued)


@dataclass
class _Item:
    number: str
    key: str
    line: int
    texts: list[str]
    subs: list[_Item] = field(default_factory=list)
    top: bool = False  # a "1." item directly under a section (no （一） level)
    whole_section: bool = False  # a section without numbered items: its heading and paragraphs


class _Walker:
    """One pass over the lines: sections, items （一） and sub-items 1., with the lines that follow."""

    def __init__(self, draft: Draft, lines: list[str]) -> None:
        self.draft = draft
        self.lines = lines
        self.rules = _Rules()
        self.item: _Item | None = None
        self.last_number = 0
        self.kind = OTHER  # of the current section (sections.py)
        self.prev_single = False  # the previous item of this section was one paragraph
        self.in_table = False  # after "〇、任务分工表" (formats/tables.py): sections are a table's categories

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            if (table := read_table(self.lines, index)) is not None:
                self.table(*table[:1])
                index = table[1]
                continue
            ln = self.lines[index]
            index += 1
            i = index
            if ln and not _MEASURES.match(ln):
                for part in _label_lines(ln) if "【" in ln else [ln]:
                    self.line(i, part)
            if rule := _SECTION_RULE.search(ln):
                self.rules.section_units = split_names(rule[1])
            if FIRST_IS_LEAD.search(ln):
                self.rules.first_is_lead = True
        self.end()

    def end(self) -> None:
        """The plan's text ends: when the last item closes its paragraphs with assignment clauses,
        the paragraphs after the last clause are the plan's closing words, not the item's."""
        item = self.item
        if item is not None and not item.whole_section and not item.subs and len(item.texts) > 1:
            closed = [bool(closing_groups(t)[0]) for t in item.texts]
            if any(closed) and not closed[-1] and item.texts[-1].startswith("各"):
                del item.texts[max(i for i, c in enumerate(closed) if c) + 1:]
        self.flush()

    def line(self, i: int, ln: str) -> None:
        if (m := _SECTION.match(ln)) and ((plain := _is_heading(m[2])) or _assigned_heading(m[2]) is not None):
            self.flush()
            self.rules.section_units, self.last_number, self.prev_single = [], 0, False
            group = None if plain else _trailing_group(m[2])
            self.rules.section_assignment = group[0] if group else ""
            self.kind = section_kind(m[2][:group[1]] if group else m[2])
            if self.kind == TASKS and _TABLE_HEADING.match(m[2]):
                self.in_table = True  # "〇、任务分工表": a table's rows follow; each is a task
            elif self.in_table:
                self.kind = TASKS  # a category row of the table ("一、营商环境类")
            self.item = _Item(f"{m[1]}、", f"{cn_to_int(m[1]):02d}", i, [m[2].rstrip("。") + "。"], whole_section=True)
        elif m := _SECTION.match(ln):  # a whole task at section level: "一、…。（X牵头）"
            self.flush()
            self.rules.section_assignment = ""
            self.kind = section_kind(re.split(r"[。（(〔]", m[2], maxsplit=1)[0])  # "四、保障措施。各地区要……"
            self.open_item(f"{m[1]}、", cn_to_int(m[1]), i, m[2])
        elif (m := _ITEM.match(ln)) or (_GARBLED.match(ln) and (m := _ITEM.match(repair_mojibake(ln)))):
            self.open_item(f"({m[1]})", cn_to_int(m[1]), i, m[2])
        elif _GARBLED.match(ln):
            number = self.last_number + 1
            text = _GARBLED.sub("", ln).lstrip("ㄒ唬ǘㄈㄋㄎ┚┱┮")
            self.open_item(f"({int_to_cn(number)})", number, i, text)
            self.draft.damaged.add(i)
        elif (m := _SUB.match(ln)) and self.item is not None and not self.item.top and not self.item.whole_section:
            self.item.subs.append(_Item(f"{self.item.number}{m[1]}", f"{self.item.key}-{m[1]}", i, [m[2]]))
        elif m := _SUB.match(ln):
            self.open_item(f"{m[1]}.", int(m[1]), i, m[2], top=True)
        elif self.kind == PHASES and (m := _PHASE_LINE.match(ln)):
            self.open_item("", self.last_number + 1, i, m[1] + "。" + m[2], top=True)
        elif _DASH_HEADING.match(ln):  # "——推进教育高质量发展": a group of the items that follow
            self.flush()
        elif DOC_DATE.match(ln) or CLOSING_MARK.match(ln):  # the signature: the plan's text ends
            if self.item is not None and self.item.texts and SIGNER.fullmatch(self.item.texts[-1]):
                self.item.texts.pop()
            self.end()
            if self.draft.signed_at is None:
                self.draft.signed_at = len(self.draft.tasks)
        elif self.item is not None and not self._closes(ln):
            (self.item.subs[-1] if self.item.subs else self.item).texts.append(ln)

    def _closes(self, ln: str) -> bool:
        """An unnumbered paragraph after a one-paragraph item, in a section whose items are one
        paragraph each, is the plan's closing words, not part of the last item: the item ends."""
        item = self.item
        if item is None or item.whole_section or item.subs or len(item.texts) != 1 or not self.prev_single:
            return False
        if len(item.texts[0]) <= 40 or ln[0] in OPEN or _ASSIGN_LINE.match(ln):
            return False
        self.flush()
        return True

    def table(self, rows: list[Row]) -> None:
        """A task table: each row is a task of a task section."""
        self.flush()
        for row in rows:
            task = _task(row.number, f"{int(row.number):02d}", row.line, list(row.texts), self.rules)
            if task is not None:
                task.section = TASKS
                self.draft.tasks.append(task)

    def open_item(self, number: str, n: int, line: int, text: str, top: bool = False) -> None:
        if self.item is not None and self.item.whole_section:
            self.item = None  # the section has numbered items: its own lines are an introduction
        self.flush()
        self.last_number = n
        self.item = _Item(number, f"{n:02d}", line, [text], top=top)

    def flush(self) -> None:
        item, self.item = self.item, None
        if item is None or (item.whole_section and len(item.texts) < 2 and not self.rules.section_assignment):
            return
        self.prev_single = len(item.texts) == 1 and not item.subs
        found: list[DraftTask] = []
        parent = _task(item.number, item.key, item.line, item.texts, self.rules)
        subs = [t for sub in item.subs if (t := _task(sub.number, sub.key, sub.line, sub.texts, self.rules))]
        if parent is not None and parent.assignment.empty() and subs and not any(_assigns(t) for t in subs):
            # sub-items that assign nothing, under an item that assigns nothing: its sentences
            parent = _task(item.number, item.key, item.line,
                           item.texts + [f"{sub.number.removeprefix(item.number)}.{''.join(sub.texts)}"
                                         for sub in item.subs], self.rules)
            subs = []
        if parent is not None and (not subs or not parent.assignment.empty()):
            found.append(parent)
        for task in subs:
            if task.assignment.empty() and parent is not None:
                task.assignment = parent.assignment
            found.append(task)
        for task in found:
            task.phase, task.section = self.kind == PHASES, self.kind
        self.draft.tasks.extend(found)


def _heading_line(lines: list[str]) -> list[str]:
    """An item's own line that holds a short heading without any punctuation, with its paragraph
    on the lines below ("（一）进一步推进权力清单公开" / "对权力清单……。"): the heading is the title."""
    head = lines[0] if lines else ""
    if len(lines) < 2 or len(head) > 30 or re.search(r"[，,、：:；;。！!？?（(）)]", head) or not lines[1]:
        return lines
    return [head + "。", *lines[1:]]


def _assigns(task: DraftTask) -> bool:
    return not task.assignment.empty() or bool(task.deadlines or task.ongoing)


def repair_mojibake(line: str) -> str:
    """Undo the damage seen in published copies (seed 001): GBK text whose first byte was lost
    ("?") and the rest decoded one byte out of step (" ?。ㄒ唬┚劢箶底终ㄔO" for "（一）聚焦數字政府
    建設"). Re-encoding and dropping the stray byte restores it; "" when that fails."""
    raw = bytearray()
    for ch in line[1:]:
        try:
            raw += ch.encode("cp936")
        except UnicodeEncodeError:
            raw += ch.encode("gb18030")
    return raw[1:].decode("gb18030", errors="replace").translate(_WIDE)


def _is_heading(text: str) -> bool:
    """"一、持续深化行政审批制度改革" is a heading; a long line, one assigning units, or one whose
    title is followed by sentences ("一、强化组织领导。各地区要……") is a task."""
    if len(text) >= 60 or re.search(r"。\s*[^\s。]", text):
        return False
    group = _trailing_group(text)
    return group is None or not looks_like_assignment(group[0])


def _assigned_heading(text: str) -> str | None:
    """"扩大有效投资政策（由县发改局牵头实施）": a heading whose bracket assigns the section's
    items (a short title, no sentence before the bracket); the bracket's text, else None."""
    group = _trailing_group(text)
    if group is None or group[1] > 30 or re.search(r"[。；;，,]", text[:group[1]]):
        return None
    return group[0] if looks_like_assignment(group[0]) else None


def _trailing_group(text: str) -> tuple[str, int] | None:
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


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (the numbering of （一） items)."""
    digits = "零一二三四五六七八九"
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else digits[tens] + "十"
    return head + (digits[ones] if ones else "")


@dataclass
class _Rules:
    """What the document says once for the items that follow."""

    section_units: list[str] = field(default_factory=list)  # "以下均需各市州政府负责落实"
    section_assignment: str = ""  # "一、扩大有效投资政策（由县发改局牵头实施）": its items' units
    first_is_lead: bool = False  # "列第一位的为牵头单位，下同"


def _task(number: str, key: str, line: int, texts: list[str], rules: _Rules) -> DraftTask | None:
    body_lines = [t for t in texts if not _ASSIGN_LINE.match(t)]
    assign_text = " ".join(t for t in texts if _ASSIGN_LINE.match(t))
    body = "".join(_heading_line(body_lines))
    if assign_text:
        assignment = parse_assignment(assign_text)
    else:
        groups, body = closing_groups(body)
        labels, body = ([], body) if groups else trailing_labels(body)  # "…资助。责任单位：市科技局。"
        assignment = merged(groups, rules.first_is_lead) if groups else parse_assignment(" ".join(labels)) \
            if labels else Assignment()
    if assignment.empty() and rules.section_assignment:
        assignment = parse_assignment(rules.section_assignment)
    if rules.first_is_lead and not assignment.lead and assignment.responsible:
        assignment.lead.append(assignment.responsible.pop(0))
    for unit in rules.section_units:
        if unit not in assignment.responsible and unit not in assignment.lead:
            assignment.responsible.append(unit)
    title, _, detail = body.partition("。")
    if not title.strip():
        return None
    task = DraftTask(number, key, line, title.strip(), detail.strip(), assignment)
    task.deadlines, task.ongoing = item_deadlines(assignment.deadlines, body)
    return task
