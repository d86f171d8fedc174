"""A dossier's fact, computed from the dossier and its rows, and the day counters it adds to.

The same annotated queryset serves one dossier (after each event) and a full rebuild, so the
figures kept as events happen and a recount from scratch cannot drift apart.
"""

import datetime as dt
from collections import Counter

from django.db.models import Exists, OuterRef, Subquery

from congso.dossiers.calendar import timeliness, to_local, working_time_between
from congso.dossiers.models import Dossier, DossierFile, Event, Rating, SupplementRequest
from congso.dossiers.querysets import calendar_for
from congso.dossiers.status import Channel, Status
from congso.payments.models import Method, Payment, PaymentStatus
from congso.procedures.models import Fee, OnlineLevel
from congso.servicestats.models import DossierFact, Outcome

SETTLING = {
    Status.REFUSED: Outcome.REFUSED,
    Status.WITHDRAWN: Outcome.WITHDRAWN,
    Status.STOPPED: Outcome.STOPPED,
}
CHANNEL_COUNTER = {
    Channel.ONLINE: "received_online",
    Channel.IN_PERSON: "received_in_person",
    Channel.POSTAL: "received_postal",
}
FINISH_COUNTER = {
    Outcome.EARLY: "finished_early",
    Outcome.ON_TIME: "finished_on_time",
    Outcome.LATE: "finished_late",
}
SATISFIED_FROM = 4  # of 5: "hài lòng" and "rất hài lòng"

# Fields of DossierFact that contributions() reads; the rest is bookkeeping.
FACT_FIELDS = (
    "agency_id",
    "procedure_id",
    "channel",
    "fully_online",
    "received_on",
    "due_on",
    "settled_at",
    "settled_on",
    "outcome",
    "processing_seconds",
    "supplement_on",
    "rating",
    "rated_on",
    "fee_bearing",
    "paid_online_on",
    "electronic_result",
    "is_sample",
)


def source():
    """Dossiers (never drafts) with everything their fact needs, in one query."""
    events_into_status = Event.objects.filter(
        dossier=OuterRef("pk"), to_status=OuterRef("status")
    ).order_by("-at", "-pk")
    return (
        Dossier.objects.exclude(status=Status.DRAFT)
        .select_related("procedure", "agency")
        .annotate(
            entered_status_at=Subquery(events_into_status.values("at")[:1]),
            first_supplement_at=Subquery(
                SupplementRequest.objects.filter(dossier=OuterRef("pk"))
                .order_by("requested_at", "pk")
                .values("requested_at")[:1]
            ),
            rating_score=Subquery(Rating.objects.filter(dossier=OuterRef("pk")).values("score")),
            rating_at=Subquery(Rating.objects.filter(dossier=OuterRef("pk")).values("at")),
            # The first online payment that went through (congso.payments): Decision 766's
            # "dossiers paid online".
            paid_online_at=Subquery(
                Payment.objects.filter(
                    dossier=OuterRef("pk"), status=PaymentStatus.PAID, method=Method.ONLINE
                )
                .order_by("paid_at", "pk")
                .values("paid_at")[:1]
            ),
            has_fee=Exists(Fee.objects.filter(procedure=OuterRef("procedure_id"), amount__gt=0)),
            has_result_file=Exists(
                DossierFile.objects.filter(
                    dossier=OuterRef("pk"), kind=DossierFile.Kind.RESULT, superseded=False
                )
            ),
        )
    )


def _day(moment: dt.datetime | None) -> dt.date | None:
    return to_local(moment).date() if moment else None


def paused_working_time(dossier, cal) -> dt.timedelta:
    """Working time the clock stood still for supplements asked after receipt."""
    total = dt.timedelta(0)
    # A rebuild reads them for a whole batch at once (services.rebuild), one query per batch.
    requests = getattr(dossier, "pausing_supplements", None)
    if requests is None:
        requests = dossier.supplements.filter(pauses_clock=True)
    for request in requests:
        end = request.completed_at or dossier.finished_at
        if end:
            total += working_time_between(cal, request.requested_at, end)
    return total


def compute(dossier, calendars: dict | None = None) -> DossierFact:
    """The fact of one dossier from `source()`; `calendars` caches calendars per agency."""
    calendars = calendars if calendars is not None else {}
    cal = calendars.get(dossier.agency_id)
    if cal is None:
        cal = calendars[dossier.agency_id] = calendar_for(dossier.agency)
    # An apology moves the appointment, not the law: lateness is against the legal due time.
    due = dossier.legal_due_at or dossier.due_at
    fact = DossierFact(
        dossier_id=dossier.pk,
        agency_id=dossier.agency_id,
        procedure_id=dossier.procedure_id,
        channel=dossier.channel,
        fully_online=(
            dossier.channel == Channel.ONLINE and dossier.procedure.online_level == OnlineLevel.FULL
        ),
        received_on=_day(dossier.received_at),
        due_on=_day(due) if dossier.received_at else None,
        due_at=due if dossier.received_at else None,
        supplement_on=_day(dossier.first_supplement_at),
        rating=dossier.rating_score,
        rated_on=_day(dossier.rating_at),
        fee_bearing=bool(dossier.has_fee),
        paid_online_on=_day(dossier.paid_online_at),
        electronic_result=bool(dossier.has_result_file),
        is_sample=dossier.is_sample,
        outcome=Outcome.IN_PROGRESS,
    )
    status = Status(dossier.status)
    if status in (Status.DONE, Status.RETURNED) and dossier.finished_at:
        fact.settled_at = dossier.finished_at
        if due and dossier.received_at:
            fact.outcome = Outcome(timeliness(cal, dossier.finished_at, due).value)
        else:
            fact.outcome = Outcome.ON_TIME
        if dossier.received_at:
            worked = working_time_between(cal, dossier.received_at, dossier.finished_at)
            if dossier.first_supplement_at:
                worked -= paused_working_time(dossier, cal)
            fact.processing_seconds = max(0, int(worked.total_seconds()))
    elif status in SETTLING:
        fact.outcome = SETTLING[status]
        fact.settled_at = dossier.entered_status_at or dossier.finished_at or dossier.submitted_at
    fact.settled_on = _day(fact.settled_at)
    return fact


def contributions(fact: DossierFact | None) -> Counter:
    """{(agency_id, day, counter): amount} that this fact adds to the day rows."""
    out: Counter = Counter()
    if fact is None:
        return out
    a = fact.agency_id
    if fact.received_on:
        out[a, fact.received_on, "received"] += 1
        out[a, fact.received_on, CHANNEL_COUNTER[Channel(fact.channel)]] += 1
        if fact.fully_online:
            out[a, fact.received_on, "received_fully_online"] += 1
        out[a, fact.received_on, "in_progress_delta"] += 1
        if fact.settled_on:
            out[a, fact.settled_on, "in_progress_delta"] -= 1
        # Overdue from the end of the due day until the day it is settled.
        if fact.due_on and (fact.settled_on is None or fact.settled_on > fact.due_on):
            out[a, fact.due_on, "overdue_delta"] += 1
            if fact.settled_on:
                out[a, fact.settled_on, "overdue_delta"] -= 1
    if fact.settled_on:
        outcome = Outcome(fact.outcome)
        if outcome in FINISH_COUNTER:
            out[a, fact.settled_on, FINISH_COUNTER[outcome]] += 1
            if fact.processing_seconds is not None:
                out[a, fact.settled_on, "processing_seconds"] += fact.processing_seconds
                out[a, fact.settled_on, "processing_count"] += 1
            if fact.electronic_result:
                out[a, fact.settled_on, "electronic_result"] += 1
            if fact.fee_bearing:
                out[a, fact.settled_on, "fee_bearing"] += 1
        else:
            out[a, fact.settled_on, outcome.value] += 1
    if fact.supplement_on:
        out[a, fact.supplement_on, "supplement_requested"] += 1
    if fact.rating and fact.rated_on:
        out[a, fact.rated_on, "rating_count"] += 1
        out[a, fact.rated_on, "rating_sum"] += fact.rating
        if fact.rating >= SATISFIED_FROM:
            out[a, fact.rated_on, "rating_satisfied"] += 1
    if fact.paid_online_on:
        out[a, fact.paid_online_on, "paid_online"] += 1
    return Counter({k: v for k, v in out.items() if v})


def same(a: DossierFact | None, b: DossierFact | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(getattr(a, f) == getattr(b, f) for f in FACT_FIELDS)
