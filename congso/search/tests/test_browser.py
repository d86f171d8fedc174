import pytest

from .factories import article, days_ago


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reader_finds_an_article_typed_without_diacritics_and_opens_it(browser_page, category):
    article(category, "Bản tin cuối tuần", "Lịch tiếp công dân.", date=days_ago(1))
    target = article(
        category,
        "Hà Tĩnh đẩy mạnh chuyển đổi số",
        "Tỉnh ban hành kế hoạch chuyển đổi số.",
        date=days_ago(20),
    )
    page = browser_page
    page.goto("/")
    page.fill("#header-search", "chuyen doi so")
    page.press("#header-search", "Enter")
    page.wait_for_url("**/tim-kiem/?q=chuyen+doi+so")
    first = page.locator(".search-result").first
    assert first.locator(".search-result__title").inner_text() == "Hà Tĩnh đẩy mạnh chuyển đổi số"
    marked = first.locator("mark").all_inner_texts()
    assert {"chuyển", "đổi", "số"} <= set(marked)
    assert page.input_value("#header-search") == "chuyen doi so"
    first.locator(".search-result__title a").click()
    page.wait_for_url(f"**{target.url}")
    assert page.locator("h1").first.inner_text() == "Hà Tĩnh đẩy mạnh chuyển đổi số"
