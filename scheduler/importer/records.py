"""Tasks published as records: each task a small two-column table, copied as "label: | value |" lines.

    重点工作: | 135.统筹违法建设治理与城市更新。 |
    牵头单位: | 市城市管理综合执法局 |
    年度阶段性工作目标: | 第一季度:……。 第四季度:……。 |

become "135.统筹违法建设治理与城市更新。", "牵头单位：市城市管理综合执法局", "年度阶段性工作目标：第一季度……":
the task's own line, then its label lines, as a plan with label lines writes them.
"""

from __future__ import annotations

import re

_FIELD = re.compile(r"^([\u4e00-\u9fff、\s]{2,24}?)\s*[:：]\s*\|\s*(.*?)\s*\|?\s*$")
_TASK_LABEL = re.compile(r"^(?:重点工作|重点任务|工作任务|主要任务|任务|工作事项|事项|工作内容)$")
_NUMBERED = re.compile(r"^\d{1,3}[.．、]")


def record_lines(lines: list[str]) -> list[str]:
    """The lines with record fields rewritten; other documents are returned as they are."""
    if sum(bool(_FIELD.match(ln)) for ln in lines) < 2:
        return lines
    out: list[str] = []
    for ln in lines:
        if m := _FIELD.match(ln):
            label, value = m[1].replace(" ", ""), m[2]
            out.append(value if _TASK_LABEL.match(label) and _NUMBERED.match(value) else f"{label}：{value}")
        elif ln.endswith("|") and ln.count("|") == 1:
            out.append(ln[:-1].rstrip())  # a field's value on its own line: "已完成。…… |"
        else:
            out.append(ln)
    return out
