"""The public results page (công khai kết quả giải quyết hồ sơ) and its CSV.

Query parameters (Vietnamese, like the other public pages): `co-quan` (agency identifier),
`nam`, `quy`, `thang` (the period picker) or `ky` (a period code, as the API's `period`), and
optionally `tu`/`den` (dates). The figures come from report.py, the same as the API.

Never kept by the page cache: figures move with every event, and the page reads pre-added day
rows, so it is cheap to render (see `_fresh`).
"""

import csv
import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from congso.servicestats import charts, filters, report
from congso.servicestats.models import AgencyDay

SAMPLE_NOTICE = "Số liệu gồm hồ sơ mẫu (dữ liệu mẫu)."


def choose(params) -> filters.Choice:
    return filters.choose(
        params.get("co-quan"), filters.period_code(params), params.get("tu"), params.get("den")
    )


def _fresh(response):
    # no-cache: the full-page cache skips it and browsers revalidate; the figures of today
    # change with every dossier event, and a stale "đang giải quyết" misleads.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _years(chosen: int | None) -> list[int]:
    first = AgencyDay.objects.order_by("day").values_list("day", flat=True).first()
    this_year = timezone.localdate().year
    start = min(first.year if first else this_year, chosen or this_year)
    return list(range(max(chosen or this_year, this_year), start - 1, -1))


def _links(choice: filters.Choice) -> dict:
    params = {"ky": choice.period.code}
    if choice.period.kind == "range":
        params = {"tu": choice.period.start.isoformat(), "den": choice.period.end.isoformat()}
    if choice.agency:
        params["co-quan"] = choice.agency.identifier
    api = {"period": params.get("ky", ""), "from": params.get("tu"), "to": params.get("den")}
    api["agency"] = choice.agency.identifier if choice.agency else None
    csv_url = reverse("servicestats:csv") + "?" + urlencode(params)
    agency_params = {k: v for k, v in params.items() if k != "co-quan"}
    return {
        "agency_prefix": "?" + urlencode({**agency_params, "co-quan": ""}),
        "csv": csv_url,
        "csv_months": csv_url + "&theo=thang",
        "api": "/api/v1/statistics?" + urlencode({k: v for k, v in api.items() if v}),
    }


def _picker(params, choice: filters.Choice | None) -> dict:
    period = choice.period if choice else None
    year = period.start.year if period else None
    return {
        "agency": (params.get("co-quan") or "").strip(),
        "year": year,
        "quarter": (period.start.month - 1) // 3 + 1 if period and period.kind == "quarter" else "",
        "month": period.start.month if period and period.kind == "month" else "",
    }


def _charts(figures: dict, months: list) -> dict:
    parts = [
        charts.Part("Trước hạn", figures["finished_early"], charts.EARLY),
        charts.Part("Đúng hạn", figures["finished_on_time"], charts.ON_TIME),
        charts.Part("Quá hạn", figures["finished_late"], charts.LATE),
    ]
    series = [(f"T{m.start.month}", c["received"], c["finished"]) for m, c in months]
    return {
        "timeliness": charts.proportion_bar("Tỷ lệ hồ sơ giải quyết trước, đúng và quá hạn", parts),
        "months": charts.month_bars("Hồ sơ tiếp nhận và đã giải quyết theo tháng", series),
    }


@require_safe
def results_page(request):
    agencies = report.agencies()
    context = {
        "agencies": agencies,
        "labels": report.LABELS,
        "error": "",
        "quarter_choices": range(1, 5),
        "month_choices": range(1, 13),
    }
    try:
        choice = choose(request.GET)
    except filters.FilterError as error:
        context.update(error=str(error), picker=_picker(request.GET, None), years=_years(None))
        return _fresh(render(request, "servicestats/results.html", context, status=error.status))
    figures = report.answer(choice)
    months = report.month_rows(choice)
    context.update(
        choice=choice,
        figures=figures,
        months=months,
        picker=_picker(request.GET, choice),
        years=_years(choice.period.start.year),
        links=_links(choice),
        charts=_charts(figures, months),
        sample_notice=SAMPLE_NOTICE if figures["includes_sample"] else "",
        agency_rows=report.agency_rows(choice, agencies) if choice.agency is None else [],
        columns=report.TABLE_COLUMNS,
    )
    return _fresh(render(request, "servicestats/results.html", context))


CSV_FIXED = ("Mã định danh", "Cơ quan", "Kỳ báo cáo", "Từ ngày", "Đến ngày")


def _csv_value(value) -> str:
    return "" if value is None else str(value)


@require_safe
def results_csv(request):
    """Per agency rows and a total row (or per month rows with `theo=thang`); UTF-8 with a BOM
    so that Excel shows Vietnamese; figures as the API gives them (a dot before decimals)."""
    try:
        choice = choose(request.GET)
    except filters.FilterError as error:
        response = HttpResponse(str(error), status=error.status, content_type="text/plain")
        return _fresh(response)
    names = report.COUNTS + report.RATIOS
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="ket-qua-giai-quyet-ho-so-{_file_part(choice)}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([*CSV_FIXED, *(report.LABELS[name] for name in names)])
    period = choice.period
    whole = report.answer(choice)
    identifier = choice.agency.identifier if choice.agency else ""
    agency_name = choice.agency.name if choice.agency else "Toàn bộ cơ quan"
    if request.GET.get("theo") == "thang":
        for month, counts in report.month_rows(choice):
            start, end = max(month.start, period.start), min(month.end, period.end)
            fixed = [identifier, agency_name, month.code, _d(start), _d(end)]
            writer.writerow(fixed + [_csv_value(counts[n]) for n in names])
    elif choice.agency is None:
        for agency, figures in report.agency_rows(choice):
            fixed = [agency.identifier, agency.name, period.code, _d(period.start), _d(period.end)]
            writer.writerow(fixed + [_csv_value(figures[n]) for n in names])
    fixed = [identifier, agency_name, period.code, _d(period.start), _d(period.end)]
    writer.writerow(fixed + [_csv_value(whole[n]) for n in names])
    return _fresh(response)


def _d(day: dt.date) -> str:
    return day.isoformat()


def _file_part(choice: filters.Choice) -> str:
    part = choice.period.code.replace("/", "_")
    return f"{choice.agency.identifier}-{part}" if choice.agency else part
