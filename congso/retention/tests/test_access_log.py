"""A row in the personal-data access log for each door through which staff reach a dossier's
personal data, and none when the applicant reads their own."""

import pytest
from django.urls import reverse

from congso.dossiers.models import DossierFile, Slip
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.api_fixtures import token_for
from congso.dossiers.tests.factories import submitted_dossier
from congso.retention.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return make_office()


@pytest.fixture
def dossier(office):
    from congso.dossiers.services.processing import perform

    filed = submitted_dossier(office["procedure"], office["citizen"])
    return perform(filed.pk, office["one_stop"], "receive", {})


def rows(**kwargs):
    return list(PersonalDataAccess.objects.filter(**kwargs))


def test_an_officer_opening_the_dossier_page_is_logged(client, office, dossier):
    client.force_login(office["specialist"])
    assert client.get(reverse("dossiers_admin:detail", args=[dossier.pk])).status_code == 200
    (row,) = rows(dossier=dossier)
    assert (row.user, row.what, row.dossier_code) == (office["specialist"], "view", dossier.code)


def test_the_log_keeps_the_officers_address(client, office, dossier):
    client.force_login(office["specialist"])
    client.get(reverse("dossiers_admin:detail", args=[dossier.pk]), REMOTE_ADDR="203.0.113.7")
    assert rows(dossier=dossier)[0].ip == "203.0.113.7"


def test_an_officer_downloading_a_file_is_logged(client, office, dossier):
    stored = DossierFile.objects.filter(dossier=dossier).first()
    client.force_login(office["one_stop"])
    assert client.get(reverse("dossiers:file", args=[stored.pk])).status_code == 200
    (row,) = rows(dossier=dossier)
    assert (row.what, row.detail) == ("file", str(stored.pk))


def test_an_officer_opening_a_slip_is_logged(client, office, dossier):
    slip = Slip.objects.filter(dossier=dossier).first()
    client.force_login(office["one_stop"])
    assert client.get(reverse("dossiers:slip", args=[slip.pk])).status_code == 200
    (row,) = rows(dossier=dossier)
    assert (row.what, row.detail) == ("slip", str(slip.pk))


def test_an_officer_reading_the_dossier_through_the_api_is_logged(client, office, dossier):
    token = token_for(office["leader"].username)
    response = client.get(
        f"/api/v1/dossiers/{dossier.pk}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    (row,) = rows(dossier=dossier)
    assert (row.user, row.what) == (office["leader"], "api")


def test_the_applicant_reading_their_own_dossier_is_not_logged(client, office, dossier):
    stored = DossierFile.objects.filter(dossier=dossier).first()
    client.force_login(office["citizen"])
    assert client.get(reverse("dossiers:file", args=[stored.pk])).status_code == 200
    assert client.get(f"/api/v1/dossiers/{dossier.pk}").status_code == 200
    assert rows() == []


def test_a_refused_officer_leaves_no_row(client, office, dossier):
    client.force_login(office["other_one_stop"])
    assert client.get(reverse("dossiers_admin:detail", args=[dossier.pk])).status_code == 404
    stored = DossierFile.objects.filter(dossier=dossier).first()
    assert client.get(reverse("dossiers:file", args=[stored.pk])).status_code == 404
    assert rows() == []


def test_a_forged_forwarded_address_is_stored_as_no_address(rf, office, dossier, settings):
    from congso.retention.access import log_staff_access

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address")
    request.user = office["leader"]
    assert log_staff_access(request, dossier, "view").ip is None
