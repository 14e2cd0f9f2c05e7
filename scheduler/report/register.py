"""The 台账 (SPEC §3.5): its columns, as .xlsx (with the 按单位 sheet) and as .csv (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from scheduler.readmodel import Register, Row, State, UnitRow
from scheduler.report import xlsx
from scheduler.report.safe import cell
from scheduler.report.xlsx import Style, Styled

HEADER = ("序号", "任务编号", "文件编号", "任务", "节点", "牵头单位", "责任单位", "配合单位", "时限", "到期日",
          "状态", "剩余工作日", "办结日期", "延期", "最近提醒", "最近反馈")
UNIT_HEADER = ("单位", "牵头", "责任", "配合", "未完成", "临期", "逾期", "已办结", "按期办结")
# bounds of the column widths, in characters (a CJK character counts 2)
_BOUNDS = ((6, 8), (10, 16), (8, 12), (16, 48), (6, 36), (12, 30), (12, 36), (12, 30), (12, 16), (12, 12),
           (12, 12), (12, 12), (12, 12), (12, 12), (20, 44), (20, 44))
_FILL = {State.ON_TRACK: Style.GREEN, State.NEAR: Style.YELLOW, State.OVERDUE: Style.RED}
_SAMPLE = 300  # rows looked at to size the columns


def cells(n: int, row: Row) -> tuple[str | int | date | None, ...]:
    """One row of the 台账, typed: numbers and dates stay numbers and dates."""
    task = row.task
    node = f"{row.milestone}：{row.what}" if row.milestone and row.what else row.milestone
    return (n, task.id, task.number, task.title, node, "、".join(task.lead), "、".join(task.responsible),
            "、".join(task.cooperating), row.written, row.due, row.state.value, row.days, row.done,
            row.extended_from, row.last_reminder, row.last_feedback)


def unit_cells(u: UnitRow) -> tuple[str | int, ...]:
    return (u.unit, u.lead, u.responsible, u.cooperating, u.open, u.near, u.overdue, u.done, u.on_time)


def write_xlsx(register: Register, path: Path | BinaryIO) -> None:
    rows = [cells(n, r) for n, r in enumerate(register.rows, 1)]
    styled = (_styled(values, r.state) for values, r in zip(rows, register.rows, strict=True))
    units = [unit_cells(u) for u in register.units]
    xlsx.write(path, [
        xlsx.Sheet("台账", HEADER, widths(HEADER, rows, _BOUNDS), styled),
        xlsx.Sheet("按单位", UNIT_HEADER, widths(UNIT_HEADER, units, ((16, 30),) + ((8, 10),) * 8), units),
    ])


def _styled(values: tuple[str | int | date | None, ...], state: State) -> tuple[xlsx.Cell, ...]:
    fill = _FILL.get(state)
    if fill is None:
        return values
    return (*values[:10], Styled(values[10], fill), *values[11:])


def widths(header: Sequence[str], rows: Sequence[Sequence[object]],
           bounds: Sequence[tuple[int, int]]) -> list[float]:
    """Wide enough for the header and the first rows' text, within bounds."""
    out = []
    for i, (low, high) in enumerate(bounds):
        seen = [display_width(header[i])] + [display_width(_shown(r[i])) for r in rows[:_SAMPLE]]
        out.append(float(min(high, max(low, max(seen) + 2))))
    return out


def _shown(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_csv(register: Register) -> Iterator[str]:
    """The 台账 as CSV text with a BOM first (Excel and WPS then read UTF-8); dates as ISO dates."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    buf.write("\ufeff")
    writer.writerow(HEADER)
    for n, row in enumerate(register.rows, 1):
        writer.writerow([cell(_shown(v) if isinstance(v, date) else v) for v in cells(n, row)])
        if n % 1000 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
