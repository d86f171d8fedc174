"""Anonymising the personal data of settled dossiers once their procedure's retention period has
passed (docs/retention.md).

A dossier is due when its status is settled (status.FINISHED) and `Procedure.retention_years`
years have passed since it entered that status (the settling event; `finished_at` when no event
says so). What identifies the applicant is replaced or removed; what the statistics and the
agency's audit trail need (procedure, agency, channel, dates, statuses, steps, timeliness,
rating score, the result's number and date) stays, so `congso.servicestats` figures and a
`rebuild()` of them do not move. No Event is recorded: an event would reach the statistics,
the notifications and the national-portal outbox, none of which have anything to do here.
"""

import logging
import os
from collections import Counter

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.dispatch import Signal

from congso.dossiers.models import (
    Apology,
    Dossier,
    DossierFile,
    Event,
    Notification,
    Rating,
    Slip,
    SupplementRequest,
)
from congso.dossiers.services import records
from congso.dossiers.status import FINISHED
from congso.procedures.models import Procedure

log = logging.getLogger(__name__)

ANONYMOUS_NAME = "(đã ẩn danh)"
REMOVED_FILE = "(tệp đã xóa khi hết thời hạn lưu)"
# Sent inside the transaction that anonymises one dossier: an app that keeps its own copy of
# the applicant's data (the national-portal outbox, payments) clears it here. Arguments: dossier.
dossier_anonymised = Signal()


def add_years(moment, years: int):
    """The same day and time `years` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def with_settled_at(queryset):
    """Annotate `settled_at`: when the dossier entered its current (settled) status."""
    entered = Event.objects.filter(dossier=OuterRef("pk"), to_status=OuterRef("status")).order_by(
        "-at", "-pk"
    )
    return queryset.annotate(
        settled_at=Coalesce(
            Subquery(entered.values("at")[:1]), F("finished_at"), F("submitted_at"), F("created_at")
        )
    )


def due(now=None):
    """The dossiers whose personal data is due for anonymisation at `now`, oldest first.

    One filter per distinct retention period: the cut-off `now - N years` is computed in Python
    (a calendar year, not 365 days) and compared with the settling moment in the database."""
    now = now or records.now()
    settled = Dossier.objects.filter(status__in=FINISHED, anonymised_at__isnull=True)
    # The few distinct periods of the procedures, not a scan of the dossiers.
    periods = Procedure.objects.values_list("retention_years", flat=True).distinct()
    condition = Q(pk__in=[])
    for years in sorted(set(periods)):
        cutoff = add_years(now, -years)
        condition |= Q(procedure__retention_years=years, settled_at__lte=cutoff)
    return with_settled_at(settled).filter(condition).order_by("settled_at", "pk")


def anonymise_dossier(dossier_id: int, now=None) -> dict | None:
    """Anonymise one dossier; None when it is no longer due (reopened, or done already).
    Files leave the private storage only once the database change has committed."""
    now = now or records.now()
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .filter(pk=dossier_id, status__in=FINISHED, anonymised_at__isnull=True)
            .first()
        )
        if dossier is None:
            return None
        counts = Counter()
        paths = []
        owner_id = dossier.owner_id

        # The applicant, the declaration and the e-form answers.
        Dossier.objects.filter(pk=dossier.pk).update(
            applicant_name=ANONYMOUS_NAME,
            applicant_id_number="",
            applicant_phone="",
            applicant_email="",
            applicant_address="",
            summary="",
            form_data={},
            result_note="",
            owner=None,
            submission_key="",
            anonymised_at=now,
        )

        # What the applicant uploaded: the files go, the rows (size, hash, time, component)
        # stay as the record that they were given. Results are the agency's own documents and
        # are kept (docs/retention.md).
        uploaded = DossierFile.objects.filter(dossier=dossier).exclude(kind=DossierFile.Kind.RESULT)
        for stored in uploaded.exclude(file=""):
            paths.append(stored.file.name)
        counts["files"] = uploaded.exclude(file="").count()
        uploaded.update(file="", name=REMOVED_FILE)
        DossierFile.objects.filter(dossier=dossier, uploaded_by_id=owner_id).update(
            uploaded_by=None
        )

        # Generated slips print the applicant's name, ID number and address.
        slips = Slip.objects.filter(dossier=dossier).exclude(file="")
        paths.extend(slips.values_list("file", flat=True))
        counts["slips"] = slips.update(file="")

        # Free text written about the applicant, and where they were reached.
        counts["events"] = Event.objects.filter(dossier=dossier).exclude(note="").update(note="")
        Event.objects.filter(dossier=dossier).filter(
            Q(role="applicant") | Q(actor_id=owner_id, actor__isnull=False)
        ).update(actor=None, actor_name=ANONYMOUS_NAME)
        SupplementRequest.objects.filter(dossier=dossier).update(reason="", note="")
        Apology.objects.filter(dossier=dossier).update(reason="")
        counts["ratings"] = (
            Rating.objects.filter(dossier=dossier).exclude(comment="").update(comment="")
        )
        counts["notifications"] = Notification.objects.filter(dossier=dossier).update(
            to=ANONYMOUS_NAME, error=""
        )
        dossier_anonymised.send(sender=Dossier, dossier=dossier)
        transaction.on_commit(lambda: _delete_files(paths))
    counts["dossiers"] = 1
    return dict(counts)


def _delete_files(paths: list[str]) -> None:
    storage = DossierFile._meta.get_field("file").storage
    for name in paths:
        try:
            storage.delete(name)
        except OSError as error:  # a file already gone is no reason to stop the run
            log.warning("retention: could not delete %s: %s", os.path.basename(name), error)


def run(*, dry_run: bool = False, now=None, limit: int | None = None) -> dict[str, int]:
    """Anonymise every due dossier, one transaction each (a failure stops at one dossier and
    the next run takes it again). Idempotent: anonymised dossiers are never due."""
    now = now or records.now()
    ids = list(due(now).values_list("pk", flat=True)[:limit])
    totals = Counter(due=len(ids))
    if not dry_run:
        for pk in ids:
            done = anonymise_dossier(pk, now)
            if done:
                totals.update(done)
    totals.setdefault("dossiers", 0)
    log.info(
        "retention: %s dossiers due, %s anonymised%s (%s files, %s slips removed)",
        totals["due"],
        totals["dossiers"],
        " (dry run)" if dry_run else "",
        totals["files"],
        totals["slips"],
    )
    return dict(totals)
