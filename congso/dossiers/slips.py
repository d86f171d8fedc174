"""The slips of Circular 01/2018/TT-VPCP (forms 01–05) as PDF, each with the dossier code and a QR
code to the public tracking page.

The renderer takes plain frozen data, not models: the one-stop services build a SlipData from a
dossier and its history, so the layout can be tested (and reused for a reprint) without a database.
Every datetime must be time-zone aware: a naive one would print a wrong hour without anyone noticing,
so it is refused when the data is built. The page layout itself lives in slip_layout.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .calendar import Timeliness

FORM_TITLES = {
    "01": "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "05": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}

EARLY, ON_TIME, LATE = "Trước hạn", "Đúng hạn", "Trễ hạn"
PUNCTUALITY_TEXT = {Timeliness.EARLY: EARLY, Timeliness.ON_TIME: ON_TIME, Timeliness.LATE: LATE}

# Error-correction level M survives a crumpled or smudged paper slip and keeps the symbol small
# enough for a 26 mm square; never Micro QR, which ordinary phone cameras do not read.
QR_ERROR = "m"
QR_SCALE = 4  # pixels per module: a sharp square even in viewers that smooth scaled images
QR_BORDER = 4  # the quiet zone the QR standard asks for


@dataclass(frozen=True)
class SlipParty:
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SlipEvent:
    """One hand-over on form 05: who took the dossier at which step, and how it ended."""

    step: str
    actor: str
    received_at: datetime | None = None
    due_at: datetime | None = None
    done_at: datetime | None = None
    punctuality_text: str = ""
    note: str = ""

    def __post_init__(self):
        _require_aware(self, ("received_at", "due_at", "done_at"))


@dataclass(frozen=True)
class SlipData:
    form: str
    agency_name: str
    code: str
    procedure_name: str
    applicant: SlipParty
    agency_parent_name: str = ""
    received_at: datetime | None = None
    due_at: datetime | None = None
    components: tuple[tuple[str, int | str], ...] = ()
    officer_name: str = ""
    tracking_url: str = ""
    reason: str = ""
    old_due_at: datetime | None = None
    new_due_at: datetime | None = None
    events: tuple[SlipEvent, ...] = field(default_factory=tuple)
    issued_at: datetime | None = None
    place: str = ""

    def __post_init__(self):
        if self.form not in FORM_TITLES:
            raise ValueError(
                _("Mẫu phiếu “%(form)s” không có; chỉ có các mẫu %(forms)s.")
                % {"form": self.form, "forms": ", ".join(FORM_TITLES)}
            )
        if not (self.code or "").strip():
            raise ValueError(_("Phiếu cần có mã hồ sơ."))
        _require_aware(self, ("received_at", "due_at", "old_due_at", "new_due_at", "issued_at"))
        # Lists are accepted for convenience, stored as tuples so the data stays immutable.
        object.__setattr__(self, "components", tuple(tuple(c) for c in self.components))
        object.__setattr__(self, "events", tuple(self.events))
        if self.form in ("02", "03") and not self.reason.strip():
            raise ValueError(
                _("Phiếu %(form)s cần ghi rõ lý do (nội dung cần bổ sung hoặc lý do từ chối).")
                % {"form": self.form}
            )
        if self.form == "04" and (self.new_due_at is None or self.promised_due_at is None):
            raise ValueError(_("Phiếu 04 cần cả ngày hẹn trả cũ và ngày hẹn trả mới."))

    @property
    def title(self) -> str:
        return FORM_TITLES[self.form]

    @property
    def promised_due_at(self) -> datetime | None:
        """The date form 04 apologises for: the old one if given, else the dossier's due date."""
        return self.old_due_at or self.due_at


def _require_aware(obj, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(obj, name)
        if value is None:
            continue
        if not isinstance(value, datetime):
            raise ValueError(
                _("“%(field)s” phải là datetime có múi giờ, không phải %(type)s.")
                % {"field": name, "type": type(value).__name__}
            )
        if timezone.is_naive(value):
            raise ValueError(
                _(
                    "“%(field)s” là datetime không có múi giờ (naive): phiếu sẽ in sai giờ. "
                    "Hãy dùng datetime có múi giờ, ví dụ django.utils.timezone.now()."
                )
                % {"field": name}
            )


def punctuality_text(value: Timeliness | str | None) -> str:
    """The words form 05 prints for calendar.timeliness()'s answer; '' while a step is unfinished."""
    return PUNCTUALITY_TEXT[Timeliness(value)] if value else ""


def slip_filename(code: str, form: str) -> str:
    """'phieu-01-000.00.12.H56-260504-0001.pdf': the code as issued, minus anything a file system
    or a Content-Disposition header would choke on."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in ".-_") else "-" for ch in code)
    return f"phieu-{form}-{safe.strip('-.') or 'ho-so'}.pdf"


def make_qr(url: str):
    """The QR symbol printed on every slip; tests rebuild it to check what the PDF carries."""
    import segno

    if not url:
        raise ValueError(_("Cần địa chỉ tra cứu hồ sơ để tạo mã QR."))
    return segno.make(url, error=QR_ERROR, micro=False)


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()


def render_slip(data: SlipData) -> bytes:
    """The slip as PDF bytes. Raises pdfrender.FontMissing when no Vietnamese font is installed."""
    from .slip_layout import build_pdf

    return build_pdf(data, qr_png(data.tracking_url) if data.tracking_url else None)
