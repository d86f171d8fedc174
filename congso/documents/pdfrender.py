"""Render plain Vietnamese text to a PDF with reportlab (demo data and generated test files).

reportlab's bundled fonts lack Vietnamese glyphs (ơ, ư, ạ …); Debian's fonts-dejavu-core
(or fonts-liberation) provides them.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

FONT_CANDIDATES = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    ),
]
REGULAR, BOLD = "CongsoVi", "CongsoVi-Bold"


class FontMissing(RuntimeError):
    pass


def register_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return REGULAR, BOLD
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont(REGULAR, regular))
            pdfmetrics.registerFont(TTFont(BOLD, bold))
            return REGULAR, BOLD
    raise FontMissing(
        "Không tìm thấy phông chữ có dấu tiếng Việt: cài gói Debian fonts-dejavu-core "
        "(apt-get install fonts-dejavu-core)."
    )


def render_text_pdf(
    blocks: list[tuple[str, str]], *, title: str = "", footer: str = "", font_size: float = 12
) -> bytes:
    """blocks: (style, text) with style one of 'h' (bold, centred), 'c' (centred), 'r' (right),
    'b' (bold), 'p' (justified paragraph)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold = register_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=font_size, leading=font_size * 1.35)
    styles = {
        "p": ParagraphStyle("p", parent=base, alignment=TA_JUSTIFY, spaceAfter=3),
        "h": ParagraphStyle("h", parent=base, fontName=bold, alignment=TA_CENTER, spaceAfter=2),
        "c": ParagraphStyle("c", parent=base, alignment=TA_CENTER),
        "r": ParagraphStyle("r", parent=base, alignment=TA_RIGHT),
        "b": ParagraphStyle("b", parent=base, fontName=bold, alignment=TA_LEFT),
    }
    story = []
    for style, text in blocks:
        if style == "space":
            story.append(Spacer(1, 6 * mm))
            continue
        story.append(Paragraph(escape(text), styles[style]))

    def on_page(canvas, doc):
        if footer:
            canvas.saveState()
            canvas.setFont(regular, 8)
            canvas.drawCentredString(A4[0] / 2, 10 * mm, f"{footer} – trang {doc.page}")
            canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="congso",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
