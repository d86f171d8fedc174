"""The monthly report as an administrative document (Decree 30/2020/NĐ-CP layout, in the style of
the department's signed report in the seeds): built once as plain data, then rendered to DOCX
(monthly_docx) and PDF (monthly_pdf), so both say the same words and the same numbers.

Header: governing body and agency on the left, Quốc hiệu and Tiêu ngữ on the right; number and
symbol; place and date; "BÁO CÁO" and its trích yếu; numbered sections; the table of figures;
"Nơi nhận"; the signer block.
"""

import datetime as dt
from dataclasses import dataclass, field

from congso.core.text import format_number
from congso.servicereports.figures import ROWS, display, report_figures
from congso.servicestats.periods import Period

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_RECIPIENTS = ("- Văn phòng UBND tỉnh (để báo cáo);", "- Lãnh đạo cơ quan;", "- Lưu: VT.")


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ReportDocument:
    governing_body: str
    agency_name: str
    number: str  # "05/BC-SKHCN", or "     /BC-SKHCN" before it is numbered
    place_and_date: str
    title: str
    subject: str
    intro: str
    sections: tuple[Section, ...]
    table: tuple[tuple[str, str, str], ...]  # (STT, chỉ tiêu, số liệu)
    closing: str
    recipients: tuple[str, ...]
    signer_lines: tuple[str, ...]
    signer_name: str
    figures: dict = field(default_factory=dict, compare=False)

    @property
    def summary(self) -> str:
        """The trích yếu for the documents library."""
        return f"Báo cáo {self.subject[:1].lower()}{self.subject[1:]}"


def date_line(place: str, day: dt.date) -> str:
    # Decree 30/2020: days below 10 and months below 3 are written with a leading zero.
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _n(value) -> str:
    return format_number(value)


def _pct(value) -> str:
    return "—" if value is None else f"{format_number(value, 2)}%"


def build(
    agency,
    period: Period,
    *,
    config=None,
    number: str = "",
    day: dt.date,
    now: dt.datetime | None = None,
) -> ReportDocument:
    f = report_figures([agency.pk], period, now)
    symbol = f"BC-{config.symbol}" if config and config.symbol else "BC"
    subject = (
        f"Tình hình, kết quả giải quyết thủ tục hành chính {period.label[:1].lower()}"
        + (period.label[1:])
    )
    received = (
        f"Trong kỳ, {agency.name} tiếp nhận mới {_n(f['received'])} hồ sơ "
        f"(trực tuyến {_n(f['received_online'])}, trực tiếp {_n(f['received_in_person'])}, "
        f"qua dịch vụ bưu chính công ích {_n(f['received_postal'])}); "
        f"kỳ trước chuyển sang {_n(f['carried_over'])} hồ sơ; "
        f"tổng số hồ sơ phải giải quyết {_n(f['to_handle'])}."
    )
    online = (
        f"Tỷ lệ hồ sơ nộp trực tuyến {_pct(f['received_online_ratio'])}; "
        f"hồ sơ trực tuyến toàn trình {_n(f['received_fully_online'])} "
        f"({_pct(f['fully_online_ratio'])})."
    )
    settled = (
        f"Đã giải quyết xong {_n(f['finished'])} hồ sơ: trước hạn {_n(f['finished_early'])}, "
        f"đúng hạn {_n(f['finished_on_time'])}, quá hạn {_n(f['finished_late'])}; "
        f"tỷ lệ giải quyết trước hạn và đúng hạn {_pct(f['finished_in_time_ratio'])}."
    )
    pending = (
        f"Đang giải quyết cuối kỳ {_n(f['in_progress'])} hồ sơ: trong hạn "
        f"{_n(f['in_progress_on_time'])}, quá hạn {_n(f['in_progress_overdue'])}. "
        f"Yêu cầu bổ sung, hoàn thiện {_n(f['supplement_requested'])} hồ sơ; từ chối tiếp nhận "
        f"{_n(f['refused'])}; người nộp rút {_n(f['withdrawn'])}; dừng xử lý {_n(f['stopped'])}."
    )
    days = f["average_processing_days"]
    quality = (
        "Thời gian giải quyết trung bình "
        + ("—" if days is None else f"{format_number(days, 2)} ngày làm việc")
        + f"; tỷ lệ người dân, tổ chức hài lòng {_pct(f['satisfaction_ratio'])}."
    )
    if f["finished_late"] or f["in_progress_overdue"]:
        remedy = (
            "Đối với hồ sơ quá hạn, cơ quan đã thực hiện xin lỗi và hẹn lại ngày trả kết quả "
            "theo quy định; tiếp tục rà soát quy trình để giảm hồ sơ quá hạn trong kỳ tới."
        )
    else:
        remedy = "Trong kỳ không có hồ sơ giải quyết quá hạn."
    table, n = [], 0
    for row in ROWS:
        if not row.level:
            n += 1
        label = f"- {row.label}" if row.level else row.label
        table.append(("" if row.level else str(n), label, display(row, f.get(row.key))))
    recipients = tuple(
        line.strip()
        for line in ((config.recipients if config else "") or "").splitlines()
        if line.strip()
    )
    signer_lines = tuple(
        line.strip()
        for line in ((config.signer_position if config else "") or "").splitlines()
        if line.strip()
    )
    return ReportDocument(
        governing_body=(config.governing_body if config else "")
        or (agency.parent.name if agency.parent_id else ""),
        agency_name=agency.name,
        number=number or f"      /{symbol}",
        place_and_date=date_line(config.place if config and config.place else "…", day),
        title="BÁO CÁO",
        subject=subject,
        intro=(
            f"{agency.name} báo cáo tình hình, kết quả giải quyết thủ tục hành chính "
            f"{period.label[:1].lower()}{period.label[1:]} "
            f"(từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}), "
            "số liệu tổng hợp từ Hệ thống thông tin giải quyết thủ tục hành chính, như sau:"
        ),
        sections=(
            Section("I. TÌNH HÌNH TIẾP NHẬN HỒ SƠ", (received, online)),
            Section("II. KẾT QUẢ GIẢI QUYẾT HỒ SƠ", (settled, pending, quality)),
            Section("III. ĐÁNH GIÁ CHUNG", (remedy,)),
            Section("IV. SỐ LIỆU CHI TIẾT", ()),
        ),
        table=tuple(table),
        closing=(
            f"Trên đây là báo cáo tình hình, kết quả giải quyết thủ tục hành chính "
            f"{period.label[:1].lower()}{period.label[1:]} của {agency.name}./."
        ),
        recipients=recipients or DEFAULT_RECIPIENTS,
        signer_lines=signer_lines or ("THỦ TRƯỞNG CƠ QUAN",),
        signer_name=config.signer_name if config else "",
        figures=f,
    )
