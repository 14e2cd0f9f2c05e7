"""A task table copied with each cell on a line of its own and a line "|" after every cell (a page's
table whose cell borders became lines), its header naming no number column:

    工作任务 / | / 具体要求 / | / 责任科室 / | / 时限要求 / |             (the header)
    加强规范性文件公开 / | / 1 / | / 对……清理。 / | / 办公室 / | / 年底前 / |
    2 / | / 做好政策解读…… / | / 各科室 / | / 持续推进 / |               (the first cell merged down)

Each row starts at its number, so the header's first column is the rows' group: a cell before the
number, written once for the rows it spans (a merged cell), read like a category row. The number and
the cells after it are the row; the text column after the group is the row's task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer.assign import is_deadline
from scheduler.importer.blank_cells import read_blank_cells
from scheduler.importer.box_table import read_box_table
from scheduler.importer.cells import NUMBER
from scheduler.importer.columns import column_name
from scheduler.importer.level_header import level_header
from scheduler.importer.loose_box import read_loose_box
from scheduler.importer.numerals import CN_NUM
from scheduler.importer.plain_cells import read_plain_cells
from scheduler.importer.ruled_rows import read_ruled_rows
from scheduler.importer.table import Row, _header, _role, _row, _unnumbered

RULE = "|"
_UNITS = ("lead", "responsible", "cooperating")


def read_rule_lines(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header starts at lines[start], and the index after it."""
    if lines[start].startswith("┌"):  # a table drawn with box-drawing characters (box_table.py)
        return read_box_table(lines, start) or read_loose_box(lines, start)  # round 69: a page of one
    if lines[start] == RULE:  # "| / 工作任务 / | / …": each row opened by a rule of its own (ruled_rows.py)
        return read_ruled_rows(lines, start)
    if start + 1 < len(lines) and not lines[start + 1]:  # cells parted by blank lines (blank_cells.py, plain_cells.py)
        return read_blank_cells(lines, start) or read_plain_cells(lines, start)
    first = lines[start]
    if start + 1 < len(lines) and lines[start + 1] != RULE and not first.endswith(RULE):
        return read_plain_cells(lines, start)  # a cell per line, the blank lines between cells dropped (copies.py)
    if start + 1 >= len(lines) or not (lines[start + 1] == RULE or (first.endswith(RULE) and first.count(RULE) == 1)) \
            or len(first) > 16 or _role(_cell(first)) != "title":
        return None
    closed = lines[start + 1] != RULE
    names, roles = _header_names(_cells(lines, start, closed, header=True)[0])  # not every row's cells (round 40)
    if len(roles) < 3 or "number" in roles or roles[1] not in ("title", "detail") \
            or not any(r in _UNITS for r in roles):
        return None
    cells, pos = _cells(lines, start, closed)
    width = len(roles)
    rows: list[Row] = []
    i = len(roles)
    while i < len(cells):
        line, cell = cells[i]
        if not cell:
            i += 1  # an empty cell of a group's own row
            continue
        numbered = _NUMBERED_TEXT.match(cell)
        if (NUMBER.match(cell) or numbered) and i + width <= len(cells):
            row = [c for _, c in cells[i:i + width]]
            if numbered:  # "1.行政规范性文件集中公开": the title column, numbered
                row_roles, row = ["number", *roles], [numbered[1], numbered[2], *row[1:]]
            else:  # "1": the number, and the text column after the group is the task
                row_roles = ["number", "title", *roles[2:]]
            rows.append(_row(line + 1, _remarks(row_roles, names, row), row, unwrap=False))
            i += width
        elif len(cell) <= 30 and (nxt := next((c for _, c in cells[i + 1:] if c), "")) \
                and (NUMBER.match(nxt) or _NUMBERED_TEXT.match(nxt)):
            i += 1  # the group's cell, merged down over the rows under it
        else:
            break
    if not rows:
        return None
    return rows, cells[i][0] if i < len(cells) else pos


def _cell(line: str) -> str:
    return line[:-1].strip() if line.endswith(RULE) and line.count(RULE) == 1 else line


def _ends_header(cell: str) -> bool:
    return bool(_GROUP.match(cell)) or _role(cell) is None


def _header_names(cells: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """The header's names and roles: the cells from the first until one that names no column."""
    names: list[str] = []
    roles: list[str] = []
    for _, cell in cells:
        if _ends_header(cell):  # "一、年底前专项工作任务": a row's group
            break
        names.append(cell)
        roles.append(_role(cell) or "")
    return names, roles


def _cells(lines: Sequence[str], start: int, closed: bool, header: bool = False) -> tuple[list[tuple[int, str]], int]:
    """(index of the line, the cell) from lines[start] on: a cell followed by a line "|", or a cell
    closed by its rule ("备注 |", and "|" an empty one); lines of rules alone ("||", "|||||") part
    rows. And the index after. With `header`, only up to the first cell that names no column."""
    cells: list[tuple[int, str]] = []
    pos = start
    while pos < len(lines) and (ln := lines[pos]) and not (header and cells and _ends_header(cells[-1][1])):
        if closed and ln == RULE:
            cells.append((pos, ""))
            pos += 1
        elif not ln.strip(RULE + " "):
            pos += 1
        elif ln.endswith(RULE) and ln.count(RULE) == 1:
            cells.append((pos, _cell(ln)))
            pos += 1
        elif pos + 1 < len(lines) and lines[pos + 1] == RULE and RULE not in ln:
            cells.append((pos, ln))
            pos += 2
        else:
            break
    return cells, pos


def _remarks(roles: list[str], names: list[str], row: list[str]) -> list[str]:
    """A 备注 cell that holds only a deadline ("11月底前完成") is the row's deadline."""
    out = list(roles)
    offset = len(roles) - len(names)
    for pos, name in enumerate(names):
        at = pos + offset
        if column_name(name) == "备注" and at < len(row) and is_deadline(row[at]) and "deadline" not in roles:
            out[at] = "deadline"
    return out


# " | " rows whose first cells are their groups ("一、做好财政信息公开。 | 1.积极推进…… | 财务科 |",
# "3.及时反馈…… | 各科室 | |", "一、…… | (一)…… | 1 | 进一步…… | 市政府各有关部门 | 持续推进 |")
_NUMBERED_TEXT = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(\S.*)$")
_GROUP = re.compile(rf"^(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)])")


def read_grouped_rows(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """A " | " table without a number column whose header names a title and its detail
    ("工作任务 | 具体要求 | 责任部门 |"), while its rows are numbered after the cells of their groups:
    the groups are the first column merged down (written once, so the rows under them have fewer
    cells), the number (a cell, or the start of the text) opens the row, and the cells after the
    text are the header's columns after the detail."""
    if lines[start].count("|") < 2:
        return None
    found = _unnumbered(lines, start, roles_only=True)
    after = 2  # the cells after the text: the header's columns after its detail
    if found is not None and found[0][:3] == ["skip", "title", "detail"]:  # "类别 | 民生事项名称 | 任务目标 |"
        roles, pos, after = found[0][1:], found[1], 1  # the groups in their own column, the text in the title's
    elif found is not None and found[0][:2] == ["title", "detail"]:
        roles, pos = found
    elif (levels := level_header(lines[start])) is not None:  # "工作要求 | 一级要点 | 二级要点 | 责任科室 |"
        roles, pos = levels, start + 1
    else:
        return None
    rows: list[Row] = []
    grouped = False
    while pos < len(lines) and lines[pos].count("|") >= 2:
        cells = [c.strip() for c in lines[pos].strip().strip("|").split("|")]
        pos += 1
        if (row := _grouped(cells)) is None:
            if any(cells[1:]) and not (rows and grouped):
                return None  # a row of another shape: not such a table
            if any(cells[1:]):
                pos -= 1  # "索引号: | … | 成文日期: |": the page's own fields after the table
                break
            continue  # "一、年底前专项工作任务 | | |": a group's own row
        groups, number, text, rest = row
        grouped = grouped or groups > 0
        rows.append(_row(pos, ["number", "title", *roles[after:]], [number, text, *rest], unwrap=True))
    return (rows, pos) if rows and grouped else None


def _grouped(cells: list[str]) -> tuple[int, str, str, list[str]] | None:
    """(how many group cells, the number, the text, the cells after it) of a row, or None."""
    for i, cell in enumerate(cells):
        if NUMBER.match(cell) and i + 1 < len(cells):
            return i, re.sub(r"\D", "", cell), cells[i + 1], cells[i + 2:]
        if m := _NUMBERED_TEXT.match(cell):
            return i, m[1], m[2], cells[i + 1:]
        if not _GROUP.match(cell):
            return None
    return None


def read_merged_titles(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """A numbered " | " table "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 |" whose 工作任务 cell is merged
    down over the rows under it: those rows have one cell fewer ("2 | 细化分工 | 处室 | 时限 |"). The
    工作任务 is then the rows' group and each row's 细化分工 its task (as a file's merged cells read);
    a table whose every row has its own 工作任务 is left to the text table reader."""
    if not lines[start].startswith(("序号 |", "序号|")) or (found := _header(lines, start)) is None:
        return None
    roles, pos = found
    if roles[:3] != ["number", "title", "detail"]:
        return None
    rows: list[tuple[int, list[str]]] = []
    while pos < len(lines) and RULE in lines[pos]:
        if lines[pos].strip(RULE + " "):
            cells = [c.strip() for c in lines[pos].strip().strip(RULE).split(RULE)]
            while cells and not cells[-1]:
                cells.pop()
            rows.append((pos + 1, cells))
        pos += 1
    longest = max((len(cells) for _, cells in rows), default=0)
    if not any(len(cells) == longest - 1 for _, cells in rows) or any(len(c) < longest - 1 for _, c in rows):
        return None
    full, merged = ["number", "skip", "title", *roles[3:]], ["number", "title", *roles[3:]]
    return [_row(line, full if len(cells) == longest else merged, cells, unwrap=True) for line, cells in rows], pos
