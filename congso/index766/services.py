"""The index of a period: live from the dossiers, or frozen once the period is closed.

`report()` answers one agency or the whole installation; `scores_by_agency()` every agency at
once (ranking, closing). The whole installation is the sum of its agencies' numerators and
denominators, scored again: a dossier counts once, in the agency that handled it.
"""

import datetime as dt
import logging
from collections import defaultdict
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from congso.index766.measures import Measurements
from congso.index766.models import (
    AgencySnapshot,
    EnteredValue,
    IndicatorSet,
    PeriodClosure,
    SnapshotRow,
    Source,
)
from congso.index766.scoring import Line, total
from congso.organisation.models import Agency
from congso.servicestats.periods import Period, PeriodError, parse_period

log = logging.getLogger("congso.index766")


class IndexError766(Exception):
    """A request the index cannot answer; the message is for the user (Vietnamese)."""

    status = 400


class NoIndicatorSet(IndexError766):
    status = 404


class AlreadyClosed(IndexError766):
    status = 409


class NotEnded(IndexError766):
    status = 400


def period_of(value: str | None, today: dt.date | None = None) -> Period:
    try:
        return parse_period(value, today)
    except PeriodError as error:
        raise IndexError766(str(error)) from error


def indicator_set_for(period: Period) -> IndicatorSet:
    """The set in force on the period's first day."""
    found = (
        IndicatorSet.objects.filter(effective_from__lte=period.start)
        .order_by("-effective_from")
        .first()
    )
    if found is None:
        raise NoIndicatorSet(f"Chưa có bộ chỉ số 766 áp dụng cho kỳ {period.code}.")
    return found


def _blank_lines(indicator_set: IndicatorSet) -> list[Line]:
    return _blank_lines_from(indicator_set.indicators.order_by("order", "code"))


def _live(
    period: Period, agency_ids: list[int] | None, today: dt.date | None = None
) -> tuple[IndicatorSet, dict[int, list[Line]]]:
    """Every agency's lines (agency_ids None: all agencies with any data or procedure)."""
    indicator_set = indicator_set_for(period)
    indicators = list(indicator_set.indicators.order_by("order", "code"))
    measurements = Measurements(agency_ids, period, today or timezone.localdate())
    numbers: dict[tuple[int, str], tuple] = {}
    for indicator in indicators:
        if indicator.source == Source.COMPUTED and indicator.formula:
            for agency_id, pair in measurements.measure(indicator.formula).items():
                numbers[agency_id, indicator.code] = (*pair, False)
    entered = EnteredValue.objects.filter(
        period=period.code, indicator__indicator_set=indicator_set
    ).values_list("agency_id", "indicator__code", "numerator", "denominator")
    if agency_ids is not None:
        entered = entered.filter(agency_id__in=agency_ids)
    for agency_id, code, numerator, denominator in entered:
        numbers[agency_id, code] = (numerator, denominator, True)
    agencies = set(agency_ids or ()) | {agency_id for agency_id, _ in numbers}
    out = {}
    for agency_id in agencies:
        lines = _blank_lines_from(indicators)
        for line in lines:
            if (agency_id, line.code) in numbers:
                line.add(*numbers[agency_id, line.code])
        out[agency_id] = lines
    return indicator_set, out


def _blank_lines_from(indicators) -> list[Line]:
    return [
        Line(
            code=i.code,
            name=i.name,
            group=i.group,
            order=i.order,
            source=i.source,
            max_points=i.max_points,
            target=i.target,
        )
        for i in indicators
    ]


def _frozen(closure: PeriodClosure, agency_ids: list[int] | None) -> dict[int, list[Line]]:
    rows = SnapshotRow.objects.filter(snapshot__closure=closure).select_related("snapshot")
    if agency_ids is not None:
        rows = rows.filter(snapshot__agency_id__in=agency_ids)
    out: dict[int, list[Line]] = defaultdict(list)
    for row in rows.order_by("snapshot__agency_id", "order", "code"):
        line = Line(
            code=row.code,
            name=row.name,
            group=row.group,
            order=row.order,
            source=row.source,
            max_points=row.max_points,
            target=row.target,
        )
        line.add(row.numerator, row.denominator, row.entered)
        out[row.snapshot.agency_id].append(line)
    return dict(out)


def scores_by_agency(
    period: Period, agency_ids: list[int] | None = None, today: dt.date | None = None
) -> tuple[dict[int, list[Line]], PeriodClosure | None]:
    closure = PeriodClosure.objects.filter(period=period.code).first()
    if closure is not None:
        return _frozen(closure, agency_ids), closure
    return _live(period, agency_ids, today)[1], None


def combined(by_agency: dict[int, list[Line]], indicator_set_lines: list[Line]) -> list[Line]:
    """The whole installation: numerators and denominators summed, then scored."""
    lines = {line.code: line for line in indicator_set_lines}
    for agency_lines in by_agency.values():
        for line in agency_lines:
            if line.code in lines:
                lines[line.code].add(line.numerator, line.denominator, line.entered)
    return list(lines.values())


def lines_for(
    period: Period, agency: Agency | None, today: dt.date | None = None
) -> tuple[list[Line], PeriodClosure | None]:
    agency_ids = [agency.pk] if agency else None
    by_agency, closure = scores_by_agency(period, agency_ids, today)
    return lines_from(by_agency, closure, period, agency), closure


def lines_from(
    by_agency: dict[int, list[Line]],
    closure: PeriodClosure | None,
    period: Period,
    agency: Agency | None,
) -> list[Line]:
    """One agency's lines, or the whole installation's, from every agency's lines."""
    if closure is not None:
        template = [_copy(line) for line in next(iter(by_agency.values()), [])]
        if not template:
            template = _blank_lines(closure.indicator_set)
    else:
        template = _blank_lines(indicator_set_for(period))
    if agency is not None:
        return by_agency.get(agency.pk) or template
    return combined(by_agency, template)


def _copy(line: Line) -> Line:
    return _blank_lines_from([line])[0]


def number(value: Decimal):
    """A count as an int, an entered decimal as a float (JSON)."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def report(period: Period, agency: Agency | None, today: dt.date | None = None) -> dict:
    """The API contract: {"agency", "period", "total", "indicators": [...]}."""
    lines, _closure = lines_for(period, agency, today)
    return {
        "agency": agency.identifier if agency else None,
        "period": period.code,
        "total": float(total(lines)),
        "indicators": [
            {
                "code": line.code,
                "name": line.name,
                "numerator": number(line.numerator),
                "denominator": number(line.denominator),
                "ratio": float(line.rounded_ratio) if line.ratio is not None else None,
                "points": float(line.points),
                "max_points": float(line.max_points),
                "source": line.source,
            }
            for line in lines
        ],
    }


def ranking(period: Period, today: dt.date | None = None) -> list[dict]:
    """Every agency with its total, best first (ties share a rank, then by identifier)."""
    return ranking_from(scores_by_agency(period, None, today)[0])


def ranking_from(by_agency: dict[int, list[Line]]) -> list[dict]:
    agencies = Agency.objects.in_bulk(list(by_agency))
    rows = sorted(
        (
            {"agency": agencies[agency_id], "total": total(lines)}
            for agency_id, lines in by_agency.items()
            if agency_id in agencies
        ),
        key=lambda row: (-row["total"], row["agency"].identifier),
    )
    rank, previous = 0, None
    for position, row in enumerate(rows, start=1):
        if row["total"] != previous:
            rank, previous = position, row["total"]
        row["rank"] = rank
    return rows


def close_period(period: Period, user=None, today: dt.date | None = None) -> PeriodClosure:
    """Freeze every agency's index of an ended period, all or nothing; a second close is
    refused (the unique period also refuses a racing one)."""
    today = today or timezone.localdate()
    if period.end >= today:
        raise NotEnded(
            f"Kỳ {period.code} chưa kết thúc (đến hết ngày {period.end:%d/%m/%Y}): "
            "chỉ khóa được kỳ đã qua."
        )
    if PeriodClosure.objects.filter(period=period.code).exists():
        raise AlreadyClosed(f"Kỳ {period.code} đã được khóa trước đó; không khóa lại được.")
    indicator_set, by_agency = _live(period, list(Agency.objects.values_list("pk", flat=True)))
    try:
        with transaction.atomic():
            closure = PeriodClosure.objects.create(
                period=period.code, indicator_set=indicator_set, closed_by=user
            )
            snapshots = AgencySnapshot.objects.bulk_create(
                AgencySnapshot(closure=closure, agency_id=agency_id, total=total(lines))
                for agency_id, lines in sorted(by_agency.items())
            )
            SnapshotRow.objects.bulk_create(
                (
                    SnapshotRow(
                        snapshot=snapshot,
                        code=line.code,
                        name=line.name,
                        group=line.group,
                        order=line.order,
                        source=line.source,
                        numerator=line.numerator,
                        denominator=line.denominator,
                        entered=line.entered,
                        max_points=line.max_points,
                        target=line.target,
                        points=line.points,
                    )
                    for snapshot in snapshots
                    for line in by_agency[snapshot.agency_id]
                ),
                batch_size=2000,
            )
    except IntegrityError as error:
        raise AlreadyClosed(
            f"Kỳ {period.code} đã được khóa trước đó; không khóa lại được."
        ) from error
    log.info(
        "index766: period %s closed for %d agencies by %s",
        period.code,
        len(snapshots),
        getattr(user, "username", "system"),
    )
    return closure


def is_closed(period_code: str) -> bool:
    return PeriodClosure.objects.filter(period=period_code).exists()
