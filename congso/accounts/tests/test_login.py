import pytest
from django.urls import reverse

from congso.accounts.tests.factories import PASSWORD, make_citizen
from congso.core.tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, login, password=PASSWORD, follow=False):
    return client.post(
        reverse("account_login"), {"login": login, "password": password}, follow=follow
    )


def logged_in_user_id(client):
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def test_a_citizen_logs_in_with_the_phone_number_as_typed_locally(client):
    profile = make_citizen(phone="+84987654321")
    log_in(client, "0987 654 321")
    assert logged_in_user_id(client) == profile.user.pk


def test_a_citizen_logs_in_with_the_plus_84_phone_number(client):
    profile = make_citizen(phone="+84987654321")
    log_in(client, "+84987654321")
    assert logged_in_user_id(client) == profile.user.pk


def test_a_citizen_logs_in_with_the_email_address(client):
    profile = make_citizen()
    log_in(client, profile.user.email)
    assert logged_in_user_id(client) == profile.user.pk


def test_a_wrong_password_is_refused_in_vietnamese(client):
    make_citizen(phone="+84987654321")
    response = log_in(client, "0987654321", "sai-mat-khau")
    assert logged_in_user_id(client) is None
    assert "không đúng" in response.content.decode()


def test_a_phone_login_of_an_unverified_email_account_waits_for_verification(client):
    make_citizen(phone="+84987654321", email_verified=False)
    response = log_in(client, "0987654321")
    assert response["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None


def test_a_staff_member_cannot_log_in_through_the_citizen_pages(client):
    SuperuserFactory(username="quantri", email="quantri@example.gov.vn")
    log_in(client, "quantri@example.gov.vn")
    assert logged_in_user_id(client) is None


def test_a_staff_member_with_a_phone_in_a_profile_cannot_log_in_by_phone(client):
    make_citizen(user=SuperuserFactory(), phone="+84987654321")
    log_in(client, "0987654321")
    assert logged_in_user_id(client) is None


def test_a_staff_login_by_username_on_the_citizen_pages_points_to_the_admin(client):
    UserFactory(username="canbo", is_staff=True)
    response = log_in(client, "canbo", follow=True)
    assert logged_in_user_id(client) is None
    assert "đăng nhập tại trang quản trị" in response.content.decode()


def test_staff_cannot_log_in_at_the_admin_by_email_as_before(client):
    SuperuserFactory(username="quantri", email="quantri@example.gov.vn")
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "quantri@example.gov.vn", "password": PASSWORD},
    )
    assert logged_in_user_id(client) is None


def test_staff_still_log_in_at_the_admin_by_username(client):
    user = SuperuserFactory(username="quantri")
    client.post(reverse("wagtailadmin_login"), {"username": "quantri", "password": PASSWORD})
    assert logged_in_user_id(client) == user.pk


def test_a_citizen_cannot_log_in_at_the_admin(client):
    profile = make_citizen()
    client.post(
        reverse("wagtailadmin_login"), {"username": profile.user.email, "password": PASSWORD}
    )
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_logged_in_citizen_cannot_open_the_admin(client):
    profile = make_citizen()
    client.force_login(profile.user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_logged_in_citizen_cannot_open_the_django_admin(client):
    profile = make_citizen()
    client.force_login(profile.user)
    response = client.get("/django-admin/")
    assert response.status_code == 302


def test_a_staff_member_cannot_reset_the_password_through_the_citizen_pages(client, mailoutbox):
    SuperuserFactory(username="quantri", email="quantri@example.gov.vn")
    client.post(reverse("account_reset_password"), {"email": "quantri@example.gov.vn"})
    assert all("/tai-khoan/password/reset/key/" not in m.body for m in mailoutbox)


def test_a_citizen_gets_a_vietnamese_password_reset_mail(client, mailoutbox):
    profile = make_citizen()
    client.post(reverse("account_reset_password"), {"email": profile.user.email})
    assert mailoutbox[0].subject.endswith("Đặt lại mật khẩu")
    assert "/tai-khoan/password/reset/key/" in mailoutbox[0].body


def test_the_login_page_is_in_vietnamese(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Thư điện tử hoặc số điện thoại" in html
    assert '<html lang="vi">' in html
