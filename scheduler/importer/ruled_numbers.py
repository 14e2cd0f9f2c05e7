"""A numbered task table copied with each cell on a line of its own and a line "|" after every cell
(issue #13 round 65: a 高新区's 重点工作任务分解一览表 as a page's cell borders became lines):

    序号 / | / 重点工作任务分解 / | / 责任领导 / | / 责任部门 / | / 完成期限 / | / 监督方式 / |
    1 / | / 主动对接…… / | / 易承志 / | / 经济发展局 / | / 持续推进 / | / 区委、区政府 / |

rule_lines.py reads this layout when its header names no number column; with a "序号" cell first,
each cell and the rule after it are joined ("序号 |", "1 |"), so the table reads as the cell-per-line
tables closed by " |" that table.py knows. Only a run that starts at a "序号" line followed by a rule,
with at least three cells so ruled, is touched; two rules in a row keep the second as an empty cell.

A page may also open every row with a rule and part the cells by blank lines (a city's 重点任务责任分工,
each cell's text indented on lines of its own, the header's "序号" folded over two lines):

    | / 序 / 号  | / (blank) / 工作任务 / | / (blank) / 牵头单位 / | / … / 完成时限 / | / (blank)
    | / 1 / | / (blank) / 成立……机制。 / | / (blank) / 市行政审批局 / | / (blank) / | / (blank) / 2021年9月底 / |

From such a header row on, each row is written as one " | " row ("1 | 成立……机制。 | 市行政审批局 | | 2021年9月底 |"):
a rule after a blank line and before another is an empty cell; a cell's lines are joined ("序" "号" → "序号"),
with "、" between two units' names ("市直相关部门" / "各乡镇(街道)"). The rows end at one of another width.
"""

from __future__ import annotations

import itertools
import re

from scheduler.importer.vocab import is_unit_name

RULE = "|"
_NUMBER_HEADER = re.compile(r"^(?:序号|序號|编号|編號)$")
_COLLECTIVE = re.compile(r"^各[\u4e00-\u9fff]{1,6}(?:[（(][^（）()]{1,8}[）)])?$")  # "各乡镇(街道)" under a unit


def ruled_numbers(lines: list[str]) -> list[str]:
    """The lines with every such table's cells joined to the rules after them."""
    if RULE not in lines:  # neither layout: no line is a rule alone
        return lines
    if not any(_NUMBER_HEADER.match(ln.strip()) for ln in lines):
        return _opened_rows(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _NUMBER_HEADER.match(lines[i].strip()) and _ruled_cells(lines, i) >= 3:
            i = _join_run(lines, i, out)
        else:
            out.append(lines[i])
            i += 1
    return _opened_rows(out)


def _ruled_cells(lines: list[str], start: int) -> int:
    """How many cells from lines[start] on are each followed by a rule line."""
    count, i = 0, start
    while i + 1 < len(lines) and _cell(lines[i]) and lines[i + 1].strip() == RULE:
        count, i = count + 1, i + 2
    return count


def _join_run(lines: list[str], start: int, out: list[str]) -> int:
    """Cells and their rules from lines[start] joined into out; the index after the run."""
    i = start
    while i < len(lines):
        if i + 1 < len(lines) and _cell(lines[i]) and lines[i + 1].strip() == RULE:
            out.append(f"{lines[i].strip()} {RULE}")
            i += 2
        elif lines[i].strip() == RULE and out and out[-1].endswith(RULE):
            out.append(RULE)  # a rule right after a closed cell: an empty cell
            i += 1
        else:
            break
    return i


def _cell(line: str) -> bool:
    return bool(line.strip()) and RULE not in line


def _opened_rows(lines: list[str]) -> list[str]:
    """The lines with a table whose rows open with a rule and whose cells are parted by blank lines as " | " rows."""
    for start, line in enumerate(lines):
        if line == RULE and (header := _opened_row(lines, start)) is not None and len(header[0]) >= 3 \
                and _NUMBER_HEADER.match(header[0][0]):
            width, rows, pos = len(header[0]), [header[0]], header[1]
            while (row := _opened_row(lines, pos)) is not None and len(row[0]) == width:
                rows.append(row[0])
                pos = row[1]
            if len(rows) < 2:
                return lines
            return [*lines[:start], *(" | ".join(cells) + " |" for cells in rows), *lines[pos:]]
    return lines


def _opened_row(lines: list[str], pos: int) -> tuple[list[str], int] | None:
    """The cells of the row opened by the rule at lines[pos] and the index after them, or None."""
    if pos + 1 >= len(lines) or lines[pos] != RULE or not _cell(lines[pos + 1]):
        return None
    cells: list[str] = []
    pos += 1
    while pos < len(lines):
        parts: list[str] = []
        while pos < len(lines) and _cell(lines[pos]):
            parts.append(lines[pos].strip())
            pos += 1
        if pos < len(lines) and lines[pos].endswith(RULE) and lines[pos].count(RULE) == 1 and lines[pos] != RULE:
            parts.append(lines[pos][:-1].strip())  # "号  |": the cell's last line closed by its rule
        elif pos >= len(lines) or lines[pos] != RULE:
            return None
        cells.append(_joined(parts))
        pos += 1
        while pos < len(lines) and not lines[pos].strip():
            pos += 1
        if pos + 1 < len(lines) and lines[pos] == RULE and not lines[pos + 1].strip():
            continue  # a rule after a blank line and before another: the next cell is empty
        if pos >= len(lines) or not _cell(lines[pos]):
            return cells, pos
    return cells, pos


def _joined(parts: list[str]) -> str:
    text = parts[0] if parts else ""
    for before, part in itertools.pairwise(parts):
        text += f"、{part}" if is_unit_name(before) and (is_unit_name(part) or _COLLECTIVE.match(part)) else part
    return text
