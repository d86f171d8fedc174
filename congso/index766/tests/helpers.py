"""Building the facts of a hand-computed table: each row is one dossier as the statistics see
it, written through servicestats' own `contributions`/`apply`, so the day counters are exactly
what the events would have added."""

import datetime as dt
import itertools

from congso.dossiers.models.workflow import ensure_default_workflow
from congso.dossiers.tests.factories import make_procedure
from congso.index766 import catalogue
from congso.index766.models import Indicator, IndicatorSet
from congso.servicestats import facts, services
from congso.servicestats.models import DossierFact

_n = itertools.count(1)
FACT_COLUMNS = (
    "procedure",
    "channel",
    "received_on",
    "due_on",
    "settled_on",
    "outcome",
    "rating",
    "rated_on",
    "fee_bearing",
    "paid_online_on",
    "electronic_result",
    "acknowledged",
)


def load_766() -> IndicatorSet:
    return catalogue.load(IndicatorSet, Indicator)


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def procedure(agency, *, online="full", published=None, effective=None, complete=True, fee=0,
              payable=False):  # fmt: skip
    from django.utils import timezone

    from congso.procedures.models import Fee

    p = make_procedure(
        agency,
        online_level=online,
        steps="Bước 1" if complete else "Bước 1",
        applicants="Cá nhân, tổ chức",
        result="Giấy phép" if complete else "",
        online_payment=payable,
    )
    p.published_at = (
        dt.datetime.combine(published, dt.time(9), tzinfo=timezone.get_current_timezone())
        if published
        else None
    )
    p.effective_from = effective
    p.save(update_fields=["published_at", "effective_from"])
    if fee:
        Fee.objects.create(procedure=p, description="Lệ phí", amount=fee)
    return p


def add_facts(agency, rows) -> list:
    """rows: tuples in FACT_COLUMNS order. Returns the dossiers."""
    from congso.dossiers.models import Dossier
    from congso.nationalsync.models import OutboxMessage

    workflow = ensure_default_workflow()
    dossiers = []
    for row in rows:
        values = dict(zip(FACT_COLUMNS, row, strict=True))
        dossier = Dossier.objects.create(
            procedure=values["procedure"],
            agency=agency,
            workflow=workflow,
            channel=values["channel"],
            applicant_name=f"Người nộp {next(_n)} (dữ liệu mẫu)",
        )
        fact = DossierFact.objects.create(
            dossier=dossier,
            agency=agency,
            procedure=values["procedure"],
            channel=values["channel"],
            received_on=values["received_on"],
            due_on=values["due_on"],
            settled_on=values["settled_on"],
            outcome=values["outcome"],
            rating=values["rating"],
            rated_on=values["rated_on"],
            fee_bearing=values["fee_bearing"],
            paid_online_on=values["paid_online_on"],
            electronic_result=values["electronic_result"],
        )
        services.apply(facts.contributions(fact))
        if values["acknowledged"]:
            OutboxMessage.objects.create(dossier=dossier, kind="DongBoHoSoMC", state="acknowledged")
        dossiers.append(dossier)
    return dossiers
