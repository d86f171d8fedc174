"""The public 766 index page (/chi-so-766/): an agency's (or every agency's) points per
indicator with numerator, denominator and ratio, charts, and the ranking of agencies.

Query parameters as on the results page: `co-quan` (agency identifier) and `ky` (period code,
as the API's `period`), or `nam` + `quy`/`thang` from the picker.
"""

from collections import OrderedDict

from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from congso.index766 import charts, services
from congso.index766.models import Group, PeriodClosure, Source
from congso.index766.scoring import total
from congso.organisation.models import Agency
from congso.servicestats.filters import period_code


def _groups(lines) -> list[dict]:
    groups: OrderedDict = OrderedDict()
    for line in lines:
        group = groups.setdefault(
            line.group, {"label": Group(line.group).label, "points": 0, "max": 0}
        )
        group["points"] += line.points
        group["max"] += line.max_points
    return list(groups.values())


@require_GET
def index_page(request):
    params = request.GET
    code = period_code(params)
    identifier = (params.get("co-quan") or "").strip()
    this_year = timezone.localdate().year
    context = {
        "agencies": Agency.objects.order_by("name"),
        "picker": {"agency": identifier, "period": code},
        "years": list(range(this_year, this_year - 5, -1)),
        "quarters": range(1, 5),
        "months": range(1, 13),
        "closed_periods": PeriodClosure.objects.values_list("period", flat=True)[:24],
        "source_entered": Source.ENTERED,
    }
    status = 200
    try:
        period = services.period_of(code)
        agency = None
        if identifier:
            # PostgreSQL can neither store nor compare a NUL: no agency has one.
            if "\x00" not in identifier:
                agency = Agency.objects.filter(identifier=identifier).first()
            if agency is None:
                status = 404
                raise services.IndexError766(
                    f"Không tìm thấy cơ quan có mã định danh “{identifier}”."
                )
        # Every agency's lines once: the ranking and the page's own lines come from them.
        by_agency, closure = services.scores_by_agency(period)
        lines = services.lines_from(by_agency, closure, period, agency)
        ranking = services.ranking_from(by_agency)
    except services.IndexError766 as error:
        context["error"] = str(error)
        status = status if status != 200 else error.status
    else:
        groups = _groups(lines)
        context["picker"].update(
            year=period.start.year,
            quarter=(period.start.month - 1) // 3 + 1 if period.kind == "quarter" else None,
            month=period.start.month if period.kind == "month" else None,
        )
        api = {"period": period.code}
        if agency:
            api["agency"] = agency.identifier
        context.update(
            period=period,
            agency=agency,
            closure=closure,
            lines=lines,
            total=total(lines),
            groups=groups,
            ranking=ranking,
            api_url="/api/v1/statistics/index-766?" + urlencode(api),
            ranking_api_url="/api/v1/statistics/index-766/ranking?"
            + urlencode({"period": period.code}),
            charts={
                "groups": charts.bars(
                    "Điểm theo nhóm chỉ số",
                    [(g["label"], g["points"], g["max"]) for g in groups],
                ),
                "ranking": charts.bars(
                    "Tổng điểm của các cơ quan",
                    [(row["agency"].name, row["total"], 100) for row in ranking[:20]],
                ),
            },
        )
    response = render(request, "index766/index.html", context, status=status)
    # Live figures move with every dossier event: never served from the page cache.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
