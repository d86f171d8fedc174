"""Keyboard and phone use of the reader pages, in real Chromium."""

import pytest

from congso.core.tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_first_tab_reaches_a_skip_link_that_moves_focus_to_the_content(browser_page, article):
    page = browser_page
    page.goto(article.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Bỏ qua điều hướng" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_reader_opens_the_menu_and_reaches_a_category(browser_page, category, article):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    menu_link = page.locator("#main-menu-list").get_by_role("link", name=category.title)
    assert not menu_link.is_visible()
    page.get_by_role("button", name="Danh mục").click()
    menu_link.click()
    page.wait_for_url(f"**{category.url}")
    assert page.get_by_role("heading", level=1).inner_text() == category.title
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_images_have_alt_text_from_their_caption(browser_page, category):
    from congso.core.tests.factories import make_image

    image = make_image(caption="Giám đốc Sở TT&TT Đậu Tùng Lâm.")
    article = make_article(category, hero_image=image)
    page = browser_page
    page.goto(article.url)
    assert (
        page.locator(".article__hero img").get_attribute("alt") == "Giám đốc Sở TT&TT Đậu Tùng Lâm."
    )


def test_escape_closes_the_phone_menu_and_returns_focus_to_its_button(browser_page, category):
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    toggle = page.get_by_role("button", name="Danh mục")
    toggle.click()
    menu_link = page.locator("#main-menu-list").get_by_role("link", name=category.title)
    menu_link.focus()
    page.keyboard.press("Escape")
    expect(menu_link).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
