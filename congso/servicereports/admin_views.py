"""The "Báo cáo, sổ theo dõi" page under "Một cửa điện tử": a period and an agency, buttons that
download the register and the periodic report (Excel), generate the monthly report (DOCX/PDF),
and — for leaders and agency admins — sign it and publish it into the documents library.

Views parse the query, check the user against each agency (access), call the builders and
answer a file; any refusal is the page again with a Vietnamese message and a 4xx status.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from congso.dossiers.queues import request_is_officer
from congso.dossiers.services import records
from congso.dossiers.services.errors import DossierError, Forbidden
from congso.servicereports import access, monthly_docx, monthly_pdf, periodic, register, signing
from congso.servicereports.models import PublishedReport
from congso.servicestats.periods import PeriodError, parse_period

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Refused(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def _require_officer(request):
    if not request_is_officer(request):
        raise PermissionDenied


def _default_period() -> str:
    today = timezone.localdate(records.now())
    return f"{today.year}-{today.month:02d}"


def _choice(request):
    """(period, agencies chosen, all agencies of the user) from the query or the form."""
    data = request.POST if request.method == "POST" else request.GET
    mine = access.report_agencies(request.user)
    try:
        period = parse_period((data.get("ky") or "").strip()[:20] or _default_period())
    except PeriodError as error:
        raise Refused(str(error), 400)
    identifier = (data.get("co-quan") or "").strip()[:50]
    if not identifier:
        if not mine:
            raise Refused("Bạn chưa là cán bộ của cơ quan nào.", 403)
        return period, mine, mine
    chosen = [a for a in mine if a.identifier == identifier]
    if not chosen:
        raise Refused("Bạn không phải cán bộ của cơ quan này nên không xem được báo cáo, sổ.", 403)
    return period, chosen, mine


def _one_agency(agencies):
    if len(agencies) != 1:
        raise Refused("Báo cáo tháng là của một cơ quan: hãy chọn cơ quan.", 400)
    return agencies[0]


def _page(request, *, status=200, error="", period_text=None, agencies=None, chosen=None):
    mine = agencies if agencies is not None else access.report_agencies(request.user)
    data = request.POST if request.method == "POST" else request.GET
    agency = chosen[0] if chosen and len(chosen) == 1 else None
    published = PublishedReport.objects.filter(
        agency__in=[agency] if agency else mine
    ).select_related("agency", "page")[:20]
    return TemplateResponse(
        request,
        "servicereports/admin/reports.html",
        {
            "agencies": mine,
            "agency": agency,
            "period_text": period_text
            if period_text is not None
            else ((data.get("ky") or "").strip()[:20] or _default_period()),
            "error": error,
            "may_sign": access.may_sign(request.user, agency)
            if agency
            else access.may_sign_somewhere(request.user),
            "may_configure": agency is not None and access.may_configure(request.user, agency),
            "config": signing.config_for(agency) if agency else None,
            "published": published,
        },
        status=status,
    )


def _refusal(request, refused: Refused):
    logger.info("report refused for user %s: %s", request.user.pk, refused.message)
    return _page(request, status=refused.status, error=refused.message)


def _file(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _slug(agencies, mine) -> str:
    return agencies[0].identifier if len(agencies) == 1 and len(mine) > 1 else "tong-hop"


@require_GET
def index(request):
    _require_officer(request)
    try:
        period, chosen, mine = _choice(request)
    except Refused as refused:
        return _refusal(request, refused)
    return _page(request, agencies=mine, chosen=chosen, period_text=period.code)


@require_GET
def register_xlsx(request):
    _require_officer(request)
    try:
        period, chosen, mine = _choice(request)
    except Refused as refused:
        return _refusal(request, refused)
    data = register.workbook(chosen, period, request.user)
    register.log_personal_data_access(request, chosen, period)
    name = f"so-theo-doi-ho-so-{_slug(chosen, mine)}-{period.code}.xlsx"
    return _file(data, XLSX, name)


@require_GET
def periodic_xlsx(request):
    _require_officer(request)
    try:
        period, chosen, mine = _choice(request)
    except Refused as refused:
        return _refusal(request, refused)
    data = periodic.workbook(chosen, period, records.now())
    return _file(data, XLSX, f"bao-cao-dinh-ky-{_slug(chosen, mine)}-{period.code}.xlsx")


@require_GET
def monthly_file(request, kind: str):
    _require_officer(request)
    try:
        period, chosen, _ = _choice(request)
        agency = _one_agency(chosen)
    except Refused as refused:
        return _refusal(request, refused)
    report = signing.unsigned_report(agency, period)
    name = f"bao-cao-{agency.identifier}-{period.code}"
    if kind == "docx":
        return _file(monthly_docx.render(report), DOCX, f"{name}.docx")
    return _file(monthly_pdf.render(report), "application/pdf", f"{name}.pdf")


@require_POST
def sign(request):
    _require_officer(request)
    try:
        period, chosen, _ = _choice(request)
        agency = _one_agency(chosen)
        record = signing.sign_and_publish(
            agency, period, request.user, number=request.POST.get("so", "")
        )
    except Refused as refused:
        return _refusal(request, refused)
    except Forbidden as error:
        return _refusal(request, Refused(str(error), 403))
    except DossierError as error:
        return _refusal(request, Refused(str(error), 400))
    messages.success(
        request,
        f"Đã ký số và đăng báo cáo số {record.number} lên thư viện văn bản.",
    )
    url = reverse("servicereports_admin:index")
    return redirect(f"{url}?ky={period.code}&co-quan={agency.identifier}")


def urls():
    from congso.servicereports import admin_config

    return [
        path("", index, name="index"),
        path("so-theo-doi.xlsx", register_xlsx, name="register"),
        path("bao-cao-dinh-ky.xlsx", periodic_xlsx, name="periodic"),
        path("bao-cao-thang.docx", monthly_file, {"kind": "docx"}, name="monthly_docx"),
        path("bao-cao-thang.pdf", monthly_file, {"kind": "pdf"}, name="monthly_pdf"),
        path("ky-va-dang/", sign, name="sign"),
        path("chung-thu/<str:identifier>/", admin_config.edit, name="config"),
    ]
