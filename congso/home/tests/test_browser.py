"""A reader switches to the English section and reads the organisation chart, in Chromium."""

import pytest

from congso.home.models import EnglishHomePage
from congso.organisation.models import Official, OrganisationPage, Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_goes_to_the_english_organisation_page_and_back_to_vietnamese(browser_page, home):
    from playwright.sync_api import expect

    english = home.add_child(instance=EnglishHomePage(title="English", slug="en"))
    chart = english.add_child(
        instance=OrganisationPage(title="Organisation", slug="organisation", language="en")
    )
    board = Unit.objects.create(name="Ban Giám đốc", name_en="Board of Directors")
    Official.objects.create(
        name="Đậu Tùng Lâm",
        position="Giám đốc",
        position_en="Director",
        unit=board,
        phone="0239 111 111",
        is_leader=True,
    )
    page = browser_page
    page.goto("/")
    page.locator(".site-header__lang").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{english.url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("#main").get_by_role("link", name="Organisation").click()
    page.wait_for_url(f"**{chart.url}")
    directory = page.locator("table.directory")
    expect(directory).to_contain_text("Director")
    expect(directory).to_contain_text("Board of Directors")
    expect(directory.get_by_role("link", name="0239 111 111")).to_have_attribute(
        "href", "tel:0239111111"
    )
    page.locator(".site-header__lang").get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(f"**{home.url}")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
