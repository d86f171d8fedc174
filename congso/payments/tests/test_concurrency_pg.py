"""Two notifications of the same payment at the same instant on PostgreSQL: one transition, one
event, the other answered "already confirmed". Skipped on SQLite, which serialises writes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_payments \\
        .venv/bin/python -m pytest -q -p no:randomly congso/payments/tests/test_concurrency_pg.py
"""

import pytest
from django.db import connection

from congso.dossiers.status import Status
from congso.dossiers.tests.test_concurrency_pg import run_together
from congso.payments import services
from congso.payments.models import PaymentStatus
from congso.payments.tests.conftest import bank_says, start

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only meaningful on PostgreSQL"
    ),
]


def test_two_notifications_at_once_make_one_transition(office, asked):
    payment = start(asked, office["citizen"])
    params = bank_says(payment)
    events = asked.events.count()
    answers = run_together([lambda: services.handle_ipn(dict(params)) for _ in range(2)])
    assert sorted(a["RspCode"] for a in answers) == ["00", "02"]
    payment.refresh_from_db()
    asked.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert asked.status == Status.RECEIVED
    assert asked.events.count() == events + 1
