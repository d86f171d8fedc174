import pytest


@pytest.fixture(autouse=True)
def _preview_dir(settings, tmp_path):
    settings.DOCUMENT_PREVIEW_DIR = tmp_path / "previews"


@pytest.fixture
def doc_index(home):
    from congso.documents.tests.factories import make_index

    return make_index(home)


@pytest.fixture
def trusted_ca(db):
    from congso.documents.services import add_trust_anchor
    from congso.documents.tests.factories import ca_pem

    anchor, _ = add_trust_anchor(ca_pem(), name="CA thử nghiệm")
    return anchor


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    from congso.core.tests.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_user_obj(db):
    from congso.core.tests.factories import SuperuserFactory

    return SuperuserFactory()
