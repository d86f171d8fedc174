import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from congso.dossiers.models import Dossier, DossierFile, Event, Notification, Rating, Slip
from congso.dossiers.tests.factories import make_procedure, vn
from congso.retention import anonymise
from congso.retention.anonymise import ANONYMOUS_NAME, add_years, due
from congso.retention.tests.conftest import SETTLED
from congso.servicestats.models import AgencyDay
from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures
from congso.servicestats.services import rebuild

pytestmark = pytest.mark.django_db

FIVE_YEARS_ON = add_years(SETTLED, 5)  # 07/05/2031 09:00


def day_rows():
    """The day rows that count something (a rebuild leaves out rows whose moves netted to 0)."""
    fields = [f.name for f in AgencyDay._meta.fields if f.name != "id"]
    return sorted(row for row in AgencyDay.objects.values_list(*fields) if any(row[2:]))


def fresh(dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def test_five_years_after_settling_is_the_same_day_and_time(returned):
    assert FIVE_YEARS_ON == vn(2031, 5, 7, 9)


def test_a_dossier_is_kept_the_day_before_its_retention_ends(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON - dt.timedelta(days=1))
    assert fresh(dossier).applicant_name != ANONYMOUS_NAME
    assert fresh(dossier).anonymised_at is None


def test_a_dossier_is_anonymised_the_moment_its_retention_ends(returned):
    dossier = returned()
    totals = anonymise.run(now=FIVE_YEARS_ON)
    assert totals["dossiers"] == 1
    assert fresh(dossier).anonymised_at == FIVE_YEARS_ON


def test_a_dossier_is_anonymised_the_day_after_its_retention_ends(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON + dt.timedelta(days=1))
    assert fresh(dossier).applicant_name == ANONYMOUS_NAME


def test_an_open_dossier_is_never_touched_however_old(office, run, returned):  # noqa: F811
    open_one = run(None, [(vn(2026, 5, 5, 9), "one_stop", "receive")])
    totals = anonymise.run(now=vn(2060, 1, 1))
    dossier = fresh(open_one)
    assert totals["dossiers"] == 0
    assert (dossier.applicant_name, dossier.anonymised_at) == ("Nguyễn Văn A (mẫu)", None)


def test_each_procedure_keeps_personal_data_for_its_own_period(office, returned):
    short = make_procedure(office["agency"], retention_years=1)
    kept_one_year = returned(procedure=short)
    kept_five_years = returned()
    anonymise.run(now=add_years(SETTLED, 2))
    assert fresh(kept_one_year).anonymised_at is not None
    assert fresh(kept_five_years).anonymised_at is None


def test_a_refused_dossier_counts_from_its_refusal(office, run):  # noqa: F811
    refused = run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Thiếu giấy tờ"})])
    assert list(anonymise.due(vn(2031, 5, 6, 8, 59))) == []
    assert [d.pk for d in anonymise.due(vn(2031, 5, 6, 9))] == [refused.pk]


def test_the_applicant_and_declaration_are_replaced(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON)
    after = fresh(dossier)
    assert after.applicant_name == ANONYMOUS_NAME
    assert (after.applicant_id_number, after.applicant_phone, after.applicant_email) == ("", "", "")
    assert (after.applicant_address, after.summary, after.form_data) == ("", "", {})
    assert after.owner_id is None


def test_what_the_statistics_and_audit_need_is_kept(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON)
    after = fresh(dossier)
    assert (after.code, after.status, after.finished_at) == (
        dossier.code,
        dossier.status,
        dossier.finished_at,
    )
    assert after.result_number == "1"
    assert Rating.objects.get(dossier=dossier).score == 4


def test_the_process_history_keeps_every_row_and_its_times(returned):
    dossier = returned()
    history = list(Event.objects.filter(dossier=dossier).values_list("action", "at", "to_status"))
    anonymise.run(now=FIVE_YEARS_ON)
    after = list(Event.objects.filter(dossier=dossier).values_list("action", "at", "to_status"))
    assert after == history


def test_uploaded_files_and_slips_leave_storage_and_the_result_stays(
    returned, django_capture_on_commit_callbacks
):
    dossier = returned()
    component = DossierFile.objects.get(dossier=dossier, kind=DossierFile.Kind.COMPONENT)
    result = DossierFile.objects.get(dossier=dossier, kind=DossierFile.Kind.RESULT)
    slip = Slip.objects.filter(dossier=dossier).first()
    storage = component.file.storage
    component_path, slip_path = component.file.name, slip.file.name
    with django_capture_on_commit_callbacks(execute=True):
        anonymise.run(now=FIVE_YEARS_ON)
    component.refresh_from_db()
    assert not storage.exists(component_path) and not storage.exists(slip_path)
    assert (component.file.name, component.size) == ("", component.size)
    assert storage.exists(result.file.name)


def test_notes_comment_and_message_addresses_are_cleared(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON)
    assert not Event.objects.filter(dossier=dossier).exclude(note="").exists()
    assert not Event.objects.filter(dossier=dossier, role="applicant", actor__isnull=False).exists()
    assert Rating.objects.get(dossier=dossier).comment == ""
    assert Notification.objects.get(dossier=dossier).to == ANONYMOUS_NAME


def test_a_second_run_changes_nothing(returned):
    dossier = returned()
    anonymise.run(now=FIVE_YEARS_ON)
    again = anonymise.run(now=FIVE_YEARS_ON + dt.timedelta(days=1))
    assert (again["due"], again["dossiers"]) == (0, 0)
    assert fresh(dossier).anonymised_at == FIVE_YEARS_ON


def test_the_statistics_are_the_same_after_anonymisation(office, run, returned):  # noqa: F811
    returned()
    returned(settled=vn(2026, 5, 20, 9))  # late
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})])
    run(None, [(vn(2026, 5, 8, 9), "one_stop", "receive")])  # still open
    year = parse_period("2026")
    before = figures(None, year, now=vn(2027, 1, 10))
    assert anonymise.run(now=vn(2032, 1, 1))["dossiers"] == 3
    assert figures(None, year, now=vn(2027, 1, 10)) == before


def test_a_rebuild_after_anonymisation_equals_the_kept_figures(run, returned):  # noqa: F811
    returned()
    run(None, [(vn(2026, 5, 6, 9), "one_stop", "refuse", {"reason": "Không thuộc thẩm quyền"})])
    year = parse_period("2026")
    anonymise.run(now=vn(2032, 1, 1))
    kept = figures(None, year, now=vn(2027, 1, 10))
    rows = day_rows()
    rebuild()
    assert figures(None, year, now=vn(2027, 1, 10)) == kept
    assert day_rows() == rows


def test_a_dry_run_counts_and_changes_nothing(returned):
    dossier = returned()
    totals = anonymise.run(dry_run=True, now=FIVE_YEARS_ON)
    assert (totals["due"], totals["dossiers"]) == (1, 0)
    assert fresh(dossier).anonymised_at is None


def test_the_command_says_how_many_it_anonymised(returned, clock):
    returned()
    clock.set(FIVE_YEARS_ON)
    out = StringIO()
    call_command("anonymise_dossiers", stdout=out)
    assert "Đã ẩn danh hóa 1/1 hồ sơ" in out.getvalue()


def test_the_command_dry_run_leaves_the_dossier(returned, clock):
    dossier = returned()
    clock.set(FIVE_YEARS_ON)
    out = StringIO()
    call_command("anonymise_dossiers", "--dry-run", stdout=out)
    assert "Đến hạn ẩn danh hóa: 1 hồ sơ" in out.getvalue()
    assert fresh(dossier).anonymised_at is None


def test_the_task_runs_the_same_anonymisation(returned, clock):
    from congso.retention.tasks import anonymise_due_dossiers

    dossier = returned()
    clock.set(FIVE_YEARS_ON)
    result = anonymise_due_dossiers.enqueue()
    assert result.return_value["dossiers"] == 1
    assert fresh(dossier).anonymised_at is not None


def test_a_reopened_dossier_is_no_longer_due(returned, run):  # noqa: F811
    dossier = returned()
    run(dossier, [(vn(2026, 5, 8, 9), "leader", "reopen", {"reason": "Sai sót"})])
    assert list(due(FIVE_YEARS_ON + dt.timedelta(days=400))) == []
