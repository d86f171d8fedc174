"""The periodic report on one-stop results (báo cáo tình hình, kết quả giải quyết TTHC) as Excel.

One sheet per agency (indicator, value) and a first sheet "Tổng hợp" with a row per agency and
the total row. Every value is a number cell taken from figures.report_figures — the totals are
the whole selection's figures (values, not formulas, so a reader that does not compute formulas
sees them too), and the test proves they equal figures() and the sum of the agency rows.
"""

import datetime as dt
import io

from openpyxl import Workbook

from congso.core.text import format_datetime
from congso.servicereports.figures import ROWS, report_figures
from congso.servicereports.xlsx import (
    BOLD,
    BOX,
    CENTRE,
    DECIMAL_FORMAT,
    INTEGER_FORMAT,
    WRAP,
    header_cells,
    sheet_title,
    title_rows,
)
from congso.servicestats.periods import Period

TOTAL_SHEET = "Tổng hợp"
TOTAL_LABEL = "Tổng cộng"


def _label(row) -> str:
    return f"— {row.label}" if row.level else row.label


def _number_format(row) -> str:
    return INTEGER_FORMAT if row.kind == "count" else DECIMAL_FORMAT


def workbook(agencies, period: Period, now: dt.datetime | None = None) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = TOTAL_SHEET
    per_agency = {a.pk: report_figures([a.pk], period, now) for a in agencies}
    total = report_figures([a.pk for a in agencies], period, now)
    made = f"Lập lúc {format_datetime(now)}" if now else ""

    columns = [("STT", "", 6), ("Cơ quan", "", 36)] + [
        (_label(row), "", 14 if row.kind == "count" else 16) for row in ROWS
    ]
    heading = f"{period.label}. {made}".strip(". ")
    row = title_rows(
        summary,
        "Tổng hợp các cơ quan",
        "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        heading,
        len(columns),
    )
    row = header_cells(summary, row, columns)
    used = {TOTAL_SHEET.lower()}
    for n, agency in enumerate(agencies, start=1):
        _table_row(summary, row, n, agency.name, per_agency[agency.pk])
        row += 1
    _table_row(summary, row, "", TOTAL_LABEL, total, bold=True)
    summary.freeze_panes = summary.cell(row=8, column=3)

    for agency in agencies:
        sheet = book.create_sheet(sheet_title(agency, used))
        _agency_sheet(sheet, agency, period, per_agency[agency.pk], heading)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table_row(sheet, row: int, n, name: str, values: dict, bold: bool = False) -> None:
    cells = [sheet.cell(row=row, column=1, value=n), sheet.cell(row=row, column=2, value=name)]
    for col, item in enumerate(ROWS, start=3):
        cell = sheet.cell(row=row, column=col, value=values.get(item.key))
        cell.number_format = _number_format(item)
        cells.append(cell)
    for cell in cells:
        cell.border = BOX
        if bold:
            cell.font = BOLD
    cells[1].alignment = WRAP


def _agency_sheet(sheet, agency, period: Period, values: dict, heading: str) -> None:
    columns = (("STT", "", 6), ("Chỉ tiêu", "", 52), ("Số liệu", "", 16))
    row = title_rows(
        sheet,
        agency.name,
        "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        heading,
        len(columns),
    )
    row = header_cells(sheet, row, columns)
    n = 0
    for item in ROWS:
        if not item.level:
            n += 1
        number = sheet.cell(row=row, column=1, value=None if item.level else n)
        label = sheet.cell(row=row, column=2, value=_label(item))
        value = sheet.cell(row=row, column=3, value=values.get(item.key))
        value.number_format = _number_format(item)
        for cell in (number, label, value):
            cell.border = BOX
        number.alignment, label.alignment = CENTRE, WRAP
        if not item.level:
            label.font = BOLD
        row += 1
