"""Day rows of a closed year (2025) for two agencies, written directly: the page, CSV and API
only read them, so the tests need not drive hundreds of dossiers through the services."""

import datetime as dt

import pytest

from congso.dossiers.tests.factories import make_agency
from congso.servicestats.models import AgencyDay

HOURS = 3600
WORKING_DAY = 8 * HOURS


@pytest.fixture
def two_agencies(db):
    science = make_agency("000.00.12.H56", "Sở Khoa học và Công nghệ (dữ liệu mẫu)")
    justice = make_agency("000.00.13.H56", "Sở Tư pháp (dữ liệu mẫu)")
    rows = [
        # Q2: April and May for the first agency, June for the second.
        (
            science,
            dt.date(2025, 4, 10),
            dict(
                received=10,
                received_online=6,
                received_in_person=3,
                received_postal=1,
                received_fully_online=4,
                finished_early=3,
                finished_on_time=2,
                finished_late=1,
                supplement_requested=1,
                refused=1,
                processing_seconds=12 * WORKING_DAY,
                processing_count=6,
                rating_count=4,
                rating_sum=18,
                rating_satisfied=3,
                in_progress_delta=4,
                overdue_delta=1,
            ),
        ),
        (
            science,
            dt.date(2025, 5, 20),
            dict(
                received=5,
                received_online=5,
                received_fully_online=5,
                finished_early=1,
                withdrawn=1,
                processing_seconds=WORKING_DAY,
                processing_count=1,
                in_progress_delta=3,
            ),
        ),
        (
            justice,
            dt.date(2025, 6, 2),
            dict(
                received=7,
                received_in_person=7,
                finished_on_time=5,
                finished_late=2,
                stopped=1,
                processing_seconds=21 * WORKING_DAY,
                processing_count=7,
            ),
        ),
        # Q3: outside the quarter the tests choose.
        (justice, dt.date(2025, 8, 1), dict(received=2, received_postal=2, in_progress_delta=2)),
    ]
    for agency, day, counts in rows:
        AgencyDay.objects.create(agency=agency, day=day, **counts)
    return {"science": science, "justice": justice}
