"""Closing a period freezes every agency's index: later events, entries and a new indicator set
change nothing; a period closes once, and only after it has ended."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from congso.dossiers.tests.factories import make_agency, vn
from congso.index766 import services
from congso.index766.models import Indicator, IndicatorSet, PeriodClosure
from congso.index766.tests.helpers import add_facts, d, procedure
from congso.servicestats.tests.conftest import settle

Q2 = "2026-Q2"


def row(report, code):
    return next(r for r in report["indicators"] if r["code"] == code)


@pytest.fixture
def settled_in_may(office, run, set_766):
    """One dossier received and settled in May 2026 through the real services."""
    return settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))


def test_a_dossier_settled_through_the_services_counts_in_progress(
    settled_in_may, office, after_q2
):
    report = services.report(services.period_of(Q2), office["agency"], today=after_q2)
    assert (row(report, "2.1")["numerator"], row(report, "2.1")["denominator"]) == (1, 1)
    assert row(report, "2.1")["points"] == 20.0


def test_a_closed_period_does_not_move_when_later_events_arrive(
    settled_in_may, office, run, after_q2
):
    services.close_period(services.period_of(Q2), today=after_q2)
    before = services.report(services.period_of(Q2), office["agency"], today=after_q2)
    # A second dossier received in May and settled late in July: the live figures change
    # (1 more in progress at 30/06, overdue), the frozen ones do not.
    run(None, [(vn(2026, 5, 20, 9), "one_stop", "receive")])
    live = services._live(services.period_of(Q2), [office["agency"].pk], after_q2)[1]
    in_time = next(line for line in live[office["agency"].pk] if line.code == "2.1")
    assert in_time.denominator == Decimal(2)
    after = services.report(services.period_of(Q2), office["agency"], today=after_q2)
    assert after == before


def test_closing_a_period_twice_is_refused_with_a_clear_message(settled_in_may, after_q2):
    services.close_period(services.period_of(Q2), today=after_q2)
    with pytest.raises(services.AlreadyClosed, match="đã được khóa"):
        services.close_period(services.period_of(Q2), today=after_q2)
    assert PeriodClosure.objects.filter(period=Q2).count() == 1


def test_the_database_refuses_a_second_closure_of_the_same_period(settled_in_may, after_q2):
    closure = services.close_period(services.period_of(Q2), today=after_q2)
    with pytest.raises(IntegrityError), transaction.atomic():
        PeriodClosure.objects.create(period=Q2, indicator_set=closure.indicator_set)


def test_a_period_that_has_not_ended_cannot_be_closed(set_766):
    with pytest.raises(services.NotEnded, match="chưa kết thúc"):
        services.close_period(services.period_of(Q2), today=dt.date(2026, 6, 30))


def test_the_command_closes_every_agency_and_refuses_a_second_time(set_766, capsys):
    first, second = make_agency(), make_agency(identifier="000.00.13.H56", name="Sở Tư pháp")
    for agency in (first, second):
        add_facts(agency, [(procedure(agency, published=d(1, 1)), 2, d(7, 1, 2025), d(7, 8, 2025),
                            d(7, 7, 2025), "early", None, None, False, None, False, False)])  # fmt: skip
    call_command("close_index_766", "--period", "2025-Q3")
    assert "cho 2 cơ quan" in capsys.readouterr().out
    with pytest.raises(CommandError, match="đã được khóa"):
        call_command("close_index_766", "--period", "2025-Q3")


def test_the_command_refuses_a_nonsense_period(set_766):
    with pytest.raises(CommandError, match="Kỳ báo cáo không hợp lệ"):
        call_command("close_index_766", "--period", "2026-Q5")


def test_a_new_indicator_set_changes_later_periods_but_not_a_closed_earlier_one(
    settled_in_may, office, after_q2
):
    services.close_period(services.period_of(Q2), today=after_q2)
    before = services.report(services.period_of(Q2), office["agency"], today=after_q2)
    # A later decision, in force from 01/04/2026 — the start of the closed period itself.
    newer = IndicatorSet.objects.create(
        name="Quyết định mới (thử)", effective_from=dt.date(2026, 4, 1)
    )
    Indicator.objects.create(indicator_set=newer, code="A", name="Tiến độ", group="progress",
                             max_points=100, source="computed", formula="in_time")  # fmt: skip
    assert services.report(services.period_of(Q2), office["agency"], today=after_q2) == before
    q3 = services.report(services.period_of("2026-Q3"), office["agency"], today=after_q2)
    assert [r["code"] for r in q3["indicators"]] == ["A"]
    assert q3["indicators"][0]["max_points"] == 100


def test_the_set_in_force_is_the_latest_that_started_by_the_periods_first_day(set_766):
    newer = IndicatorSet.objects.create(
        name="Quyết định mới (thử)", effective_from=dt.date(2026, 7, 2)
    )
    assert services.indicator_set_for(services.period_of("2026-Q3")) == set_766
    assert services.indicator_set_for(services.period_of("2026-08")) == newer
    with pytest.raises(services.NoIndicatorSet):
        services.indicator_set_for(services.period_of("2021"))


def test_closing_100_agencies_reads_with_a_few_grouped_queries_not_one_per_agency(set_766):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congso.organisation.models import Agency
    from congso.servicestats.models import AgencyDay

    agencies = Agency.objects.bulk_create(
        Agency(identifier=f"000.00.{n:02d}.H99", name=f"Cơ quan thử {n} (dữ liệu mẫu)", level="province")
        for n in range(100)
    )  # fmt: skip
    AgencyDay.objects.bulk_create(
        AgencyDay(agency=a, day=dt.date(2025, 8, 4), received=10, finished_on_time=8,
                  finished_late=2, in_progress_delta=0)
        for a in agencies
    )  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        closure = services.close_period(services.period_of("2025-Q3"), today=dt.date(2026, 1, 5))
    # The writes are bulk inserts (more batches on SQLite's smaller parameter limit); the reads
    # are one grouped query per source of figures, whatever the number of agencies.
    reads = [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 15
    assert closure.agencies.count() == 100
    first = services.report(services.period_of("2025-Q3"), agencies[0])
    assert row(first, "2.1")["points"] == 16.0  # 8 / 10 × 20


def test_the_demo_enters_sample_values_once_and_labels_them(set_766):
    from congso.index766 import sample
    from congso.index766.models import EnteredValue

    agency = make_agency()
    add_facts(agency, [(procedure(agency), 2, d(5, 4), d(5, 11), d(5, 8), "early", None, None,
                        False, None, False, False)])  # fmt: skip
    # 2026, 2026-Q1 and 2026-Q2 × the 8 entered indicators, for the one agency with figures.
    assert sample.load(today=dt.date(2026, 5, 20)) == 3 * 8
    assert sample.load(today=dt.date(2026, 5, 20)) == 3 * 8
    assert EnteredValue.objects.count() == 24
    assert all("(dữ liệu mẫu)" in v.evidence for v in EnteredValue.objects.all())


def test_every_formula_an_admin_can_choose_is_one_congso_computes():
    from congso.index766.measures import FORMULAS
    from congso.index766.models import FORMULA_CHOICES

    assert {key for key, _label in FORMULA_CHOICES} == set(FORMULAS)
