"""Sample entered values for the demo, so the 766 page of `make demo` is not all zeros for the
indicators congso cannot measure. Every value says it is sample data (dữ liệu mẫu)."""

import random
from decimal import Decimal

from django.utils import timezone

from congso.index766.models import EnteredValue, Source
from congso.index766.services import IndexError766, indicator_set_for, period_of
from congso.servicestats.models import AgencyDay

EVIDENCE = "Số liệu mẫu để trình diễn, không phải số liệu thật (dữ liệu mẫu)."


def periods(today) -> list[str]:
    """This year and its quarters that have begun."""
    quarters = [f"{today.year}-Q{q}" for q in range(1, (today.month - 1) // 3 + 2)]
    return [str(today.year), *quarters]


def load(today=None) -> int:
    today = today or timezone.localdate()
    agency_ids = sorted(set(AgencyDay.objects.values_list("agency_id", flat=True)))
    count = 0
    for code in periods(today):
        try:
            indicator_set = indicator_set_for(period_of(code, today))
        except IndexError766:
            continue
        for indicator in indicator_set.indicators.filter(source=Source.ENTERED):
            for agency_id in agency_ids:
                # The same numbers on every run: seeded by agency, period and indicator.
                rng = random.Random(f"{agency_id}/{code}/{indicator.code}")
                denominator = rng.randint(20, 200)
                numerator = round(denominator * rng.uniform(0.6, 1.0))
                EnteredValue.objects.update_or_create(
                    agency_id=agency_id,
                    period=code,
                    indicator=indicator,
                    defaults={
                        "numerator": Decimal(numerator),
                        "denominator": Decimal(denominator),
                        "evidence": EVIDENCE,
                    },
                )
                count += 1
    return count
