"""A task table copied into text: every row is a task.

Two shapes are read. Tab-separated rows (a table saved as text), or one cell per line as a web
page or a PDF gives it:

    序号 / 举措 / 内容 / 负责部门 / 范围      (the header, one name per line)
    一、营商环境                             (a category row between data rows: skipped)
    1 / 推行证照分离 / 对…实行告知承诺 / 市场监管局、司法局 / 全市

The header names say what each column holds; the rows become the lines an item would have
written ("责任单位：…", "完成时限：…"), so the grammar of items reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload

from scheduler.importer import columns as col
from scheduler.importer.assign import is_deadline
from scheduler.importer.cells import NUMBER as _NUMBER
from scheduler.importer.cells import row_cells
from scheduler.importer.columns import column_name, words
from scheduler.importer.narrow_header import header_name, without_category
from scheduler.importer.piped_rows import piped_row
from scheduler.importer.spaced_rows import continued, header_cells, period_column, without_report
from scheduler.importer.system_columns import SYSTEM
from scheduler.importer.vocab import is_unit_name

_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (  # the words of columns.py, anchored: a line must be a name
    ("number", re.compile(rf"^(?:{words(col.NUMBER)})$")),
    ("skip", re.compile(words(col.PEOPLE))),  # people: "牵头领导", "责任人"
    ("responsible", re.compile(r"^协同责任")),  # "协同责任单位", as the label lines read it
    ("lead", re.compile(rf"^(?:{words(col.LEAD)})")),
    ("cooperating", re.compile(rf"^(?:{words(col.COOPERATING)})")),
    ("responsible", re.compile(
        rf"^(?:相关|主体|主要)?(?:{words(col.RESPONSIBLE)}|落实|实施主体|责任主体)(?:{words(col.UNIT_WORD)})?$"
        rf"|^(?:{words(col.SUBJECT)})(?:{words(col.UNIT_WORD)})$|^(?:责任|任务)?分工$|^牵头负责"
        r"|^责任(?:单位|部门)或牵头(?:单位|部门)$")),  # "责任单位或牵头单位" (round 69)
    ("title", re.compile(r"(?:标准或要求|标准要求)$")),  # "国家园林城市标准或要求": a 创建 table's items (69)
    ("deadline", re.compile(words(col.DEADLINE))),
    ("problem", re.compile(words(col.PROBLEM))),
    ("detail", SYSTEM),  # "目标体系 | 工作体系 | 政策体系": the row's detail (system_columns.py)
    ("detail", re.compile(words(col.DETAIL + col.SCHEDULE))),
    ("skip", re.compile(r"(?:完成|进展|落实)情况|取得成效|评价$|类型$")),  # "工作完成情况", "工作评价", "目标类型"
    ("name", re.compile(rf"^(?:{words(col.NAME)})$")),  # "名称": the row's name (columns.named)
    ("title", re.compile(words(col.TITLE))),  # "民生实事", "2022年预期目标"
    ("skip", re.compile(words(col.OTHER + col.CATEGORY))),
)
_LABEL_OF = {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位", "deadline": "完成时限"}
_MAX_CATEGORY = 30  # a category row is a short line ("一、营商环境类")


@dataclass(frozen=True)
class Row:
    line: int  # 1-based line of the row's number
    number: str
    texts: tuple[str, ...]  # what an item would have written: its text, then label lines


def _role(name: str) -> str | None:
    name = column_name(name)
    if period_column(name):  # "2023年10-12月份进展情况": a progress report's column
        return "skip"
    if len(name) > 12:
        return None
    return next((role for role, pattern in _ROLES if pattern.search(name)), None)


def _header(lines: Sequence[str], start: int, numbered: bool = True) -> tuple[list[str], int] | None:
    """Column roles of a header at `start` and where the rows begin; None when no header is there."""
    first = lines[start]
    if (sep := _separator(first)) is not None:
        roles = [_role(c) for c in _cells(first, sep) if c.strip()]
        end = start + 1
    else:
        roles, end = [], start
        while end < len(lines) and len(roles) < 12:
            if lines[end] and (named := header_name(lines, end, _role))[1] is not None:
                roles.append(named[1] or "skip")
                end = named[2]  # "牵头" / "部门": one name broken over two lines
                continue
            if lines[end]:
                break
            end += 1
    roles = col.named(roles)
    if ("number" not in roles[:1]) == numbered or len(roles) < 3 or None in roles:
        return None
    if "problem" in roles:  # "问题 | 整改措施": the problem names the row, the measures are its detail
        roles = ["title" if r == "problem" else "detail" if r == "title" else r for r in roles]
    elif roles.count("title") > 2 and _one_cell_header(lines[start]):  # "重点工作 / 攻坚目标任务 / 工作任务安排"
        head = roles.index("title")
        roles = [*roles[:head + 1], *("detail" if r == "title" else r for r in roles[head + 1:])]
    elif roles.count("title") > 1 and "detail" not in roles:  # "主要任务 | 细化措施": the second details the first
        second = roles.index("title", roles.index("title") + 1)
        roles = [*roles[:second], "detail", *roles[second + 1:]]
    if not any(r in roles for r in ("title", "detail")) or not any(r in roles for r in _LABEL_OF if r != "deadline"):
        return None
    return [r or "skip" for r in roles], end


def _one_cell_header(line: str) -> bool:
    """A header copied one cell per line (its first line is the number column's name alone)."""
    return _separator(line) is None


def read_table(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of a task table whose header is at lines[start], and the index after the table."""
    if not column_name(lines[start][:3]).startswith(("序号", "编号")):
        return _unnumbered(lines, start) if lines[start].count("|") >= 2 else None
    if _separator(lines[start]) is None and "|" in lines[start]:
        lines = _Piped(lines)  # "序号 |" / "1 |" / "…。 |": a cell per line, each closed by a rule
    found = _header(lines, start)
    if found is None:
        return None
    roles, pos = found
    rows: list[Row] = []
    sep = _separator(lines[start])
    while pos < len(lines):
        ln, end = continued(lines, pos) if sep == " " else (lines[pos], pos + 1)
        if not ln:
            pos += 1
            continue
        cells = _cells(ln, sep, roles) if sep else [ln]
        if sep and _category(roles, cells):
            pos += 1  # "一、主要预期目标 | |||", "1 | 大力提振消费。 | ||": a category row
            continue
        if not _NUMBER.match(cells[0]):
            if len(ln) > _MAX_CATEGORY or sep:
                break  # the table has ended
            pos += 1  # a category row
            continue
        line = pos + 1
        if not sep:  # a cell per line (cells.py)
            if not rows:  # rows without the category column after the number
                roles = without_category(roles, row_cells(lines, pos, roles)[0][0], is_deadline)
            found_rows, pos = row_cells(lines, pos, roles)
            rows += [_row(line, roles, row, unwrap=True) for row in found_rows]
            continue
        pos = end
        rows.append(_row(line, roles, cells, unwrap=sep != " "))  # spaced rows keep theirs
    return rows, pos


@overload
def _unnumbered(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None: ...
@overload
def _unnumbered(lines: Sequence[str], start: int, roles_only: bool) -> tuple[list[str], int] | None: ...
def _unnumbered(lines: Sequence[str], start: int, roles_only: bool = False) -> tuple[Any, int] | None:
    """A " | " table without a number column ("专项整治行业名称 | 时间安排 | 责任单位 |"): its rows,
    numbered in order, until a line that is no row of it (or only its header's roles)."""
    found = _header(lines, start, numbered=False)
    if found is None or roles_only:
        return found
    roles, pos = found
    rows: list[Row] = []
    closed = lines[start].rstrip().endswith("|")
    while pos < len(lines) and lines[pos].count("|") >= 2:
        cells, pos = piped_row(lines, pos, roles, closed)  # round 69: wrapped and merged cells
        if not _category(roles, cells):
            rows.append(_row(pos, ["number", *roles], [str(len(rows) + 1), *cells], unwrap=True))
    return (rows, pos) if rows else None


class _Piped(Sequence[str]):
    """The lines of a table whose cells stand on lines of their own, each closed with the column's
    rule ("全年 |"): read without the rule, line by line as they are reached."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [_one_cell(ln) for ln in self.lines[index]]
        return _one_cell(self.lines[index])


def _one_cell(line: str) -> str:
    return line.strip().strip("|").strip() if line.count("|") == 1 else line


def _separator(line: str) -> str | None:
    """The cell separator of a table row saved as text: a tab, " | " as a page renders it, or
    spaces ("序号 工 作 任 务 牵头负责部门" and rows "1 居民消费价格涨幅3%左右 发展改革委")."""
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2:
        return "|"
    return " " if len(line.split()) >= 3 else None


def _cells(line: str, sep: str, roles: list[str] | None = None) -> list[str]:
    if sep == " ":
        return _spaced(line.split(), roles, line)
    if sep == "|":
        line = line.strip().strip("|")
    return [c.strip() for c in line.split(sep)]


_ONE_CHAR = re.compile(r"^[\u4e00-\u9fff]$")


def _spaced(tokens: list[str], roles: list[str] | None, line: str = "") -> list[str]:
    """Cells of a row whose columns are separated by spaces. In the header, letters spread out to
    fill a cell ("工 作 任 务") are one name. In a row, the number comes first and the cells after
    the task's text are single words, except the first units' cell, which takes every unit name
    before them ("发展改革委 财政部"); the text between is the task, spaces and all."""
    if roles is None:  # the header
        return header_cells(line or " ".join(tokens))
    if "deadline" not in roles:  # "… 县直有关单位 达到时序进度 加强……": a progress report's cells after the units
        tokens, roles = without_report(tokens, roles, tuple(_LABEL_OF))
    if len(tokens) <= len(roles):
        return tokens
    first_label = next((i for i, r in enumerate(roles[1:], 1) if r in _LABEL_OF), len(roles))
    texts = 1 + max((i for i in range(1, first_label) if roles[i] in ("title", "detail")), default=0)
    tail, rest = roles[texts:], tokens[1:]
    units = [i for i, r in enumerate(tail) if r in _LABEL_OF and r != "deadline"]
    after: list[str] = []  # the cells after the task's text, filled from the right
    for pos in range(len(tail) - 1, -1, -1):
        take = 1
        if units and pos == units[0]:
            while take < len(rest) - 1 and is_unit_name(rest[-take - 1]):
                take += 1
        take = min(take, len(rest) - 1)
        after.insert(0, " ".join(rest[len(rest) - take:]) if take > 0 else "")
        rest = rest[:len(rest) - take]
    if texts <= 2:
        return [tokens[0], " ".join(rest), *after]
    return [tokens[0], *_text_cells(rest, texts - 1, bool(_BLANK_FIRST.match(line))), *after]


_SENTENCE = re.compile(r"[。；;，,]|^.{25,}$")
_BLANK_FIRST = re.compile(r"\s*\S+ {2,}")  # "2  严守用水……": the cell after the number left blank


def _text_cells(tokens: list[str], count: int, blank_first: bool) -> list[str]:
    """The task's text spread over its `count` columns ("类别 | 主要任务 | 细化措施"): the sentences at the
    end fill the last column, a word before them each column from the left, the last of them taking the
    rest; a cell left blank after the number (two spaces: a category merged down) takes nothing, and a
    letter or two alone is the end of the word before it, wrapped by the cell ("加强水资源保 护")."""
    words: list[str] = []
    for token in tokens:
        if words and len(token) <= 2 and _ONE_CHAR.match(token[-1]) and not _SENTENCE.search(words[-1]):
            words[-1] += token
        else:
            words.append(token)
    split = len(words)
    while split > 1 and _SENTENCE.search(words[split - 1]):
        split -= 1
    head, last = words[:split], " ".join(words[split:])
    cells = [""] if blank_first else []
    slots = count - 1 - len(cells)
    cells += [*head[:slots - 1], "".join(head[slots - 1:])] if slots > 0 else []  # a short cell's wrapped words
    return [*cells, *[""] * (count - 1 - len(cells)), last]


def _category(roles: list[str], cells: list[str]) -> bool:
    """A delimited row naming nothing but a heading: no units, no detail, no deadline."""
    return all(not cell for role, cell in zip(roles, cells, strict=False) if role not in ("number", "title", "skip"))


def _names_of(cell: str) -> str:
    """A cell's unit names; names a page put on lines of their own arrive space-separated
    ("市财政局 市工业和信息化局 各县市区政府、 开发区管委会") and are listed with 、."""
    tokens = [t.strip("、，, ") for t in cell.split()]
    if len(tokens) > 1 and all(t and is_unit_name(t) for t in tokens):
        return "、".join(tokens)
    return cell


_WRAP = re.compile(r"(?<=[\u4e00-\u9fff，。、；：“”,])\s+(?=[\u4e00-\u9fff，。、；：“”,])")


def _unwrapped(text: str) -> str:
    """A cell's text without the spaces a page left where the cell's lines wrapped ("工作机 制")."""
    return _WRAP.sub("", text)


def _joined(cells: list[str]) -> str:
    """Text cells of one row, "；" between them unless a cell already ends its sentence."""
    return "".join(c if i == len(cells) - 1 or c.endswith(("。", "；", ";")) else f"{c}；" for i, c in enumerate(cells))


def _row(line: int, roles: list[str], cells: list[str], unwrap: bool) -> Row:
    values: dict[str, list[str]] = {}
    for role, cell in zip(roles, cells, strict=False):
        if cell:
            values.setdefault(role, []).append(_names_of(cell) if role in _LABEL_OF else cell)
    title, detail = (_joined(values.get(role, [])) for role in ("title", "detail"))
    if unwrap:
        title, detail = _unwrapped(title), _unwrapped(detail)
    text = f"{title.rstrip('。、，,；;')}。{detail}" if title else detail  # "宗教场所、 |": a cell's stray comma
    labels = [f"{_LABEL_OF[r]}：{'、'.join(values[r])}" for r in _LABEL_OF if r in values]
    return Row(line, re.sub(r"\D", "", cells[0]), (text, *labels))
