import datetime as dt

from congso.dossiers.calendar import VN, WorkingCalendar
from congso.organisation.models import Agency, AgencyLevel

# The holidays of SERVICES.md's worked examples.
APRIL_MAY_2026 = {
    dt.date(2026, 4, 27): "off",
    dt.date(2026, 4, 30): "off",
    dt.date(2026, 5, 1): "off",
}


def vn(year, month, day, hour=0, minute=0, second=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=VN)


def standard_calendar(days=None) -> WorkingCalendar:
    return WorkingCalendar.standard(APRIL_MAY_2026 if days is None else days)


def make_agency(identifier="000.00.12.H56", name="Sở Khoa học và Công nghệ", **kwargs) -> Agency:
    kwargs.setdefault("level", AgencyLevel.PROVINCE)
    return Agency.objects.create(identifier=identifier, name=name, **kwargs)


# Dossiers -----------------------------------------------------------------------------------

_counter = iter(range(1, 10**9))


def make_procedure(
    agency,
    *,
    time_limit=5,
    time_unit="working_day",
    online_level="full",
    components=(("Đơn đề nghị", True),),
    code=None,
    **kwargs,
):
    from congso.procedures.models import Component, Procedure, ProcedureField

    field, _ = ProcedureField.objects.get_or_create(code="TEST", defaults={"name": "Lĩnh vực thử"})
    n = next(_counter)
    procedure = Procedure.objects.create(
        code=code or f"9.{n:06d}.000.00.00.H56",
        name=kwargs.pop("name", f"Thủ tục thử {n}"),
        field=field,
        online_level=online_level,
        time_limit=time_limit,
        time_unit=time_unit,
        channel_online=online_level != "none",
        **kwargs,
    )
    procedure.agencies.add(agency)
    for order, (name, required) in enumerate(components):
        Component.objects.create(
            procedure=procedure,
            name=name,
            required=required,
            sort_order=order,
            copies="01 bản chính",
        )
    return procedure


def make_user(username, **kwargs):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username=username, password="x", **kwargs)


def make_staff(agency, role, username=None):
    from congso.dossiers.models import AgencyStaff

    user = make_user(username or f"{role}-{next(_counter)}", first_name=f"Cán bộ {role}")
    AgencyStaff.objects.create(user=user, agency=agency, role=role)
    return user


def pdf_upload(name="don.pdf"):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Don de nghi (mau)")
    pdf.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


APPLICANT = {
    "name": "Nguyễn Văn A (mẫu)",
    "id_number": "001099000001",
    "phone": "0912345678",
    "email": "a@example.invalid",
    "address": "Số 1, đường Mẫu",
}


def submitted_dossier(procedure, citizen, *, applicant=None):
    """A dossier filed online by `citizen` with every required component attached."""
    from congso.dossiers.services import filing

    dossier = filing.create_draft(citizen, procedure, applicant=applicant or APPLICANT)
    for component in procedure.components.filter(required=True):
        filing.attach_file(dossier, citizen, pdf_upload(), component=component)
    return filing.submit(dossier.pk, citizen)
