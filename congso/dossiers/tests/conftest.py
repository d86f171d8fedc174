"""Fixtures shared by the dossier tests."""

import pytest

from congso.dossiers.services import records
from congso.dossiers.tests.factories import APRIL_MAY_2026, vn


@pytest.fixture
def clock(monkeypatch):
    """The time every service reads (records.now): Tue 05/05/2026 09:00 unless set()."""

    class Clock:
        at = vn(2026, 5, 5, 9, 0)

        def set(self, moment):
            self.at = moment

    fake = Clock()
    monkeypatch.setattr(records, "now", lambda: fake.at)
    return fake


@pytest.fixture
def holidays_2026(db):
    """The days off of SERVICES.md's worked examples, and no other 2026 holiday."""
    from congso.dossiers.models import CalendarDay

    CalendarDay.objects.filter(date__year=2026).delete()
    for day in APRIL_MAY_2026:
        CalendarDay.objects.create(date=day, kind="off", name="nghỉ")
