"""Every officer reads the admin in the language of their profile, texts of choosers included."""

import pytest

from congso.tests.admin_browser import staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "search", "other"), [("vi", "Tìm kiếm", "Search"), ("en", "Search", "Tìm kiếm")]
)
def test_the_image_choosers_search_tab_is_in_the_officers_language(client, language, search, other):
    client.force_login(staff_user("bientapvien", None, language))
    html = client.get("/admin/images/chooser/").json()["html"]
    tab = html.split('id="tab-label-search"', 1)[1].split("</a>", 1)[0]
    assert search in tab
    assert other not in tab
