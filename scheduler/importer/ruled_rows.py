"""A task table copied with each cell on a line of its own, a line "|" after every cell and one more
"|" opening every row (the row's own border), its rows unnumbered:

    | / 工作任务 / | / 具体内容 / | / 责任部门 / |                 (the header)
    | / 推进政策公开 / | / 常态化公开……信息。 / | / 财政所 / |
    | / 积极探索……渠道。 / | / 便民综合服务中心 / |               (the first cell merged down)

A row one cell short has its first cell merged with the row above (the rows' group, as in
rule_lines.py); the text column after the group is the row's task. Rows are numbered in order."""

from __future__ import annotations

from collections.abc import Sequence

from scheduler.importer.table import Row, _role, _row

RULE = "|"
_UNITS = ("lead", "responsible", "cooperating")


def _rows(lines: Sequence[str], start: int) -> tuple[list[tuple[int, list[str]]], int]:
    """(line of the row's first cell, its cells) of the rows from lines[start] on, and the index after."""
    rows: list[tuple[int, list[str]]] = []
    pos = start
    while pos < len(lines) and lines[pos] == RULE:
        pos += 1
        first, cells = pos, []
        while pos + 1 < len(lines) and lines[pos] and RULE not in lines[pos] and lines[pos + 1] == RULE:
            cells.append(lines[pos].strip())
            pos += 2
        if not cells:
            break
        rows.append((first, cells))
    return rows, pos


def read_ruled_rows(lines: Sequence[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of such a table whose header row opens at lines[start] ("|"), and the index after."""
    if lines[start] != RULE or start + 2 >= len(lines) or lines[start + 2] != RULE or len(lines[start + 1]) > 16:
        return None
    rows, pos = _rows(lines, start)
    if len(rows) < 3:
        return None
    found = [_role(c) for c in rows[0][1]]
    roles = [r for r in found if r is not None]
    if len(roles) < 3 or len(roles) < len(found) or "number" in roles or roles[:2] != ["title", "detail"] \
            or not any(r in _UNITS for r in roles):
        return None
    width = len(roles)
    if any(len(cells) not in (width, width - 1) for _, cells in rows[1:]) or len(rows[1][1]) != width:
        return None
    out: list[Row] = []
    for line, cells in rows[1:]:
        row_roles = ["number", "skip", "title", *roles[2:]] if len(cells) == width else ["number", "title", *roles[2:]]
        out.append(_row(line + 1, row_roles, [str(len(out) + 1), *cells], unwrap=False))
    return out, pos
