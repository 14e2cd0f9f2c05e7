"""Which numbered items are tasks, from the kind of section they stand in.

- 总体要求/指导思想/发展目标 … (the preamble): its items explain; "到2025年" there is a goal, not a
  deadline. They are tasks only when a clause assigns them units.
- 工作任务/主要任务/试点任务/重点任务 (a task section): every numbered item is a task.
- 实施步骤/工作进度/进度安排/时间安排 (phases): every step is a task.
- 保障措施/组织实施/工作要求 (support): its items are tasks when they name units in a clause or a
  deadline, as in any plan that assigns by clauses.
- Any other section: in a plan that closes its items with assignment clauses, an item with
  neither units nor a deadline is prose (保障措施); in a plan that writes its units inside the
  sentences ("各地区、各部门要……"), every item is a task.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scheduler.importer.schedule_heading import schedule_only
from scheduler.importer.subjects import assigns_work, subject_units

if TYPE_CHECKING:
    from scheduler.importer.draft import Draft, DraftTask

PREAMBLE, TASKS, PHASES, SUPPORT, OTHER = "preamble", "tasks", "phases", "support", "other"
NOTICE = "notice"  # the requirements of a covering notice whose plan is not in the text

_PHASE = re.compile(r"实施步骤|工作步骤|步骤安排|进度安排|时间安排|工作进度|实施阶段|阶段安排|推进步骤")
_TASKS = re.compile(r"^(?:[\u4e00-\u9fff]{0,6})(?:工作任务|主要任务|试点任务|重点任务|重点工作|主要工作|具体任务)$"
                    r"|^(?:重点)?任务(?:分工|分解|清单)表?$")
_PREAMBLE = re.compile(
    r"^(?:总体要求|總體要求|总体安排|總體安排|指导思想|指導思想|基本原则|基本原則|发展目标|主要目标|工作目标|总体目标"
    r"|目标任务|总体思路|重要意义|重大意义|总体要求和主要目标|总体要求与目标|主要工作目标|主要目標|分工原则|分工原則|分解原则|分解原則"
    r"|總體目標|發展目標|主要目標|工作目標|目標任務|總體思路|目标要求|目標要求|领导责任|領導責任)$|重要意义$|重大意义$")
_SUPPORT = re.compile(  # "五、强化保障措施", "抓好组织实施": a verb of up to 4 characters before ("强化组织领导" is
    # no support heading: a notice's "一、强化组织领导。各地区要……" is a task, tests/test_import_rules3.py)
    r"^(?:[\u4e00-\u9fff]{0,4}(?:保障措施|保障機制|保障机制|組織保障|组织保障|组织实施|工作保障|实施保障|組織實施)"
    r"|工作要求|保障措施和工作要求)$")
# items that state aims, not work: "（二）发展目标。", "（五）试点范围。"
PROSE_TITLE = re.compile(
    r"^(?:指导思想|基本原则|发展目标|主要目标|工作目标|总体目标|目标任务|总体思路|重大意义|重要意义|试点目标|试点范围"
    r"|適用範圍|适用范围|工作原则|分工原则|分解原则)$")


# "一、报告内容：工业、对外开放、科技……": what a report covers, a definition, not work
_DEFINITION = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:内容|內容|范围|範圍|对象|對象)[:：]")


# a report's findings: "一、城市节水和污水再生利用情况。近5年来，……" (what was done, what is wrong),
# "二、地质险情成因分析"; "三、处理情况。X已委托……" reports work done: no modal word assigns it
_FINDINGS = re.compile(r"(?:情况|情況|分析)$")


def section_kind(heading: str) -> str:
    text = heading.strip().rstrip("。.：:")
    if _PHASE.search(text):
        return PHASES
    if _TASKS.match(text):
        return TASKS
    if _PREAMBLE.search(text):
        return PREAMBLE
    if _SUPPORT.match(text):
        return SUPPORT
    return OTHER


# "现将《X方案》印发给你们，并就有关事项通知如下": the numbered items that follow are the notice's own
_HANDS_OUT = re.compile(r"(?:印发|印發|转发|轉發)(?:给|給)?(?:你们|你們)[，,]?\s*(?:并|並)就[^。]{0,30}?通知如下")


def covering_notice(draft: Draft, text: str = "") -> None:
    """Items before the first signature (a date line, "（此件公开发布）"), when the plan's own items
    follow it, are the covering notice's requirements ("一、各责任单位要……于1月15日前报送"):
    like a preamble's, they are tasks only when a clause assigns them units. When nothing follows
    the signature of a notice that hands out a plan ("现将《…》印发给你们，并就……通知如下"), the
    plan is not in the text: its requirements are no tasks, and the draft has none."""
    signed = draft.signed_at
    if signed is not None and signed == len(draft.tasks) and _HANDS_OUT.search(text) \
            and all(t.assignment.empty() for t in draft.tasks):
        for task in draft.tasks:
            task.section = NOTICE
        return
    if signed is None or not 0 < signed < len(draft.tasks):
        return
    before, after = draft.tasks[:signed], draft.tasks[signed:]
    if all(t.assignment.empty() for t in before) and any(not t.assignment.empty() for t in after):
        for task in before:
            task.section = PREAMBLE


def select_tasks(draft: Draft) -> None:
    """Keep the items that are tasks; the others are listed in the draft's header."""
    counted = [t for t in draft.tasks if t.section not in (PREAMBLE, NOTICE)]
    explicit = sum(not t.assignment.empty() for t in counted)
    in_sentences = explicit * 3 < len(counted)

    def keep(t: DraftTask) -> bool:
        if not t.assignment.empty():
            return True
        if t.section in (PREAMBLE, NOTICE) or PROSE_TITLE.match(t.title):
            return False
        if t.section == PHASES and schedule_only(t.title):
            return False  # "二、时间安排 即日起至3月31日。": the whole plan's time, no step of it
        if _DEFINITION.match(t.title) and not (t.deadlines or t.ongoing):
            return False
        if t.section == OTHER and _FINDINGS.search(t.title) and not (t.deadlines or t.ongoing) \
                and not assigns_work(t.detail):
            return False  # findings that assign nothing
        if t.section in (TASKS, PHASES) or (in_sentences and t.section != SUPPORT):
            return True
        if t.section == OTHER and not subject_units(f"{t.title}。{t.detail}").empty():
            return True  # "（五）…。生态环境部、水利部要……": units as subjects, in a plan of clauses
        return bool(t.deadlines or t.ongoing)

    kept = [t for t in draft.tasks if keep(t)]
    if kept:
        draft.skipped = [f"{t.number}（第{t.line}行）" for t in draft.tasks if not keep(t)]
        draft.tasks = kept
    else:  # no item is surely a task: keep them all as a draft, but never a notice's or "（一）指导思想。"
        draft.tasks = [t for t in draft.tasks if t.section != NOTICE and not PROSE_TITLE.match(t.title)]
    for task in draft.tasks:  # a kept draft's items too: "1.…目标…。由A、B负责落实。" (round 33)
        if task.assignment.empty():  # "科技部、财政部要……": units written as the subjects
            found = subject_units(f"{task.title}。{task.detail}")
            task.assignment.lead, task.assignment.responsible = found.lead, found.responsible
            task.assignment.cooperating = found.cooperating
