"""The monthly report as PDF (reportlab), the file the leader signs: the same words and table as
the DOCX, in a font with Vietnamese glyphs (congso.documents.pdfrender.register_fonts)."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from congso.documents.pdfrender import register_fonts
from congso.servicereports.monthly import MOTTO, NATIONAL_NAME, ReportDocument

WIDTH = A4[0] - 45 * mm  # 30 mm left, 15 mm right (Decree 30/2020)


def _styles():
    regular, bold = register_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=12.5, leading=16.5)
    return {
        "p": ParagraphStyle(
            "p", parent=base, alignment=TA_JUSTIFY, spaceAfter=4, firstLineIndent=10 * mm
        ),
        "h": ParagraphStyle("h", parent=base, fontName=bold, spaceBefore=4, spaceAfter=3),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, alignment=TA_CENTER, fontSize=13.5, leading=18
        ),
        "c": ParagraphStyle("c", parent=base, alignment=TA_CENTER, fontSize=12, leading=15),
        "cb": ParagraphStyle(
            "cb", parent=base, fontName=bold, alignment=TA_CENTER, fontSize=12, leading=15
        ),
        "ci": ParagraphStyle("ci", parent=base, alignment=TA_CENTER, fontSize=12, leading=15),
        "cell": ParagraphStyle("cell", parent=base, fontSize=11, leading=14, alignment=TA_LEFT),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=11, leading=14),
        "num": ParagraphStyle("num", parent=base, fontSize=11, leading=14, alignment=TA_RIGHT),
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=12.5),
        "smallb": ParagraphStyle("smallb", parent=base, fontName=bold, fontSize=11, leading=13),
    }


def _p(text, style):
    return Paragraph(escape(text), style)


def render(report: ReportDocument) -> bytes:
    s = _styles()
    left = [_p(report.governing_body.upper(), s["c"])] if report.governing_body else []
    left += [_p(report.agency_name.upper(), s["cb"]), _p("———", s["c"])]
    left.append(_p(f"Số: {report.number}", s["c"]))
    right = [
        _p(NATIONAL_NAME, s["cb"]),
        _p(MOTTO, s["cb"]),
        _p("———————", s["c"]),
        _p(report.place_and_date, s["ci"]),
    ]
    header = Table([[left, right]], colWidths=[WIDTH * 0.42, WIDTH * 0.58])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [
        header,
        Spacer(1, 8 * mm),
        _p(report.title, s["title"]),
        _p(report.subject, s["title"]),
    ]
    story += [Spacer(1, 5 * mm), _p(report.intro, s["p"])]
    for part in report.sections:
        story.append(_p(part.heading, s["h"]))
        story += [_p(text, s["p"]) for text in part.paragraphs]
    rows = [[_p("STT", s["cellb"]), _p("Chỉ tiêu", s["cellb"]), _p("Số liệu", s["cellb"])]]
    for number, label, value in report.table:
        rows.append(
            [
                _p(number, s["cell"]),
                _p(label, s["cellb"] if number else s["cell"]),
                _p(value, s["num"]),
            ]
        )
    table = Table(rows, colWidths=[12 * mm, WIDTH - 42 * mm, 30 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    story += [table, Spacer(1, 4 * mm), _p(report.closing, s["p"]), Spacer(1, 4 * mm)]
    recipients = [_p("Nơi nhận:", s["smallb"])] + [_p(r, s["small"]) for r in report.recipients]
    signer = [_p(line, s["cb"]) for line in report.signer_lines]
    signer += [Spacer(1, 24 * mm), _p(report.signer_name, s["cb"])]
    footer = Table([[recipients, signer]], colWidths=[WIDTH * 0.45, WIDTH * 0.55])
    footer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(footer)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=report.summary,
        author=report.agency_name,
    )
    doc.build(story)
    return buffer.getvalue()
