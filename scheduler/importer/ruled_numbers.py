"""A numbered task table copied with each cell on a line of its own and a line "|" after every cell
(issue #13 round 65: a 高新区's 重点工作任务分解一览表 as a page's cell borders became lines):

    序号 / | / 重点工作任务分解 / | / 责任领导 / | / 责任部门 / | / 完成期限 / | / 监督方式 / |
    1 / | / 主动对接…… / | / 易承志 / | / 经济发展局 / | / 持续推进 / | / 区委、区政府 / |

rule_lines.py reads this layout when its header names no number column; with a "序号" cell first,
each cell and the rule after it are joined ("序号 |", "1 |"), so the table reads as the cell-per-line
tables closed by " |" that table.py knows. Only a run that starts at a "序号" line followed by a rule,
with at least three cells so ruled, is touched; two rules in a row keep the second as an empty cell.
"""

from __future__ import annotations

import re

RULE = "|"
_NUMBER_HEADER = re.compile(r"^(?:序号|序號|编号|編號)$")


def ruled_numbers(lines: list[str]) -> list[str]:
    """The lines with every such table's cells joined to the rules after them."""
    if not any(_NUMBER_HEADER.match(ln.strip()) for ln in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _NUMBER_HEADER.match(lines[i].strip()) and _ruled_cells(lines, i) >= 3:
            i = _join_run(lines, i, out)
        else:
            out.append(lines[i])
            i += 1
    return out


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
