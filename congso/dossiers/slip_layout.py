"""Page layout of the Circular 01/2018/TT-VPCP slips (see slips.py for the data they take).

The slips are prescribed Vietnamese administrative forms handed to citizens, so their wording is
not run through gettext: an English slip would have no standing. The layout follows the official
forms: issuing agency at the top left, the national motto at the top right, the title, the body,
then the signature block; form 05 is a table of hand-overs.
"""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from congso.core.text import format_datetime
from congso.documents.pdfrender import register_fonts

from .slips import LATE, SlipData

LEFT_MARGIN, RIGHT_MARGIN = 20 * mm, 15 * mm
FRAME_PADDING = 6  # points, SimpleDocTemplate's frame default on each side
WIDTH = A4[0] - LEFT_MARGIN - RIGHT_MARGIN - 2 * FRAME_PADDING
QR_SIZE = 26 * mm


def build_pdf(data: SlipData, qr_png: bytes | None) -> bytes:
    regular, bold = register_fonts()
    # <b> in Paragraph markup looks the bold face up through the font family.
    registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    st = _styles(regular, bold)
    story = [
        _header(data, st),
        Spacer(1, 4 * mm),
        _code_block(data, st, qr_png),
        Spacer(1, 3 * mm),
        Paragraph(_esc(data.title.upper()), st["title"]),
        Spacer(1, 3 * mm),
        *BODIES[data.form](data, st),
        Spacer(1, 6 * mm),
    ]
    signers = SIGNERS[data.form](data)
    if signers:
        story.append(KeepTogether(_signatures(signers, st)))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Mã hồ sơ {data.code} – trang {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=f"{data.title} – {data.code}",
        author=data.agency_name,
        creator="congso",
        lang="vi",
        # No creation date or random document id: the same slip gives the same bytes.
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


# --- formatting -------------------------------------------------------------------------------


def _esc(text) -> str:
    """User text into Paragraph markup: escaped, line breaks kept."""
    return escape(str(text or "").strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def _dt(value: datetime | None) -> str:
    return format_datetime(value) if value else "…"


def _day_phrase(value: datetime) -> str:
    """'ngày 05 tháng 3 năm 2020': days below 10 and months 1–2 take a leading zero, as the rules
    for administrative documents (Decree 30/2020/NĐ-CP) ask."""
    local = timezone.localtime(value)
    month = f"{local.month:02d}" if local.month < 3 else str(local.month)
    return f"ngày {local.day:02d} tháng {month} năm {local.year}"


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("slip", fontName=regular, fontSize=11.5, leading=15)
    return {
        "body": ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, spaceAfter=2),
        "indent": ParagraphStyle("indent", parent=base, leftIndent=8 * mm, spaceAfter=2),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle(
            "head", parent=base, fontName=bold, alignment=TA_CENTER, fontSize=11
        ),
        "head_light": ParagraphStyle("head_light", parent=base, alignment=TA_CENTER, fontSize=11),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, alignment=TA_CENTER, fontSize=13.5, leading=18
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11.5),
        "hint": ParagraphStyle("hint", parent=base, alignment=TA_CENTER, fontSize=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=bold, fontSize=8.5, leading=10.5, alignment=TA_CENTER
        ),
    }


# --- blocks shared by every form --------------------------------------------------------------


def _header(data: SlipData, st) -> Table:
    left = []
    if data.agency_parent_name:
        left.append(Paragraph(_esc(data.agency_parent_name.upper()), st["head_light"]))
    left += [
        Paragraph(_esc(data.agency_name.upper()), st["head"]),
        HRFlowable(
            width=30 * mm, thickness=0.6, color=colors.black, spaceBefore=2, hAlign="CENTER"
        ),
    ]
    issued = data.issued_at or timezone.now()
    place = f"{data.place}, " if data.place else ""
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["head"]),
        Paragraph("Độc lập - Tự do - Hạnh phúc", st["head"]),
        HRFlowable(
            width=45 * mm, thickness=0.6, color=colors.black, spaceBefore=2, hAlign="CENTER"
        ),
        Spacer(1, 2 * mm),
        Paragraph(_esc(place + _day_phrase(issued)), st["centre"]),
    ]
    table = Table([[left, right]], colWidths=[WIDTH * 0.42, WIDTH * 0.58])
    # A table cell ignores a flowable's hAlign; the rules under the names are centred here.
    table.setStyle(_plain_cells([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _code_block(data: SlipData, st, qr_png: bytes | None) -> Table:
    info = [Paragraph(f"Mã hồ sơ: <b>{_esc(data.code)}</b>", st["body"])]
    if data.tracking_url:
        info.append(
            Paragraph(
                "Tra cứu tình trạng hồ sơ: quét mã QR bên cạnh hoặc truy cập "
                f"{_esc(data.tracking_url)}",
                st["small"],
            )
        )
    if qr_png is None:
        return _one_cell(info)
    qr = Image(io.BytesIO(qr_png), width=QR_SIZE, height=QR_SIZE)
    table = Table([[info, qr]], colWidths=[WIDTH - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm])
    table.setStyle(_plain_cells([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _applicant_lines(data: SlipData, st, label: str = "Ông/Bà") -> list:
    lines = [Paragraph(f"{label}: <b>{_esc(data.applicant.name)}</b>", st["body"])]
    if data.applicant.address:
        lines.append(Paragraph(f"Địa chỉ: {_esc(data.applicant.address)}", st["body"]))
    if data.applicant.phone:
        lines.append(Paragraph(f"Số điện thoại: {_esc(data.applicant.phone)}", st["body"]))
    lines.append(Paragraph(f"Nội dung yêu cầu giải quyết: {_esc(data.procedure_name)}", st["body"]))
    return lines


def _reason_lines(text: str, st) -> list:
    return [Paragraph(_esc(line), st["indent"]) for line in text.splitlines() if line.strip()]


def _signatures(signers: list[tuple[str, str, str]], st) -> Table:
    """signers: (role, hint, name); a lone signer stands on the right, as on the paper forms."""
    cells = [
        [
            Paragraph(_esc(role), st["head"]),
            Paragraph(_esc(hint), st["hint"]),
            Spacer(1, 20 * mm),
            Paragraph(f"<b>{_esc(name)}</b>", st["centre"]),
        ]
        for role, hint, name in signers
    ]
    if len(cells) == 1:
        cells.insert(0, [])
    table = Table([cells], colWidths=[WIDTH / len(cells)] * len(cells))
    table.setStyle(_plain_cells())
    return table


def _plain_cells(extra=()) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            *extra,
        ]
    )


def _one_cell(flowables) -> Table:
    table = Table([[flowables]], colWidths=[WIDTH])
    table.setStyle(_plain_cells())
    return table


def _grid(rows, widths, st) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# --- the bodies of the five forms -------------------------------------------------------------


def _body_01(data: SlipData, st) -> list:
    story = [Paragraph(f"{_esc(data.agency_name)} tiếp nhận hồ sơ của:", st["body"])]
    story += _applicant_lines(data, st)
    story.append(Paragraph("1. Thành phần hồ sơ nộp gồm:", st["body"]))
    if data.components:
        rows = [[Paragraph(h, st["cell_head"]) for h in ("TT", "Tên giấy tờ", "Số lượng")]]
        for number, (name, copies) in enumerate(data.components, start=1):
            rows.append(
                [
                    Paragraph(str(number), st["cell"]),
                    Paragraph(_esc(name), st["cell"]),
                    Paragraph(_esc(copies), st["cell"]),
                ]
            )
        story += [_grid(rows, [12 * mm, WIDTH - 52 * mm, 40 * mm], st), Spacer(1, 2 * mm)]
    else:
        story.append(Paragraph("(Không kê khai thành phần hồ sơ.)", st["indent"]))
    story += [
        Paragraph(f"2. Thời gian nhận hồ sơ: {_dt(data.received_at)}", st["body"]),
        Paragraph(
            f"3. Thời gian trả kết quả giải quyết hồ sơ: <b>{_dt(data.due_at)}</b>", st["body"]
        ),
    ]
    return story


def _body_02(data: SlipData, st) -> list:
    story = _applicant_lines(data, st, label="Hồ sơ của")
    if data.received_at:
        story.append(Paragraph(f"Thời gian nhận hồ sơ: {_dt(data.received_at)}", st["body"]))
    if data.due_at:
        story.append(Paragraph(f"Hạn trả kết quả đã hẹn: {_dt(data.due_at)}", st["body"]))
    story.append(Paragraph("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", st["body"]))
    story += _reason_lines(data.reason, st)
    if data.received_at:
        story.append(
            Paragraph(
                "Thời gian chờ Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết; "
                "ngày trả kết quả sẽ được tính lại khi nhận đủ hồ sơ bổ sung.",
                st["body"],
            )
        )
    contact = f"{_esc(data.officer_name)}, " if data.officer_name else ""
    story.append(
        Paragraph(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "
            f"{contact}Bộ phận tiếp nhận và trả kết quả của {_esc(data.agency_name)} "
            "để được hướng dẫn.",
            st["body"],
        )
    )
    return story


def _body_03(data: SlipData, st) -> list:
    story = [Paragraph(f"{_esc(data.agency_name)} tiếp nhận hồ sơ của:", st["body"])]
    story += _applicant_lines(data, st)
    if data.received_at:
        story.append(Paragraph(f"Thời gian nhận hồ sơ: {_dt(data.received_at)}", st["body"]))
    story.append(
        Paragraph(
            f"Qua xem xét, {_esc(data.agency_name)} thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau:",
            st["body"],
        )
    )
    story += _reason_lines(data.reason, st)
    story.append(Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.", st["body"]))
    return story


def _body_04(data: SlipData, st) -> list:
    agency = _esc(data.agency_name)
    when = f"{_day_phrase(data.received_at).capitalize()}, " if data.received_at else ""
    story = [
        Paragraph(f"Kính gửi: Ông/Bà <b>{_esc(data.applicant.name)}</b>", st["centre"]),
        Spacer(1, 3 * mm),
        Paragraph(
            f"{when}{agency} đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành "
            f"chính: {_esc(data.procedure_name.rstrip(' .'))}. Mã hồ sơ: {_esc(data.code)}.",
            st["body"],
        ),
        Paragraph(
            f"Thời gian hẹn trả kết quả giải quyết hồ sơ: {_dt(data.promised_due_at)}.",
            st["body"],
        ),
        Paragraph(
            f"Đến nay, {agency} chưa trả được kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn.",
            st["body"],
        ),
    ]
    if data.reason.strip():
        story.append(Paragraph("Lý do:", st["body"]))
        story += _reason_lines(data.reason, st)
    story += [
        Paragraph(
            f"Sự chậm trễ này đã gây phiền hà, tốn kém thời gian và chi phí của Ông/Bà. {agency} "
            "xin lỗi Ông/Bà về sự chậm trễ này và hẹn trả kết quả giải quyết hồ sơ vào: "
            f"<b>{_dt(data.new_due_at)}</b>.",
            st["body"],
        ),
    ]
    return story


EVENT_HEADS = ("TT", "Bước xử lý", "Người thực hiện", "Nhận hồ sơ", "Hạn xử lý", "Hoàn thành")
EVENT_HEADS += ("Kết quả", "Ghi chú")
EVENT_WIDTHS = [8, 30, 28, 20, 20, 20, 19]


def _body_05(data: SlipData, st) -> list:
    story = _applicant_lines(data, st, label="Kèm theo hồ sơ của")
    story += [
        Paragraph(f"Cơ quan giải quyết hồ sơ: {_esc(data.agency_name)}", st["body"]),
        Paragraph(f"Thời gian nhận hồ sơ: {_dt(data.received_at)}", st["body"]),
        Paragraph(f"Thời gian hẹn trả kết quả: <b>{_dt(data.due_at)}</b>", st["body"]),
        Spacer(1, 2 * mm),
    ]
    widths = [w * mm for w in EVENT_WIDTHS]
    widths.append(WIDTH - sum(widths))
    rows = [[Paragraph(h, st["cell_head"]) for h in EVENT_HEADS]]
    for number, event in enumerate(data.events, start=1):
        result = _esc(event.punctuality_text)
        if event.punctuality_text == LATE:
            result = f"<b>{result}</b>"
        values = [str(number), _esc(event.step), _esc(event.actor)]
        values += [format_datetime(event.received_at), format_datetime(event.due_at)]
        values += [format_datetime(event.done_at), result, _esc(event.note)]
        rows.append([Paragraph(value, st["cell"]) for value in values])
    if not data.events:
        rows.append([Paragraph("Chưa có bước xử lý nào.", st["cell"])] + [""] * 7)
    table = _grid(rows, widths, st)
    if not data.events:
        table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    story.append(table)
    return story


BODIES = {"01": _body_01, "02": _body_02, "03": _body_03, "04": _body_04, "05": _body_05}

SIGN = "(Ký và ghi rõ họ tên)"
SIGNERS = {
    "01": lambda d: [
        ("NGƯỜI NỘP HỒ SƠ", SIGN, d.applicant.name),
        ("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN, d.officer_name),
    ],
    "02": lambda d: [("NGƯỜI HƯỚNG DẪN", SIGN, d.officer_name)],
    "03": lambda d: [("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN, d.officer_name)],
    "04": lambda d: [("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", d.officer_name)],
    "05": lambda d: [("NGƯỜI LẬP PHIẾU", SIGN, d.officer_name)] if d.officer_name else [],
}
