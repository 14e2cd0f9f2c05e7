"""Which column of a file's task table holds the task, when its header does not say it plainly.

The text of the tables in .docx/.xlsx/.pdf/.html files (formats/tables.py) is read by column kind.
Three headers of real plans name their text columns in ways the kinds alone miss:

- levels: "工作要求 | 一级要点 | 二级要点 | 责任科室" — the deepest level is the task, the level above it
  its parent, anything above that a category;
- a text heading spanning several columns: "具体要求" over "一、围绕… | 1 | 紧扣民生领域…" — the last
  spanned column holds the text, a column of numbers among them is the 序号, and a text column before
  it is the parent (when the table names no other);
- a detail next to a task: "工作任务 | 具体要求 | 责任部门" — the detail (具体要求, 细化分工, 目标要求)
  is the task and the 工作任务 cell over it its parent, as a 措施 column is (see the text reader's
  table.py for the same words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scheduler.importer import columns as col
from scheduler.importer.columns import column_name, words
from scheduler.importer.formats.item_columns import refine_items
from scheduler.importer.formats.name_columns import refine_names

_LEVEL = re.compile(r"^(?:[一二三四五六七八九]|[1-9])级")  # "一级要点", "二级指标"
_DETAIL = re.compile(words(col.DETAIL))
_TEXT = ("task", "measure")


def refine(kinds: dict[int, str], header: Sequence[str], body: Sequence[Sequence[str]]) -> dict[int, str]:
    """The column kinds with the text columns of the three headers above set right."""
    kinds = dict(kinds)
    if _levels(kinds, header):
        return kinds
    refine_names(kinds, header, body)  # "名称 | 工作任务", "项目名称 | 建设内容"
    _spanned(kinds, header, body)
    _detail(kinds, header)
    refine_items(kinds, header, body)  # numbered items over their detail, 备注 as the deadline
    return kinds


def _levels(kinds: dict[int, str], header: Sequence[str]) -> bool:
    names = [column_name(h) for h in header]
    levels = [i for i, n in enumerate(names) if _LEVEL.match(n) and (i == 0 or names[i - 1] != n)]
    if len(levels) < 2:
        return False
    for i, kind in list(kinds.items()):
        if kind in (*_TEXT, "category") and i < levels[0]:
            kinds[i] = "category"
    for i in levels[:-2]:
        kinds[i] = "category"
    kinds[levels[-2]], kinds[levels[-1]] = "task", "measure"
    return True


def _spanned(kinds: dict[int, str], header: Sequence[str], body: Sequence[Sequence[str]]) -> None:
    """A text heading over several columns: its text is in the last of them."""
    for first, cell in enumerate(header):
        kind, name = kinds.get(first), cell.strip()
        if not name or (first and header[first - 1].strip() == name):
            continue
        if kind not in _TEXT and not (kind is None and _DETAIL.search(column_name(name))):
            continue
        last = first
        while last + 1 < len(header) and header[last + 1].strip() == name and last + 1 not in kinds:
            last += 1
        if last > first:
            _split_span(kinds, first, last, body)
            return


def _split_span(kinds: dict[int, str], first: int, last: int, body: Sequence[Sequence[str]]) -> None:
    if _numbers(body, last) and "number" not in kinds.values() and kinds.get(first) == "task":
        kinds[last] = "number"  # "工作任务" over "分组名 | 1": the text is the group, its 具体要求 the task
        return
    kind = kinds.pop(first, None)
    others = any(k in _TEXT for k in kinds.values())
    text_kind = "measure" if others or kind == "measure" else "task"
    kinds[last] = text_kind
    for i in range(first, last):
        cells = [r[i].strip().rstrip(".．、") for r in body if i < len(r) and r[i].strip()]
        if cells and all(c.isdigit() for c in cells) and "number" not in kinds.values():
            kinds[i] = "number"
        elif cells and not others and text_kind == "measure" and "task" not in kinds.values():
            kinds[i] = "task"
        elif cells and not others and text_kind == "task" and i == first:
            kinds[i], kinds[last] = "task", "measure"


def _numbers(body: Sequence[Sequence[str]], i: int) -> bool:
    cells = [r[i].strip().rstrip(".．、") for r in body if i < len(r) and r[i].strip()]
    return bool(cells) and all(c.isdigit() for c in cells)


def _detail(kinds: dict[int, str], header: Sequence[str]) -> None:
    """"工作任务 | 具体要求": the detail is the task, the 工作任务 its parent."""
    if "measure" in kinds.values() or "task" not in kinds.values():
        return
    seen = {header[i].strip() for i in kinds}
    for i, name in enumerate(header):
        if i not in kinds and name.strip() not in seen and _DETAIL.search(column_name(name)):
            kinds[i] = "measure"
            return


def spanning_title(row: Sequence[str], title: int | None, unit_cols: Sequence[int]) -> str | None:
    """A heading row whose one cell spans the unit columns ("1 | 大力提振消费。" across the table):
    the grid repeats its text in them. Its text, or None for a row of a task."""
    if title is None or not (text := row[title].strip()):
        return None
    units = [row[i].strip() for i in unit_cols if i < len(row)]
    return text if text in units and all(u in ("", text) for u in units) else None


# a space after a unit's name is the space between two issuers ("中共中央办公厅 国务院办公厅"): kept
_CJK = "[\u4e00-\u9fff，。、；：“”,]"
_WRAP = re.compile(rf"(?<={_CJK})(?<![厅部委局办院府署])[ \u3000]+(?={_CJK})")


def unwrapped(text: str) -> str:
    """A text cell without the spaces left where its lines wrapped in the page it was copied from
    ("工作机 制"), as the text reader's table.py reads a cell; not the space between two issuers."""
    return _WRAP.sub("", text)


def detail_kind(header: str) -> str | None:
    """"detail" for a header naming a task's detail ("具 体 要 求", "细化分工"), which with a unit column
    makes a task table's header (the detail then holds the task: see refine)."""
    name = column_name(header)
    return "detail" if 0 < len(name) <= 20 and _DETAIL.search(name) else None


def text_after(rows: Sequence[Sequence[str]]) -> int:
    """Where the rows below a table's last task stop being its rows: a sheet that holds the whole
    notice has the text after the table in rows of one text each ("二、工作要求", "（一）各有关…"), and
    a page printed to PDF its own fields ("索引号: | …") in rows joined to the table's."""
    end = len(rows)
    while end > 0 and (len({c.strip() for c in rows[end - 1] if c.strip()}) <= 1 or _page_field(rows[end - 1])):
        end -= 1
    return end


def _page_field(row: Sequence[str]) -> bool:
    """A row of the page's own fields below the table ("索引号: | … | 成文日期: | …", "填报单位:")."""
    first = next((c.strip() for c in row if c.strip()), "")
    return 0 < len(first) <= 8 and first.endswith((":", "："))


_SEP = re.compile(r"[、，,；;。\s]+")
_BARE = re.compile(r"^(?:管委会|管理委员会|委员会|人民政府|政府|办事处|办公室|中心)")


def joined_wraps(lines: Sequence[str]) -> list[str]:
    """A units cell's lines with the lines that only wrapped a name put back together: a PDF's cell
    breaks "开发区管委会" into "开发区" / "管委会" and "局各股室" into "…局" / "各股室", where a cell of a
    Word file puts each name on a line of its own. A line wrapped a name when it ends inside one (its
    last word is one or two characters long), the next line starts with what ends a name (管委会), or
    its first word is one character ("市政府各部" / "门、各直属机构") or it starts with 等 ("等相关部门")."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if out and line and _wrapped(out[-1], line):
            out[-1] += line
        elif line:
            out.append(line)
    return out


def _wrapped(before: str, after: str) -> bool:
    if _SEP.search(before[-1]):
        return False
    last = _SEP.split(before)[-1]
    return len(last) <= 2 or bool(_BARE.match(after)) or len(_SEP.split(after)[0]) == 1 or after[0] == "等"


def first_rows(rows: Sequence[Sequence[str]], count: int = 6) -> list[int]:
    """The indices of a table's first `count` rows where a header may be, passing over the rows of one
    text before it (a sheet's title, the notice pasted above the table), at most 60 rows in all."""
    out: list[int] = []
    several = 0
    for i, row in enumerate(rows[:60]):
        out.append(i)
        several += _several(row)
        if several >= count:
            break
    return out


def _several(row: Sequence[str]) -> bool:
    return len({c.strip() for c in row if c.strip()}) > 1
