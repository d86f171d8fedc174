"""The queues page: the officer's agency, a tab per queue with its count, the dossiers of the
chosen queue (paginated, searchable by code or applicant name)."""

from functools import cached_property

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from congso.core.pagination import paginate
from congso.dossiers import queues as q
from congso.dossiers.admin_views import require_officer
from congso.dossiers.services import records

PER_PAGE = 25
DEFAULT_QUEUE = "viec-cua-toi"


class CountedPaginator(Paginator):
    """A paginator told its count: the tab's count, read with the others in one query."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


@require_GET
def queue(request):
    require_officer(request)
    user = request.user
    agencies = list(q.officer_agencies(user))
    agency = q.pick_agency(user, request.GET.get("co-quan"), agencies)
    slug = request.GET.get("hang")
    if slug not in q.QUEUE_BY_SLUG:
        slug = DEFAULT_QUEUE
    now = records.now()
    text = (request.GET.get("q") or "").strip()[:100]
    reader = q.Reader(user, agency, now)
    counts = reader.counts()
    dossiers = q.for_list(q.search(reader.dossiers(slug), text))
    if text:
        page = paginate(request, dossiers, PER_PAGE)
    else:  # the whole queue: its count is the tab's
        page = CountedPaginator(dossiers, PER_PAGE, counts[slug]).get_page(request.GET.get("page"))
    names = q.step_names(page.object_list)
    rows = [
        (
            d,
            names.get((d.workflow_id, d.current_step), d.current_step),
            bool(d.due_at and d.due_at <= now and d.status in q.CLOCK_RUNNING),
        )
        for d in page
    ]
    tabs = [(queue, counts[queue.slug]) for queue in q.QUEUES]
    return TemplateResponse(
        request,
        "dossiers/admin/queue.html",
        {
            "agencies": agencies,
            "agency": agency,
            "tabs": tabs,
            "current": q.QUEUE_BY_SLUG[slug],
            "page_obj": page,
            "rows": rows,
            "search": text,
            "now": now,
        },
    )
