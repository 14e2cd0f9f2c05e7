"""A phase section that is one paragraph is the plan's schedule, not a step (issue #13 round 51).

"二、时间安排 即日起至2018年3月31日。" between "一、目标任务" and "三、工作要求" gives the time of the whole
campaign; it names no work of its own. Such a section, read as one item whose title is the phase
heading itself, is no task when nothing assigns it. The steps of a phase section ("（一）动员部署阶段
（3月）。……") keep their own titles and stay tasks (sections.py).
"""

from __future__ import annotations

import re

# the heading alone, up to 4 characters before it ("工作时间安排"); the draft's titles are folded to
# simplified characters here (traditional.py), so "時間安排" is read as "时间安排"
_SCHEDULE = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:实施步骤|工作步骤|步骤安排|进度安排|时间安排|工作进度"
                       r"|实施阶段|阶段安排|推进步骤|时间步骤|实施时间|工作时间)$")


def schedule_only(title: str) -> bool:
    """Whether a title is a phase heading and nothing else ("时间安排", "实施步骤")."""
    return bool(_SCHEDULE.match(title.strip().rstrip("。.：:")))
