"""The monthly report as DOCX (python-docx): Times New Roman 13–14, A4, Decree 30/2020 margins."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from congso.servicereports.monthly import MOTTO, NATIONAL_NAME, ReportDocument

FONT = "Times New Roman"


def _para(container, text="", *, bold=False, italic=False, size=13, align=None, space_after=3):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    paragraph.paragraph_format.space_after = Pt(space_after)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _cell(cell, lines, *, size=13, align=WD_ALIGN_PARAGRAPH.CENTER):
    """lines: (text, bold, italic); the first reuses the cell's empty paragraph."""
    cell.paragraphs[0].text = ""
    for i, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)


def render(report: ReportDocument) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)

    header = document.add_table(rows=1, cols=2)
    left = [(report.governing_body.upper(), False, False)] if report.governing_body else []
    left += [(report.agency_name.upper(), True, False), ("", False, False)]
    left.append((f"Số: {report.number}", False, False))
    _cell(header.cell(0, 0), left)
    _cell(
        header.cell(0, 1),
        [
            (NATIONAL_NAME, True, False),
            (MOTTO, True, False),
            ("", False, False),
            (report.place_and_date, False, True),
        ],
    )
    _para(document)
    _para(
        document, report.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0
    )
    _para(document, report.subject, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, report.intro, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    for part in report.sections:
        _para(document, part.heading, bold=True, size=14)
        for text in part.paragraphs:
            _para(document, text, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("STT", "Chỉ tiêu", "Số liệu"), strict=True):
        _cell(cell, [(text, True, False)])
    for number, label, value in report.table:
        cells = table.add_row().cells
        _cell(cells[0], [(number, False, False)])
        _cell(cells[1], [(label, not number, False)], align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell(cells[2], [(value, False, False)], align=WD_ALIGN_PARAGRAPH.RIGHT)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width, row.cells[2].width = Mm(14), Mm(120), Mm(30)
    _para(document)
    _para(document, report.closing, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    footer = document.add_table(rows=1, cols=2)
    recipients = [("Nơi nhận:", True, True)] + [(line, False, False) for line in report.recipients]
    _cell(footer.cell(0, 0), recipients, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    signer = [(line, True, False) for line in report.signer_lines]
    signer += [("", False, False)] * 4 + [(report.signer_name, True, False)]
    _cell(footer.cell(0, 1), signer, size=14)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
