"""The computed indicators, measured for many agencies at once (issue 10, part 2 and 8).

Each measure answers {agency_id: (numerator, denominator)} for a period from a handful of
aggregate queries grouped by agency (day counters, procedures, facts): closing a period for a
hundred agencies costs the same few queries as for one. The formula keys are what
`Indicator.formula` names; docs/index-766.md describes each and what is unconfirmed.
"""

import datetime as dt
from functools import cached_property

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from congso.nationalsync.models import OutboxMessage, State
from congso.procedures.models import Component, Fee, OnlineLevel, Procedure
from congso.servicestats.models import AgencyDay, DossierFact
from congso.servicestats.periods import Period
from congso.servicestats.querysets import FLOW_COUNTERS

ONLINE_LEVELS = (OnlineLevel.FULL, OnlineLevel.PARTIAL)
CHANNEL_ONLINE = 2


class Measurements:
    """The raw counts of one period for some agencies (None: all), each read once."""

    def __init__(self, agency_ids: list[int] | None, period: Period, today: dt.date):
        self.agency_ids = agency_ids
        self.period = period
        # An open period's stock is taken today; a closed one's at its last day.
        self.cutoff = min(period.end, today)

    def _mine(self, queryset, field="agency_id"):
        if self.agency_ids is None:
            return queryset
        return queryset.filter(**{f"{field}__in": self.agency_ids})

    def _facts(self):
        return self._mine(DossierFact.objects.all())

    @cached_property
    def days(self) -> dict[int, dict[str, int]]:
        rows = (
            self._mine(AgencyDay.objects.filter(day__gte=self.period.start, day__lte=self.cutoff))
            .values("agency_id")
            .annotate(**{name: Coalesce(Sum(name), 0) for name in FLOW_COUNTERS})
        )
        return {row.pop("agency_id"): row for row in rows}

    @cached_property
    def stock(self) -> dict[int, dict[str, int]]:
        """Dossiers received and not settled at the cutoff, and how many of them are overdue:
        the running sums of the daily deltas (servicestats.models)."""
        rows = (
            self._mine(AgencyDay.objects.filter(day__lte=self.cutoff))
            .values("agency_id")
            .annotate(
                total=Coalesce(Sum("in_progress_delta"), 0),
                overdue=Coalesce(Sum("overdue_delta"), 0),
            )
        )
        return {row.pop("agency_id"): row for row in rows}

    @cached_property
    def procedures(self) -> dict[int, dict[str, int]]:
        """Counts of each agency's active procedures, in one query over the agency links."""
        links = Procedure.agencies.through.objects.filter(procedure__active=True)
        procedure = OuterRef("procedure_id")
        has_component = Exists(Component.objects.filter(procedure=procedure, required=True))
        has_fee = Exists(Fee.objects.filter(procedure=procedure, amount__gt=0))
        on_time = Q(procedure__published_at__isnull=False) & (
            Q(procedure__effective_from__isnull=True)
            | Q(procedure__published_at__date__lte=F("procedure__effective_from"))
        )
        complete = (
            Q(has_component)
            & ~Q(procedure__steps="")
            & ~Q(procedure__applicants="")
            & ~Q(procedure__result="")
        )
        online = Q(procedure__online_level__in=ONLINE_LEVELS)
        rows = (
            self._mine(links)
            .values("agency_id")
            .annotate(
                total=Count("pk"),
                published_on_time=Count("pk", filter=on_time),
                complete=Count("pk", filter=complete),
                online=Count("pk", filter=online),
                fee_bearing=Count("pk", filter=Q(has_fee)),
                payable=Count("pk", filter=Q(has_fee) & Q(procedure__online_payment=True)),
            )
        )
        return {row.pop("agency_id"): row for row in rows}

    def _distinct_procedures(self, facts) -> dict[int, int]:
        rows = facts.values("agency_id").annotate(n=Count("procedure_id", distinct=True))
        return {row["agency_id"]: row["n"] for row in rows}

    @cached_property
    def online_used(self) -> dict[int, int]:
        """Online procedures that received at least one online dossier in the period."""
        return self._distinct_procedures(
            self._facts().filter(
                channel=CHANNEL_ONLINE,
                received_on__gte=self.period.start,
                received_on__lte=self.cutoff,
                procedure__active=True,
                procedure__online_level__in=ONLINE_LEVELS,
            )
        )

    @cached_property
    def paid_once(self) -> dict[int, int]:
        """Procedures payable online that were paid online at least once in the period."""
        return self._distinct_procedures(
            self._facts().filter(
                paid_online_on__gte=self.period.start,
                paid_online_on__lte=self.cutoff,
                procedure__active=True,
                procedure__online_payment=True,
            )
        )

    @cached_property
    def synced(self) -> dict[int, int]:
        """Dossiers received in the period that the national portal acknowledged."""
        acknowledged = OutboxMessage.objects.filter(
            dossier=OuterRef("dossier_id"), state=State.ACKNOWLEDGED
        )
        rows = (
            self._facts()
            .filter(received_on__gte=self.period.start, received_on__lte=self.cutoff)
            .filter(Exists(acknowledged))
            .values("agency_id")
            .annotate(n=Count("pk"))
        )
        return {row["agency_id"]: row["n"] for row in rows}

    def agencies(self) -> set[int]:
        return set(self.days) | set(self.stock) | set(self.procedures)

    def measure(self, formula: str) -> dict[int, tuple[int, int]]:
        return {a: FORMULAS[formula](self, a) for a in self.agencies()}


def _day(m: Measurements, agency_id: int) -> dict[str, int]:
    return m.days.get(agency_id) or dict.fromkeys(FLOW_COUNTERS, 0)


def _procedures(m: Measurements, agency_id: int) -> dict[str, int]:
    return m.procedures.get(agency_id) or {}


def _finished(d: dict) -> int:
    return d["finished_early"] + d["finished_on_time"] + d["finished_late"]


def in_time(m, a):
    """(Finished early or on time + in progress within time) ÷ (finished + in progress)."""
    d, stock = _day(m, a), m.stock.get(a) or {"total": 0, "overdue": 0}
    pending = max(stock["total"], 0)
    pending_in_time = max(pending - max(stock["overdue"], 0), 0)
    return (
        d["finished_early"] + d["finished_on_time"] + pending_in_time,
        _finished(d) + pending,
    )


def complained(d: dict) -> int:
    return d["rating_count"] - d["rating_satisfied"]


FORMULAS = {
    "published_on_time": lambda m, a: (
        _procedures(m, a).get("published_on_time", 0),
        _procedures(m, a).get("total", 0),
    ),
    "complete_procedures": lambda m, a: (
        _procedures(m, a).get("complete", 0),
        _procedures(m, a).get("total", 0),
    ),
    "synced": lambda m, a: (m.synced.get(a, 0), _day(m, a)["received"]),
    "in_time": in_time,
    "offered_online": lambda m, a: (
        _procedures(m, a).get("online", 0),
        _procedures(m, a).get("total", 0),
    ),
    "online_used": lambda m, a: (m.online_used.get(a, 0), _procedures(m, a).get("online", 0)),
    "online_dossiers": lambda m, a: (_day(m, a)["received_online"], _day(m, a)["received"]),
    "payable_online": lambda m, a: (
        _procedures(m, a).get("payable", 0),
        _procedures(m, a).get("fee_bearing", 0),
    ),
    "paid_once": lambda m, a: (m.paid_once.get(a, 0), _procedures(m, a).get("payable", 0)),
    "paid_online": lambda m, a: (_day(m, a)["paid_online"], _day(m, a)["fee_bearing"]),
    "electronic_results": lambda m, a: (_day(m, a)["electronic_result"], _finished(_day(m, a))),
    "satisfied": lambda m, a: (_day(m, a)["rating_satisfied"], _day(m, a)["rating_count"]),
    "not_late_nor_complained": lambda m, a: (
        max(
            _finished(_day(m, a)) - _day(m, a)["finished_late"] - complained(_day(m, a)),
            0,
        ),
        _finished(_day(m, a)),
    ),
}
