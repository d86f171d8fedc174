"""A small office with dossiers driven through the real services at chosen moments."""

import pytest

from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    submitted_dossier,
    vn,
)


@pytest.fixture
def office(holidays_2026):  # noqa: F811
    agency = make_agency()
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP),
        "specialist": make_staff(agency, Role.SPECIALIST),
        "leader": make_staff(agency, Role.LEADER),
        "citizen": make_user("congdan-stats"),
        "procedure": make_procedure(agency, time_limit=5),
    }


@pytest.fixture
def run(office, clock):  # noqa: F811
    """run(dossier_or_None, [(moment, who, action, fields), ...]) → the dossier after them."""

    def _run(dossier, steps):
        if dossier is None:
            dossier = submitted_dossier(office["procedure"], office["citizen"])
        for moment, who, action, *fields in steps:
            clock.set(moment)
            dossier = perform(dossier.pk, office[who], action, fields[0] if fields else None)
        return dossier

    return _run


def settle(run, received, forwarded, approved):
    return run(
        None,
        [
            (received, "one_stop", "receive"),
            (forwarded, "specialist", "forward"),
            (approved, "leader", "approve"),
        ],
    )


__all__ = ["settle", "vn"]
