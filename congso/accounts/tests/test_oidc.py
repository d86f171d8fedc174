"""Logging in with OpenID Connect against a real provider started by the test."""

from urllib.parse import urlparse

import pytest
import requests
from django.test import override_settings
from django.urls import reverse

from congso.accounts.models import CitizenProfile
from congso.accounts.tests.factories import make_citizen
from congso.accounts.tests.oidc_server import OidcProvider
from congso.core.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

CLAIMS = {
    "sub": "vneid-000123",
    "name": "Phạm Thị D (mẫu)",
    "email": "pham.d.mau@example.vn",
    "email_verified": True,
    "phone_number": "+84 977 000 111",
    "so_dinh_danh": "079190001234",
    "address": {"formatted": "Số 3, xã Mẫu, tỉnh Mẫu (dữ liệu mẫu)"},
}


@pytest.fixture
def provider():
    with OidcProvider(dict(CLAIMS)) as running:
        with override_settings(
            SOCIALACCOUNT_PROVIDERS=running.app_settings(),
            OIDC_ID_NUMBER_CLAIM="so_dinh_danh",
        ):
            yield running


def log_in_with(client, provider, claims=None):
    """The browser's trip: our login → the provider's authorize → back to our callback."""
    if claims is not None:
        provider.claims = claims
    start = client.post(reverse("openid_connect_login", args=["vneid"]), {"process": "login"})
    assert start.status_code == 302, start.content
    assert start["Location"].startswith(f"{provider.url}/authorize")
    back = requests.get(start["Location"], allow_redirects=False, timeout=10)
    callback = urlparse(back.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def session_user(client):
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def test_the_login_page_shows_the_provider_button(client, provider):
    html = client.get(reverse("account_login")).content.decode()
    assert "Đăng nhập bằng VNeID" in html


def test_a_citizen_logs_in_with_the_provider_and_is_signed_up(client, provider):
    response = log_in_with(client, provider)
    assert response.status_code == 302
    profile = CitizenProfile.objects.get(user__email="pham.d.mau@example.vn")
    assert session_user(client) == profile.user.pk
    assert set(provider.requests) >= {"/.well-known/openid-configuration", "/token", "/userinfo"}


def test_the_provider_claims_fill_the_profile(client, provider):
    log_in_with(client, provider)
    profile = CitizenProfile.objects.get(user__email="pham.d.mau@example.vn")
    assert (profile.full_name, profile.id_number, profile.phone) == (
        "Phạm Thị D (mẫu)",
        "079190001234",
        "+84977000111",
    )
    assert profile.address == "Số 3, xã Mẫu, tỉnh Mẫu (dữ liệu mẫu)"


def test_a_citizen_signed_up_through_the_provider_is_not_staff(client, provider):
    log_in_with(client, provider)
    user = CitizenProfile.objects.get().user
    assert not user.is_staff and not user.is_superuser
    assert not user.has_usable_password()


def test_a_second_login_updates_the_profile_from_the_provider(client, provider):
    log_in_with(client, provider)
    client.logout()
    log_in_with(client, provider, {**CLAIMS, "name": "Phạm Thị Đ (mẫu)"})
    assert CitizenProfile.objects.get().full_name == "Phạm Thị Đ (mẫu)"


def test_a_bad_id_number_claim_is_left_out(client, provider):
    log_in_with(client, provider, {**CLAIMS, "so_dinh_danh": "12-34"})
    assert CitizenProfile.objects.get().id_number == ""


def test_the_provider_never_logs_into_an_existing_account_by_email(client, provider):
    existing = make_citizen()
    log_in_with(client, provider, {**CLAIMS, "email": existing.user.email})
    assert session_user(client) != existing.user.pk


def test_the_provider_never_logs_into_a_staff_account_by_email(client, provider):
    staff = SuperuserFactory(email="pham.d.mau@example.vn")
    log_in_with(client, provider)
    assert session_user(client) != staff.pk


def test_a_forged_callback_logs_no_one_in(client, provider):
    client.post(reverse("openid_connect_login", args=["vneid"]), {"process": "login"})
    response = client.get(
        reverse("openid_connect_callback", args=["vneid"]) + "?code=gia-mao&state=gia-mao"
    )
    assert session_user(client) is None
    assert "Không đăng nhập được" in response.content.decode()


def test_an_unknown_provider_is_a_404(client, provider):
    response = client.post(reverse("openid_connect_login", args=["khong-co"]))
    assert response.status_code == 404


def test_without_an_email_claim_the_citizen_completes_a_vietnamese_form(client, provider):
    claims = {key: value for key, value in CLAIMS.items() if not key.startswith("email")}
    response = log_in_with(client, provider, claims)
    assert response["Location"] == reverse("socialaccount_signup")
    html = client.get(reverse("socialaccount_signup")).content.decode()
    assert "Hoàn tất tài khoản" in html and "Thư điện tử" in html


def test_the_completed_form_keeps_the_provider_data_and_asks_to_verify_the_email(
    client, provider, mailoutbox
):
    claims = {key: value for key, value in CLAIMS.items() if not key.startswith("email")}
    log_in_with(client, provider, claims)
    response = client.post(reverse("socialaccount_signup"), {"email": "moi.mau@example.vn"})
    assert response["Location"] == reverse("account_email_verification_sent")
    profile = CitizenProfile.objects.get(user__email="moi.mau@example.vn")
    assert profile.id_number == "079190001234"
    assert "/tai-khoan/confirm-email/" in mailoutbox[0].body


def test_a_phone_claim_already_on_another_account_is_left_there(client, provider):
    other = make_citizen(phone="+84977000111")
    log_in_with(client, provider)
    profile = CitizenProfile.objects.get(user__email="pham.d.mau@example.vn")
    assert session_user(client) == profile.user.pk
    assert profile.phone == ""
    other.refresh_from_db()
    assert other.phone == "+84977000111"
