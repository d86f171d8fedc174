"""Keeping the facts and day counters in step with the dossiers."""

from collections import Counter, defaultdict
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import F

from congso.dossiers.models import Dossier, SupplementRequest
from congso.dossiers.querysets import calendar_for
from congso.servicestats import facts
from congso.servicestats.models import AgencyDay, DossierFact


def apply(changes: Counter) -> None:
    """Add {(agency_id, day, counter): amount} to the day rows, creating the rows it needs.
    Increments are `F() + n` updates: two officers' events on one agency-day both count."""
    by_row: dict[tuple, dict[str, int]] = defaultdict(dict)
    for (agency_id, day, counter), amount in changes.items():
        if amount:
            by_row[agency_id, day][counter] = by_row[agency_id, day].get(counter, 0) + amount
    for (agency_id, day), amounts in sorted(by_row.items()):
        updates = {name: F(name) + amount for name, amount in amounts.items()}
        if not AgencyDay.objects.filter(agency_id=agency_id, day=day).update(**updates):
            row, created = AgencyDay.objects.get_or_create(agency_id=agency_id, day=day)
            AgencyDay.objects.filter(pk=row.pk).update(**updates)


def refresh(dossier_id: int) -> DossierFact | None:
    """Recompute one dossier's fact; move the day counters by what changed. Idempotent."""
    with transaction.atomic():
        old = DossierFact.objects.select_for_update().filter(dossier_id=dossier_id).first()
        dossier = facts.source().filter(pk=dossier_id).first()
        new = facts.compute(dossier) if dossier is not None else None
        if facts.same(old, new):
            return old
        change = facts.contributions(new)
        change.subtract(facts.contributions(old))
        apply(change)
        if new is None:
            DossierFact.objects.filter(dossier_id=dossier_id).delete()
        else:
            new.save()
        return new


def on_event_recorded(sender, dossier, event, **kwargs) -> None:
    refresh(dossier.pk)


# What compute() reads of a dossier besides source()'s annotations (services.rebuild reads rows
# as plain values: a Dossier instance costs more to build than its fact, django-fsm's state
# bookkeeping above all, and a million of them was most of a rebuild).
DOSSIER_FIELDS = (
    "pk",
    "agency_id",
    "procedure_id",
    "channel",
    "status",
    "submitted_at",
    "received_at",
    "legal_due_at",
    "due_at",
    "finished_at",
    "is_sample",
)


def _rows(batch_size: int):
    """Batches of light dossier rows (attributes as compute() reads them), each with its
    clock-pausing supplement requests read in one query for the batch."""
    qs = facts.source().order_by("pk")
    names = [*DOSSIER_FIELDS, *qs.query.annotations]
    batch: list[SimpleNamespace] = []
    for values in qs.values(*names, "procedure__online_level").iterator(chunk_size=batch_size):
        level = values.pop("procedure__online_level")
        batch.append(SimpleNamespace(**values, procedure=SimpleNamespace(online_level=level)))
        if len(batch) >= batch_size:
            yield _with_pauses(batch)
            batch = []
    if batch:
        yield _with_pauses(batch)


def _with_pauses(batch: list) -> list:
    asked = {row.pk: row for row in batch if row.first_supplement_at}
    for row in asked.values():
        row.pausing_supplements = []
    for request in SupplementRequest.objects.filter(
        dossier_id__in=list(asked), pauses_clock=True
    ).order_by("requested_at", "pk"):
        asked[request.dossier_id].pausing_supplements.append(request)
    return batch


def rebuild(*, batch_size: int = 5000, stdout=None) -> dict[str, int]:
    """Recompute every fact and day row from the dossiers (after an import, or to check).
    The facts are the ones refresh() computes (same source() query, same compute()): a test
    proves the two ways give the same rows."""
    from congso.organisation.models import Agency

    totals: Counter = Counter()
    count = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # JIT-compiling the one big query costs more than it saves (measured, 1M dossiers).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        AgencyDay.objects.all().delete()
        DossierFact.objects.all().delete()
        used = Dossier.objects.order_by().values("agency_id").distinct()
        calendars = {a.pk: calendar_for(a) for a in Agency.objects.filter(pk__in=used)}
        for batch in _rows(batch_size):
            made = [facts.compute(row, calendars) for row in batch]
            for fact in made:
                totals.update(facts.contributions(fact))
            DossierFact.objects.bulk_create(made, batch_size=batch_size)
            count += len(made)
            if stdout is not None:
                stdout.write(f"  {count:,} hồ sơ".replace(",", "."))
        rows: dict[tuple, AgencyDay] = {}
        for (agency_id, day, counter), amount in totals.items():
            row = rows.get((agency_id, day))
            if row is None:
                row = rows[agency_id, day] = AgencyDay(agency_id=agency_id, day=day)
            setattr(row, counter, getattr(row, counter) + amount)
        AgencyDay.objects.bulk_create(rows.values(), batch_size=batch_size)
    return {"dossiers": count, "days": len(rows)}
