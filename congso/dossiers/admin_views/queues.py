"""The queues page: the officer's agency, a tab per queue with its count, the dossiers of the
chosen queue (paginated, searchable by code or applicant name)."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from congso.core.pagination import paginate
from congso.dossiers import queues as q
from congso.dossiers.admin_views import require_officer
from congso.dossiers.services import records

PER_PAGE = 25
DEFAULT_QUEUE = "viec-cua-toi"


@require_GET
def queue(request):
    require_officer(request)
    user = request.user
    agency = q.pick_agency(user, request.GET.get("co-quan"))
    slug = request.GET.get("hang")
    if slug not in q.QUEUE_BY_SLUG:
        slug = DEFAULT_QUEUE
    now = records.now()
    text = (request.GET.get("q") or "").strip()[:100]
    dossiers = q.for_list(q.search(q.queue_dossiers(user, agency, slug, now=now), text))
    page = paginate(request, dossiers, PER_PAGE)
    names = q.step_names(page.object_list)
    rows = [
        (
            d,
            names.get((d.workflow_id, d.current_step), d.current_step),
            bool(d.due_at and d.due_at <= now and d.status in q.CLOCK_RUNNING),
        )
        for d in page
    ]
    counts = q.counts(user, agency, now=now)
    tabs = [(queue, counts[queue.slug]) for queue in q.QUEUES]
    return TemplateResponse(
        request,
        "dossiers/admin/queue.html",
        {
            "agencies": q.officer_agencies(user),
            "agency": agency,
            "tabs": tabs,
            "current": q.QUEUE_BY_SLUG[slug],
            "page_obj": page,
            "rows": rows,
            "search": text,
            "now": now,
        },
    )
