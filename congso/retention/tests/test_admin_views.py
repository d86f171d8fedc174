"""The access log page and the desk export in the admin: who may open them, and the filters."""

import pytest
from django.urls import reverse

from congso.core.tests.factories import SuperuserFactory
from congso.dossiers.status import Role
from congso.dossiers.tests.admin_setup import make_office, officer
from congso.dossiers.tests.factories import submitted_dossier, vn
from congso.retention.models import PersonalDataAccess

pytestmark = pytest.mark.django_db
LOG = "/admin/du-lieu-ca-nhan/"
DESK = "/admin/du-lieu-ca-nhan/xuat-tai-quay/"


@pytest.fixture
def office():
    return make_office()


MAY_5 = vn(2026, 5, 5, 9)


def access(office, dossier, who="specialist", at=MAY_5, code=None):
    return PersonalDataAccess.objects.create(
        at=at,
        user=office[who],
        user_name=office[who].username,
        dossier=dossier,
        dossier_code=code or f"CODE-{dossier.pk}",
        what="view",
    )


@pytest.fixture
def logged(office):
    mine = submitted_dossier(office["procedure"], office["citizen"])
    theirs = submitted_dossier(office["other_procedure"], office["citizen"])
    access(office, mine, code="H56.01-260505-0001")
    access(office, theirs, who="other_one_stop", at=vn(2026, 5, 7, 9), code="XA.01-260507-0001")
    return mine, theirs


def test_the_installation_administrator_sees_every_row(client, office, logged):
    client.force_login(SuperuserFactory())
    html = client.get(LOG).content.decode()
    assert "H56.01-260505-0001" in html and "XA.01-260507-0001" in html


def test_an_agency_administrator_sees_only_their_agencys_dossiers(client, office, logged):
    client.force_login(officer(office["agency"], Role.ADMIN, "quantri"))
    html = client.get(LOG).content.decode()
    assert "H56.01-260505-0001" in html and "XA.01-260507-0001" not in html


def test_an_officer_who_is_not_an_administrator_is_refused(client, office, logged):
    client.force_login(office["specialist"])
    assert client.get(LOG).status_code in (302, 403)


def test_an_anonymous_visitor_is_sent_to_the_login(client, logged):
    response = client.get(LOG)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_log_filters_by_dossier_code(client, office, logged):
    client.force_login(SuperuserFactory())
    html = client.get(LOG, {"ma": "XA.01"}).content.decode()
    assert "XA.01-260507-0001" in html and "H56.01-260505-0001" not in html


def test_the_log_filters_by_user(client, office, logged):
    client.force_login(SuperuserFactory())
    html = client.get(LOG, {"nguoi": office["other_one_stop"].username}).content.decode()
    assert "XA.01-260507-0001" in html and "H56.01-260505-0001" not in html


def test_the_log_filters_by_dates(client, office, logged):
    client.force_login(SuperuserFactory())
    html = client.get(LOG, {"tu": "2026-05-06", "den": "2026-05-07"}).content.decode()
    assert "XA.01-260507-0001" in html and "H56.01-260505-0001" not in html


def test_a_nonsense_date_is_a_message_not_an_error(client, office, logged):
    client.force_login(SuperuserFactory())
    response = client.get(LOG, {"tu": "31/02/2026", "trang": "x"})
    assert response.status_code == 200
    assert "Từ ngày không đúng dạng ngày" in response.content.decode()


def test_the_menu_shows_the_log_to_an_agency_administrator(client, office):
    client.force_login(officer(office["agency"], Role.ADMIN, "quantri"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "nhat-ky-du-lieu-ca-nhan" in html and "xuat-du-lieu-ca-nhan" not in html


def test_the_desk_export_is_refused_to_an_agency_administrator(client, office):
    client.force_login(officer(office["agency"], Role.ADMIN, "quantri"))
    assert client.get(DESK).status_code in (302, 403)
    response = client.post(DESK, {"cong_dan": office["citizen"].pk})
    assert response.status_code in (302, 403)
    assert not office["citizen"].data_exports.exists()
