"""Dossier codes `<agency identifier>-<YYMMDD>-<NNNN>` (SERVICES.md "Dossier code")."""

import datetime as dt

from django.db import transaction
from django.db.models import F

from congso.dossiers.calendar import to_local
from congso.dossiers.models import DossierCounter

MAX_PER_DAY = 9999


def next_code(agency, when: dt.datetime) -> str:
    """The next code of `agency` on the Vietnam day of `when`. Must run inside the transaction
    that saves the dossier: the counter row stays locked until it commits, so two receptions at
    once get consecutive numbers and a rolled-back reception gives its number back."""
    day = to_local(when).date()
    with transaction.atomic():
        DossierCounter.objects.bulk_create(
            [DossierCounter(agency=agency, day=day, last=0)], ignore_conflicts=True
        )
        # UPDATE first: it takes the row lock (PostgreSQL) before the number is read.
        DossierCounter.objects.filter(agency=agency, day=day).update(last=F("last") + 1)
        number = DossierCounter.objects.get(agency=agency, day=day).last
    if number > MAX_PER_DAY:
        # Five digits would break the code's fixed shape; an agency receiving 10,000 dossiers
        # in a day needs a decision, not a silent overflow.
        raise OverflowError(f"{agency.identifier}: quá {MAX_PER_DAY} hồ sơ trong ngày {day}")
    return f"{agency.identifier}-{day:%y%m%d}-{number:04d}"
