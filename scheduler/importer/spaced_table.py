"""A task table a page ran into one paragraph, its cells joined by single spaces and its rows
unnumbered (issue #13 round 68: a county's 职责清单 reposted on a forum):

    附件 ……职责清单 工作任务和内容 责任单位 配合单位 完成时间 负责全县……公开曝光.
    县委宣传部 持续开展 负责……考核工作. 县委县政府 督查室 持续开展 负责制定……工作. 县五城办 7月底前制定 扬尘治理方案 …

The header is a run of column names separated by spaces, anywhere in a line but after "序号" (whose
numbered rows keep a cell a column: table.py): a task-text column, then one or more units columns and a
time column. The text after it, on that line and the next
ones, holds the rows. A row's task text ends with a sentence's end before a space; its units cell
follows (a name its cell wrapped keeps a space: "县交通 运输局" is one name, a piece that does not
open with a place goes on the name before it); its time cell opens with a deadline or an ongoing
wording ("持续开展"; "7月底前制定 扬尘治理方案": a short piece after its verb goes on it) and ends
where the next row's text begins. An empty cell leaves no trace: the units go to the first units
column. The page's "." after a Chinese character is its full stop ("。"). The table is written out
" | "-separated, as the table reader reads it; after the last whole row the rest of its line and
the lines below stay as they were.
"""

from __future__ import annotations

import re

from scheduler.importer.assign import is_deadline
from scheduler.importer.vocab import either, is_unit_name

_TEXT_COL = r"(?:工作|重点|主要|具体)?(?:任务|内容|措施|事项|举措)(?:和|及|与)?(?:内容|措施|要求)?"
_UNIT_COL = r"(?:牵头|责任|配合|协办|主办|协同|参与|主责|承办)(?:单位|部门)"
_TIME_COL = r"(?:完成|办结)(?:时间|时限|期限)|时间节点|时限要求"
_HEADER = re.compile(either(rf"(?:^|(?<=\s))({_TEXT_COL})((?: {_UNIT_COL}){{1,3}}) ({_TIME_COL})(?= |$)"))
_STEADY = re.compile(either(r"^(?:持续|长期|常年|常态化)"))
_PUNCT = re.compile(r"[，,、；;：:。.（）()]")
_STOP = re.compile(r"(?<=[\u4e00-\u9fff）)])\.(?=[\u4e00-\u9fff]|$)")  # "……公开曝光." / "……查处.加大……"
_OPEN_VERB = re.compile(r"(?:制定|完成|建成|出台|印发|编制|报送|上报)$")  # a time cell wrapped after its verb
_PLACE = re.compile(either(r"^(?:各|[省市县区州旗乡镇])"))


def spaced_table(lines: list[str]) -> list[str]:
    """The lines with each space-joined task table written out " | "-separated."""
    for i, line in enumerate(lines):
        if (m := _HEADER.search(line)) is None or line[:m.start()].rstrip().endswith(("序号", "序號")):
            continue  # "序号 工作任务 牵头单位 …": numbered rows, one cell a column (the table reader's)
        placed = [(p, k) for k, text in enumerate([line[m.end():], *lines[i + 1:]], i) for p in text.split()]
        rows, used = _rows([p for p, _ in placed], len(m[2].split()))
        if not rows:
            continue
        header = " | ".join([m[1], *m[2].split(), m[3]])
        before = [line[:m.start()].strip()] if line[:m.start()].strip() else []
        rest: list[str] = []
        if used < len(placed):  # the rest of the line the last row ended on, then the lines after it
            k = placed[used][1]
            rest = [" ".join(p for p, at in placed[used:] if at == k), *lines[k + 1:]]
        return [*lines[:i], *before, header, *rows, *spaced_table(rest)]
    return lines


def _rows(pieces: list[str], units: int) -> tuple[list[str], int]:
    """The rows read from the space-separated pieces, and the number of pieces they took."""
    rows: list[str] = []
    i = 0
    while (row := _row(pieces, i)) is not None:
        text, names, time, i = row
        rows.append(" | ".join([text, "、".join(names), *[""] * (units - 1), time]))
    return rows, i


def _row(pieces: list[str], i: int) -> tuple[str, list[str], str, int] | None:
    """(text, units, time, next index) of the row at piece i, or None."""
    if i < len(pieces) and pieces[i].isdigit():
        return None  # a numbered row: not this shape
    j = i
    while j < len(pieces) and not _ends_text(pieces[j]):
        j += 1
    text, j = _STOP.sub("。", " ".join(pieces[i:j + 1])), j + 1
    names: list[str] = []
    while j < len(pieces) and not _time(pieces[j]):
        if _PUNCT.search(pieces[j]) or len(pieces[j]) > 20:
            return None
        if names and not _PLACE.search(pieces[j]):
            names[-1] += pieces[j]  # "县交通 运输局": a name its cell wrapped
        else:
            names.append(pieces[j])
        j += 1
    if j >= len(pieces) or not names or not all(is_unit_name(n) for n in names):
        return None
    time, j = pieces[j], j + 1
    if j < len(pieces) and _OPEN_VERB.search(time) and len(pieces[j]) <= 12 and not _PUNCT.search(pieces[j]):
        time += pieces[j]  # "7月底前制定 扬尘治理方案": one cell, wrapped before the verb's object
        j += 1
    return text, names, time, j


def _ends_text(piece: str) -> bool:
    return piece.endswith(("。", ".")) and len(piece) > 6


def _time(piece: str) -> bool:
    return bool(_STEADY.search(piece)) or is_deadline(piece) or bool(re.match(r"\d{1,4}\s*[年月]", piece))
