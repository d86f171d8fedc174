"""The administrators' side of personal data in the Wagtail admin:

- "Nhật ký truy cập dữ liệu cá nhân": who among the staff opened which dossier's personal data.
  The installation administrator sees every row; an agency administrator the rows of their
  agencies' dossiers. Filters: dossier code, user, dates.
- "Xuất dữ liệu cá nhân tại quầy": a citizen who asks at the desk for all their data gets the
  same zip as online; only the installation administrator makes it, and it is logged.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_http_methods

from congso.dossiers.calendar import VN
from congso.dossiers.queues import admin_agency_ids, request_roles
from congso.dossiers.services import records
from congso.dossiers.status import Role
from congso.retention import export as exports
from congso.retention.access import log_export
from congso.retention.models import DataExport, PersonalDataAccess
from congso.retention.views import private_zip

PAGE_SIZE = 50


def may_read_log(request) -> bool:
    user = request.user
    return user.is_authenticated and (user.is_superuser or Role.ADMIN in request_roles(request))


def _day(text: str, name: str, errors: list) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        errors.append(f"{name} không đúng dạng ngày (năm-tháng-ngày, ví dụ 2026-05-31).")
        return None


def filtered_log(user, params) -> tuple:
    """(rows, errors, values) for the log page: rows this user may read, narrowed by the filters;
    a filter that cannot be read is reported and ignored (never a 500)."""
    rows = PersonalDataAccess.objects.select_related("dossier__agency")
    agencies = admin_agency_ids(user)
    if agencies is not None:
        rows = rows.filter(dossier__agency_id__in=agencies)
    errors: list[str] = []
    values = {key: (params.get(key) or "").strip()[:100] for key in ("ma", "nguoi", "tu", "den")}
    if values["ma"]:
        rows = rows.filter(dossier_code__icontains=values["ma"])
    if values["nguoi"]:
        rows = rows.filter(
            Q(user_name__icontains=values["nguoi"]) | Q(user__username__iexact=values["nguoi"])
        )
    start = _day(values["tu"], "Từ ngày", errors)
    end = _day(values["den"], "Đến ngày", errors)
    if start:
        rows = rows.filter(at__gte=dt.datetime.combine(start, dt.time(), tzinfo=VN))
    if end:
        rows = rows.filter(at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), VN))
    return rows.order_by("-at", "-pk"), errors, values


@require_GET
def access_log(request):
    if not may_read_log(request):
        raise PermissionDenied
    rows, errors, values = filtered_log(request.user, request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = "&".join(f"{key}={value}" for key, value in values.items() if value)
    return TemplateResponse(
        request,
        "retention/admin/access_log.html",
        {"page": page, "errors": errors, "values": values, "query": query},
    )


def _find_citizens(text: str):
    from django.contrib.auth import get_user_model

    text = text.strip()[:100]
    if not text:
        return []
    users = get_user_model().objects.filter(is_staff=False)
    found = users.filter(
        Q(username__iexact=text)
        | Q(email__iexact=text)
        | Q(citizen_profile__id_number=text)
        | Q(citizen_profile__phone__endswith=text.lstrip("0")[-9:] or "-")
    ).select_related("citizen_profile")
    return list(found.distinct()[:20])


@require_http_methods(["GET", "POST"])
def desk_export(request):
    """Only the installation administrator: the zip hands out every dossier of a person."""
    if not request.user.is_superuser:
        raise PermissionDenied
    from django.contrib.auth import get_user_model

    if request.method == "POST":
        subject = (
            get_user_model()
            .objects.filter(pk=_int(request.POST.get("cong_dan")), is_staff=False)
            .first()
        )
        if subject is None:
            messages.error(request, "Không tìm thấy tài khoản công dân.")
            return redirect("retention_admin:desk_export")
        made = exports.request_export(subject, request.user)
        log_export(request, subject, made)
        messages.success(
            request, f"Đang chuẩn bị gói dữ liệu của {subject.get_username()}; tải lại trang sau."
        )
        return redirect("retention_admin:desk_export")
    search = request.GET.get("q", "")
    now = records.now()
    made = DataExport.objects.filter(requested_by=request.user).exclude(subject=request.user)
    return TemplateResponse(
        request,
        "retention/admin/desk_export.html",
        {
            "search": search[:100],
            "found": _find_citizens(search) if search.strip() else None,
            "exports": [
                (item, exports.token_for(item) if item.usable(now) else "")
                for item in made.select_related("subject")[:20]
            ],
        },
    )


@require_GET
def desk_download(request, token: str):
    if not request.user.is_superuser:
        raise PermissionDenied
    export = exports.export_from_token(token, request.user)
    if export is None or not export.at_desk:
        raise Http404
    return private_zip(export)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def urls():
    return [
        path("", access_log, name="access_log"),
        path("xuat-tai-quay/", desk_export, name="desk_export"),
        path("xuat-tai-quay/tai-ve/<str:token>/", desk_download, name="desk_download"),
    ]
