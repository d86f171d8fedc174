"""The demo's sample dossiers and service accounts."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from congso.dossiers.models import AgencyStaff, Dossier
from congso.dossiers.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("setup_roles", stdout=StringIO())
    call_command("load_sample_procedures", stdout=StringIO())
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    return out.getvalue()


def test_the_demo_prints_one_login_line_per_service_role(demo):
    lines = dict(re.findall(r"^  ([^:/\n]+): (\S+) / \S+$", demo, re.M))
    for label in ("Cán bộ một cửa", "Chuyên viên", "Lãnh đạo", "Công dân 1", "Công dân 2"):
        assert label in lines


def test_the_demo_officers_work_in_the_sample_agency(demo):
    roles = set(
        AgencyStaff.objects.filter(agency__identifier="000.00.12.H56").values_list(
            "user__username", "role"
        )
    )
    assert {("motcua", "one_stop"), ("chuyenvien", "specialist"), ("lanhdao", "leader")} <= roles


def test_sample_dossiers_cover_every_queue_and_are_labelled(demo):
    call_command("load_sample_dossiers", days=0, stdout=StringIO())
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {Status.SUBMITTED, Status.RECEIVED, Status.SUPPLEMENT, Status.RETURNED} <= statuses
    assert not Dossier.objects.filter(is_sample=False).exists()
    codes = Dossier.objects.exclude(code=None).values_list("code", flat=True)
    assert all(code.startswith("000.00.12.H56-") for code in codes)


def test_the_demo_citizens_own_no_sample_dossiers(demo):
    call_command("load_sample_dossiers", days=0, stdout=StringIO())
    assert not Dossier.objects.filter(owner__username__startswith="congdan").exists()


def test_loading_sample_dossiers_again_adds_nothing(demo):
    call_command("load_sample_dossiers", days=0, stdout=StringIO())
    count = Dossier.objects.count()
    call_command("load_sample_dossiers", days=0, stdout=StringIO())
    assert Dossier.objects.count() == count


@pytest.fixture
def history(demo):
    out = StringIO()
    call_command("load_sample_dossiers", days=30, stdout=out)
    return out.getvalue()


def facts_and_days():
    from congso.servicestats.models import AgencyDay, DossierFact

    fact_fields = [f.attname for f in DossierFact._meta.fields if f.name != "updated_at"]
    day_fields = [f.name for f in AgencyDay._meta.fields if f.name != "id"]
    return (
        sorted(DossierFact.objects.values_list(*fact_fields)),
        # A reopening leaves a zero row where the settlement first was; a rebuild makes none.
        sorted(row for row in AgencyDay.objects.values_list(*day_fields) if any(row[2:])),
    )


def test_the_sample_history_is_labelled_spread_over_both_agencies_and_says_how_many(history):
    from congso.dossiers.sample_year import SUMMARY

    year = Dossier.objects.filter(summary__startswith=SUMMARY)
    assert re.search(rf"Đã nạp {year.count()} hồ sơ mẫu của năm qua", history)
    assert not year.filter(is_sample=False).exists()
    assert all(
        name.endswith("(dữ liệu mẫu)") for name in year.values_list("applicant_name", flat=True)
    )
    assert set(year.values_list("agency__identifier", flat=True)) == {
        "000.00.12.H56",
        "000.23.12.H56",
    }
    assert {Status.RETURNED, Status.PROCESSING} <= set(year.values_list("status", flat=True))
    assert not year.filter(owner__username__startswith="congdan").exists()


def test_the_sample_history_has_no_slip_files_but_the_recent_dossiers_do(history):
    from congso.dossiers.models import Slip
    from congso.dossiers.sample_year import SUMMARY

    assert not Slip.objects.filter(dossier__summary__startswith=SUMMARY).exists()
    assert Slip.objects.exclude(dossier__summary__startswith=SUMMARY).exists()


def test_the_statistics_kept_while_loading_the_history_equal_a_rebuild(history):
    from congso.servicestats.services import rebuild

    kept = facts_and_days()
    rebuild()
    assert facts_and_days() == kept


def test_loading_the_history_again_adds_nothing(history):
    count = Dossier.objects.count()
    out = StringIO()
    call_command("load_sample_dossiers", days=30, stdout=out)
    assert Dossier.objects.count() == count
    assert "không nạp thêm" in out.getvalue()
