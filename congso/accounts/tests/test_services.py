import pytest

from congso.accounts import services
from congso.accounts.models import CitizenProfile
from congso.accounts.tests.factories import make_citizen
from congso.accounts.validators import mask, normalize_id_number, normalize_phone
from congso.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_profile_for_creates_a_profile_with_the_account_name():
    user = UserFactory(first_name="Hoàng", last_name="Văn E")
    profile = services.profile_for(user)
    assert profile.pk and profile.full_name == "Hoàng Văn E"


def test_profile_for_returns_the_existing_profile():
    citizen = make_citizen()
    assert services.profile_for(citizen.user).pk == citizen.pk
    assert CitizenProfile.objects.count() == 1


def test_applicant_defaults_give_the_dossier_fields():
    citizen = make_citizen(phone="+84912000111", id_number="001090000111")
    assert services.applicant_defaults(citizen.user) == {
        "name": citizen.full_name,
        "id_number": "001090000111",
        "phone": "0912000111",
        "email": citizen.user.email,
        "address": citizen.address,
    }


def test_applicant_defaults_work_for_an_account_without_profile():
    user = UserFactory(first_name="Mẫu")
    assert services.applicant_defaults(user)["name"] == "Mẫu"


@pytest.mark.parametrize(
    "typed", ["0912345678", "0912 345 678", "0912.345.678", "+84912345678", "84912345678"]
)
def test_phones_are_normalised_to_e164(typed):
    assert normalize_phone(typed) == "+84912345678"


@pytest.mark.parametrize("typed", ["", "091234567", "02438251234", "+1 202 555 0100", "abc"])
def test_landlines_foreign_and_short_numbers_are_refused(typed):
    with pytest.raises(Exception, match="không hợp lệ"):
        normalize_phone(typed)


@pytest.mark.parametrize("typed", ["12345678901", "1234567890123", "00109001234a"])
def test_id_numbers_need_exactly_12_digits(typed):
    with pytest.raises(Exception, match="12 chữ số"):
        normalize_id_number(typed)


def test_mask_keeps_the_first_and_last_two_digits():
    assert mask("0912345689") == "0xx…xx89"


def test_set_phone_leaves_a_number_taken_in_the_meantime_to_its_owner():
    make_citizen(phone="+84912000999")
    user = UserFactory()
    profile = services.set_phone(user, "0912000999")
    assert profile.phone == ""
