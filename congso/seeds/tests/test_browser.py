"""A reader opens an imported article in Chromium: captions under the photos, Đọc thêm entries."""

import shutil
from pathlib import Path

import pytest

from congso.news.models import ArticlePage
from congso.seeds import services
from congso.seeds.tests.shared_import import NO_DOCUMENTS_DEMO

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.browser
def test_a_reader_sees_the_photo_captions_and_follows_a_read_more_entry(
    browser_page, tmp_path, monkeypatch
):
    from playwright.sync_api import expect

    monkeypatch.setattr(services, "DOCUMENTS_DEMO_MODULE", NO_DOCUMENTS_DEMO)
    shutil.copy(FIXTURES / "010_bai_co_anh.txt", tmp_path)
    services.import_seeds(tmp_path)
    article = ArticlePage.objects.get(
        title__startswith="Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa"
    )

    browser_page.goto(article.url)
    figure = browser_page.locator(
        "figure", has_text="Cánh đồng lớn ở xã Minh Châu vào mùa thu hoạch."
    )
    expect(figure.locator("img")).to_have_attribute(
        "alt", "Cánh đồng lớn ở xã Minh Châu vào mùa thu hoạch."
    )
    related = browser_page.locator("aside.related")
    related.get_by_role("link", name="Cử tri vùng cao sẵn sàng cho ngày bầu cử").click()

    expect(browser_page.locator("h1")).to_have_text("Cử tri vùng cao sẵn sàng cho ngày bầu cử")
    expect(browser_page.get_by_text(services.NEUTRAL_SAPO)).to_be_visible()
