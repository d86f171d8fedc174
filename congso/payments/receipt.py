"""The receipt (biên lai) of a paid payment, as a PDF: who paid what for which dossier, when and
how. It is congso's record of the payment, not the e-receipt of Decree 123/2020/NĐ-CP that the
agency's treasury or the gateway issues (docs/payments.md)."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from congso.core.text import format_datetime
from congso.documents.pdfrender import register_fonts
from congso.payments.fees import money
from congso.payments.models import Method


def _p(text, style):
    return Paragraph(escape(str(text)), style)


def build_receipt(payment) -> bytes:
    regular, bold = register_fonts()
    registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13)
    head = ParagraphStyle("head", parent=base, fontName=bold, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=head, fontSize=14, leading=18, spaceBefore=6)
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER)
    dossier = payment.dossier
    how = (
        f"Trực tuyến qua cổng thanh toán ({payment.gateway}), mã giao dịch "
        f"{payment.order_reference}"
        + (
            f", số giao dịch tại ngân hàng {payment.transaction_no}"
            if payment.transaction_no
            else ""
        )
        if payment.method == Method.ONLINE
        else "Nộp trực tiếp tại cơ quan"
        + (f", biên lai số {payment.transaction_no}" if payment.transaction_no else "")
    )
    facts = [
        ("Người nộp", dossier.applicant_name),
        ("Mã hồ sơ", dossier.code or str(dossier.reference)),
        ("Thủ tục", dossier.procedure.name),
        ("Thanh toán lúc", format_datetime(payment.paid_at)),
        ("Hình thức", how),
    ]
    rows = [[_p("Khoản thu", head), _p("Số lượng", head), _p("Thành tiền", head)]]
    for item in payment.items:
        quantity = f"{item.get('quantity', 1)} {item.get('unit') or ''}".strip()
        rows.append(
            [
                _p(item.get("description", ""), base),
                _p(quantity, base),
                _p(money(int(item.get("amount", 0))), base),
            ]
        )
    rows.append([_p("Tổng cộng", head), "", _p(money(payment.amount), head)])
    table = Table(rows, colWidths=[62 * mm, 25 * mm, 38 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (0, -1), (1, -1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        _p(dossier.agency.name.upper(), head),
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc", centre),
        _p("BIÊN LAI THU PHÍ, LỆ PHÍ", title),
        _p(f"Số: {payment.order_reference}", centre),
        Spacer(1, 4 * mm),
        *[_p(f"{label}: {value}", base) for label, value in facts],
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 4 * mm),
        _p(
            "Biên lai do hệ thống một cửa điện tử lập từ dữ liệu thanh toán; "
            "hóa đơn, chứng từ điện tử theo quy định do cơ quan thu phát hành.",
            base,
        ),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"Biên lai thu phí, lệ phí – {payment.order_reference}",
        author=dossier.agency.name,
        creator="congso",
        lang="vi",
    )
    doc.build(story)
    return buffer.getvalue()
