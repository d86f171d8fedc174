"""Two officers receiving the same dossier at the same moment through the API: one wins, the
other gets a 409 (PostgreSQL: real concurrent transactions and row locks)."""

import threading

import pytest
from django.db import connection

from congso.dossiers.models import Dossier, DossierCounter, Event
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.api_fixtures import API, token_for
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    submitted_dossier,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"
    ),
]


def test_two_officers_receiving_at_once_get_one_200_and_one_409():
    from django.test import Client

    agency = make_agency()
    make_staff(agency, Role.ONE_STOP, "motcua1")
    make_staff(agency, Role.ONE_STOP, "motcua2")
    citizen = make_user("congdan1")
    dossier = submitted_dossier(make_procedure(agency), citizen)
    tokens = [token_for("motcua1"), token_for("motcua2")]
    barrier = threading.Barrier(2)
    answers = []

    def receive(token):
        from django.db import connections

        try:
            client = Client()
            barrier.wait(timeout=30)
            response = client.post(
                f"{API}/{dossier.pk}/actions/receive",
                "{}",
                content_type="application/json",
                headers={"Authorization": f"Bearer {token}"},
            )
            answers.append((response.status_code, response.json()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=receive, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(status for status, _ in answers) == [200, 409]
    refused = next(body for status, body in answers if status == 409)
    assert refused["detail"]
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    assert Event.objects.filter(dossier=dossier, action="receive").count() == 1
    assert DossierCounter.objects.get().last == 1
    assert Dossier.objects.filter(code__isnull=False).count() == 1


def test_a_double_clicked_creation_with_one_idempotency_key_makes_one_dossier():
    import json

    from django.test import Client

    agency = make_agency()
    procedure = make_procedure(agency)
    make_user("congdan1")
    token = token_for("congdan1")
    body = json.dumps({"procedure": procedure.code, "applicant": {"name": "Nguyễn Văn A (mẫu)"}})
    barrier = threading.Barrier(2)
    answers = []

    def create():
        from django.db import connections

        try:
            client = Client()
            barrier.wait(timeout=30)
            response = client.post(
                API,
                body,
                content_type="application/json",
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "nhay-dup"},
            )
            answers.append((response.status_code, response.json().get("id")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert [status for status, _ in answers] == [201, 201]
    assert len({dossier_id for _, dossier_id in answers}) == 1
    assert Dossier.objects.count() == 1
