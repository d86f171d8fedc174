"""The page cache against real Wagtail pages: what readers see changes, the cache follows."""

import pytest
from wagtail.models import PageViewRestriction

from congso.core import pagecache
from congso.core.models import OrganisationSettings
from congso.core.tests.factories import SuperuserFactory, make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def purges(django_capture_on_commit_callbacks):
    """Runs the after-commit purges that the test transaction would otherwise hold back."""

    class Recorder:
        def __enter__(self):
            self.before = pagecache.generation()
            self._capture = django_capture_on_commit_callbacks(execute=True)
            self._capture.__enter__()
            return self

        def __exit__(self, *exc):
            self._capture.__exit__(*exc)
            self.purged = pagecache.generation() > self.before

    return Recorder


def test_article_is_cached_for_anonymous_readers(client, article):
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_published_change_is_shown_on_the_next_request(client, article, purges):
    client.get(article.url)
    with purges() as p:
        article.title = "Tiêu đề đã sửa"
        article.save_revision().publish()
    assert p.purged
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Tiêu đề đã sửa" in response.text


def test_unpublished_article_is_gone_at_once(client, article, purges):
    client.get(article.url)
    with purges() as p:
        article.unpublish()
    assert p.purged
    assert client.get(article.url).status_code == 404


def test_deleting_an_article_purges(article, purges):
    with purges() as p:
        article.delete()
    assert p.purged


def test_moving_an_article_purges(home, article, purges):
    other = make_category(home, "Bầu cử")
    with purges() as p:
        article.move(other, pos="last-child")
    assert p.purged


def test_making_a_page_private_purges_its_public_copy(client, article, purges):
    client.get(article.url)
    with purges() as p:
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert p.purged
    assert client.get(article.url).status_code == 302


def test_changing_the_agency_footer_purges(home, purges):
    from wagtail.models import Site

    with purges() as p:
        OrganisationSettings.for_site(Site.objects.get(is_default_site=True)).save()
    assert p.purged


def test_changing_an_officials_phone_shows_on_the_cached_organisation_page(client, home, purges):
    from congso.organisation.models import Official, OrganisationPage, Unit

    page = home.add_child(instance=OrganisationPage(title="Cơ cấu tổ chức"))
    unit = Unit.objects.create(name="Văn phòng Sở")
    official = Official.objects.create(
        name="Nguyễn Văn An", position="Chánh Văn phòng", unit=unit, phone="0239 111 111"
    )
    assert "0239 111 111" in client.get(page.url).text
    with purges() as p:
        official.phone = "0239 222 222"
        official.save()
    assert p.purged
    assert "0239 222 222" in client.get(page.url).text
    with purges() as p:
        official.delete()
    assert p.purged
    assert "Nguyễn Văn An" not in client.get(page.url).text


def test_saving_a_draft_does_not_purge(article, purges):
    with purges() as p:
        article.title = "Bản nháp"
        article.save_revision()
    assert not p.purged


def test_purge_waits_for_the_commit(article, django_capture_on_commit_callbacks):
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
        assert pagecache.generation() == before
    assert callbacks


def test_new_article_appears_in_a_cached_category_listing(client, category, purges):
    client.get(category.url)
    with purges():
        make_article(category, "Tin mới đăng về bầu cử")
    assert "Tin mới đăng về bầu cử" in client.get(category.url).text


def test_editor_sees_live_pages_never_cached_ones(client, article):
    client.get(article.url)
    client.force_login(SuperuserFactory())
    response = client.get(article.url)
    assert "X-Page-Cache" not in response


def test_editor_visit_does_not_store_a_copy_for_readers(client, article):
    client.force_login(SuperuserFactory())
    client.get(article.url)
    client.logout()
    client.cookies.clear()
    assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_preview_is_never_cached(client, article):
    client.force_login(SuperuserFactory())
    response = client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "X-Page-Cache" not in response


def test_article_with_bad_page_number_is_still_served_from_cache(client, article):
    client.get(article.url + "?page=x")
    response = client.get(article.url + "?page=x")
    assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")


def test_comment_post_is_not_cached_and_page_stays_cached(client, article):
    client.get(article.url)
    client.post(
        f"/binh-luan/{article.pk}/gui/", {"name": "An", "email": "an@example.vn", "text": "Hay"}
    )
    assert client.get(article.url)["X-Page-Cache"] == "hit"


@pytest.mark.browser
def test_reader_sees_a_published_correction_after_reload(browser_page, transactional_db):
    from congso.core.tests.factories import make_home

    home = make_home()
    article = make_article(make_category(home, "Chuyển đổi số"), "Tin ban đầu")
    browser_page.goto(article.url)
    browser_page.reload()
    assert browser_page.locator("h1").first.inner_text() == "Tin ban đầu"
    article.title = "Tin đã đính chính"
    article.save_revision().publish()
    browser_page.reload()
    assert browser_page.locator("h1").first.inner_text() == "Tin đã đính chính"
