"""The "体系" columns of a department's key-work table: the row's detail (issue #13, round 59).

A provincial department's table of its key tasks, in the style of 浙江's reform ledgers, describes each
task in four "体系" columns before its progress and the division that answers for it:

    序号 | 重大任务 | 目标体系 | 工作体系 | 政策体系 | 进展情况 | 工作计划 | 责任处室

"目标体系" (the targets), "工作体系" (the work), "政策体系" (the policies) and "评价体系" (how the work is
judged) are the row's detail, read after its task (table.py): "目标" and "工作" are title words, so
they were titles beside the task's own, and "政策体系" was a name the vocabulary did not know, which
made the reader give the whole table up.
"""

from __future__ import annotations

import re

SYSTEM = re.compile(r"^(?:目标|工作|政策|评价)体系$")  # a column name as columns.column_name gives it
