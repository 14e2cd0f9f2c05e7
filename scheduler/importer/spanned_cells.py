"""A task table copied one cell per line whose rows leave out the cells merged down over them (a
web page's rowspan cells are written once, in their first row), and whose first text column may be
a group written once for the rows under it (issue #13 round 52):

    序号 / 指标 / 工作任务 / 完成时限 / 责任领导 / 责任股室 / (单位) / 备注      (the header)
    1 / 公共文化服务 / ……。 / 12月底前 / 夏俊贵 / 文化宣传股 / 文化馆 / 图书馆   (a full row)
    2 / ……。 / 文化宣传股文化馆          (the group, the deadline and the leader merged down)
    3 / ……。                             (the units merged down too)
    5 / 文化产业 / ……。                  (a new group; deadline and units still merged down)

Each row becomes an item, "N.task。" with a label line for its units and one for its deadline;
a cell the row leaves out is the one above it. The group and the people are no part of the task.
The table is read so only when every row's cells can be told apart: its task is its one line that
ends with "。", the group (if any) stands before it, and after it come, in the header's order, a
deadline, people's names and units' names. Otherwise the lines are left as they are.
"""

from __future__ import annotations

import re

from scheduler.importer.assign import is_deadline
from scheduler.importer.cells import NUMBER
from scheduler.importer.columns import column_name
from scheduler.importer.table import _role
from scheduler.importer.vocab import is_unit_name

_HEAD = ("序号", "编号")
_BRACKETED = re.compile(r"^[（(][^（()）]{1,6}[）)]$")  # "责任股室" / "(单位)": one header cell
_TEXT = ("title", "detail", "name")
_UNITS = {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位"}
_PERSON = re.compile(r"^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")  # "夏俊贵", "周 斐"
# how the names of a department's offices and bodies end ("文化宣传股", "文化馆", "羌研会")
_OFFICE = re.compile(r"(?:股|馆|会|局|室|队|所|站|中心|办|委|院|处|科|组|厅|社|团|公司|单位)$")
_MAX_GROUP = 20
_MAX_CELLS = 40  # a row's lines: more are the text after the table
_Shape = tuple[bool, bool, int]  # the table has a deadline column, a people column; how many text columns


def spanned_rows(lines: list[str]) -> list[str]:
    """The lines with such a table laid out as items; the lines themselves when there is none."""
    for start, line in enumerate(lines):
        if len(line) <= 6 and column_name(line) in _HEAD and (found := _table(lines, start)) is not None:
            items, end = found
            return [*lines[:start], *items, *lines[end:]]
    return lines


def _header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    names, pos = [lines[start]], start + 1
    while pos < len(lines) and not NUMBER.match(lines[pos]) and len(names) <= 12:
        if lines[pos]:
            if _BRACKETED.match(lines[pos]):
                names[-1] += lines[pos]
            else:
                names.append(lines[pos])
        pos += 1
    roles = [_role(re.sub(r"[（(][^（()）]{1,6}[）)]$", "", n)) for n in names]
    if None in roles or roles[0] != "number" or pos >= len(lines):
        return None
    return [r or "skip" for r in roles], pos


def _table(lines: list[str], start: int) -> tuple[list[str], int] | None:
    found = _header(lines, start)
    if found is None:
        return None
    roles, pos = found
    texts = 0
    while 1 + texts < len(roles) and roles[1 + texts] in _TEXT:
        texts += 1
    units = [r for r in roles if r in _UNITS]
    if texts not in (1, 2) or len(units) != 1 or any(r in _TEXT for r in roles[1 + texts:]):
        return None
    rows, end = _rows(lines, pos, ("deadline" in roles, "skip" in roles[1 + texts:], texts))
    if not rows or not _spanned(rows):
        return None
    return _items(rows, _UNITS[units[0]]), end


def _rows(lines: list[str], pos: int, shape: _Shape) -> tuple[list[dict[str, str]], int]:
    """The rows from lines[pos]: number, task, deadline and units of each ("" for a cell left out)."""
    rows: list[dict[str, str]] = []
    while pos < len(lines) and _numbered(lines[pos], len(rows) + 1):
        cells: list[tuple[int, str]] = []
        nxt = pos + 1
        while nxt < len(lines) and len(cells) < _MAX_CELLS and not _numbered(lines[nxt], len(rows) + 2):
            if lines[nxt]:
                cells.append((nxt, lines[nxt]))
            nxt += 1
        if nxt == len(lines) or not _numbered(lines[nxt], len(rows) + 2):  # the last row: the text after the table
            count = _fitting([c for _, c in cells], shape)
            nxt = cells[count][0] if count < len(cells) else nxt
            cells = cells[:count]
        row = _row([c for _, c in cells], shape)
        if row is None or (nxt < len(lines) and not _numbered(lines[nxt], len(rows) + 2)
                           and not (row["units"] and (row["deadline"] or not shape[0]))):
            return [], pos  # a last row cut short of its cells by the text after it: none left out
        rows.append({"number": str(len(rows) + 1), **row})
        pos = nxt
    return rows, pos


def _numbered(line: str, number: int) -> bool:
    return bool(NUMBER.match(line)) and int(re.sub(r"\D", "", line) or 0) == number


def _fitting(cells: list[str], shape: _Shape) -> int:
    """How many of the last row's lines are its cells."""
    count = len(cells)
    while count and _row(cells[:count], shape) is None:
        count -= 1
    return count


def _row(cells: list[str], shape: _Shape) -> dict[str, str] | None:
    dated, people, texts = shape
    ends = [i for i, c in enumerate(cells) if c.endswith("。")]
    if len(ends) != 1 or ends[0] >= texts or (ends[0] and len(cells[0]) > _MAX_GROUP):
        return None
    row = {"task": cells[ends[0]], "deadline": "", "units": ""}
    stage = 0  # 1 after the deadline, 2 after the people, 3 in the units
    for cell in cells[ends[0] + 1:]:
        if dated and stage < 1 and is_deadline(cell):
            row["deadline"], stage = cell, 1
        elif people and stage < 2 and _PERSON.match(cell) and not _office(cell):
            stage = 2
        elif all(_office(name) for name in cell.split("、")):
            row["units"] = f"{row['units']}、{cell}" if row["units"] else cell
            stage = 3
        else:
            return None
    return row


def _office(name: str) -> bool:
    return bool(name) and (is_unit_name(name) or bool(_OFFICE.search(name))) and " " not in name


def _spanned(rows: list[dict[str, str]]) -> bool:
    """Rows after the first leave out a cell the first one has: the table spans cells down."""
    first = rows[0]
    return bool(first["units"]) and any(not row[key] for row in rows[1:] for key in ("units", "deadline") if first[key])


def _items(rows: list[dict[str, str]], label: str) -> list[str]:
    known = {name for row in rows for name in row["units"].split("、") if name}
    out: list[str] = []
    deadline = units = ""
    for row in rows:
        deadline = row["deadline"] or deadline
        units = "、".join(_joined(name, known) for name in row["units"].split("、")) if row["units"] else units
        out += [f"{row['number']}.{row['task']}", f"{label}：{units}"] + ([f"完成时限：{deadline}"] if deadline else [])
    return out


def _joined(cell: str, known: set[str]) -> str:
    """A cell of two names the page wrote without their line break ("文化宣传股文化馆"), when both are
    names the table writes on their own: the names, "、" between them."""
    for head in sorted((k for k in known if cell.startswith(k) and k != cell), key=len, reverse=True):
        if (rest := cell[len(head):]) in known:
            return f"{head}、{rest}"
    return cell
