"""One pass over a document's lines: sections, items （一） and sub-items 1., with the lines that
follow each; every item closed is read into tasks (item.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from scheduler.importer import by_agents
from scheduler.importer.all_items import add_all_units, all_items_units
from scheduler.importer.assign import Assignment
from scheduler.importer.boxed_labels import label_lines
from scheduler.importer.circled import circled_point, heads_points, point_under
from scheduler.importer.clauses import closing_groups
from scheduler.importer.dash_items import dash_item
from scheduler.importer.draft import Draft, DraftTask
from scheduler.importer.formats.tables import TABLE_END
from scheduler.importer.headed_cells import read_headed_cells
from scheduler.importer.header import CLOSING_MARK, DOC_DATE, SIGNER
from scheduler.importer.heading_measures import measures_under_heading
from scheduler.importer.item import (
    ASSIGN_LINE,
    Rules,
    assigned_heading,
    assigns,
    is_heading,
    item_task,
    names_subjects,
    trailing_group,
    unit_heading,
)
from scheduler.importer.layout import RECORD
from scheduler.importer.names import unit_names
from scheduler.importer.numerals import CN_NUM, cn_to_int, int_to_cn, repair_mojibake
from scheduler.importer.rule_lines import read_grouped_rows, read_merged_titles, read_rule_lines
from scheduler.importer.section_duty import section_duty
from scheduler.importer.sections import OTHER, PHASES, TASKS, section_kind
from scheduler.importer.stated_roles import stated_rule
from scheduler.importer.subject_items import opens_with_unit
from scheduler.importer.subjects import subject_units
from scheduler.importer.table import Row, read_table
from scheduler.importer.title_spaces import joined_title
from scheduler.importer.unnumbered_cells import read_unnumbered_cells
from scheduler.importer.vocab import FIRST_IS_LEAD, OPEN, either

_SECTION = re.compile(rf"^([{CN_NUM}]+)[、．.﹒]\s*(.*)$")
_ITEM = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]\s*(.*)$")
# a reply's handling opinion: "发展改革委意见：", "证监会、发展改革委提出了以下意见：", "财政部会同农业部研究提出："
_OPINION_LEAD = re.compile(r"^[^，。；:：]{2,40}?(?:意见|提出[^，。；:：]{0,8})[:：]")
_OPINION = re.compile(r"(?:提出|研究提出)了?(?:以下|如下)意见[:：]$")
_PHASE_LINE = re.compile(
    r"^((?:第[一二三四五六七八九十]+阶段|[\u4e00-\u9fff]{2,10}阶段)[^。:：]{0,40}?)\s*[。:：]\s*(.*)$")
_SUB = re.compile(r"^(\d{1,3})[.．、﹒](?!\d*[.．]\d)\s*(.+)$")  # ﹒: U+FE52 in web copies
_POINT = re.compile(r"^[（(](\d{1,2})[）)]\s*(.+)$")  # "（1）…。（X牵头，Y配合）": a point under a 1. sub-item
_GARBLED = re.compile(r"^\?[。.]")  # a damaged "（一）" as seen in published copies (seed 001)
_ATTACHMENTS = re.compile(r"^附件[:：]\s*1[.．、]")  # "附件：1.国土资源部关于……的报告"
_ENDS = "。；;！!？?）)〕]】”\"：:…"  # how a paragraph ends; a line ending otherwise goes on below
_MEASURES = re.compile(r"^(?:具体措施|主要措施|工作措施)[:：]?$")
# "二、已经完成的重要工作要认真总结，向市政府专题报告。", "三、X、Y于4月20日前报送……。" with nothing
# under it: a task in one sentence, not a heading
_ONE_SENTENCE = re.compile(r"(?<![重主需纲概摘只])要(?![求点素件闻务])|应当|必须|務必|务必"
                           r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|[上中下]旬)前")
_DASH_HEADING = re.compile(r"^——[\u4e00-\u9fff][^。；;，,]{1,29}$")
_TABLE_HEADING = re.compile(r"^(?:重点)?任务(?:分工|分解|清单)表?$")
_SECTION_RULE = re.compile(either(r"以下[^。]*?均(?:需|由)([^，。；]+?)(?:负责落实|负责实施|负责|落实|实施)"))
# "以下各项任务均由公路局牵头。": the section's items without units of their own are led by X
_SECTION_LEAD = re.compile(either(r"以下[^。]*?均由([^，。；]+?)牵头(?:负责|实施)?(?:[。；]|$)"))


@dataclass
class _Item:
    number: str
    key: str
    line: int
    texts: list[str]
    subs: list[_Item] = field(default_factory=list)
    top: bool = False  # a "1." item directly under a section (no （一） level)
    point: bool = False  # a "（1）" point of a 1. sub-item, with its own assignment
    heading: bool = False  # a 1. sub-item whose text is only the heading of its points
    whole_section: bool = False  # a section without numbered items: its heading and paragraphs
    section_units: list[str] = field(default_factory=list)  # the "以下…均需X落实" units in force when it opened


def _titled_under_heading(item: _Item, subs: list[DraftTask]) -> bool:
    """"（一）激发创业创新活力" (a heading line) over "1.构建创业支持服务体系。建立……" and "2.……":
    titled sub-items, each a measure of its own, under a heading that is only their group."""
    head = item.texts[0] if len(item.texts) == 1 else ""
    return bool(head) and len(head) <= 40 and not re.search(r"[。；;]", head) \
        and all(t.detail and len(t.title) <= 30 for t in subs)


class Walker:
    """One pass over the lines: sections, items （一） and sub-items 1., with the lines that follow."""

    def __init__(self, draft: Draft, lines: list[str]) -> None:
        self.draft = draft
        self.lines = lines
        self.rules = Rules()
        self.item: _Item | None = None
        self.last_number = 0
        self.kind = OTHER  # of the current section (sections.py)
        self.prev_single = False  # the previous item of this section was one paragraph
        self.in_table = False  # after "〇、任务分工表" (formats/tables.py): sections are a table's categories
        self.attachment = 0  # the number the next line of an attachment list ("附件：1.X") would have
        self.all_units: list[str] = []  # all_items.py: units a rule gives every item of the plan

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            if (table := read_grouped_rows(self.lines, index) or read_merged_titles(self.lines, index)
                    or read_unnumbered_cells(self.lines, index) or read_headed_cells(self.lines, index)
                    or read_table(self.lines, index)
                    or read_rule_lines(self.lines, index)) is not None:
                self.table(*table[:1])
                index = table[1]
                continue
            ln = self.lines[index]
            index += 1
            i = index
            if ln == TABLE_END:  # a task table's rows end (formats/tables.py): its last row ends too
                self.flush()
                self.in_table, self.kind = False, OTHER
                continue
            if not _SUB.match(ln):
                self.attachment = 2 if _ATTACHMENTS.match(ln) else 0
            if units := all_items_units(ln):  # all_items.py: "（各目标、任务均需X落实,不再逐一列出）"
                self.all_units = units  # for the items read from here on, the one it follows too
                continue
            if ln and not _MEASURES.match(ln):
                for part in label_lines(ln) if "【" in ln else [ln]:
                    self.line(i, part)
            if rule := _SECTION_RULE.search(ln) or stated_rule(ln):  # stated_roles.py (round 70)
                self.rules.section_units = unit_names(rule[1], Assignment())  # "X党委和人民政府": one collective
            elif lead := _SECTION_LEAD.search(ln):
                self.rules.section_assignment = f"{lead[1]}牵头"
            elif self.item is not None and self.item.whole_section and (duty := section_duty(ln)) is not None:
                self.rules.section_assignment = duty  # section_duty.py: "A、B为主要责任单位。" under a heading
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
        if (m := _SECTION.match(ln)) and ((plain := is_heading(m[2])) or assigned_heading(m[2]) is not None):
            self.flush()
            self.rules.section_units, self.last_number, self.prev_single = [], 0, False
            group = None if plain else trailing_group(m[2])
            self.rules.section_assignment = group[0] if group else unit_heading(m[2])
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
        elif _ITEM.match(ln) and self._gives_points():  # "X提出了以下意见：（一）……（二）……"
            self.item.texts.append(ln)  # type: ignore[union-attr]
        elif (m := _ITEM.match(ln)) or (_GARBLED.match(ln) and (m := _ITEM.match(repair_mojibake(ln)))):
            self.open_item(f"({m[1]})", cn_to_int(m[1]), i, m[2])
        elif _GARBLED.match(ln):
            number = self.last_number + 1
            text = _GARBLED.sub("", ln).lstrip("ㄒ唬ǘㄈㄋㄎ┚┱┮")
            self.open_item(f"({int_to_cn(number)})", number, i, text)
            self.draft.damaged.add(i)
        elif (m := _SUB.match(ln)) and self.item is not None and not self.item.top and not self.item.whole_section:
            self.item.subs.append(_Item(f"{self.item.number}{m[1]}", f"{self.item.key}-{m[1]}", i, [m[2]]))
        elif (m := _SUB.match(ln)) and int(m[1]) == self.attachment:
            self.attachment += 1  # "附件：1.X" / "2.Y": the list of attachments, no task
        elif m := _SUB.match(ln):
            text = m[2]
            if self.kind == PHASES and (phase := _PHASE_LINE.match(text)):
                text = phase[1] + "。" + phase[2]  # "1、排查梳理阶段:X、Y要……": the phase is the title
            self.open_item(f"{m[1]}.", int(m[1]), i, text, top=True)
        elif (m := _POINT.match(ln)) and self.item is not None and self._opens_point(ln, i):
            parent = next((sub for sub in reversed(self.item.subs) if not sub.point), self.item)
            parent.heading = True
            self.item.subs.append(_Item(f"{parent.number}({m[1]})", f"{parent.key}-{m[1]}", i, [m[2]], point=True))
        elif (c := circled_point(ln)) is not None and self.item is not None and not self.item.whole_section:
            self._circled(i, *c)  # "①……。(X牵头)" under "(2)住房安全方面。": a point of its own
        elif self.kind == PHASES and (m := _PHASE_LINE.match(ln)):
            self.open_item("", self.last_number + 1, i, m[1] + "。" + m[2], top=True)
        elif (dash := dash_item(ln)) is not None:  # "--开展优化审批流程。……(X牵头)": a task of its own
            self.open_item("", self.last_number + 1, i, dash, top=True)
        elif ln.startswith(RECORD):  # layout.py: an unnumbered one-sentence task, its label lines below
            self.open_item("", self.last_number + 1, i, ln[1:], top=True)
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

    def _gives_points(self) -> bool:
        """An item of a reply whose last paragraph announces a unit's opinion ("发展改革委提出了以下
        意见：") goes on with that opinion's points, numbered （一）（二）: they are not tasks."""
        item = self.item
        if item is None or item.whole_section or not item.number.endswith("、") or item.subs:
            return False
        opened = [i for i, text in enumerate(item.texts) if _OPINION.search(text)]
        return bool(opened) and all(_ITEM.match(text) for text in item.texts[opened[-1] + 1:])

    def _opens_point(self, ln: str, i: int) -> bool:
        """"（1）…。（省农业农村厅牵头，相关市人民政府配合）" under "1.提升中药材质量。": each point
        that closes with its own assignment is a task, as are the points after it; the 1. sub-item
        (or a top-level 1. item) whose text is only a heading is their group, not a task."""
        item = self.item
        if item is None or item.whole_section:
            return False
        holder = item.subs[-1] if item.subs else item
        if holder.point:
            return True
        # "⑴九年义务教育巩固率达到97%。" with "责任单位：省教育厅。" on the next line: its label lines close it
        below = next((text for text in self.lines[i:i + 3] if text), "")
        return len(holder.texts) == 1 and len(holder.texts[0]) <= 40 \
            and (bool(closing_groups(ln)[0]) or bool(ASSIGN_LINE.match(below)))

    def _circled(self, i: int, n: int, text: str) -> None:
        item = self.item
        assert item is not None
        holder = item.subs[-1] if item.subs else item
        number, key, circled = point_under(holder.number, holder.key, n)
        holder.heading |= not circled and heads_points(holder.texts)  # "(2)住房安全方面。": their group
        item.subs.append(_Item(number, key, i, [text], point=True))

    def _closes(self, ln: str) -> bool:
        """An unnumbered paragraph after a one-paragraph item, in a section whose items are one
        paragraph each, is the plan's closing words, not part of the last item: the item ends."""
        item = self.item
        if item is None or item.whole_section or item.subs or len(item.texts) != 1 or not self.prev_single:
            return False
        if item.texts[0] and item.texts[0][-1] not in _ENDS:
            return False  # "……停车场(位)等生活" / "服务设施。……": a sentence broken across lines
        short = len(item.texts[0]) <= 40 and not by_agents.closes_list(ln)  # "上述责任单位要……" closes (round 61)
        if short or ln[0] in OPEN or ASSIGN_LINE.match(ln) or _OPINION_LEAD.match(ln):
            return False
        self.flush()
        return True

    def table(self, rows: list[Row]) -> None:
        """A task table: each row is a task of a task section."""
        self.flush()
        for row in rows:
            task = item_task(row.number, f"{int(row.number):02d}", row.line, list(row.texts), self.rules)
            if task is not None:
                task.section = TASKS
                self.draft.tasks.append(task)

    def open_item(self, number: str, n: int, line: int, text: str, top: bool = False) -> None:
        if self.item is not None and self.item.whole_section:
            self.item = None  # the section has numbered items: its own lines are an introduction
        self.flush()
        self.last_number = n
        self.item = _Item(number, f"{n:02d}", line, [text], top=top, section_units=self.rules.section_units)

    def flush(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        if item.whole_section and len(item.texts) < 2 and not self.rules.section_assignment:
            if not _ONE_SENTENCE.search(item.texts[0]) and subject_units(item.texts[0]).empty():
                return  # a heading with nothing under it
            item.whole_section = False
        self.prev_single = len(item.texts) == 1 and not item.subs
        found: list[DraftTask] = []
        # a rule stated inside a sub-item ("（…。以下任务均需X落实）") is for the items after it, not its heading
        own = replace(self.rules, section_units=item.section_units)
        parent = item_task(item.number, item.key, item.line, item.texts, own)
        subs = [t for sub in item.subs if not sub.heading
                and (t := item_task(sub.number, sub.key, sub.line, sub.texts, self.rules))]
        if item.heading:
            parent = None
        if parent is not None and parent.assignment.empty() and subs and not any(assigns(t) for t in subs) \
                and not all(names_subjects(t) or (len(subs) > 1 and opens_with_unit(t)) for t in subs) \
                and not _titled_under_heading(item, subs) \
                and not measures_under_heading(item.texts, [sub.texts for sub in item.subs if not sub.heading], subs):
            # sub-items that assign nothing, under an item that assigns nothing: its sentences
            parent = item_task(item.number, item.key, item.line,
                           item.texts + [f"{sub.number.removeprefix(item.number)}.{''.join(sub.texts)}"
                                         for sub in item.subs], own)
            subs = []
        if parent is not None and (not subs or not parent.assignment.empty()):
            found.append(parent)
        for task in subs:
            if task.assignment.empty() and parent is not None and not parent.assignment.empty():
                task.assignment = parent.assignment
            found.append(task)
        for task in found:  # a title of running text loses the spaces a copy left in it (not a table row's)
            task.phase, task.section, task.title = self.kind == PHASES, self.kind, joined_title(task.title)
        add_all_units(found, self.all_units)
        self.draft.tasks.extend(found)
