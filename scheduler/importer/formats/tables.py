"""Task tables (附件：重点任务分工表) → lines in the text importer's grammar.

The header row is found by its column names; columns map to fields (SPEC §4): 牵头… is the lead,
配合…/协办… cooperating, 责任…/负责…/主责…/承办…/指导部门 responsible, 时限/完成时间/时间节点 the
deadline. Each row becomes "1．任务" followed by "牵头单位：…" lines, so the one grammar of the
text importer reads units and deadlines. A 重点任务 cell spanning several 具体措施 rows becomes
the parent item "（一）重点任务" of those rows; a category row ("一、…" across the table) a section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scheduler.importer import columns as col
from scheduler.importer.columns import column_name, words
from scheduler.importer.formats import column_roles as roles
from scheduler.importer.formats.blocks import Block, Table
from scheduler.importer.formats.headers import stacked
from scheduler.importer.formats.people_columns import unit_name, units_and_people
from scheduler.importer.formats.record_table import record_lines
from scheduler.importer.formats.table_cells import CN as CN  # public names of this module before the split
from scheduler.importer.formats.table_cells import cn_number as cn_number
from scheduler.importer.formats.table_cells import deadline_text, dedupe, joined, units_text

_PERSON = re.compile(words(col.PEOPLE))
_SCHEDULE = re.compile(words(col.SCHEDULE))  # "工作进度", "实施步骤": neither the task nor its deadline
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (  # the words of columns.py, anywhere in the name
    ("lead", re.compile(words(col.LEAD))),
    ("cooperating", re.compile(words(col.COOPERATING))),
    ("responsible", re.compile(rf"{words(col.RESPONSIBLE)}|(?:{words(col.SUBJECT)})(?:{words(col.UNIT_WORD)})")),
    ("deadline", re.compile(words(col.DEADLINE))),
    ("number", re.compile(rf"^(?:{words(col.NUMBER)}|No\.?)$", re.I)),
    ("problem", re.compile(words(col.PROBLEM))),  # a rectification list: "反馈问题 | 整改措施"
    ("measure", re.compile(words(col.MEASURE))),
    ("task", re.compile(words(col.TITLE))),
    ("category", re.compile(words(col.CATEGORY))),
)
_LABEL = {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位", "deadline": "完成时限"}
_UNIT_KINDS = ("lead", "responsible", "cooperating", "deadline")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d+[、.．](?!\d))\s*")
_ORDINAL = re.compile(r"[（(]?[一二三四五六七八九十]+[）)]?[、.．]?")  # a category's number in the 序号 cell
TABLE_END = "〇、任务分工表止"  # after a task table's rows: the text that follows is not its last row's


def column_kind(header: str) -> str | None:
    name = unit_name(column_name(header))  # "责任单位及责任人": units, their people dropped
    if not name or len(name) > 20 or _PERSON.search(name):
        return None
    if _SCHEDULE.search(name) and not _KINDS[3][1].search(name):  # "工作进度": the work's schedule, no task (round 46)
        return None
    for kind, pattern in _KINDS:
        if pattern.search(name):
            return kind
    return None


def header_row(rows: Sequence[Sequence[str]]) -> int | None:
    """The index of the header row among the first rows: it names at least one unit or deadline
    column and one more known column. Rows of one text (a sheet's title, the notice pasted above the
    table) do not count among the first six."""
    for i in roles.first_rows(rows):
        kinds = [column_kind(c) or roles.detail_kind(c) for c in rows[i]]
        if any(k in _UNIT_KINDS for k in kinds) and len({k for k in kinds if k}) >= 2:
            return i
    return None


def is_task_table(rows: Sequence[Sequence[str]]) -> bool:
    return header_row(rows) is not None or record_lines(rows, column_kind) is not None


def to_lines(blocks: Sequence[Block]) -> list[str]:
    """The document as lines of text: paragraphs as they are, task tables in the grammar, other
    tables row by row with their cells separated by tabs."""
    from scheduler.importer.formats.continued import join_continued

    lines: list[str] = []
    for block in join_continued(blocks):
        if isinstance(block, Table):
            lines += table_lines(block)
        else:
            lines += block.splitlines()
    return lines


@dataclass
class _Columns:
    kinds: dict[int, str]
    people: frozenset[int] = frozenset()  # unit columns that name their people too ("责任单位及责任人")

    def first(self, kind: str) -> int | None:
        return next((i for i, k in self.kinds.items() if k == kind), None)

    def all(self, kind: str) -> list[int]:
        return [i for i, k in self.kinds.items() if k == kind]


def table_lines(table: Table) -> list[str]:
    rows = [list(r) for r in table.rows]
    head = header_row(rows)
    if head is None:  # a layout table row by row, or a label / value table as one task's record
        return record_lines(rows, column_kind) or ["\t".join(dedupe(r)) for r in rows if any(c.strip() for c in r)]
    names, last = stacked(rows, head, column_kind)  # "责任单位" over "牵头单位 | 配合单位"
    above = [" ".join(c.split()) for r in rows[:head] for c in dedupe(r)]  # a title over the header
    body = rows[last + 1:]
    end = roles.text_after(body)  # the notice's text below the table, in a sheet
    below = [" ".join(" ".join(dedupe(r)).split()) for r in body[end:] if any(c.strip() for c in r)]  # a row a line
    people = frozenset(i for i, n in enumerate(names) if units_and_people(column_name(n)))
    columns = _Columns(roles.refine(_columns(names).kinds, names, body[:end]), people)  # levels, spans, details
    return above + _TableWriter(columns).rows(body[:end], rows[head:last + 1]) + [TABLE_END, *below]


def _columns(header: Sequence[str]) -> _Columns:
    kinds: dict[int, str] = {}
    seen_text: set[str] = set()
    for i, cell in enumerate(header):
        kind = column_kind(cell)
        if kind is None or cell in seen_text:  # a header cell spanning two columns counts once
            continue
        seen_text.add(cell)
        kinds[i] = kind
    if "problem" in kinds.values():  # the problem names each row; its measures are the row's detail
        kinds = {i: "task" if k == "problem" else "detail" if k in ("measure", "task") else k for i, k in kinds.items()}
    if "measure" not in kinds.values() and list(kinds.values()).count("task") > 1:
        later = [i for i, k in kinds.items() if k == "task"][1:]
        for i in later:  # 重点任务 | 工作任务: the second is the measure
            kinds[i] = "measure"
            break
    if "task" not in kinds.values() and "measure" not in kinds.values():
        free = [i for i in range(len(header)) if i not in kinds]
        if free:
            kinds[free[0]] = "task"
    return _Columns(kinds)


class _TableWriter:
    def __init__(self, columns: _Columns) -> None:
        self.c = columns
        measure, task = columns.first("measure"), columns.first("task")
        self.parent_col = task if measure is not None and task is not None else None
        self.title_col = measure if measure is not None else task
        self.detail_col = columns.first("detail")
        self.section, self.category = 0, ""
        self.parent: str | None = None
        self.parents = self.items = self.last_sub = 0
        self.out: list[str] = []
        self.decimal = False  # rows numbered by their 序号 ("3．…") rather than "（三）…"

    def rows(self, rows: list[list[str]], header: list[list[str]]) -> list[str]:
        self.out.append("〇、任务分工表")  # a section: no item open before the table continues into it
        body = [r for r in rows if r not in header and any(c.strip() for c in r)]  # and its repeated header
        self.decimal = self.parent_col is None and self._decimal(body)
        previous: list[str] | None = None
        for raw in body:
            category = self._category(raw)
            if category is not None:
                self._section(category)
                previous = None
                continue
            row = previous = self._carried(raw, previous)
            col = self.c.first("category")
            if col is not None and row[col].strip() and row[col].strip() != self.category:
                self._section(row[col].strip())
            self._task(row)
        return self.out

    def _decimal(self, rows: list[list[str]]) -> bool:
        col = self.c.first("number")
        if col is None:
            return False
        numbers = [r[col].strip().rstrip(".．、") for r in rows if self._category(r) is None]
        return bool(numbers) and all(n.isdigit() and 0 < int(n) < 100 for n in numbers)

    def _section(self, name: str) -> None:
        self.section += 1
        self.category = name
        self.parent, self.parents, self.items = None, 0, 0
        # a name wrapped in its cell is one line
        self.out.append(f"{cn_number(self.section)}、{_NUMBERED.sub('', joined(name))}")

    def _carried(self, row: list[str], previous: list[str] | None) -> list[str]:
        """Blank parent/category cells (a merged cell exported to CSV) take the value above."""
        if previous is None:
            return row
        row = list(row)
        for i, kind in self.c.kinds.items():
            if (kind == "category" or i == self.parent_col) and not row[i].strip():
                row[i] = previous[i]
        return row

    def _category(self, row: list[str]) -> str | None:
        """A row with one text across it ("一、深化行政审批制度改革"), or only in its 序号 cell, or a
        Chinese ordinal in its 序号 cell ("一", "（二）") before a name, with no units and no deadline."""
        units = [i for kind in _UNIT_KINDS for i in self.c.all(kind)]
        if (spanning := roles.spanning_title(row, self.title_col, units)) is not None:
            return spanning
        values = [c.strip() for c in row if c.strip()]
        if len(set(values)) == 2 and (named := self._ordinal_row(row)) is not None:
            return named
        if len(set(values)) != 1:
            return None
        value = values[0]
        number = self.c.first("number")
        in_number = number is not None and row[number].strip() == value and not value.rstrip(".．、").isdigit()
        return value if len(values) >= 2 or in_number or (not self._body(row) and _NUMBERED.match(value)) else None

    def _ordinal_row(self, row: list[str]) -> str | None:
        number = self.c.first("number")
        if number is None or not _ORDINAL.fullmatch(row[number].strip()):
            return None
        if any(row[i].strip() for kind in _UNIT_KINDS for i in self.c.all(kind)):
            return None
        return next(c.strip() for i, c in enumerate(row) if i != number and c.strip())

    def _body(self, row: list[str]) -> str:
        body = "" if self.title_col is None else joined(row[self.title_col]).rstrip("、，,；;")
        detail = "" if self.detail_col is None else joined(row[self.detail_col])
        return f"{body.rstrip('。')}。{detail}" if body and detail else body

    def _task(self, row: list[str]) -> None:
        units = self._unit_lines(row)
        body = self._body(row)
        if self.parent_col is not None and (parent := joined(row[self.parent_col])):
            if parent != self.parent:
                self.parent, self.last_sub = parent, 0
                self.parents += 1
                self.out.append(f"（{cn_number(self.parents)}）{_NUMBERED.sub('', parent)}")
                if not body or body == parent:  # the parent's own row
                    self.out += units
                    return
            if body and body != parent:
                self.last_sub = self._number(row, self.last_sub)
                self.out += [f"{self.last_sub}．{_NUMBERED.sub('', body)}", *units]
            return
        if not body:
            return
        self.items += 1
        self.parent = None
        if self.decimal:
            self.out.append(f"{self._number(row, 0)}．{_NUMBERED.sub('', body)}")
        else:
            self.out.append(f"（{cn_number(self.parents + self.items)}）{_NUMBERED.sub('', body)}")
        self.out += units

    def _number(self, row: list[str], last: int) -> int:
        """The row's 序号 when it is a new number, else the next after `last`."""
        col = self.c.first("number")
        text = row[col].strip().rstrip(".．、") if col is not None else ""
        if text.isdigit() and last < int(text) < 100:
            return int(text)
        return min(last + 1, 99)

    def _unit_lines(self, row: list[str]) -> list[str]:
        lines = []
        for kind in _UNIT_KINDS:
            cells = [deadline_text(row[i]) if kind == "deadline" else units_text(row[i], i in self.c.people)
                     for i in self.c.all(kind)]
            values = [v for v in cells if v]
            if values:
                lines.append(f"{_LABEL[kind]}：{('；' if kind == 'deadline' else '、').join(values)}")
        return lines
