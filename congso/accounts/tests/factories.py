import factory
from allauth.account.models import EmailAddress

from congso.accounts.models import CitizenProfile
from congso.core.tests.factories import UserFactory

PASSWORD = "matkhau-thu-nghiem-123"  # UserFactory's


class CitizenProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenProfile

    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn A{n} (mẫu)")
    phone = factory.Sequence(lambda n: f"+8491{n:07d}")
    id_number = factory.Sequence(lambda n: f"0010900{n:05d}")
    address = "Số 1, phường Mẫu, tỉnh Mẫu (dữ liệu mẫu)"


def make_citizen(email_verified: bool = True, **profile_fields) -> CitizenProfile:
    """A citizen account as signup leaves it: an allauth e-mail address and a profile."""
    profile = CitizenProfileFactory(**profile_fields)
    EmailAddress.objects.create(
        user=profile.user, email=profile.user.email, primary=True, verified=email_verified
    )
    return profile
