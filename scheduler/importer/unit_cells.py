"""A target table copied one cell per line without a 序号 column (issue #13 round 44): a 妇儿工委's
目标责任分解书 "领域 / 主要目标 / 主要责任单位 / 责任单位" runs "1.妇女……服务。" / "——分目标……" / "省卫生厅" /
"省发改委" / … / "2.……". The cells after a numbered target that are names, one to a line, are its
units: both unit columns are responsible ones (as "主要负责部门：" is), so the columns need no telling
apart; each run of them becomes a "责任单位：" line of the target (a target whose sub-targets have
units of their own gets them all, in order, as an item with several brackets does)."""

from __future__ import annotations

import re

from scheduler.importer.vocab import MASS_ORGS, is_unit_name

_RESPONSIBLE = re.compile(r"(?:主要)?(?:责任|負責|负责|責任)(?:单位|單位|部门|部門)")
_OTHER_ROLE = re.compile(r"牵头|牽頭|配合|协办|協辦|参与|參與|协同|協同|序号|序號")
_HEAD_WORD = re.compile(r"(?:主要)?(?:目标|目標|任务|任務|领域|領域|内容|內容)")
_NUMBERED = re.compile(r"^\d{1,2}[.．、](?!\d)")
_CELL = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()]{1,19}$")  # a name alone on its line: no stop, comma or digit
# a cell that may end a run: a unit's name, a mass organisation's ("省妇联", "省科协") or a province's or city's body
# ("省新闻出版"); a 领域 cell after the last unit ("妇女与教育") is the next row's, not a unit
_ORG_END = re.compile(f"(?:{MASS_ORGS[1:]})$")


def unit_cells(lines: list[str]) -> list[str]:
    start = _header_end(lines)
    if start is None:
        return lines
    out = lines[:start]
    run: list[str] = []
    in_item = False
    for ln in lines[start:]:
        if in_item and _CELL.match(ln) and not _NUMBERED.match(ln):
            run.append(ln)
            continue
        if run and not ln:
            continue  # a blank line between two cells (a web copy's paragraphs)
        out += _flush(run)
        run = []
        if ln:
            in_item = in_item or bool(_NUMBERED.match(ln))
        out.append(ln)
    return out + _flush(run)


def _flush(run: list[str]) -> list[str]:
    if not any(is_unit_name(name) for name in run):
        return run  # short lines, none a unit's name: text
    end = max(i for i, name in enumerate(run) if _may_end(name)) + 1
    return ["责任单位：" + "、".join(run[:end]), *run[end:]]


def _may_end(name: str) -> bool:
    return is_unit_name(name) or bool(_ORG_END.search(name)) or name[0] in "省市县区"


def _header_end(lines: list[str]) -> int | None:
    """Where the rows start: after a header of standalone cells naming a target column and only
    responsible unit columns, before the first numbered target, with two targets after it."""
    first = next((i for i, ln in enumerate(lines) if _NUMBERED.match(ln)), None)
    if first is None:
        return None
    head = [ln for ln in lines[max(0, first - 12):first] if ln]
    units = [ln for ln in head if _RESPONSIBLE.fullmatch(ln)]
    if not units or not any(_HEAD_WORD.fullmatch(ln) for ln in head) or any(_OTHER_ROLE.search(ln) for ln in head):
        return None
    if sum(bool(_NUMBERED.match(ln)) for ln in lines[first:]) < 2:
        return None
    return first
