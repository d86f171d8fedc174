"""Public pages of the catalogue: the list with filters, a procedure, its sample forms."""

import mimetypes
from pathlib import PurePath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from congso.core.pagination import paginate

from .models import Component, Procedure
from .querysets import CatalogueFilter, catalogue, filter_choices

PAGE_SIZE = 20


def _filter_query(filters: CatalogueFilter) -> str:
    """The list's query string without the page, for the pagination links."""
    pairs = [
        ("q", filters.q),
        ("linh-vuc", filters.field),
        ("co-quan", filters.agency),
        ("muc-do", filters.online_level),
    ]
    return urlencode([(k, v) for k, v in pairs if v])


@require_safe
def catalogue_list(request):
    filters = CatalogueFilter.from_data(request.GET)
    procedures = paginate(request, catalogue(filters), PAGE_SIZE)
    query = _filter_query(filters)
    context = {
        "filter": filters,
        "choices": filter_choices(),
        "procedures": procedures,
        "page_prefix": f"?{query}&page=" if query else "?page=",
    }
    return render(request, "procedures/procedure_list.html", context)


@require_safe
def procedure_detail(request, code: str):
    if not code.isprintable():  # a NUL would be a 500 on PostgreSQL; no code has one
        raise Http404
    procedure = get_object_or_404(Procedure.objects.published().for_detail(), code=code[:64])
    return render(request, "procedures/procedure_detail.html", {"procedure": procedure})


@require_safe
def download_template(request, code: str, component_id: int):
    if not code.isprintable():
        raise Http404
    """A sample form, as an attachment; only of a published procedure."""
    component = get_object_or_404(
        Component.objects.select_related("procedure"),
        pk=component_id,
        procedure__in=Procedure.objects.published().filter(code=code[:64]),
    )
    if not component.template:
        raise Http404
    try:
        handle = component.template.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    name = PurePath(component.template.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
