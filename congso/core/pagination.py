from django.core.paginator import Paginator


def paginate(request, queryset, per_page: int):
    """Tolerates bad page numbers (?page=x, ?page=-1, ?page=99999): readers get a valid page."""
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))
