"""Sub-items whose sentences open with the unit that does the work (issue #13 round 53): a 统计局's
notice divides a census among departments as "(一)区级部门" / "1.区住建局负责……;主要任务:……;" /
"2.区商务局负责……;" — each sub-item names its own unit as the subject, so the sub-items are the
tasks and the heading above them is only their group (as for titled sub-items, item.names_subjects)."""

from __future__ import annotations

from scheduler.importer.draft import DraftTask
from scheduler.importer.subjects import subject_units


def opens_with_unit(task: DraftTask) -> bool:
    """The title begins with a unit it names as the subject ("区住建局负责……")."""
    found = subject_units(task.title)
    names = found.lead + found.responsible
    return bool(names) and task.title.startswith(names[0])
