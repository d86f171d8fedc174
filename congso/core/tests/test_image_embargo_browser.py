"""An editor uploads a photo for an article not yet published and previews it; a reader cannot
fetch the photo until the article is published (docs/decisions/0004-image-embargo.md)."""

import pytest
from PIL import Image

from congso.news.models import ArticlePage
from congso.tests.admin_browser import choose_new_image, log_in, new_page, staff_user
from congso.users.roles import EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Ký kết hợp tác chuyển đổi số với tập đoàn viễn thông"
SAPO = "Hai bên thống nhất triển khai hạ tầng số cho các xã vùng cao."
ALT = "Lãnh đạo hai bên ký biên bản hợp tác"
# Resolves once the image is decoded; rejects (fails the test) when the browser got no image.
LOADED_WIDTH = "async img => { await img.decode(); return img.naturalWidth; }"


@pytest.fixture
def png(tmp_path):
    path = tmp_path / "ky-ket-hop-tac.png"
    Image.new("RGB", (320, 200), (20, 90, 160)).save(path)
    return path


def add_draft_article(page, category, png) -> ArticlePage:
    page.goto(f"/admin/pages/add/news/articlepage/{category.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_sapo").fill(SAPO)
    choose_new_image(page, "hero_image", png, ALT)
    with page.expect_navigation():
        page.locator("footer button.action-save").click()
    return ArticlePage.objects.get(title=TITLE)


def test_an_editor_previews_a_new_photo_that_readers_cannot_fetch_until_publication(
    browser, browser_page, live_server, category, png
):
    editor = browser_page
    staff_user("bientapvien", EDITOR)
    log_in(editor, "bientapvien")
    article = add_draft_article(editor, category, png)
    assert editor.locator("#id_hero_image-chooser img").evaluate(LOADED_WIDTH) > 0

    editor.locator('[data-side-panel-toggle="preview"]').first.click()
    preview_photo = editor.frame_locator("#w-preview-iframe").locator(".article__hero img")
    assert preview_photo.evaluate(LOADED_WIDTH) > 0
    url = preview_photo.get_attribute("src")
    assert url.startswith("/media/images/")

    reader = new_page(browser, live_server.url)
    assert reader.request.get(url).status == 404

    article.get_latest_revision().publish()
    reader.goto(article.url)
    photo = reader.locator(".article__hero img")
    assert photo.get_attribute("src") == url
    assert photo.evaluate(LOADED_WIDTH) > 0
    reader.context.close()
