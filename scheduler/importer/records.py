"""Tasks published as records: each task a small two-column table, copied as "label: | value |" lines.

    重点工作: | 135.统筹违法建设治理与城市更新。 |
    牵头单位: | 市城市管理综合执法局 |
    年度阶段性工作目标: | 第一季度:……。 第四季度:……。 |

become "135.统筹违法建设治理与城市更新。", "牵头单位：市城市管理综合执法局", "年度阶段性工作目标：第一季度……":
the task's own line, then its label lines, as a plan with label lines writes them.

A record copied one cell per line, each label alone on its line above its value
("具体任务" / "全面落实……。" / "责任单位" / "卫健局、文旅局" / "完成时限" / "1月底前完成"), becomes the
same: the task's line (an unnumbered task, layout.RECORD, when its value has no number), then "label：value".
"""

from __future__ import annotations

import re

from scheduler.importer.columns import DETAIL, MEASURE, column_name
from scheduler.importer.layout import RECORD
from scheduler.importer.vocab import LABELS

_FIELD = re.compile(r"^([\u4e00-\u9fff、\s]{2,24}?)\s*[:：]\s*\|\s*(.*?)\s*\|?\s*$")
_TASK_WORDS = frozenset(("重点工作", "重点任务", "工作任务", "主要任务", "任务", "工作事项", "事项", "工作内容",
                         "具体任务"))
_TASK_LABEL = re.compile(rf"^(?:{'|'.join(_TASK_WORDS)})$")
_NUMBERED = re.compile(r"^\d{1,3}[.．、]")
_COLUMNS = frozenset(DETAIL + MEASURE)  # a table's text column: "主要内容", "具体措施" (round 57)
# a label alone on its line: a task label or a unit/deadline label of the plan's vocabulary (no colon)
_BARE_LABEL = re.compile("^(?:" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")$")


def record_lines(lines: list[str]) -> list[str]:
    """The lines with record fields rewritten; other documents are returned as they are."""
    if sum(bool(_FIELD.match(ln)) for ln in lines) < 2:
        return _vertical(lines)
    out: list[str] = []
    open_value = False  # a field's value goes on below its label's line, until a line closing it with "|"
    for ln in lines:
        if m := _FIELD.match(ln):
            label, value = m[1].replace(" ", ""), m[2]
            out.append(value if _TASK_LABEL.match(label) and _NUMBERED.match(value) else f"{label}：{value}")
            open_value = not ln.endswith("|")
        elif open_value and ln.endswith("|") and ln.count("|") == 1:
            out.append(ln[:-1].rstrip())  # a field's value on its own line: "已完成。…… |"
            open_value = False
        else:  # (a table's cells closed by rules, "工作任务 |", below a page's info bar, stay as they are)
            out.append(ln)
    return out


def _vertical(lines: list[str]) -> list[str]:
    """Records one cell per line: a task label alone on its line, its value below, then unit labels
    each above its value. Other documents (a table's header "工作任务" / "责任单位" / … with its rows
    below, labels without values) are returned as they are."""
    if _TASK_WORDS.isdisjoint(lines):  # no task label alone on a line (a set test: 10 MB texts pass here)
        return lines
    values = [i for i in range(len(lines) - 1) if _is_label(lines[i]) and _is_value(lines[i + 1])]
    tasks = [i for i in values if _TASK_LABEL.match(lines[i])]
    if not tasks or not any(i > tasks[0] and _BARE_LABEL.match(lines[i]) for i in values):
        return lines
    out, skip = [], set()
    for i, ln in enumerate(lines):
        if i in skip:
            continue
        if i in values:
            value = lines[i + 1]
            task = _TASK_LABEL.match(ln)
            out.append((value if _NUMBERED.match(value) else RECORD + value) if task else f"{ln}：{value}")
            skip.add(i + 1)
        elif not _is_label(ln):
            out.append(ln)
    return out


def _is_label(line: str) -> bool:
    return bool(_TASK_LABEL.match(line) or _BARE_LABEL.match(line))


def _is_value(line: str) -> bool:  # a column's name ("任务" / "主要内容" / "责任单位": a header) is no value
    return bool(line) and not _is_label(line) and "|" not in line and column_name(line) not in _COLUMNS
