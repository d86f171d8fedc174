"""A reader finds news in Chromium: paging through a category, following a tag and an event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from congso.core.tests.factories import make_article, make_category
from congso.news.models import NewsIndexPage, Topic

VN = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.browser


def test_a_reader_pages_through_a_category_and_returns_by_the_breadcrumb(browser_page, category):
    from playwright.sync_api import expect

    start = datetime(2024, 1, 1, 8, 0, tzinfo=VN)
    for n in range(NewsIndexPage.per_page + 1):
        make_article(category, f"Tin chuyên mục số {n}", date=start + timedelta(days=n))
    page = browser_page
    page.goto(category.url)
    expect(page.locator(".listing .card")).to_have_count(NewsIndexPage.per_page)
    expect(page.get_by_role("link", name="Tin chuyên mục số 0")).to_have_count(0)

    page.get_by_role("link", name="Trang sau ›").click()
    expect(page.locator(".pagination")).to_contain_text("Trang 2 / 2")
    page.get_by_role("link", name="Tin chuyên mục số 0").click()
    expect(page.locator("h1")).to_have_text("Tin chuyên mục số 0")

    page.locator("nav.breadcrumb").get_by_role("link", name=category.title).click()
    expect(page.locator("h1")).to_have_text(category.title)


def test_a_reader_follows_an_articles_tag_and_event_to_their_listings(browser_page, home, category):
    from playwright.sync_api import expect

    topic = Topic.objects.create(name="Ngày Chuyển đổi số quốc gia")
    other = make_category(home, "Bầu cử")
    sibling = make_article(other, "Tin cùng từ khóa ở chuyên mục khác")
    sibling.tags.add("cntt")
    sibling.save_revision().publish()
    current = make_article(category, "Bài có từ khóa và sự kiện", topic=topic)
    current.tags.add("cntt")
    current.save_revision().publish()
    page = browser_page

    # A one-word tag: multi-word ones 404 (see test_reader_features' xfail).
    page.goto(current.url)
    page.locator(".tags").get_by_role("link", name="cntt").click()
    expect(page.locator("h1")).to_have_text("Từ khóa: cntt")
    expect(page.locator(".listing")).to_contain_text(sibling.title)

    page.go_back()
    page.get_by_role("link", name=topic.name).click()
    expect(page.locator("h1")).to_have_text(topic.name)
    expect(page.locator(".listing")).to_contain_text(current.title)
