"""An office whose officers have e-mail addresses, dossiers driven through the real services at
chosen moments (the servicestats `run` fixture), and `remind(moment)`: `manage.py
send_reminders` at that moment with the after-commit work (the citizen's e-mail) run too."""

import pytest
from django.core import mail
from django.core.management import call_command

from congso.dossiers.status import Role
from congso.dossiers.tests.conftest import clock, holidays_2026  # noqa: F401
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_user,
    submitted_dossier,
    vn,
)
from congso.servicestats.tests.conftest import run  # noqa: F401


def staff(agency, role, username):
    """An officer in the Wagtail group of their role (so the admin lets them in), with e-mail."""
    from congso.dossiers.tests.admin_setup import officer

    user = officer(agency, role, username)
    user.email = f"{username}@example.invalid"
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def office(holidays_2026):  # noqa: F811
    agency = make_agency()
    other = make_agency(identifier="000.00.99.H56", name="UBND xã Mẫu")
    return {
        "agency": agency,
        "other": other,
        "one_stop": staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": staff(agency, Role.SPECIALIST, "chuyenvien"),
        "specialist_2": staff(agency, Role.SPECIALIST, "chuyenvien2"),
        "leader": staff(agency, Role.LEADER, "lanhdao"),
        "other_leader": staff(other, Role.LEADER, "lanhdao-xa"),
        "citizen": make_user("congdan-nhac"),
        "procedure": make_procedure(agency, time_limit=5, name="Cấp giấy phép thử (mẫu)"),
        "short_procedure": make_procedure(agency, time_limit=2, name="Thủ tục 2 ngày (mẫu)"),
    }


@pytest.fixture
def remind(clock, django_capture_on_commit_callbacks):  # noqa: F811
    def _remind(moment):
        clock.set(moment)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=open("/dev/null", "w"))
        return list(mail.outbox)

    return _remind


@pytest.fixture
def received(office, run):  # noqa: F811
    """A dossier of the 5-day procedure received Tue 05/05/2026 09:00: its "xu-ly" step (70%,
    28 working hours) is due Fri 08/05 14:30, one working day before is Thu 07/05 14:30."""

    def _received(at=None, procedure="procedure"):
        at = at or vn(2026, 5, 5, 9)
        dossier = submitted_dossier(office[procedure], office["citizen"])
        return run(dossier, [(at, "one_stop", "receive")])

    return _received


def recipients(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


__all__ = ["recipients", "vn"]
