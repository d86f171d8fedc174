"""An officer who chose English sees the admin's menus in English."""

import json
import re

import pytest
from wagtail.users.models import UserProfile

from congso.core.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

# Letters only Vietnamese uses (with their tone marks), not names such as "Wagtail".
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)


def _menu_labels(html: str) -> list[str]:
    labels = re.findall(r'"label": ("(?:[^"\\]|\\.)*")', html)
    return [json.loads(label) for label in labels]


def test_every_admin_menu_label_is_english_for_an_english_officer(client):
    # A Vietnamese officer first: menus Wagtail builds once must not keep that language.
    client.force_login(SuperuserFactory())
    assert "Trang" in _menu_labels(client.get("/admin/").content.decode())
    user = SuperuserFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    labels = _menu_labels(client.get("/admin/").content.decode())
    assert "Pages" in labels
    assert [label for label in labels if VIETNAMESE.search(label)] == []
