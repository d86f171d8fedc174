import pytest
from django.urls import reverse

from congso.accounts.tests.factories import make_citizen
from congso.core.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def profile_data(**changes):
    data = {
        "full_name": "Lê Văn C (mẫu)",
        "id_number": "001090012345",
        "phone": "0911222333",
        "address": "Số 2, phường Mẫu (dữ liệu mẫu)",
        "date_of_birth": "25/12/1990",
    }
    data.update(changes)
    return data


@pytest.fixture
def citizen(client):
    profile = make_citizen()
    client.force_login(profile.user)
    return profile


def test_the_profile_page_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_citizen_sees_their_own_id_number_and_phone(client, citizen):
    html = client.get(PROFILE).content.decode()
    assert citizen.id_number in html
    assert citizen.phone_display in html


def test_the_citizen_edits_the_profile(client, citizen):
    response = client.post(PROFILE, profile_data())
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.full_name, citizen.id_number, citizen.phone) == (
        "Lê Văn C (mẫu)",
        "001090012345",
        "+84911222333",
    )
    assert citizen.date_of_birth.isoformat() == "1990-12-25"


def test_an_id_number_that_is_not_12_digits_is_refused_in_vietnamese(client, citizen):
    response = client.post(PROFILE, profile_data(id_number="12345"))
    html = response.content.decode()
    assert "phải gồm đúng 12 chữ số" in html
    assert 'aria-describedby="id_id_number_helptext id_id_number_error"' in html
    citizen.refresh_from_db()
    assert citizen.id_number != "12345"


def test_a_bad_phone_is_refused_in_vietnamese(client, citizen):
    response = client.post(PROFILE, profile_data(phone="12345"))
    assert "Số điện thoại di động không hợp lệ" in response.content.decode()


def test_a_phone_of_another_citizen_is_refused(client, citizen):
    make_citizen(phone="+84911222333")
    response = client.post(PROFILE, profile_data())
    assert "đã được dùng cho tài khoản khác" in response.content.decode()


def test_a_bad_date_of_birth_is_refused_in_vietnamese(client, citizen):
    response = client.post(PROFILE, profile_data(date_of_birth="31/02/1990"))
    assert response.status_code == 200
    assert "Ngày sinh không hợp lệ" in response.content.decode()


def test_changing_the_phone_clears_its_verification(client, citizen):
    citizen.phone_verified = True
    citizen.save()
    client.post(PROFILE, profile_data())
    citizen.refresh_from_db()
    assert not citizen.phone_verified


def test_another_citizen_sees_only_their_own_profile(client, citizen):
    other = make_citizen()
    client.force_login(other.user)
    html = client.get(PROFILE).content.decode()
    assert citizen.id_number not in html
    assert citizen.phone_display not in html
    assert other.id_number in html


def test_the_profile_page_is_never_cached(client, citizen):
    response = client.get(PROFILE)
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_the_admin_list_masks_phone_and_id_number(client):
    citizen = make_citizen(phone="+84912345689", id_number="001090012389")
    client.force_login(SuperuserFactory())
    url = reverse("wagtailsnippets_accounts_citizenprofile:list")
    html = client.get(url).content.decode()
    assert citizen.full_name in html
    assert "0xx…xx89" in html
    assert "0912345689" not in html
    assert "001090012389" not in html


def test_no_one_edits_a_citizen_profile_in_the_admin(client):
    citizen = make_citizen()
    client.force_login(SuperuserFactory())
    url = reverse("wagtailsnippets_accounts_citizenprofile:edit", args=[citizen.pk])
    assert client.get(url).status_code in (302, 403)


def test_a_citizen_cannot_open_the_admin_list_of_profiles(client, citizen):
    url = reverse("wagtailsnippets_accounts_citizenprofile:list")
    assert client.get(url).status_code == 302


def test_the_header_offers_login_to_anonymous_readers(client):
    html = client.get(reverse("account_login")).content.decode()
    assert f'href="{reverse("account_login")}">Đăng nhập</a>' in html


def test_the_header_links_a_logged_in_citizen_to_the_account(client, citizen):
    html = client.get(PROFILE).content.decode()
    assert f'href="{PROFILE}">Tài khoản</a>' in html


def test_an_english_officer_reads_the_admin_list_in_english(client):
    from wagtail.users.models import UserProfile

    make_citizen()
    officer = SuperuserFactory()
    preferences = UserProfile.get_for_user(officer)
    preferences.preferred_language = "en"
    preferences.save()
    client.force_login(officer)
    html = client.get(reverse("wagtailsnippets_accounts_citizenprofile:list")).content.decode()
    assert "Phone number" in html or "phone number" in html
    assert "số định danh" not in html
