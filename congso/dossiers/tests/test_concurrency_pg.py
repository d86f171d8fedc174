"""Races on PostgreSQL: parallel receptions, two officers on one dossier, a double-clicked submit.

Each thread has its own database connection, as two gunicorn workers would; the test database
is transactional so that the threads see each other's commits. SQLite serialises every write, so
these tests mean nothing there and are skipped:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_h8 \
        .venv/bin/python -m pytest -q -p no:randomly congso/dossiers/tests/test_concurrency_pg.py
"""

import threading

import pytest
from django.db import connection, connections

from congso.dossiers.models import Dossier, DossierCounter, Event
from congso.dossiers.services import Conflict, filing
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.factories import (
    APPLICANT,
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    pdf_upload,
    submitted_dossier,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only meaningful on PostgreSQL"
    ),
]

# No e-mail: the races are about codes and events, not about the mail queue.
QUIET_APPLICANT = {**APPLICANT, "email": ""}


@pytest.fixture
def office(clock):
    agency = make_agency()
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "one_stop_2": make_staff(agency, Role.ONE_STOP, "motcua2"),
        "citizen": make_user("congdan"),
        "procedure": make_procedure(agency, time_limit=5),
    }


def run_together(calls):
    """Run each zero-argument callable in its own thread, all released at once. Returns what
    each returned or raised, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=60)
            outcomes[index] = call()
        except Exception as error:  # the outcome under test, kept for the assertions
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck on a lock"
    return outcomes


def test_fifty_parallel_receptions_get_fifty_consecutive_codes(office):
    dossiers = [
        submitted_dossier(office["procedure"], office["citizen"], applicant=QUIET_APPLICANT)
        for _ in range(50)
    ]
    officer = office["one_stop"]
    outcomes = run_together(
        [lambda pk=d.pk: perform(pk, officer, "receive").code for d in dossiers]
    )
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert errors == []
    expected = [f"000.00.12.H56-260505-{n:04d}" for n in range(1, 51)]
    assert sorted(outcomes) == expected
    assert sorted(Dossier.objects.values_list("code", flat=True)) == expected
    assert DossierCounter.objects.get(agency=office["agency"]).last == 50


def test_two_officers_receiving_one_dossier_one_wins_the_other_gets_a_conflict(office):
    dossier = submitted_dossier(office["procedure"], office["citizen"], applicant=QUIET_APPLICANT)
    outcomes = run_together(
        [
            lambda: perform(dossier.pk, office["one_stop"], "receive"),
            lambda: perform(dossier.pk, office["one_stop_2"], "receive"),
        ]
    )
    winners = [o for o in outcomes if isinstance(o, Dossier)]
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1 and len(conflicts) == 1
    assert winners[0].code == "000.00.12.H56-260505-0001"
    assert Event.objects.filter(dossier=dossier, action="receive").count() == 1
    assert DossierCounter.objects.get(agency=office["agency"]).last == 1


def test_a_double_clicked_submit_records_one_submission(office):
    citizen = office["citizen"]
    draft = filing.create_draft(citizen, office["procedure"], applicant=QUIET_APPLICANT)
    for component in office["procedure"].components.filter(required=True):
        filing.attach_file(draft, citizen, pdf_upload(), component=component)
    outcomes = run_together([lambda: filing.submit(draft.pk, citizen)] * 2)
    assert sum(isinstance(o, Dossier) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict) for o in outcomes) == 1
    assert Event.objects.filter(dossier=draft, action="submit").count() == 1
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


def test_a_retried_create_with_the_same_key_makes_one_draft(office):
    citizen, procedure = office["citizen"], office["procedure"]

    def create():
        return filing.create_draft(
            citizen, procedure, applicant=QUIET_APPLICANT, submission_key="k-123"
        ).pk

    outcomes = run_together([create] * 4)
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert len(set(outcomes)) == 1
    assert Dossier.objects.filter(owner=citizen).count() == 1
