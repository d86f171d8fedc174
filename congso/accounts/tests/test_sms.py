import pytest
from django.test import override_settings

from congso.accounts.adapters import CitizenAccountAdapter
from congso.accounts.sms import send_sms


def test_without_a_gateway_a_text_message_is_written_as_a_file(tmp_path):
    with override_settings(SMS_FILE_PATH=tmp_path):
        path = send_sms("+84912345678", "Mã xác minh: 123456")
    assert path.parent == tmp_path
    assert "Mã xác minh: 123456" in path.read_text(encoding="utf-8")


class RecordingSender:
    sent: list = []

    def send(self, phone, text):
        self.sent.append((phone, text))


def test_an_agency_gateway_is_plugged_in_by_settings():
    with override_settings(SMS_SENDER="congso.accounts.tests.test_sms.RecordingSender"):
        send_sms("+84912345678", "Xin chào")
    assert RecordingSender.sent[-1] == ("+84912345678", "Xin chào")


@pytest.mark.django_db
def test_the_phone_verification_code_goes_through_the_sms_interface():
    with override_settings(SMS_SENDER="congso.accounts.tests.test_sms.RecordingSender"):
        CitizenAccountAdapter().send_verification_code_sms(None, "+84912345678", "654321")
    assert "654321" in RecordingSender.sent[-1][1]
