"""A task table drawn with box-drawing characters in plain text (old documents and their reposts):

    ┌──────────┬────┬──────────┬────┐
    │ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│          (the header, a name broken over lines)
    │ │ 导 │ │ │
    ├──────────┼────┼──────────┼────┤
    │抓好财税工作 │张三│各县(市、区)政│年内 │             (a group: a cell without "△")
    ├──────────┤ │府,市财政局 │ │
    │△加强财政监督,提高…… │ │ │ │                  (tasks: "△" opens each)
    │效益 │ ├──────────┤ │
    │△加强税源监控 │ │市税务局 │ │

Each column's text runs down between its own rules ("├──┤" in that column only), so a cell's text is
its lines joined. The columns of such a copy were laid out one by one and their rules need not line
up: a units cell is given to the tasks by count (one cell for every task, one for every group, or one
for all) and only otherwise by the lines it spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from scheduler.importer.table import Row, _role, _row

_BORDER = str.maketrans({c: "│" for c in "┌┬┐├┼┤└┴┘"})
_RULE = re.compile(r"^[─━\s]*[─━][─━\s]*$")
_MARK = "△▲◆●■★"
_UNITS = ("lead", "responsible", "cooperating")
_MAX_CELL = 300  # a units or deadline cell is short: a longer one is no cell of a task table


@dataclass(frozen=True)
class _Cell:
    text: str
    first: int  # index of its first line
    last: int


def _split(line: str) -> list[str] | None:
    parts = line.strip().translate(_BORDER).split("│")
    return parts[1:-1] if len(parts) >= 3 and not parts[0] and not parts[-1].strip() else None


def _columns(lines: Sequence[str], start: int, end: int) -> list[list[_Cell]] | None:
    """Each column's cells, from lines[start] (after "┌…┐") to lines[end] ("└…┘")."""
    width = len(_split(lines[start - 1]) or [])
    open_: list[list[tuple[int, str]]] = [[] for _ in range(width)]
    columns: list[list[_Cell]] = [[] for _ in range(width)]
    for index in range(start, end + 1):
        cells = _split(lines[index])
        if cells is None or len(cells) != width:
            return None
        for col, cell in enumerate(cells):
            if _RULE.match(cell) or index == end:
                if open_[col]:
                    text = "".join(t.strip() for _, t in open_[col])
                    columns[col].append(_Cell(text, open_[col][0][0], open_[col][-1][0]))
                open_[col] = []
            elif cell.strip():
                open_[col].append((index, cell))
    return columns


def _tasks(cells: list[_Cell]) -> tuple[list[tuple[int, str, int]], int]:
    """(group index, text, line) of each task of the first column, and how many groups there are."""
    marked = any(c.text[:1] in _MARK for c in cells)
    tasks: list[tuple[int, str, int]] = []
    groups = 0
    for cell in cells:
        if marked and cell.text[:1] not in _MARK:
            groups += 1
            continue
        group = max(groups - 1, 0) if marked else len(tasks)
        parts = re.split(f"[{_MARK}]", cell.text) if marked else [cell.text]
        tasks += [(group, p.strip(), cell.first) for p in parts if p.strip()]
    return tasks, (groups if marked else len(tasks))


def _pick(cells: list[_Cell], firsts: list[int], counts: tuple[int, int], task: int, group: int, line: int) -> str:
    n_tasks, n_groups = counts
    if len(cells) == n_tasks:
        return cells[task].text
    if len(cells) == n_groups:
        return cells[group].text
    if len(cells) == 1:
        return cells[0].text
    at = bisect_right(firsts, line) - 1  # the cell whose lines hold the task's first line
    return cells[at].text if at >= 0 and line <= cells[at].last else ""


def read_box_table(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of a box-drawn task table whose top border is lines[start], and the index after it."""
    if not lines[start].startswith("┌"):
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("└")), None)
    if end is None or (columns := _columns(lines, start + 1, end)) is None or len(columns) < 2:
        return None
    heads = [col[0] for col in columns]
    if any(h.last >= min((c.first for c in columns[0][1:]), default=end) for h in heads):
        return None  # a header cell runs into the body: not one header row
    found = [_role(h.text) for h in heads]
    roles = [r for r in found if r is not None]
    if len(roles) < len(found) or roles[0] not in ("title", "detail") or not any(r in _UNITS for r in roles):
        return None
    if any(len(c.text) > _MAX_CELL for col in columns[1:] for c in col):
        return None
    tasks, n_groups = _tasks(columns[0][1:])
    out: list[Row] = []
    bodies = [col[1:] for col in columns[1:]]
    firsts = [[c.first for c in body] for body in bodies]
    for number, (group, text, line) in enumerate(tasks, 1):
        others = [_pick(body, at, (len(tasks), n_groups), number - 1, group, line)
                  for body, at in zip(bodies, firsts, strict=True)]
        out.append(_row(line + 1, ["number", "title", *roles[1:]], [str(number), text, *others], unwrap=False))
    return (out, end + 1) if out else None
