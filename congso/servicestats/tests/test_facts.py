import datetime as dt

import pytest

from congso.servicestats.models import AgencyDay, DossierFact, Outcome
from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures
from congso.servicestats.services import rebuild
from congso.servicestats.tests.conftest import settle, vn

pytestmark = pytest.mark.django_db

MAY = parse_period("2026-05")


def kept_rows():
    fields = [f.name for f in AgencyDay._meta.fields if f.name not in ("id",)]
    return sorted(AgencyDay.objects.values_list(*fields))


def test_a_dossier_settled_before_its_due_day_counts_once_as_early(office, run):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    result = figures([office["agency"].pk], MAY, now=vn(2026, 6, 1, 8))
    assert (result["received"], result["finished_early"], result["finished"]) == (1, 1, 1)
    assert result["in_progress"] == 0


def test_a_received_dossier_is_in_progress_at_the_end_of_a_closed_period(office, run):
    run(None, [(vn(2026, 5, 29, 9), "one_stop", "receive")])
    result = figures(None, MAY, now=vn(2026, 6, 10, 8))
    assert (result["in_progress"], result["in_progress_overdue"]) == (1, 0)


def test_a_dossier_past_its_due_day_at_the_period_end_is_overdue(office, run):
    run(None, [(vn(2026, 5, 5, 9), "one_stop", "receive")])  # due 12/05 09:00
    result = figures(None, MAY, now=vn(2026, 6, 10, 8))
    assert (result["in_progress"], result["in_progress_overdue"]) == (1, 1)


def test_the_processing_time_is_working_time_from_receipt(office, run):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 5, 10), vn(2026, 5, 5, 11))
    fact = DossierFact.objects.get()
    assert fact.processing_seconds == 2 * 3600 and fact.outcome == Outcome.EARLY


def test_a_reopened_dossier_settled_again_is_counted_once(office, run):
    dossier = settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    run(
        dossier,
        [
            (vn(2026, 5, 8, 9), "leader", "reopen", {"reason": "Sai sót trong kết quả"}),
            (vn(2026, 5, 8, 10), "specialist", "forward"),
            (vn(2026, 5, 20, 9), "leader", "approve"),
        ],
    )
    result = figures(None, MAY, now=vn(2026, 6, 1, 8))
    assert (result["finished"], result["finished_early"], result["finished_late"]) == (1, 0, 1)


def test_the_kept_figures_equal_a_full_recount(office, run):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    settle(run, vn(2026, 5, 5, 10), vn(2026, 5, 11, 9), vn(2026, 5, 14, 9))
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "receive")])
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})])
    kept = kept_rows()
    rebuild()
    assert kept_rows() == kept


def test_a_refusal_counts_on_its_day_and_never_as_received(office, run):
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})])
    result = figures(None, MAY, now=vn(2026, 6, 1, 8))
    assert (result["refused"], result["received"]) == (1, 0)
    assert AgencyDay.objects.get().day == dt.date(2026, 5, 6)


def test_a_dossier_due_later_today_is_not_yet_overdue(office, run):
    run(None, [(vn(2026, 5, 5, 9), "one_stop", "receive")])  # due 12/05 09:00
    year = parse_period("2026")
    before = figures(None, year, now=vn(2026, 5, 12, 8, 59))
    after = figures(None, year, now=vn(2026, 5, 12, 9, 1))
    assert (before["in_progress"], before["in_progress_overdue"]) == (1, 0)
    assert (after["in_progress"], after["in_progress_overdue"]) == (1, 1)


def test_the_current_stock_reads_no_dossier_row(office, run, django_assert_num_queries):
    run(None, [(vn(2026, 5, 5, 9), "one_stop", "receive")])
    from congso.servicestats.querysets import stock_at

    with django_assert_num_queries(2) as captured:
        stock_at(None, parse_period("2026"), now=vn(2026, 5, 12, 8))
    # Not even joined: the due instant is on the fact (0.2 s at a million dossiers when joined).
    assert not any('"dossiers_dossier"' in q["sql"] for q in captured.captured_queries)


def test_the_migration_gives_existing_facts_their_dossiers_legal_due_time(office, run):
    import importlib

    from django.apps import apps

    run(None, [(vn(2026, 5, 5, 9), "one_stop", "receive")])
    fact = DossierFact.objects.get()
    due = fact.due_at
    DossierFact.objects.update(due_at=None)
    migration = importlib.import_module("congso.servicestats.migrations.0004_fact_due_at")
    run_python = [op for op in migration.Migration.operations if hasattr(op, "code")]
    assert [op.code for op in run_python] == [migration.fill_due_at]
    migration.fill_due_at(apps, None)
    fact.refresh_from_db()
    assert fact.due_at == due == fact.dossier.legal_due_at
