"""The editor-in-chief creates a news category (chuyên mục) under the home page with "Add child
page" and moves it under another category with Wagtail's move screens, in both languages of the
admin; each test ends on what a logged-out reader then finds at the old and new addresses."""

import pytest
from playwright.sync_api import expect

from congso.core.text import slugify_vi
from congso.tests.admin_browser import cached_reader, press_footer_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUIRED = {"vi": "Trường này là bắt buộc.", "en": "This field is required."}


@pytest.fixture
def chief(home, chief):
    """The chief editor's page, once the home page the categories go under exists."""
    return chief


@pytest.fixture
def reader(browser, live_server):
    page = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    yield page
    page.context.close()


def add_category(page, parent, title: str) -> None:
    """Open "Add child page" on `parent`, choose the category type, type the title."""
    page.goto(f"/admin/pages/{parent.pk}/")
    with page.expect_navigation():
        page.locator(f"a[href$='/admin/pages/{parent.pk}/add_subpage/']").first.click()
    with page.expect_navigation():
        page.locator(f"a[href*='/admin/pages/add/news/newsindexpage/{parent.pk}/']").click()
    page.locator("#id_title").fill(title)
    page.locator("#id_intro").fill("Tin về kinh tế số của tỉnh.")
    if title:
        # The slug field follows the title (after a short debounce); Vietnamese letters fold.
        expect(page.locator("#id_slug")).to_have_value(slugify_vi(title))


def move_page(page, moved, destination) -> None:
    """Wagtail's move screens: choose the new parent in the page chooser, confirm, confirm."""
    page.goto(f"/admin/pages/{moved.pk}/move/")
    chooser = page.locator("#id_new_parent_page-chooser")
    # The current parent is chosen already: "Choose another page" sits in the chooser's menu.
    chooser.locator("[data-w-dropdown-target=toggle]").click()
    chooser.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    # The chooser opens on the home page; step into it, then choose the destination.
    home_id = destination.get_parent().pk
    modal.locator(f"a.navigate-pages[href*='/choose-page/{home_id}/']").click()
    modal.locator(f"a.choose-page[data-id='{destination.pk}']").click()
    modal.wait_for(state="hidden")
    with page.expect_navigation():
        page.locator("main form input[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{moved.pk}/move/{destination.pk}/confirm/")
    with page.expect_navigation():
        page.locator("main form input[type=submit]").click()


def read(reader, url: str) -> int:
    response = reader.goto(url, wait_until="networkidle")
    return response.status


def test_a_category_added_under_the_home_page_is_published_at_its_address(chief, home, reader):
    from congso.news.models import NewsIndexPage

    page = chief
    add_category(page, home, "Kinh tế số")
    with page.expect_navigation():
        press_footer_action(page, "action-publish")
    page.wait_for_url(f"**/admin/pages/{home.pk}/")
    category = NewsIndexPage.objects.get(title="Kinh tế số")
    assert category.live and category.get_parent().pk == home.pk
    assert category.url == "/kinh-te-so/"

    assert read(reader, "/kinh-te-so/") == 200
    assert reader.locator("h1").first.inner_text().strip() == "Kinh tế số"


def test_a_category_without_a_title_is_refused_in_the_admin_language_and_not_created(
    chief, home, admin_language
):
    from congso.news.models import NewsIndexPage

    page = chief
    add_category(page, home, "")
    with page.expect_navigation():
        press_footer_action(page, "action-publish")
    assert REQUIRED[admin_language] in page.locator(".error-message").all_inner_texts()
    assert not NewsIndexPage.objects.exists()


def test_a_moved_category_is_found_at_its_new_address_and_the_old_one_redirects(
    chief, home, browser, live_server
):
    from congso.core.tests.factories import make_article, make_category

    news = make_category(home, "Tin tức")
    economy = make_category(home, "Kinh tế số")
    make_article(economy, "Doanh nghiệp số tăng gấp đôi")
    # The reader knows (and the page cache holds) the old address before the move.
    reader = cached_reader(browser, live_server, "/kinh-te-so/")

    move_page(chief, economy, news)
    chief.wait_for_url(f"**/admin/pages/{news.pk}/")
    economy.refresh_from_db()
    assert economy.get_parent().pk == news.pk

    assert read(reader, "/tin-tuc/kinh-te-so/") == 200
    assert "Doanh nghiệp số tăng gấp đôi" in reader.locator("main").inner_text()
    old = reader.request.get("/kinh-te-so/", max_redirects=0)
    assert old.status == 301
    assert old.headers["location"].endswith("/tin-tuc/kinh-te-so/")
    read(reader, "/kinh-te-so/")
    assert reader.url.endswith("/tin-tuc/kinh-te-so/")
    reader.context.close()
