"""Closing a period of the 766 index from the admin ("Khóa kỳ"): the same service as the
command `close_index_766`, for those holding the permission index766.close_period."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from congso.index766 import services
from congso.index766.models import PeriodClosure

log = logging.getLogger("congso.index766")
PERMISSION = "index766.close_period"


@require_http_methods(["GET", "POST"])
def close_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    period_text = (request.POST.get("period") or "").strip()
    status = 200
    if request.method == "POST":
        try:
            period = services.period_of(period_text) if period_text else None
            if period is None:
                raise services.IndexError766(_("Nhập kỳ cần khóa, ví dụ 2026-Q3."))
            closure = services.close_period(period, request.user)
        except services.IndexError766 as error:
            messages.error(request, str(error))
            status = error.status
        else:
            count = closure.agencies.count()
            messages.success(
                request,
                _("Đã khóa kỳ %(period)s cho %(count)s cơ quan.")
                % {"period": closure.period, "count": count},
            )
            return redirect("index766_admin:close")
    return render(
        request,
        "index766/admin/close.html",
        {
            "closures": PeriodClosure.objects.select_related("closed_by", "indicator_set")[:40],
            "period_text": period_text,
        },
        status=status,
    )
