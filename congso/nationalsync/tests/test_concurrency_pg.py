"""Drainers racing on PostgreSQL: two runs of the sender at once (the minute timer and the
worker) claim each message once — skip_locked plus the compare-and-set — so the portal gets each
message once, and still in order per dossier. SQLite serialises writers: skipped there.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_nationalsync \\
        .venv/bin/python -m pytest -q congso/nationalsync/tests/test_concurrency_pg.py
"""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from congso.nationalsync import sender
from congso.nationalsync.models import OutboxMessage, State
from congso.nationalsync.tests.test_sender import settled

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only meaningful on PostgreSQL"
    ),
]


def test_two_drainers_at_once_send_each_message_once_and_in_order(run, sync_on, settings):
    settings.NATIONAL_SYNC_URL = ""  # no sending on commit while the dossiers are made
    dossiers = [settled(run) for _ in range(4)]
    assert OutboxMessage.objects.filter(state=State.PENDING).count() == 12
    settings.NATIONAL_SYNC_URL = sync_on.url
    sync_on.mode, sync_on.delay = "slow", 0.05  # answers, a little slowly: the runs overlap
    barrier = threading.Barrier(3)
    errors = []

    def drainer():
        try:
            barrier.wait()
            sender.drain(max_seconds=30)
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=drainer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {State.ACKNOWLEDGED}
    sent = Counter(body["IdBanTin"] for body in sync_on.bodies())
    assert set(sent.values()) == {1}
    assert len(sent) == OutboxMessage.objects.count() == 12
    for dossier in dossiers:
        order = [b["IdBanTin"] for b in sync_on.bodies() if b["data"][0]["MaHoSo"] == dossier.code]
        assert order == sorted(order, key=int)
