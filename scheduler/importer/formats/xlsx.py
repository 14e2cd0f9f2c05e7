""".xlsx task tables: every sheet, merged ranges carried into every cell they cover."""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path

from scheduler.importer.formats.blocks import Block, FormatError, grid

MAX_ROWS, MAX_COLS = 20_000, 60


def read_xlsx(path: Path) -> list[Block]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns in English about parts it drops (data-validation and conditional-format
            # extensions, drawings, odd defined names): common in real Excel/WPS files, nothing a
            # task table needs, and nothing a coordinator should read on the terminal
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(str(path), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as err:
        raise FormatError(f"{path}：Excel 文件已损坏或不完整，无法打开（{type(err).__name__}）；"
                          "请在 Excel/WPS 中打开后重新保存为 .xlsx") from None
    except Exception as err:  # lxml syntax errors of a damaged part
        raise FormatError(f"{path}：Excel 文件内容无法解析（{type(err).__name__}）") from None
    blocks: list[Block] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        last = min(sheet.max_row, MAX_ROWS)
        rows = [[_text(v) for v in r[:MAX_COLS]] for r in sheet.iter_rows(max_row=last, values_only=True)]
        for merged in sheet.merged_cells.ranges:
            value = _text(sheet.cell(merged.min_row, merged.min_col).value)
            for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                for c in range(merged.min_col, min(merged.max_col, MAX_COLS) + 1):
                    row = rows[r - 1]
                    row += [""] * (c - len(row))
                    row[c - 1] = value
        while rows and not any(rows[-1]):
            rows.pop()
        if rows:
            blocks.append(grid(rows))
    return blocks


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
