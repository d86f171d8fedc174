"""Two workers running the reminders at the same moment on PostgreSQL: the unique constraint
and the claim let one of them act, so nobody gets a message twice and a dossier is stopped once.
SQLite serialises every write, so these are skipped there:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_reminders \
        .venv/bin/python -m pytest -q -p no:randomly congso/reminders/tests/test_concurrency_pg.py
"""

import pytest
from django.core import mail
from django.db import connection

from congso.dossiers.models import Event, Notification
from congso.dossiers.status import Action, Status
from congso.dossiers.tests.test_concurrency_pg import run_together
from congso.reminders import services
from congso.reminders.models import Kind, Reminder
from congso.reminders.tests.conftest import vn

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only meaningful on PostgreSQL"
    ),
]


def both_workers():
    def worker():
        services.scan()
        return [services.process(pk) for pk in services.pending_ids()]

    outcomes = run_together([worker, worker, worker])
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    return outcomes


def test_three_workers_at_once_remind_each_officer_once(received, clock):
    received()
    clock.set(vn(2026, 5, 8, 14, 31))  # overdue: the leaders
    mail.outbox.clear()
    both_workers()
    assert Reminder.objects.filter(kind=Kind.OVERDUE).count() == 1
    assert [m.to for m in mail.outbox] == [["lanhdao@example.invalid"]]
    assert Notification.objects.filter(key__startswith="reminder:").count() == 1


def test_three_workers_at_once_stop_an_expired_supplement_once(received, run, clock, settings):
    settings.SUPPLEMENT_DEADLINE_WORKING_DAYS = 2
    dossier = received()
    run(dossier, [(vn(2026, 5, 6, 9), "specialist", "request-supplement", {"reason": "Thiếu"})])
    clock.set(vn(2026, 5, 8, 9, 1))
    both_workers()
    dossier.refresh_from_db()
    assert dossier.status == Status.STOPPED
    assert Event.objects.filter(dossier=dossier, action=Action.STOP).count() == 1
    assert Reminder.objects.filter(kind=Kind.SUPPLEMENT_EXPIRED).count() == 1
