"""The citizen's "Dữ liệu của tôi" (/tai-khoan/du-lieu-cua-toi/): ask for a zip of all their
data, download it through its signed link, and see which agency's staff opened their dossiers.
Only ever the logged-in citizen's own; never cached anywhere (it lists personal data)."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from congso.core import ratelimit
from congso.dossiers.services import records
from congso.dossiers.views.citizen_common import citizen_page
from congso.retention import export as exports
from congso.retention.models import DataExport, PersonalDataAccess

DEFAULT_RATE = "5/86400"  # exports a citizen may ask for a day: a zip is costly to build
SHOWN_ACCESSES = 100


@citizen_page
@require_http_methods(["GET", "POST"])
def my_data(request):
    if request.method == "POST":
        rate = ratelimit.Rate.parse(getattr(settings, "RETENTION_EXPORT_RATE_LIMIT", DEFAULT_RATE))
        try:
            ratelimit.hit(f"retention-export:{request.user.pk}", rate, every_worker=True)
        except ratelimit.RateLimited as limited:
            response = render(request, "dossiers/citizen/429.html", status=429)
            response["Retry-After"] = str(limited.retry_after)
            return response
        exports.request_export(request.user, request.user)
        messages.success(
            request,
            "Đang chuẩn bị gói dữ liệu của bạn. Khi xong, đường dẫn tải về hiện ở trang này.",
        )
        return redirect("retention:my_data")
    now = records.now()
    mine = list(DataExport.objects.filter(subject=request.user, requested_by=request.user)[:5])
    rows = [(item, exports.token_for(item) if item.usable(now) else "") for item in mine]
    accesses = (
        PersonalDataAccess.objects.filter(dossier__owner=request.user)
        .select_related("dossier__agency")
        .order_by("-at", "-pk")[:SHOWN_ACCESSES]
    )
    return render(
        request,
        "retention/my_data.html",
        {
            "exports": rows,
            "pending": any(item.state == DataExport.State.PENDING for item in mine),
            "accesses": accesses,
            "link_days": exports.link_seconds() // 86400,
        },
    )


@citizen_page
@require_GET
def download(request, token: str):
    export = exports.export_from_token(token, request.user)
    if export is None:
        raise Http404
    return private_zip(export)


def private_zip(export):
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"du-lieu-ca-nhan-{export.requested_at:%Y%m%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
