"""Sample dossiers for the demo, labelled as sample data (is_sample, "(mẫu)" in every name).

They go through the real services at past moments (records.clock_at), so their codes, due dates,
events, slips and early/on-time/late marks are what the system itself would have produced. The
applicant is one sample account that is not printed: the demo's two citizens own nothing.
"""

import datetime as dt
import re
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from congso.dossiers.calendar import VN, add_working_time, to_local
from congso.dossiers.demo import SAMPLE_AGENCY
from congso.dossiers.models import AgencyStaff, Dossier
from congso.dossiers.querysets import calendar_for
from congso.dossiers.services import filing, records
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role

SAMPLE_APPLICANT_LOGIN = "nguoinop-mau@demo.congso.invalid"
NAMES = ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", "Phạm Thị D", "Hoàng Văn E", "Vũ Thị G"]
# (what happens, working days ago it was submitted)
PLAN = [
    ("submitted", 0),
    ("submitted", 0),
    ("submitted", 1),
    ("submitted", 1),
    ("received", 1),
    ("processing", 2),
    ("processing", 3),
    ("approval", 3),
    ("overdue", 12),
    ("supplement", 2),
    ("supplement", 4),
    ("done", 4),
    ("returned", 6),
    ("returned", 8),
    ("returned", 10),
    ("returned_late", 15),
    ("refused", 3),
    ("withdrawn", 5),
]


def _pdf() -> SimpleUploadedFile:
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, "Tai lieu mau (du lieu mau) - congso demo")
    pdf.save()
    return SimpleUploadedFile("tai-lieu-mau.pdf", buffer.getvalue(), "application/pdf")


def _sample_value(spec: dict):
    kind = spec.get("type")
    if spec.get("enum"):
        return spec["enum"][0]
    if kind == "string":
        if spec.get("format") == "date":
            return dt.date.today().isoformat()
        if spec.get("format") == "email":
            return "mau@example.invalid"
        # The first sample text the field's pattern and length accept.
        for text in ("Mẫu", "001099000001", "0912345678", "A1"):
            if len(text) <= spec.get("maxLength", 100) and (
                not spec.get("pattern") or re.search(spec["pattern"], text)
            ):
                return text
        return None
    if kind in ("integer", "number"):
        return spec.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "array":
        return spec.get("items", {}).get("enum", [])[:1]
    return None


def _form_data(procedure) -> dict:
    data = {}
    for component in procedure.components.all():
        schema = component.form_schema
        if not schema:
            continue
        data[str(component.pk)] = {
            key: _sample_value(spec) for key, spec in schema.get("properties", {}).items()
        }
    return data


def _officers(agency) -> dict:
    found = {}
    for role in (Role.ONE_STOP, Role.SPECIALIST, Role.LEADER):
        staff = AgencyStaff.objects.filter(agency=agency, role=role).select_related("user").first()
        if staff is None:
            return {}
        found[role] = staff.user
    return found


def _at(days_ago: int, hour: int) -> dt.datetime:
    """A working instant `days_ago` working days before today, at `hour`."""
    today = to_local(timezone.now()).date()
    moment = dt.datetime.combine(today, dt.time(hour, 0), tzinfo=VN)
    cal = calendar_for(None)
    while days_ago > 0 or not cal.is_working_day(moment.date()):
        moment -= dt.timedelta(days=1)
        if cal.is_working_day(moment.date()):
            days_ago -= 1
    return moment


def _past(moment: dt.datetime) -> dt.datetime:
    # Run early in the morning, "today at 10:00" has not happened yet.
    return min(moment, timezone.now() - dt.timedelta(minutes=1))


def _act(dossier, user, action, moment, fields=None):
    with records.clock_at(_past(moment)):
        return perform(dossier.pk, user, action, fields or {})


def _later(dossier, moment, hours):
    return add_working_time(calendar_for(dossier.agency), moment, dt.timedelta(hours=hours))


def load_sample_dossiers(year_days: int = 365) -> str:
    """The recent dossiers of every state, then `year_days` days of history (0: none)."""
    from congso.organisation.models import Agency
    from congso.procedures.models import Procedure

    agency = Agency.objects.filter(identifier=SAMPLE_AGENCY).first()
    if agency is None:
        return "Chưa có cơ quan mẫu (chạy load_sample_procedures trước); bỏ qua hồ sơ mẫu."
    officers = _officers(agency)
    if not officers:
        return "Cơ quan mẫu chưa có đủ cán bộ (chạy ensure_demo_admin trước); bỏ qua hồ sơ mẫu."
    procedures = list(
        Procedure.objects.filter(agencies=agency, online_level="full", time_limit__gt=0)
        .exclude(time_unit="working_hour")
        .order_by("code")
    )
    if not procedures:
        return "Cơ quan mẫu chưa có thủ tục trực tuyến; bỏ qua hồ sơ mẫu."
    User = get_user_model()
    applicant, _ = User.objects.get_or_create(
        username=SAMPLE_APPLICANT_LOGIN,
        defaults={"email": SAMPLE_APPLICANT_LOGIN, "first_name": "Người nộp (mẫu)"},
    )
    if applicant.has_usable_password():
        applicant.set_unusable_password()
        applicant.save()
    recent = _load_recent(agency, officers, procedures, applicant)
    from congso.dossiers.sample_year import load_sample_year

    if not year_days:
        return recent
    return f"{recent}\n{load_sample_year(applicant, officers, _cached_pdf, days=year_days)}"


def _cached_pdf() -> SimpleUploadedFile:
    """The same sample PDF each time, rendered once (hundreds of sample dossiers attach it)."""
    global _PDF_BYTES
    if _PDF_BYTES is None:
        _PDF_BYTES = _pdf().read()
    return SimpleUploadedFile("tai-lieu-mau.pdf", _PDF_BYTES, "application/pdf")


_PDF_BYTES = None


def _load_recent(agency, officers, procedures, applicant) -> str:
    """The dossiers of the last days, one of each state an officer's queues show."""
    from congso.dossiers.sample_year import SUMMARY

    if Dossier.objects.filter(is_sample=True).exclude(summary__startswith=SUMMARY).exists():
        return "Hồ sơ mẫu đã có; không nạp thêm."
    one_stop, specialist, leader = (
        officers[r] for r in (Role.ONE_STOP, Role.SPECIALIST, Role.LEADER)
    )
    made = []
    for index, (fate, days_ago) in enumerate(PLAN):
        procedure = procedures[index % len(procedures)]
        name = f"{NAMES[index % len(NAMES)]} (mẫu)"
        submitted = _past(_at(days_ago, 8 + index % 3))
        with records.clock_at(submitted):
            dossier = filing.create_draft(
                applicant,
                procedure,
                agency_identifier=SAMPLE_AGENCY,
                applicant={
                    "name": name,
                    "id_number": f"0010990{index:05d}",
                    "phone": f"09000{index:05d}",
                    "email": "",
                    "address": "Địa chỉ mẫu",
                },
                summary=f"Hồ sơ mẫu: {procedure.name}",
                form_data=_form_data(procedure),
            )
            for component in procedure.components.filter(required=True, form_schema__isnull=True):
                filing.attach_file(dossier, applicant, _cached_pdf(), component=component)
            # Labelled before its first counted event: its statistics fact says sample too.
            Dossier.objects.filter(pk=dossier.pk).update(is_sample=True)
            filing.submit(dossier.pk, applicant)
        made.append(dossier.pk)
        if fate == "submitted":
            continue
        received = _later(dossier, submitted, 2)
        if fate == "refused":
            _act(
                dossier,
                one_stop,
                "refuse",
                received,
                {"reason": "Hồ sơ mẫu: không thuộc thẩm quyền."},
            )
            continue
        _act(dossier, one_stop, "receive", received)
        if fate == "withdrawn":
            _act(dossier, applicant, "withdraw", _later(dossier, received, 4), {"reason": "Mẫu"})
            continue
        if fate == "received":
            continue
        step = _later(dossier, received, 6)
        if fate == "supplement":
            _act(
                dossier,
                specialist,
                "request-supplement",
                step,
                {"reason": "Hồ sơ mẫu: bổ sung bản sao giấy tờ còn thiếu."},
            )
            continue
        if fate == "processing" or fate == "overdue":
            continue
        _act(dossier, specialist, "forward", step)
        if fate == "approval":
            continue
        late = fate == "returned_late"
        approve_at = (
            _later(dossier, step, 4)
            if not late
            else _later(dossier, Dossier.objects.get(pk=dossier.pk).due_at, 6)
        )
        _act(dossier, leader, "approve", approve_at)
        if fate == "done":
            continue
        _act(
            dossier,
            one_stop,
            "return-result",
            _later(dossier, approve_at, 2),
            {"result_number": f"{index + 1:02d}/GP-MAU", "signer": "Lãnh đạo (mẫu)"},
        )
    return f"Đã nạp {len(made)} hồ sơ mẫu (dữ liệu mẫu) của cơ quan {SAMPLE_AGENCY}."
