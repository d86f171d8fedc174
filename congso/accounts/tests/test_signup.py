import re

import pytest
from django.core import mail
from django.urls import reverse

from congso.accounts.models import CitizenProfile
from congso.users.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Trần Thị B (mẫu)",
    "email": "congdan.mau@example.vn",
    "phone": "0912 345 678",
    "password1": "Mat-khau-rat-dai-2026",
    "password2": "Mat-khau-rat-dai-2026",
}


def sign_up(client, **changes):
    return client.post(reverse("account_signup"), {**SIGNUP, **changes})


def verification_link(message) -> str:
    return re.search(r"https?://\S+/tai-khoan/confirm-email/\S+", message.body).group(0)


def test_signup_page_is_in_vietnamese_with_labelled_fields(client):
    html = client.get(reverse("account_signup")).content.decode()
    for label in ("Họ và tên", "Thư điện tử", "Số điện thoại di động", "Mật khẩu"):
        assert label in html
    assert '<label for="id_phone">' in html


def test_signup_stores_name_and_phone_in_the_profile(client):
    sign_up(client)
    profile = CitizenProfile.objects.get(user__email="congdan.mau@example.vn")
    assert (profile.full_name, profile.phone) == ("Trần Thị B (mẫu)", "+84912345678")


def test_signup_sends_a_vietnamese_verification_mail_and_does_not_log_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Xác minh thư điện tử" in mail.outbox[0].subject
    assert "/tai-khoan/confirm-email/" in mail.outbox[0].body
    assert "_auth_user_id" not in client.session


def test_login_before_verification_points_to_the_mail_instead_of_logging_in(client):
    sign_up(client)
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_lets_the_citizen_log_in(client):
    sign_up(client)
    link = verification_link(mail.outbox[0])
    confirm = client.post(link)
    assert confirm.status_code == 302
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=SIGNUP["email"]).pk


def test_signup_without_a_phone_is_refused(client):
    response = sign_up(client, phone="")
    assert response.status_code == 200
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_signup_with_a_landline_or_short_number_is_refused_in_vietnamese(client):
    response = sign_up(client, phone="024 3825 1234")
    html = response.content.decode()
    assert "Số điện thoại di động không hợp lệ" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_a_phone_already_used_by_another_account_is_refused(client):
    sign_up(client)
    response = sign_up(client, email="nguoi.khac@example.vn", phone="+84912345678")
    assert "đã được dùng cho một tài khoản khác" in response.content.decode()
    assert not User.objects.filter(email="nguoi.khac@example.vn").exists()


def test_signup_accepts_the_plus_84_form(client):
    sign_up(client, phone="+84 912 345 678")
    assert CitizenProfile.objects.get().phone == "+84912345678"


def test_signup_creates_no_staff_account(client):
    sign_up(client)
    user = User.objects.get(email=SIGNUP["email"])
    assert not user.is_staff and not user.is_superuser


def test_two_different_passwords_are_refused_in_vietnamese(client):
    response = sign_up(client, password2="Mat-khau-khac-2026")
    assert "Hai lần nhập mật khẩu không khớp nhau." in response.content.decode()


def test_a_missing_field_is_reported_in_vietnamese(client):
    response = sign_up(client, full_name="")
    assert "Trường này là bắt buộc." in response.content.decode()
