"""The dossier register (sổ theo dõi hồ sơ, form 06 of Circular 01/2018/TT-VPCP) as Excel.

One sheet per agency, one row per dossier received in the period (the same dossiers that
figures()["received"] counts: DossierFact.received_on in the period, in the agency). Columns
follow form 06 as published with the circular; whether a later circular changed them is
"chưa xác nhận" (docs/reports.md).

The register holds applicants' names, addresses and phone numbers: it is an internal document
of the agency, built only for its own officers (access.require_read) and every download is
logged.
"""

import io
import logging
from dataclasses import dataclass

from openpyxl import Workbook

from congso.dossiers.calendar import to_local
from congso.dossiers.models import Event, WorkflowStep
from congso.dossiers.status import Action, Status
from congso.servicereports.xlsx import (
    DATE_FORMAT,
    bordered,
    header_cells,
    sheet_title,
    title_rows,
)
from congso.servicestats.models import DossierFact, Outcome
from congso.servicestats.periods import Period

logger = logging.getLogger(__name__)

# (heading, sub-heading under a merged parent or "", column width)
COLUMNS = (
    ("STT", "", 6),
    ("Mã hồ sơ", "", 24),
    ("Tên thủ tục hành chính", "", 36),
    ("Tên người nộp hồ sơ", "", 24),
    ("Địa chỉ, số điện thoại", "", 30),
    ("Ngày nhận hồ sơ", "", 13),
    ("Ngày hẹn trả kết quả", "", 13),
    ("Chuyển hồ sơ đến cơ quan, bộ phận giải quyết", "Tên cơ quan, bộ phận", 28),
    ("Chuyển hồ sơ đến cơ quan, bộ phận giải quyết", "Ngày chuyển", 13),
    ("Ngày có kết quả", "", 13),
    ("Ngày trả kết quả", "", 13),
    ("Ký nhận", "", 14),
    ("Ghi chú", "", 28),
)
DATE_COLUMNS = {6, 7, 9, 10, 11}  # 1-based: Ngày nhận … Ngày trả

OUTCOME_NOTE = {
    Outcome.EARLY: "Giải quyết trước hạn",
    Outcome.ON_TIME: "Giải quyết đúng hạn",
    Outcome.LATE: "Giải quyết quá hạn",
    Outcome.WITHDRAWN: "Người nộp rút hồ sơ",
    Outcome.STOPPED: "Dừng xử lý",
    Outcome.REFUSED: "Không được tiếp nhận",
}


@dataclass(frozen=True)
class Line:
    code: str
    procedure: str
    applicant: str
    contact: str
    received_on: object
    due_on: object
    handed_to: str
    handed_on: object
    finished_on: object
    returned_on: object
    note: str


def _date(moment):
    return to_local(moment).date() if moment else None


def lines(agency, period: Period) -> list[Line]:
    facts = (
        DossierFact.objects.filter(
            agency=agency, received_on__gte=period.start, received_on__lte=period.end
        )
        .select_related("dossier", "dossier__procedure")
        .order_by("dossier__received_at", "dossier_id")
    )
    facts = list(facts)
    handovers = _handovers([f.dossier_id for f in facts])
    out = []
    for fact in facts:
        d = fact.dossier
        handed_to, handed_at = handovers.get(d.pk, ("", None))
        contact = "; ".join(part for part in (d.applicant_address, d.applicant_phone) if part)
        out.append(
            Line(
                code=d.code or f"#{d.pk}",
                procedure=d.procedure.name,
                applicant=d.applicant_name,
                contact=contact,
                received_on=_date(d.received_at),
                due_on=_date(d.due_at),
                handed_to=handed_to,
                handed_on=_date(handed_at),
                finished_on=_date(d.finished_at)
                if d.status in (Status.DONE, Status.RETURNED)
                else None,
                returned_on=_date(d.returned_at),
                note=_note(fact, d),
            )
        )
    return out


def _note(fact, dossier) -> str:
    parts = []
    if fact.outcome:
        parts.append(OUTCOME_NOTE.get(Outcome(fact.outcome), ""))
    else:
        parts.append(f"Đang giải quyết ({Status(dossier.status).label})")
    if dossier.anonymised_at:
        parts.append("đã ẩn danh dữ liệu cá nhân")
    if dossier.is_sample:
        parts.append("dữ liệu mẫu")
    return "; ".join(p for p in parts if p)


def _handovers(dossier_ids) -> dict[int, tuple[str, object]]:
    """Where the one-stop desk handed each dossier on at receipt: the next step's name."""
    events = Event.objects.filter(dossier_id__in=dossier_ids, action=Action.RECEIVE).select_related(
        "dossier"
    )
    first: dict[int, Event] = {}
    for event in events.order_by("at", "pk"):
        first.setdefault(event.dossier_id, event)
    names = {
        (s.workflow_id, s.code): s.name
        for s in WorkflowStep.objects.filter(
            workflow_id__in={e.dossier.workflow_id for e in first.values()}
        )
    }
    out = {}
    for dossier_id, event in first.items():
        step = names.get((event.dossier.workflow_id, event.to_step), event.to_step)
        out[dossier_id] = (step, event.at)
    return out


def log_personal_data_access(request, agencies, period: Period) -> int:
    """One row per dossier in the register in the staff access log of congso.retention (the
    register hands out each applicant's name, address and phone), anonymised ones excepted."""
    from django.apps import apps

    if not apps.is_installed("congso.retention"):
        return 0
    from congso.dossiers.services import records
    from congso.retention.access import _ip, user_name
    from congso.retention.models import PersonalDataAccess

    rows = DossierFact.objects.filter(
        agency__in=agencies,
        received_on__gte=period.start,
        received_on__lte=period.end,
        dossier__anonymised_at__isnull=True,
    ).values_list("dossier_id", "dossier__code")
    at, ip, name = records.now(), _ip(request), user_name(request.user)
    detail = f"Sổ theo dõi hồ sơ (Mẫu 06), kỳ {period.code}"
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(
            at=at,
            user=request.user,
            user_name=name,
            dossier_id=dossier_id,
            dossier_code=code or "",
            what=PersonalDataAccess.What.EXPORT,
            detail=detail,
            ip=ip,
        )
        for dossier_id, code in rows
    )
    return len(rows)


def workbook(agencies, period: Period, user=None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for agency in agencies:
        sheet = book.create_sheet(sheet_title(agency, used))
        row = title_rows(
            sheet,
            agency.name,
            "SỔ THEO DÕI HỒ SƠ",
            f"{period.label} (Mẫu số 06, Thông tư 01/2018/TT-VPCP)",
            len(COLUMNS),
        )
        row = header_cells(sheet, row, COLUMNS)
        first_data = row
        for n, line in enumerate(lines(agency, period), start=1):
            values = (
                n,
                line.code,
                line.procedure,
                line.applicant,
                line.contact,
                line.received_on,
                line.due_on,
                line.handed_to,
                line.handed_on,
                line.finished_on,
                line.returned_on,
                "",
                line.note,
            )
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=col, value=value)
                if col in DATE_COLUMNS:
                    cell.number_format = DATE_FORMAT
            row += 1
        bordered(sheet, first_data, row - 1, len(COLUMNS))
        sheet.freeze_panes = sheet.cell(row=first_data, column=3)
    logger.info(
        "register downloaded: user=%s agencies=%s period=%s",
        getattr(user, "pk", None),
        [a.pk for a in agencies],
        period.code,
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
