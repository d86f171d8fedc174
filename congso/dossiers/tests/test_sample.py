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
    call_command("load_sample_dossiers", stdout=StringIO())
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {Status.SUBMITTED, Status.RECEIVED, Status.SUPPLEMENT, Status.RETURNED} <= statuses
    assert not Dossier.objects.filter(is_sample=False).exists()
    codes = Dossier.objects.exclude(code=None).values_list("code", flat=True)
    assert all(code.startswith("000.00.12.H56-") for code in codes)


def test_the_demo_citizens_own_no_sample_dossiers(demo):
    call_command("load_sample_dossiers", stdout=StringIO())
    assert not Dossier.objects.filter(owner__username__startswith="congdan").exists()


def test_loading_sample_dossiers_again_adds_nothing(demo):
    call_command("load_sample_dossiers", stdout=StringIO())
    count = Dossier.objects.count()
    call_command("load_sample_dossiers", stdout=StringIO())
    assert Dossier.objects.count() == count
