"""The admin's "Nhắc việc và cảnh báo" listing (officers: their agencies' rows only)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from congso.core.pagination import paginate
from congso.dossiers import queues as q
from congso.reminders import querysets
from congso.reminders.models import Kind

PER_PAGE = 25


@require_GET
def reminder_list(request):
    if not q.request_is_officer(request):
        raise PermissionDenied
    user = request.user
    agencies = list(q.officer_agencies(user))
    # Unknown or foreign values are ignored, as the queues page does: the officer's own rows.
    wanted = (request.GET.get("co-quan") or "").strip()
    agency = next((a for a in agencies if wanted and a.identifier == wanted), None)
    kind = request.GET.get("loai") or ""
    kind = kind if kind in Kind.values else ""
    mine = request.GET.get("cua-toi") == "1"
    rows = querysets.listing(user, kind=kind, agency=agency, mine=mine)
    page = paginate(request, rows, PER_PAGE)
    return TemplateResponse(
        request,
        "reminders/admin/list.html",
        {
            "page_obj": page,
            "agencies": agencies,
            "agency": agency,
            "kinds": Kind.choices,
            "kind": kind,
            "mine": mine,
        },
    )
