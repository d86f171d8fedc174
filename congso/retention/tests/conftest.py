"""The servicestats office (real services at chosen moments), plus a dossier settled with
everything personal a dossier can carry: files, a slip, notes, a rating comment, a message."""

import pytest

from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.dossiers.tests.factories import pdf_upload, vn
from congso.servicestats.tests.conftest import office, run  # noqa: F401

SETTLED = vn(2026, 5, 7, 9)  # the return of the result, below


@pytest.fixture(autouse=True)
def portal_home(home):
    """The site's home page and settings: the citizen pages and the 404 page render in its
    frame (a transactional test elsewhere may have flushed what the migrations made)."""
    return home


@pytest.fixture
def returned(office, run, clock):  # noqa: F811
    """returned(procedure=None) → a dossier received 05/05, settled (result returned) 07/05/2026
    09:00 and rated with a comment."""
    from congso.dossiers.models import DossierFile, Notification
    from congso.dossiers.services import filing
    from congso.dossiers.services.processing import perform
    from congso.dossiers.tests.factories import submitted_dossier

    def _returned(procedure=None, settled=SETTLED):
        dossier = None
        if procedure is not None:
            dossier = submitted_dossier(procedure, office["citizen"])
        dossier = run(
            dossier,
            [
                (vn(2026, 5, 5, 9), "one_stop", "receive", {"note": "Ông A nộp bản sao CCCD"}),
                (vn(2026, 5, 6, 9), "specialist", "forward"),
                (vn(2026, 5, 6, 10), "leader", "approve"),
            ],
        )
        clock.set(settled)
        filing.attach_file(
            dossier, office["one_stop"], pdf_upload("ket-qua.pdf"), kind=DossierFile.Kind.RESULT
        )
        dossier = perform(dossier.pk, office["one_stop"], "return-result", {"result_number": "1"})
        perform(dossier.pk, office["citizen"], "rate", {"score": 4, "comment": "Tôi là A, 0912"})
        Notification.objects.create(
            dossier=dossier, channel="email", to="a@example.invalid", key=f"t:{dossier.pk}"
        )
        return dossier

    return _returned
