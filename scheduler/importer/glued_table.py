"""A task table whose cells a web page ran together without any separator (issue #13 round 66: a
court's 工作要点任务分解表, the units of its own divisions):

    序号任务名称任务内容牵头部门配合部门工作落实情况(每季度填报一次)
    1持续加强科学理论武装1.强化……。
    2.坚持……。
    政治处各部门
    2牢牢坚持……1.严格执行……。

The header is a line made only of column names ("序号" first, a text column and a units column among
them, a remark in brackets allowed after a name). A row opens with its number (1, 2, 3 … in turn) run
into its first text cell; with two text columns the first ("任务名称") ends where the second's
numbered points begin ("1."). The row's lines run on to a line holding only its units, one name or
list per units column run together ("政治处各部门": 政治处 | 各部门). Such a table is written out
" | "-separated, as the table reader reads it; a row whose units line is not found is left as it is.
"""

from __future__ import annotations

import re

from scheduler.importer.vocab import GENERIC, is_unit_name

_UNIT_COL = r"(?:牵头|责任|配合|协办|主办|协同|参与|主责|承办)(?:单位|部门|科室|处室|司局|股室|庭室)"
_TEXT_COL = r"(?:任务|工作|重点|具体|主要)?(?:名称|内容|任务|措施|事项|举措)"
_TIME_COL = r"(?:完成|时间|时限)(?:时限|时间|期限|节点|要求)"
_OTHER_COL = r"(?:工作)?(?:落实|完成|进展)情况|备注"
_REMARK = r"(?:[(（][^()（）]{1,20}[)）])?"
_CELL = re.compile(rf"({_UNIT_COL}|{_TEXT_COL}|{_TIME_COL}|{_OTHER_COL}){_REMARK}")
_ROW = re.compile(r"(\d{1,3})(?=[\u4e00-\u9fff“])(.+)")
_POINT = re.compile(r"(?<![\d.])1[.．、](?!\d)")  # the first numbered point of a detail cell
_SEP = "、"


def glued_table(lines: list[str]) -> list[str]:
    """The lines with each glued table written out " | "-separated."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        columns = _header(lines[i])
        rows, end = _rows(lines, i + 1, columns) if columns else ([], i + 1)
        if columns and rows:
            out += [" | ".join(columns), *rows]
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def _header(line: str) -> list[str] | None:
    if not line.startswith("序号") or " " in line or len(line) > 60:
        return None
    rest, cells = line[2:], ["序号"]
    while rest:
        m = _CELL.match(rest)
        if not m:
            return None
        cells.append(m[1])
        rest = rest[m.end():]
    kinds = [_kind(c) for c in cells]
    if "units" not in kinds or "text" not in kinds or len(cells) < 4:
        return None
    return cells


def _kind(cell: str) -> str:
    if re.fullmatch(_UNIT_COL, cell):
        return "units"
    if re.fullmatch(_TEXT_COL, cell):
        return "text"
    return "number" if cell == "序号" else "other"


def _rows(lines: list[str], i: int, columns: list[str]) -> tuple[list[str], int]:
    """The table's rows written out, and the index after the last line read."""
    kinds = [_kind(c) for c in columns]
    texts, units = kinds.count("text"), kinds.count("units")
    rows: list[str] = []
    while i < len(lines) and (m := _ROW.fullmatch(lines[i])) and int(m[1]) == len(rows) + 1:
        body, j, cells = [m[2]], i + 1, None
        while j < len(lines) and not _ROW.fullmatch(lines[j]):
            if (cells := _units(lines[j], units)) is not None:
                break
            body.append(lines[j])
            j += 1
        if cells is None:
            break
        rows.append(_row(m[1], " ".join(body), texts, cells, kinds))
        i = j + 1
    return rows, i


def _row(number: str, text: str, texts: int, units: list[str], kinds: list[str]) -> str:
    first, detail = text, ""
    if texts == 2 and (point := _POINT.search(text)) and point.start() > 0:
        first, detail = text[:point.start()], text[point.start():]
    values = {"text": iter([first, detail][:texts]), "units": iter(units)}
    cells = [number if k == "number" else next(values[k], "") if k in values else "" for k in kinds]
    return " | ".join(cells).rstrip()  # "… | 各部门 |": an empty last cell


def _units(line: str, columns: int) -> list[str] | None:
    """The units cells run together on `line` ("政治处各部门" → 政治处, 各部门), or None."""
    if not line or len(line) > 40 or re.search(r"[\s。，,；;:：]", line):
        return None
    if columns >= 2:
        for cut in range(len(line) - 3, 2, -1):  # the longest first cell: "市政府办公室各部门"
            left, right = line[:cut], line[cut:]
            if _names(left) and _names(right):
                return [left, right] + [""] * (columns - 2)
    return [line] + [""] * (columns - 1) if _names(line) else None


def _names(cell: str) -> bool:
    return all(len(n) >= 3 and is_unit_name(n) and not GENERIC.search(n) for n in cell.split(_SEP))
