from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Site

from . import querysets
from .adapters import TYPE_LABELS
from .params import parse_params


def site_tree_path(request) -> str:
    """Results stay within the site the reader is on (one installation hosts many sites)."""
    site = Site.find_for_request(request)
    return site.root_page.path if site else ""


def _page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return "?" + query.urlencode()


@require_safe
def results(request):
    params = parse_params(request.GET)
    found = querysets.search(
        params.q, params.filters(site_tree_path(request)), params.page, params.page_size
    )
    context = {
        "search_query": found.query.text,
        "params": params,
        "results": found,
        "type_choices": list(TYPE_LABELS.items()),
        "categories": querysets.categories(),
        "previous_url": _page_url(request, found.page - 1) if found.page > 1 else "",
        "next_url": _page_url(request, found.page + 1) if found.page < found.num_pages else "",
        "first_number": (found.page - 1) * found.page_size + 1,
        "date_from": params.date_from.isoformat() if params.date_from else "",
        "date_to": params.date_to.isoformat() if params.date_to else "",
    }
    response = render(request, "search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
