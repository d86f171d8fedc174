"""A step due within one working day reminds its assignee; an overdue step escalates to the
leaders, once per occurrence. Boundaries on the agency's calendar: 8 working hours, over a
weekend and over the 30/04–01/05 holidays."""

import pytest

from congso.dossiers.models import Notification
from congso.reminders.models import Kind, Reminder
from congso.reminders.tests.conftest import recipients, vn

pytestmark = pytest.mark.django_db


def test_a_step_due_in_more_than_one_working_day_reminds_nobody(received, remind):
    received()  # "xu-ly" due Fri 08/05 14:30
    assert remind(vn(2026, 5, 7, 14, 29)) == []
    assert not Reminder.objects.exists()


def test_a_step_due_in_exactly_one_working_day_reminds_the_officers_of_its_role(received, remind):
    dossier = received()
    messages = remind(vn(2026, 5, 7, 14, 30))
    assert recipients(messages) == ["chuyenvien2@example.invalid", "chuyenvien@example.invalid"]
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.dossier, reminder.step_code) == (
        Kind.DUE_SOON,
        dossier,
        "xu-ly",
    )
    assert reminder.done_at is not None


def test_a_dossier_handed_to_an_officer_reminds_only_that_officer(office, received, run, remind):
    dossier = received()
    run(dossier, [(vn(2026, 5, 5, 10), "leader", "assign", {"user": "chuyenvien2"})])
    messages = remind(vn(2026, 5, 7, 15))
    assert recipients(messages) == ["chuyenvien2@example.invalid"]
    assert dossier.code in messages[0].subject
    assert "08/05/2026" in messages[0].body


def test_the_reminder_names_the_dossier_step_and_due_time(received, remind):
    dossier = received()
    [message, _] = remind(vn(2026, 5, 8, 9))
    assert "Thẩm định, xử lý hồ sơ" in message.subject
    assert "Hạn: 14:30 08/05/2026" in message.body
    assert f"/admin/mot-cua/{dossier.pk}/" in message.body


def test_one_working_day_before_a_monday_step_falls_on_friday(received, remind):
    # 2-day procedure received Thu 07/05 15:48: "xu-ly" (11h12) due Mon 11/05 09:30.
    received(vn(2026, 5, 7, 15, 48), "short_procedure")
    assert remind(vn(2026, 5, 8, 9, 29)) == []
    assert len(remind(vn(2026, 5, 8, 9, 30))) == 2


def test_one_working_day_before_a_step_after_the_holidays_is_the_day_before_them(received, remind):
    # Received Tue 28/04 15:48: 30/04, 01/05 and the weekend are off; due Mon 04/05 09:30.
    dossier = received(vn(2026, 4, 28, 15, 48), "short_procedure")
    assert dossier.step_due_at == vn(2026, 5, 4, 9, 30)
    assert remind(vn(2026, 4, 29, 9, 29)) == []
    assert len(remind(vn(2026, 4, 29, 9, 30))) == 2


def test_running_twice_sends_nothing_twice(received, remind):
    received()
    assert len(remind(vn(2026, 5, 7, 15))) == 2
    assert remind(vn(2026, 5, 7, 15)) == []
    assert remind(vn(2026, 5, 8, 9)) == []
    assert Reminder.objects.count() == 1
    assert Notification.objects.filter(key__startswith="reminder:").count() == 2


def test_a_step_at_its_due_time_is_not_yet_overdue(received, remind):
    received()
    remind(vn(2026, 5, 8, 14, 30))
    assert not Reminder.objects.filter(kind=Kind.OVERDUE).exists()


def test_a_step_past_its_due_time_escalates_to_the_leader(received, remind):
    dossier = received()
    messages = remind(vn(2026, 5, 8, 14, 31))
    assert recipients(messages) == ["lanhdao@example.invalid"]
    assert "quá hạn" in messages[0].subject and dossier.code in messages[0].subject
    reminder = Reminder.objects.get(kind=Kind.OVERDUE)
    assert list(reminder.recipients.all()) == [dossier.agency.staff.get(role="leader").user]


def test_an_overdue_step_escalates_once(received, remind):
    received()
    remind(vn(2026, 5, 8, 14, 31))
    assert remind(vn(2026, 5, 8, 16)) == []
    assert remind(vn(2026, 5, 11, 8)) == []
    assert Reminder.objects.filter(kind=Kind.OVERDUE).count() == 1


def test_the_leader_of_another_agency_is_not_told(received, remind):
    received()
    assert "lanhdao-xa@example.invalid" not in recipients(remind(vn(2026, 5, 8, 15)))


def test_a_step_entered_again_after_a_send_back_is_a_new_occurrence(received, run, remind):
    dossier = received()
    remind(vn(2026, 5, 7, 15))
    run(
        dossier,
        [
            (vn(2026, 5, 7, 16), "specialist", "forward"),
            (vn(2026, 5, 8, 8), "leader", "send-back", {"reason": "Thiếu ý kiến thẩm định"}),
        ],
    )
    remind(vn(2026, 5, 11, 16))
    assert Reminder.objects.filter(kind=Kind.DUE_SOON, step_code="xu-ly").count() == 2


def test_a_dossier_waiting_for_a_supplement_is_not_reminded(received, run, remind):
    dossier = received()
    run(dossier, [(vn(2026, 5, 6, 9), "specialist", "request-supplement", {"reason": "Thiếu"})])
    assert remind(vn(2026, 5, 8, 15)) == []


def test_an_officer_without_an_address_still_gets_the_reminder_in_the_admin(
    office, received, remind
):
    office["leader"].email = ""
    office["leader"].save()
    received()
    assert "lanhdao@example.invalid" not in recipients(remind(vn(2026, 5, 8, 15)))
    reminder = Reminder.objects.get(kind=Kind.OVERDUE)
    assert list(reminder.recipients.all()) == [office["leader"]]
    assert reminder.done_at is not None


def test_a_failed_send_is_tried_again_on_the_next_run(received, remind, monkeypatch):
    from congso.dossiers.notifications import EmailNotifier

    received()
    original = EmailNotifier.send

    def broken(self, recipient, message):
        raise ConnectionError("máy chủ thư không trả lời")

    monkeypatch.setattr(EmailNotifier, "send", broken)
    remind(vn(2026, 5, 7, 15))
    reminder = Reminder.objects.get()
    assert reminder.done_at is None and "lỗi" in reminder.error
    monkeypatch.setattr(EmailNotifier, "send", original)
    Reminder.objects.update(claimed_at=None)  # as if the claim had timed out
    assert len(remind(vn(2026, 5, 7, 15, 5))) == 2
    reminder.refresh_from_db()
    assert reminder.done_at is not None


def test_a_dry_run_lists_what_is_due_and_records_nothing(received, clock):
    import io

    from django.core.management import call_command

    dossier = received()
    clock.set(vn(2026, 5, 8, 15))
    out = io.StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    assert f"overdue\t{dossier.code}\txu-ly@" in out.getvalue()
    assert not Reminder.objects.exists()
