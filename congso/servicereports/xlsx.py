"""Shared layout of the Excel files: a title block, two-level headings, borders, sheet names."""

import re

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "0.00"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
BOLD = Font(bold=True)
# Excel refuses these in a sheet name, and names longer than 31 characters.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(agency, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", agency.name).strip()[:31] or agency.identifier[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def title_rows(sheet, agency_name: str, title: str, subtitle: str, width: int) -> int:
    """Agency, title and period across the table's width; returns the next free row."""
    for row, (text, font) in enumerate(
        ((agency_name.upper(), BOLD), (title, Font(bold=True, size=14)), (subtitle, None)),
        start=1,
    ):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = sheet.cell(row=row, column=1, value=text)
        cell.alignment = CENTRE
        if font:
            cell.font = font
    return 5


def header_cells(sheet, row: int, columns) -> int:
    """columns: (heading, sub-heading or "", width). Consecutive columns with one heading and
    sub-headings share a merged heading cell; the rest span both heading rows."""
    col = 1
    while col <= len(columns):
        heading, sub, width = columns[col - 1]
        sheet.column_dimensions[get_column_letter(col)].width = width
        if sub:
            span = col
            while span < len(columns) and columns[span][0] == heading and columns[span][1]:
                span += 1
            sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=span)
            sheet.cell(row=row, column=col, value=heading)
            for c in range(col, span + 1):
                sheet.column_dimensions[get_column_letter(c)].width = columns[c - 1][2]
                sheet.cell(row=row + 1, column=c, value=columns[c - 1][1])
            col = span + 1
        else:
            sheet.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            sheet.cell(row=row, column=col, value=heading)
            col += 1
    for r in (row, row + 1):
        for c in range(1, len(columns) + 1):
            cell = sheet.cell(row=r, column=c)
            cell.font, cell.alignment, cell.border = BOLD, CENTRE, BOX
    # The column numbers under the headings, as printed registers have them.
    for c in range(1, len(columns) + 1):
        cell = sheet.cell(row=row + 2, column=c, value=f"({c})")
        cell.alignment, cell.border = CENTRE, BOX
    return row + 3


def bordered(sheet, first: int, last: int, width: int) -> None:
    for r in range(first, last + 1):
        for c in range(1, width + 1):
            cell = sheet.cell(row=r, column=c)
            cell.border = BOX
            if cell.alignment is None or not cell.alignment.wrap_text:
                cell.alignment = WRAP
