"""A task table's header that takes two rows: "责任单位" over "牵头单位 | 配合单位".

Tables of 分工方案 often group their unit columns under one heading cell spanning them, with the
columns' own names in a second header row; the other heading cells (序号, 重点任务, 完成时限) span
both rows. Once merged cells are expanded into the grid (every position holds the text of the cell
that covers it), the second row repeats the first wherever a cell spans both rows and names the
columns under the spanning heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scheduler.importer.formats.wrapped_header import continues

Kind = Callable[[str], "str | None"]


def stacked(rows: Sequence[Sequence[str]], head: int, kind: Kind) -> tuple[list[str], int]:
    """The column names of the header at rows[head] and the index of its last row: the next row
    continues the header when every cell of it either repeats the cell above (a cell spanning both
    rows), is blank (a sheet whose author merged nothing downwards) or is a known column name under a
    heading spanning several columns."""
    names: list[str] = []
    for cell in rows[head]:  # a heading exported with only its first cell (CSV, an unmerged sheet) spans the blanks
        names.append(cell if cell.strip() or not names else names[-1])
    if head + 1 >= len(rows):
        return list(rows[head]), head
    below = list(rows[head + 1]) + [""] * (len(names) - len(rows[head + 1]))
    changed = [i for i, (up, down) in enumerate(zip(names, below, strict=False))
               if up.strip() != down.strip() and down.strip()]  # a blank under a heading: not merged
    if not changed or len(changed) == len(names):
        return list(rows[head]), head
    goes_on = {i for i in changed if not _spans(names, i) and continues(names[i], below[i], kind)}  # "项目" / "名称"
    for i in changed:
        if i not in goes_on and (kind(below[i].strip()) is None or not _spans(names, i)):
            return list(rows[head]), head  # a data row, or a name under a heading of one column
    return [name + below[i].strip() if i in goes_on else below[i] if i in changed and below[i].strip() else name
            for i, name in enumerate(names)], head + 1


def _spans(names: Sequence[str], i: int) -> bool:
    """The header cell at column i spans its neighbour (its text stands in both positions)."""
    here = names[i].strip()
    return bool(here) and ((i > 0 and names[i - 1].strip() == here)
                           or (i + 1 < len(names) and names[i + 1].strip() == here))
