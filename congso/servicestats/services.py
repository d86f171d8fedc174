"""Keeping the facts and day counters in step with the dossiers."""

from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import F

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


def rebuild(*, batch_size: int = 2000, stdout=None) -> dict[str, int]:
    """Recompute every fact and day row from the dossiers (after an import, or to check)."""
    calendars: dict = {}
    totals: Counter = Counter()
    count = 0
    with transaction.atomic():
        AgencyDay.objects.all().delete()
        DossierFact.objects.all().delete()
        batch: list[DossierFact] = []
        for dossier in facts.source().order_by("pk").iterator(chunk_size=batch_size):
            fact = facts.compute(dossier, calendars)
            totals.update(facts.contributions(fact))
            batch.append(fact)
            if len(batch) >= batch_size:
                DossierFact.objects.bulk_create(batch)
                count += len(batch)
                batch = []
                if stdout is not None:
                    stdout.write(f"  {count:,} hồ sơ".replace(",", "."))
        DossierFact.objects.bulk_create(batch)
        count += len(batch)
        rows: dict[tuple, AgencyDay] = {}
        for (agency_id, day, counter), amount in totals.items():
            row = rows.get((agency_id, day))
            if row is None:
                row = rows[agency_id, day] = AgencyDay(agency_id=agency_id, day=day)
            setattr(row, counter, getattr(row, counter) + amount)
        AgencyDay.objects.bulk_create(rows.values(), batch_size=batch_size)
    return {"dossiers": count, "days": len(rows)}
