"""E-mails to the citizen after each citizen-facing event, other channels, the officers' digest."""

import logging
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from congso.dossiers import notifications
from congso.dossiers.models import Notification
from congso.dossiers.services import filing, records
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.factories import (
    APPLICANT,
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    pdf_upload,
    submitted_dossier,
    vn,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(clock, holidays_2026):
    clock.set(vn(2026, 5, 5, 9, 4))
    agency = make_agency()
    return {
        "agency": agency,
        "one_stop": make_staff(agency, Role.ONE_STOP, "motcua"),
        "specialist": make_staff(agency, Role.SPECIALIST, "chuyenvien"),
        "leader": make_staff(agency, Role.LEADER, "lanhdao"),
        "citizen": make_user("congdan"),
        "procedure": make_procedure(agency, time_limit=5, name="Cấp giấy phép thử (mẫu)"),
    }


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the services leave for after commit (the signal), as in production."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def received(office, committed):
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    dossier = committed(perform, dossier.pk, office["one_stop"], "receive")
    mail.outbox.clear()
    return dossier


def _to_done(office, committed, dossier):
    committed(perform, dossier.pk, office["specialist"], "forward")
    dossier = committed(perform, dossier.pk, office["leader"], "approve")
    mail.outbox.clear()
    return dossier


def test_receiving_e_mails_the_code_and_due_date_to_the_applicant(office, committed):
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    mail.outbox.clear()
    dossier = committed(perform, dossier.pk, office["one_stop"], "receive")
    [message] = mail.outbox
    assert message.to == [APPLICANT["email"]]
    assert dossier.code in message.subject
    assert "Ngày hẹn trả kết quả: 09:04 12/05/2026" in message.body
    assert "Tiếp nhận lúc: 09:04 05/05/2026" in message.body


def test_the_e_mail_carries_the_private_tracking_link(received):
    row = Notification.objects.get(event__action="receive")
    assert row.sent_at is not None
    # The fixture cleared the outbox: the same message, rebuilt from the event.
    message = notifications.build_message(received, row.event)
    assert records.tracking_url(received, with_secret=True) in message.text
    assert records.tracking_secret(received) in message.html


def test_the_e_mail_has_a_text_and_an_html_part_in_vietnamese(office, committed):
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    mail.outbox.clear()
    committed(perform, dossier.pk, office["one_stop"], "receive")
    [message] = mail.outbox
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert 'lang="vi"' in html and "Đã được tiếp nhận, đang chờ giải quyết" in html
    assert "Kính gửi Nguyễn Văn A (mẫu)" in message.body


def test_submitting_confirms_with_the_citizen_status_words(office, committed):
    committed(submitted_dossier, office["procedure"], office["citizen"])
    [message] = mail.outbox
    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in message.body


def test_a_supplement_request_e_mails_its_reason(received, office, committed):
    committed(
        perform, received.pk, office["specialist"], "request-supplement", {"reason": "Thiếu bản đồ"}
    )
    [message] = mail.outbox
    assert "cần bổ sung" in message.subject
    assert "Nội dung cần bổ sung: Thiếu bản đồ" in message.body


def test_a_refusal_e_mails_its_reason(office, committed):
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    mail.outbox.clear()
    committed(perform, dossier.pk, office["one_stop"], "refuse", {"reason": "Sai thẩm quyền"})
    [message] = mail.outbox
    assert "không được tiếp nhận" in message.subject
    assert "Lý do: Sai thẩm quyền" in message.body


def test_a_dossier_entered_at_the_desk_gets_only_the_reception_e_mail(office, committed):
    from congso.dossiers.services.desk import enter_in_person

    procedure = office["procedure"]
    files = [(c, pdf_upload()) for c in procedure.components.filter(required=True)]
    dossier = committed(
        enter_in_person, office["one_stop"], procedure, applicant=APPLICANT, files=files
    )
    [message] = mail.outbox
    assert dossier.code in message.subject and "đã được tiếp nhận" in message.subject


def test_an_internal_hand_over_sends_nothing(received, office, committed):
    committed(perform, received.pk, office["specialist"], "forward")
    assert mail.outbox == []


def test_the_result_e_mail_links_the_result_file_to_download(received, office, committed):
    done = _to_done(office, committed, received)
    result = filing.attach_file(done, office["one_stop"], pdf_upload("ket-qua.pdf"))
    committed(perform, received.pk, office["one_stop"], "return-result", {"result_number": "12/GP"})
    [message] = mail.outbox
    assert "Số, ký hiệu kết quả: 12/GP" in message.body
    assert f"/dich-vu-cong/tep/{result.pk}/" in message.body


def test_without_a_result_file_the_e_mail_says_where_to_collect_it(received, office, committed):
    _to_done(office, committed, received)
    committed(perform, received.pk, office["one_stop"], "return-result", {"result_number": "1"})
    [message] = mail.outbox
    assert "Bộ phận tiếp nhận và trả kết quả của Sở Khoa học và Công nghệ" in message.body


def test_an_apology_e_mails_the_new_date(received, office, committed):
    committed(
        perform,
        received.pk,
        office["leader"],
        "apologize",
        {"new_due_at": "2026-05-20T16:00:00+07:00", "reason": "Chờ ý kiến (mẫu)"},
    )
    [message] = mail.outbox
    assert "Ngày hẹn trả kết quả mới: 16:00 20/05/2026" in message.body
    assert "Ngày hẹn cũ: 09:04 12/05/2026" in message.body


def test_no_e_mail_address_means_no_message_and_no_record(office, committed):
    applicant = {**APPLICANT, "email": ""}
    dossier = committed(
        submitted_dossier, office["procedure"], office["citizen"], applicant=applicant
    )
    committed(perform, dossier.pk, office["one_stop"], "receive")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_broken_mail_server_neither_breaks_the_action_nor_goes_unrecorded(
    office, committed, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(notifications, "send_mail", refuse)
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    with caplog.at_level(logging.ERROR, logger="congso.dossiers.notifications"):
        dossier = committed(perform, dossier.pk, office["one_stop"], "receive")
    assert dossier.code
    row = Notification.objects.get(event__action="receive")
    assert row.sent_at is None and "mail server down" in row.error
    assert "failed" in caplog.text


def test_a_retried_task_does_not_send_twice(received):
    event = received.events.get(action="receive")
    assert notifications.notify(event.pk) == {"email": "not sent"}
    assert mail.outbox == []


def test_a_failed_message_is_sent_when_the_task_is_retried(office, committed, monkeypatch):
    monkeypatch.setattr(notifications, "send_mail", lambda *a, **k: 1 / 0)
    dossier = committed(submitted_dossier, office["procedure"], office["citizen"])
    monkeypatch.undo()
    event = dossier.events.get(action="submit")
    assert notifications.notify(event.pk) == {"email": "sent"}
    assert Notification.objects.get(event=event).error == ""


def test_sms_and_zalo_are_written_to_files_when_configured(office, committed, settings, tmp_path):
    settings.DOSSIER_NOTIFIERS = [
        "congso.dossiers.notifications.SmsNotifier",
        "congso.dossiers.notifications.ZaloNotifier",
    ]
    settings.SMS_FILE_PATH = tmp_path / "sms"
    settings.ZALO_FILE_PATH = tmp_path / "zalo"
    committed(submitted_dossier, office["procedure"], office["citizen"])
    [sms] = Path(tmp_path / "sms").iterdir()
    [zalo] = Path(tmp_path / "zalo").iterdir()
    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in sms.read_text(encoding="utf-8")
    assert zalo.read_text(encoding="utf-8").startswith("To: 0912345678")
    assert set(Notification.objects.values_list("channel", flat=True)) == {"sms", "zalo"}


def test_an_agency_plugs_in_its_own_notifier_class():
    class Provider(notifications.Notifier):
        channel = "provider"

    assert issubclass(Provider, notifications.Notifier)
    with pytest.raises(NotImplementedError):
        Provider().send("0912345678", None)


# The officers' daily digest ---------------------------------------------------------------


@pytest.fixture
def due_dossiers(office, clock):
    """One dossier due 12/05 09:04 (received 05/05), one due later (received 08/05)."""
    office["one_stop"].email = "motcua@example.invalid"
    office["one_stop"].save()
    soon = submitted_dossier(office["procedure"], office["citizen"])
    soon = perform(soon.pk, office["one_stop"], "receive")
    clock.set(vn(2026, 5, 8, 9, 0))
    later = submitted_dossier(office["procedure"], office["citizen"])
    later = perform(later.pk, office["one_stop"], "receive")
    mail.outbox.clear()
    return soon, later


def test_the_digest_lists_a_dossier_due_within_one_working_day(due_dossiers, clock):
    soon, later = due_dossiers
    clock.set(vn(2026, 5, 11, 10, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    [message] = mail.outbox
    assert message.to == ["motcua@example.invalid"]
    assert "Đến hạn trong 01 ngày làm việc (1)" in message.body
    assert soon.code in message.body and later.code not in message.body


def test_the_digest_groups_overdue_dossiers_by_agency(due_dossiers, clock):
    soon, later = due_dossiers
    clock.set(vn(2026, 5, 12, 10, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    [message] = mail.outbox
    assert "== Sở Khoa học và Công nghệ (000.00.12.H56) ==" in message.body
    assert "Quá hạn (1):" in message.body
    assert f"- {soon.code}" in message.body.split("Quá hạn (1):")[1]
    assert "/admin/mot-cua/?co-quan=000.00.12.H56&hang=qua-han" in message.body


def test_the_digest_is_sent_once_a_day(due_dossiers, clock):
    clock.set(vn(2026, 5, 11, 10, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    clock.set(vn(2026, 5, 12, 8, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2


def test_officers_without_an_e_mail_address_get_no_digest(due_dossiers, clock, office):
    clock.set(vn(2026, 5, 11, 10, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox] == [["motcua@example.invalid"]]


def test_nothing_due_sends_no_digest(due_dossiers, clock):
    clock.set(vn(2026, 5, 6, 10, 0))
    call_command("send_due_digest", stdout=open("/dev/null", "w"))
    assert mail.outbox == []


def test_email_url_sets_the_smtp_server_in_one_line():
    import json
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congso.settings.base",
        "EMAIL_URL": "smtp+tls://he%40so.example.gov.vn:m%3Ak@mail.example.gov.vn:587",
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.gov.vn",
        587,
        "he@so.example.gov.vn",
        "m:k",
        True,
        False,
    ]
