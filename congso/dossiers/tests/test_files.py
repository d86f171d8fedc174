"""Private downloads of dossier files and slips: the owner and the agency's staff only."""

import pytest
from django.urls import reverse

from congso.dossiers.models import Slip
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    submitted_dossier,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed():
    agency = make_agency()
    officer = make_staff(agency, Role.ONE_STOP, "motcua")
    citizen = make_user("congdan")
    dossier = submitted_dossier(make_procedure(agency), citizen)
    perform(dossier.pk, officer, "receive")
    return {"dossier": dossier, "officer": officer, "citizen": citizen}


def test_the_owner_downloads_their_file(client, filed):
    client.force_login(filed["citizen"])
    stored = filed["dossier"].files.first()
    response = client.get(reverse("dossiers:file", args=[stored.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_another_citizen_gets_not_found_for_a_file(client, filed):
    client.force_login(make_user("khac"))
    stored = filed["dossier"].files.first()
    assert client.get(reverse("dossiers:file", args=[stored.pk])).status_code == 404


def test_an_anonymous_visitor_gets_not_found_for_a_slip(client, filed):
    slip = Slip.objects.get(dossier=filed["dossier"])
    assert client.get(reverse("dossiers:slip", args=[slip.pk])).status_code == 404


def test_an_officer_of_another_agency_gets_not_found_for_a_slip(client, filed):
    client.force_login(make_staff(make_agency("000.00.99.H56", "Khác"), Role.ONE_STOP))
    slip = Slip.objects.get(dossier=filed["dossier"])
    assert client.get(reverse("dossiers:slip", args=[slip.pk])).status_code == 404


def test_the_officer_opens_the_receipt_inline_as_pdf(client, filed):
    client.force_login(filed["officer"])
    slip = Slip.objects.get(dossier=filed["dossier"])
    response = client.get(reverse("dossiers:slip", args=[slip.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
