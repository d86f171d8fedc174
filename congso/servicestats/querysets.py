"""Reading the figures of a period: sums over day rows, never a scan of the dossiers."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from congso.dossiers.calendar import HOURS_PER_WORKING_DAY
from congso.servicestats.models import COUNTERS, AgencyDay, DossierFact, Outcome
from congso.servicestats.periods import Period

FLOW_COUNTERS = tuple(c for c in COUNTERS if not c.endswith("_delta"))


def ratio(numerator: int | float, denominator: int | float, places: int = 2) -> float | None:
    """numerator / denominator as a percentage rounded half up; None when nothing to divide."""
    if not denominator:
        return None
    value = Decimal(numerator) * 100 / Decimal(denominator)
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _days(agency_ids):
    rows = AgencyDay.objects.all()
    return rows if agency_ids is None else rows.filter(agency_id__in=agency_ids)


def _not_yet_overdue(agency_ids, now: dt.datetime):
    """Facts counted overdue by today's day row (due today, not settled) whose due time is
    still ahead of `now`: read from the partial index fact_open_due_idx alone (joining the
    dossiers for their due time cost 220 ms at a million dossiers, 8,700 due today)."""
    rows = DossierFact.objects.filter(
        due_on=timezone.localdate(now),
        due_at__gt=now,
        # due_on is only set on received dossiers: no need to read received_on from the table.
        outcome=Outcome.IN_PROGRESS,
    )
    return rows if agency_ids is None else rows.filter(agency_id__in=agency_ids)


def _stock(total: int, overdue: int) -> dict[str, int]:
    return {
        "in_progress": total,
        "in_progress_on_time": total - overdue,
        "in_progress_overdue": overdue,
    }


def stock_at(agency_ids, period: Period, now: dt.datetime | None = None) -> dict[str, int]:
    """Dossiers received and not settled at the end of the period (now, for a current one).

    Both come from the day rows' daily changes (+1 on receipt, -1 on settlement), which are
    exact up to this moment; only "overdue" needs a correction today, for dossiers due later
    today that the end-of-day row already counts. No scan of the dossiers (issue 10, part 8)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    current = period.end >= today
    counts = (
        _days(agency_ids)
        .filter(day__lte=today if current else period.end)
        .aggregate(
            total=Coalesce(Sum("in_progress_delta"), 0),
            overdue=Coalesce(Sum("overdue_delta"), 0),
        )
    )
    total, overdue = counts["total"], counts["overdue"]
    if current:
        overdue -= _not_yet_overdue(agency_ids, now).count()
    return _stock(total, overdue)


def derive(counts: dict) -> dict:
    """The shares and averages a reader looks for, from the summed counters."""
    finished = counts["finished_early"] + counts["finished_on_time"] + counts["finished_late"]
    out = dict(counts)
    out["finished"] = finished
    out["settled"] = finished + counts["refused"] + counts["withdrawn"] + counts["stopped"]
    out["finished_in_time_ratio"] = ratio(
        counts["finished_early"] + counts["finished_on_time"], finished
    )
    out["received_online_ratio"] = ratio(counts["received_online"], counts["received"])
    out["fully_online_ratio"] = ratio(counts["received_fully_online"], counts["received"])
    hours = (
        counts["processing_seconds"] / counts["processing_count"] / 3600
        if counts["processing_count"]
        else None
    )
    out["average_processing_days"] = (
        round(hours / HOURS_PER_WORKING_DAY, 2) if hours is not None else None
    )
    out["average_rating"] = (
        round(counts["rating_sum"] / counts["rating_count"], 2) if counts["rating_count"] else None
    )
    out["satisfaction_ratio"] = ratio(counts["rating_satisfied"], counts["rating_count"])
    return out


def figures(agency_ids: list[int] | None, period: Period, now: dt.datetime | None = None) -> dict:
    """All figures of a period for some agencies (None: the whole installation)."""
    sums = (
        _days(agency_ids)
        .filter(day__gte=period.start, day__lte=period.end)
        .aggregate(**{name: Coalesce(Sum(name), 0) for name in FLOW_COUNTERS})
    )
    counts = {name: int(sums[name]) for name in FLOW_COUNTERS}
    counts.update(stock_at(agency_ids, period, now))
    return derive(counts)


def figures_by_agency(agency_ids: list[int] | None, period: Period) -> dict[int, dict]:
    """Flow figures per agency (for tables, rankings and the Excel report); stocks per agency
    come from stock_at one agency at a time."""
    rows = (
        _days(agency_ids)
        .filter(day__gte=period.start, day__lte=period.end)
        .values("agency_id")
        .annotate(**{name: Coalesce(Sum(name), 0) for name in FLOW_COUNTERS})
    )
    return {row.pop("agency_id"): row for row in rows}


def stock_by_agency(
    agency_ids: list[int] | None, period: Period, now: dt.datetime | None = None
) -> dict[int, dict[str, int]]:
    """stock_at for every agency in one grouped query (two for the current period)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    current = period.end >= today
    rows = (
        _days(agency_ids)
        .filter(day__lte=today if current else period.end)
        .values("agency_id")
        .annotate(
            total=Coalesce(Sum("in_progress_delta"), 0),
            overdue=Coalesce(Sum("overdue_delta"), 0),
        )
    )
    ahead = {}
    if current:
        ahead = dict(
            _not_yet_overdue(agency_ids, now)
            .values("agency_id")
            .annotate(n=Count("pk"))
            .values_list("agency_id", "n")
        )
    return {
        row["agency_id"]: _stock(row["total"], row["overdue"] - ahead.get(row["agency_id"], 0))
        for row in rows
        if row["total"]
    }


def table_by_agency(
    agency_ids: list[int] | None, period: Period, now: dt.datetime | None = None
) -> dict[int, dict]:
    """Every figure per agency, as figures() gives for one, whatever the number of agencies:
    one grouped query for a closed period (flows and end-of-period stocks from the same day
    rows), three for the current one (its stocks are corrected for this moment). Agencies
    without a day row or a dossier in progress are left out."""
    now = now or timezone.now()
    if period.end < timezone.localdate(now):
        flows, stocks = _closed_table(agency_ids, period)
    else:
        flows = figures_by_agency(agency_ids, period)
        stocks = stock_by_agency(agency_ids, period, now)
    empty_flow = {name: 0 for name in FLOW_COUNTERS}
    empty_stock = {"in_progress": 0, "in_progress_on_time": 0, "in_progress_overdue": 0}
    out = {}
    for agency_id in flows.keys() | stocks.keys():
        counts = {k: int(v) for k, v in flows.get(agency_id, empty_flow).items()}
        counts.update(stocks.get(agency_id, empty_stock))
        out[agency_id] = derive(counts)
    return out


def _closed_table(agency_ids, period: Period) -> tuple[dict, dict]:
    in_period = Q(day__gte=period.start)
    rows = (
        _days(agency_ids)
        .filter(day__lte=period.end)
        .values("agency_id")
        .annotate(
            **{name: Coalesce(Sum(name, filter=in_period), 0) for name in FLOW_COUNTERS},
            stock_total=Coalesce(Sum("in_progress_delta"), 0),
            stock_overdue=Coalesce(Sum("overdue_delta"), 0),
        )
    )
    flows, stocks = {}, {}
    for row in rows:
        agency_id, total, overdue = (
            row.pop("agency_id"),
            row.pop("stock_total"),
            row.pop("stock_overdue"),
        )
        flows[agency_id] = row
        stocks[agency_id] = {
            "in_progress": total,
            "in_progress_on_time": total - overdue,
            "in_progress_overdue": overdue,
        }
    return flows, stocks


def figures_by_month(agency_ids: list[int] | None, period: Period) -> list[tuple[Period, dict]]:
    """Flow figures of each month of the period, in order (the bar chart), in one query.
    Months are grouped in Python from day rows' year and month: no database date functions,
    which SQLite and PostgreSQL spell differently."""
    rows = (
        _days(agency_ids)
        .filter(day__gte=period.start, day__lte=period.end)
        .values("day__year", "day__month")
        .annotate(**{name: Coalesce(Sum(name), 0) for name in FLOW_COUNTERS})
    )
    by_month = {(row.pop("day__year"), row.pop("day__month")): row for row in rows}
    out = []
    for month in period.months():
        counts = by_month.get((month.start.year, month.start.month))
        counts = {name: int(counts[name]) if counts else 0 for name in FLOW_COUNTERS}
        out.append((month, counts))
    return out


def includes_sample(agency_ids: list[int] | None, period: Period) -> bool:
    """Whether sample dossiers (dữ liệu mẫu) count in the period's figures."""
    rows = DossierFact.objects.filter(is_sample=True)
    if agency_ids is not None:
        rows = rows.filter(agency_id__in=agency_ids)
    in_period = Q(received_on__range=(period.start, period.end)) | Q(
        settled_on__range=(period.start, period.end)
    )
    if period.end >= timezone.localdate():
        in_period |= Q(settled_on__isnull=True, received_on__isnull=False)
    return rows.filter(in_period).exists()
