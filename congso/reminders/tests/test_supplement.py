"""A supplement request the applicant ignores past its deadline stops the dossier through the
real stop action: the event (by "Hệ thống nhắc việc"), status 8, the applicant's e-mail with
the reason; the deadline in working days from settings or the procedure's own."""

import pytest

from congso.dossiers.models import Event
from congso.dossiers.status import Action, Status
from congso.dossiers.tests.factories import APPLICANT
from congso.reminders.models import Kind, Reminder, SupplementDeadline
from congso.reminders.rules import supplement_days
from congso.reminders.tests.conftest import vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_days(settings):
    settings.SUPPLEMENT_DEADLINE_WORKING_DAYS = 2


@pytest.fixture
def waiting(received, run, two_days):
    """Received Tue 05/05 09:00, supplement asked Wed 06/05 09:00: 2 working days → the
    deadline is Fri 08/05 09:00."""
    dossier = received()
    return run(
        dossier,
        [(vn(2026, 5, 6, 9), "specialist", "request-supplement", {"reason": "Thiếu bản vẽ"})],
    )


def test_the_default_deadline_is_thirty_working_days(office):
    assert supplement_days(office["procedure"]) == 30


def test_a_supplement_still_within_its_deadline_is_left_alone(waiting, remind):
    remind(vn(2026, 5, 8, 9))
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPPLEMENT
    assert not Reminder.objects.filter(kind=Kind.SUPPLEMENT_EXPIRED).exists()


def test_a_supplement_past_its_deadline_stops_the_dossier(waiting, remind):
    remind(vn(2026, 5, 8, 9, 1))
    waiting.refresh_from_db()
    assert waiting.status == Status.STOPPED
    event = waiting.events.get(action=Action.STOP)
    assert event.actor_name == "Hệ thống nhắc việc"
    assert (event.from_status, event.to_status) == (Status.SUPPLEMENT, Status.STOPPED)
    assert "Quá thời hạn bổ sung" in event.note and "2 ngày làm việc" in event.note
    assert "09:00 08/05/2026" in event.note


def test_the_applicant_is_told_with_the_reason(waiting, remind):
    messages = remind(vn(2026, 5, 8, 9, 1))
    [to_applicant] = [m for m in messages if m.to == [APPLICANT["email"]]]
    assert "Quá thời hạn bổ sung" in to_applicant.body
    assert waiting.code in to_applicant.subject


def test_the_officer_who_asked_and_the_leader_are_told(waiting, remind):
    messages = remind(vn(2026, 5, 8, 9, 1))
    officers = sorted(m.to[0] for m in messages if m.to != [APPLICANT["email"]])
    assert officers == ["chuyenvien@example.invalid", "lanhdao@example.invalid"]
    reminder = Reminder.objects.get(kind=Kind.SUPPLEMENT_EXPIRED)
    assert reminder.event.action == Action.STOP and reminder.outcome == "Đã dừng xử lý hồ sơ."


def test_a_stopped_dossier_is_stopped_once(waiting, remind):
    remind(vn(2026, 5, 8, 9, 1))
    assert remind(vn(2026, 5, 8, 10)) == []
    assert Event.objects.filter(dossier=waiting, action=Action.STOP).count() == 1


def test_a_supplement_given_in_time_stops_nothing(waiting, office, clock, remind):
    from congso.dossiers.services.processing import perform

    clock.set(vn(2026, 5, 7, 10))
    perform(waiting.pk, office["citizen"], "supplement", {"note": "Đã nộp bản vẽ"})
    remind(vn(2026, 5, 20, 9))
    waiting.refresh_from_db()
    assert waiting.status == Status.RECEIVED  # back where the request found it
    assert not Reminder.objects.filter(kind=Kind.SUPPLEMENT_EXPIRED).exists()


def test_the_deadline_over_a_weekend_counts_working_days(received, run, two_days, remind):
    dossier = received()
    # Asked Thu 07/05 10:00: 5h30 that day, 8h on Friday, 2h30 on Monday → Mon 11/05 10:00.
    run(dossier, [(vn(2026, 5, 7, 10), "specialist", "request-supplement", {"reason": "Thiếu"})])
    for moment in (vn(2026, 5, 9, 10, 1), vn(2026, 5, 11, 10)):
        remind(moment)
        dossier.refresh_from_db()
        assert dossier.status == Status.SUPPLEMENT
    remind(vn(2026, 5, 11, 10, 1))
    dossier.refresh_from_db()
    assert dossier.status == Status.STOPPED


def test_a_procedure_may_have_its_own_deadline(waiting, office, remind):
    SupplementDeadline.objects.create(procedure=office["procedure"], working_days=5)
    remind(vn(2026, 5, 12, 9))  # Wed 06/05 09:00 + 5 working days = Wed 13/05 09:00
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPPLEMENT
    remind(vn(2026, 5, 13, 9, 1))
    waiting.refresh_from_db()
    assert waiting.status == Status.STOPPED


def test_a_procedure_with_no_deadline_is_never_stopped(waiting, office, remind):
    SupplementDeadline.objects.create(procedure=office["procedure"], working_days=0)
    remind(vn(2026, 12, 31, 9))
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPPLEMENT


def test_a_dossier_asked_for_a_supplement_before_receipt_is_refused_with_form_03(
    office, run, two_days, remind
):
    from congso.dossiers.tests.factories import submitted_dossier

    dossier = submitted_dossier(office["procedure"], office["citizen"])
    run(dossier, [(vn(2026, 5, 5, 9), "one_stop", "request-supplement", {"reason": "Thiếu"})])
    remind(vn(2026, 5, 7, 9, 1))
    dossier.refresh_from_db()
    assert dossier.status == Status.REFUSED
    assert dossier.slips.filter(form="03").exists()
    assert dossier.events.get(action=Action.REFUSE).actor_name == "Hệ thống nhắc việc"


def test_a_workflow_without_a_stop_at_the_step_leaves_the_dossier_to_an_officer(waiting, remind):
    waiting.workflow.transitions.filter(action=Action.STOP, from_step="xu-ly").delete()
    remind(vn(2026, 5, 8, 9, 1))
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPPLEMENT
    reminder = Reminder.objects.get(kind=Kind.SUPPLEMENT_EXPIRED)
    assert "cần cán bộ xử lý" in reminder.outcome and reminder.error


def test_the_system_account_cannot_log_in(waiting, remind, client):
    from django.contrib.auth import get_user_model

    remind(vn(2026, 5, 8, 9, 1))
    system = get_user_model().objects.get(username="he-thong-nhac-viec")
    assert not system.is_active and not system.has_usable_password()
    assert not client.login(username="he-thong-nhac-viec", password="")
