# ruff: noqa: F811
"""The agency table of the results page gives each agency what figures() gives it alone, in
one grouped query for a closed period."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures, table_by_agency
from congso.servicestats.tests.conftest import settle, vn
from congso.servicestats.tests.results_fixtures import two_agencies  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["2025", "2025-Q2", "2025-08", "2026"])
def test_each_row_of_a_closed_period_equals_the_agency_alone(two_agencies, code):
    period = parse_period(code)
    table = table_by_agency(None, period, now=vn(2027, 1, 5, 9))
    for agency in two_agencies.values():
        alone = figures([agency.pk], period, now=vn(2027, 1, 5, 9))
        assert table.get(agency.pk, alone) == alone


def test_a_closed_period_costs_one_grouped_query(two_agencies):
    with CaptureQueriesContext(connection) as captured:
        table_by_agency(None, parse_period("2025"), now=vn(2027, 1, 5, 9))
    assert len(captured) == 1


def test_the_current_period_counts_dossiers_in_progress_at_this_moment(office, run):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    run(None, [(vn(2026, 5, 4, 9), "one_stop", "receive")])  # due 11/05: overdue on the 20th
    may, now = parse_period("2026-05"), vn(2026, 5, 20, 9)
    agency = office["agency"]
    row = table_by_agency(None, may, now=now)[agency.pk]
    assert row == figures([agency.pk], may, now=now)
    assert (row["in_progress"], row["in_progress_overdue"], row["finished_early"]) == (1, 1, 1)
