"""Two more table plans of issue #13 round 15, written after the round's rules and measured once.

    python tests/import_heldout/make_tables2.py [OUTDIR]     # default: this folder (needs `soffice`)

- `ministry_measures.docx`: a ministry's 任务分工 whose 重点任务 cells are merged down (w:vMerge) over their
  具体措施 rows ("1.编制……。"), a two-row header "责任单位" over "牵头司局 | 配合司局", and a "时间进度" column;
- `district_ledger.pdf`: a district's 为民办实事 督办台账 made in a spreadsheet (ruled cells, a title row, categories
  "一"/"二" in the 序号 column with their names beside, numeric dates "2024.8.31", "2024.10") and printed to PDF by
  LibreOffice Calc.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.import_heldout.make_tables import (
    HERE,
    _cell_text,
    _document_with_table,
    _repeat_header,
    _widths,
    docx_to_pdf,
)

MINISTRY_HEAD = ["交通运输部办公厅关于印发2024年交通运输政务服务重点任务分工的通知", "交办政函〔2024〕15号",
                 "部内各单位：", "现将2024年交通运输政务服务重点任务分工印发给你们，请认真抓好落实。",
                 "交通运输部办公厅", "2024年3月18日"]
# 序号, 重点任务 (None: merged with the cell above), 具体措施, 牵头司局, 配合司局, 时间进度
MEASURES: list[tuple[str | None, ...]] = [
    ("1", "深化政务服务标准化", "1.编制部本级政务服务事项清单。逐项明确受理条件、办理流程和办理时限。", "法制司",
     "综合规划司、运输服务司", "2024年6月"),
    ("2", None, "2.统一行政许可申请材料。", "法制司", "各业务司局", "2024年9月"),
    ("3", None, "3.推行许可事项电子证照。", "科技司", "法制司", "2024年12月"),
    ("4", "提升网上办事能力", "4.升级部政务服务平台。实现高频事项全程网办。", "科技司", "部信息中心", "2024年10月"),
    ("5", None, "5.开展“好差评”数据分析。", "法制司", "部信息中心", "每季度"),
    ("6", "加强督查考核", "6.将政务服务工作纳入年度绩效考核。", "人事教育司", "法制司", "2024年底"),
]


def ministry_docx(path: Path) -> None:
    document, table = _document_with_table(MINISTRY_HEAD, 2 + len(MEASURES), 6, 11)
    for col, name in ((0, "序号"), (1, "重点任务"), (2, "具体措施"), (5, "时间进度")):
        _cell_text(table.cell(0, col).merge(table.cell(1, col)), name)
    _cell_text(table.cell(0, 3).merge(table.cell(0, 4)), "责任单位")
    _cell_text(table.cell(1, 3), "牵头司局")
    _cell_text(table.cell(1, 4), "配合司局")
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])
    for r, row in enumerate(MEASURES, 2):
        for c, text in enumerate(row):
            if text is None:
                top = r - 1
                while MEASURES[top - 2][c] is None:
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))
                _cell_text(table.cell(top, c), str(MEASURES[top - 2][c]))
            else:
                _cell_text(table.cell(r, c), text)
    _widths(table, (1.0, 2.6, 6.0, 2.2, 3.2, 2.0))
    document.save(str(path))


LEDGER: list[tuple[object, ...]] = [
    ("一", "教育医疗"),
    (1, "新建区第三实验小学", "区教育局", "区住房城乡建设局、区自然资源分局", "2024.8.31", ""),
    (2, "改造提升社区卫生服务中心5家", "区卫生健康局", "各街道办事处", "2024.10", "已完成3家"),
    ("二", "城市管理"),
    (3, "新增公共停车泊位2000个", "区城管局", "区公安分局\n区住房城乡建设局", "2024年底", ""),
    (4, "完成老旧小区改造12个", "区住房城乡建设局", "各街道办事处", "2024.11.30", ""),
    (5, "建设口袋公园8个", "区城管局", "区自然资源分局", "2024年9月底前", "选址已确定"),
    ("三", "民生保障"),
    (6, "新增普惠托位300个", "区卫生健康局", "区民政局", datetime(2024, 6, 30), ""),
    (7, "开展老年人助餐服务", "区民政局", "各街道办事处", "长期坚持", ""),
    (8, "建设零工市场1个", "区人力资源社会保障局", "区总工会", "2024.12", ""),
]


def district_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某区2024年为民办实事项目督办台账"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "备注"])
    for row in LEDGER:
        sheet.append(list(row))
    thin = Side(style="thin")
    for cells in sheet.iter_rows(min_row=2, max_row=sheet.max_row, max_col=6):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy\"年\"m\"月\"d\"日\""
    for r in range(3, sheet.max_row + 1):  # as a sheet typed in Excel keeps them: rows tall enough for wrapped text
        sheet.row_dimensions[r].height = 36
    for col, width in zip("ABCDEF", (6, 30, 16, 24, 14, 12), strict=True):
        sheet.column_dimensions[col].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    if (fit := sheet.sheet_properties.pageSetUpPr) is not None:
        fit.fitToPage = True
    book.save(str(path))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ministry_docx(out / "ministry_measures.docx")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "district_ledger.xlsx"
        district_xlsx(source)
        docx_to_pdf(source, out / "district_ledger.pdf")  # LibreOffice converts a sheet too


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
