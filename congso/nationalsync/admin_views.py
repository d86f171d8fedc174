"""The admin page "Đồng bộ Cổng DVC quốc gia": the outbox by state, one message's payload and
history, and the buttons "Gửi lại" (one, or every failed message) and "Bỏ qua". Installation
admins only (services.may_manage); every refusal is a 403 or a Vietnamese message."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from congso.core.pagination import paginate
from congso.nationalsync import mapping, querysets, sender, services
from congso.nationalsync.models import Kind, OutboxMessage, State

PER_PAGE = 50
FILTER_LABELS = {
    querysets.ATTENTION: gettext_lazy("Cần xử lý"),
    "loi": gettext_lazy("Gửi lỗi"),
    "cho-gui": gettext_lazy("Chờ gửi"),
    "dang-gui": gettext_lazy("Đang gửi"),
    "da-xac-nhan": gettext_lazy("Đã được xác nhận"),
    "bo-qua": gettext_lazy("Đã bỏ qua"),
    "tat-ca": gettext_lazy("Tất cả"),
}


def _require(request) -> None:
    if not services.may_manage(request.user):
        raise PermissionDenied


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(reverse("nationalsync_admin:list"))


@require_GET
def outbox(request):
    _require(request)
    state = request.GET.get("trang-thai") or querysets.ATTENTION
    if state not in querysets.STATE_FILTERS:
        state = querysets.ATTENTION
    kind = request.GET.get("loai", "")
    code = (request.GET.get("q") or "").strip()[:80]
    page = paginate(request, querysets.listing(state, kind, code), PER_PAGE)
    counts = querysets.counts()
    return TemplateResponse(
        request,
        "nationalsync/outbox.html",
        {
            "page_obj": page,
            "counts": [(value, label, counts[value]) for value, label in State.choices],
            "failed_count": counts[State.FAILED],
            "filters": [(slug, FILTER_LABELS[slug]) for slug in querysets.STATE_FILTERS],
            "state": state,
            "kind": kind if kind in Kind.values else "",
            "kinds": Kind.choices,
            "search": code,
            "enabled": sender.enabled(),
            "missing": sender.missing_settings(),
            "failed": State.FAILED,
        },
    )


@require_GET
def detail(request, pk):
    _require(request)
    message = get_object_or_404(OutboxMessage.objects.select_related("dossier__agency"), pk=pk)
    return TemplateResponse(
        request,
        "nationalsync/message.html",
        {
            "message": message,
            "body": json.dumps(
                mapping.envelope(message, message.dossier.agency.identifier),
                ensure_ascii=False,
                indent=2,
            ),
            "resends": message.resends.all()[:50],
            "may_resend": message.state in services.RESENDABLE,
            "may_abandon": message.state in services.ABANDONABLE,
        },
    )


@require_POST
def resend(request, pk):
    _require(request)
    try:
        services.resend(pk, request.user)
    except OutboxMessage.DoesNotExist:
        messages.error(request, _("Không tìm thấy bản tin."))
    except services.NotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Đã đưa bản tin #%(pk)s vào hàng chờ gửi lại.") % {"pk": pk})
        if not sender.enabled():
            messages.warning(request, _("Đồng bộ đang tắt: bản tin sẽ được gửi khi cấu hình."))
    return _back(request)


@require_POST
def resend_all(request):
    _require(request)
    count = services.resend_all_failed(request.user)
    messages.success(
        request, _("Đã đưa %(count)s bản tin lỗi vào hàng chờ gửi lại.") % {"count": count}
    )
    return _back(request)


@require_POST
def abandon(request, pk):
    _require(request)
    try:
        services.abandon(pk, request.user)
    except OutboxMessage.DoesNotExist:
        messages.error(request, _("Không tìm thấy bản tin."))
    except services.NotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Đã bỏ qua bản tin #%(pk)s.") % {"pk": pk})
    return _back(request)


def urls():
    return [
        path("", outbox, name="list"),
        path("<int:pk>/", detail, name="detail"),
        path("<int:pk>/gui-lai/", resend, name="resend"),
        path("<int:pk>/bo-qua/", abandon, name="abandon"),
        path("gui-lai-tat-ca/", resend_all, name="resend_all"),
    ]
