"""Editors and the editor-in-chief work on articles through the admin's real forms, in both
languages of the admin; each test ends on what the reader then sees.

A live article edited and approved again: test_admin_browser_live.py."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from congso.news.models import ArticlePage
from congso.tests.admin_browser import (
    approve_from_the_dashboard,
    choose_new_image,
    form_submission,
    let_scheduled_time_pass,
    log_in,
    new_page,
    press_footer_action,
    set_publishing_schedule,
    staff_user,
    translated,
    type_date,
)
from congso.users.roles import CHIEF_EDITOR, EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Hà Tĩnh khai trương trung tâm điều hành thông minh"
SAPO = "Trung tâm giám sát, điều hành đô thị thông minh tỉnh chính thức đi vào hoạt động."
EDITED_SAPO = "Trung tâm điều hành thông minh của tỉnh đi vào hoạt động từ sáng nay."
ALT = "Lãnh đạo tỉnh bấm nút khai trương trung tâm"


def tomorrow_morning():
    """08:30 tomorrow, in the portal's time zone: a go-live time in the future."""
    return (timezone.localtime() + timedelta(days=1)).replace(
        hour=8, minute=30, second=0, microsecond=0
    )


@pytest.fixture
def png(tmp_path):
    path = tmp_path / "khai-truong.png"
    Image.new("RGB", (160, 100), (180, 40, 40)).save(path)
    return path


def add_article(page, category, png, published_at: str | None = None) -> ArticlePage:
    """From the category in the page explorer: add an article with a new hero image (and the
    given publication time, else the form's default), and save it as a draft."""
    page.goto(f"/admin/pages/{category.pk}/")
    page.locator(f'a[href="/admin/pages/{category.pk}/add_subpage/"]').first.click()
    page.locator('a[href*="/add/news/articlepage/"]').click()
    page.wait_for_url("**/add/news/articlepage/**")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_sapo").fill(SAPO)
    choose_new_image(page, "hero_image", png, ALT)
    if published_at is not None:
        type_date(page, "#id_date", published_at)
    with form_submission(page):
        page.locator("footer button.action-save").click()
    article = ArticlePage.objects.get(title=TITLE)
    page.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    return article


def test_an_editor_saves_an_unchanged_article_as_a_draft_without_a_date_error(
    browser_page, article, admin_language
):
    page = browser_page
    staff_user("bientapvien", EDITOR, admin_language)
    log_in(page, "bientapvien")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    with form_submission(page):
        page.locator("footer button.action-save").click()
    assert page.locator(".error-message").all_inner_texts() == []
    assert page.locator(".messages .success").count() == 1
    article.refresh_from_db()
    assert article.get_latest_revision().user.username == "bientapvien"


def test_a_scheduled_article_reaches_readers_once_approved_and_its_time_has_come(
    browser_page, browser, live_server, category, png, admin_language
):
    go_live = tomorrow_morning()
    shown = go_live.strftime("%H:%M %d/%m/%Y")
    staff_user("bientapvien", EDITOR, admin_language)
    staff_user("truongban", CHIEF_EDITOR, admin_language)
    editor = browser_page
    chief, reader = new_page(browser, live_server.url), new_page(browser, live_server.url)

    log_in(editor, "bientapvien")
    # The publication time is left as the form fills it: the schedule dates the article.
    article = add_article(editor, category, png)
    expect(editor.locator(".messages .success")).to_contain_text(
        translated(admin_language, "Page '%(page_title)s' created.", page_title=TITLE)
    )
    # The edit: a better sapo, saved with the schedule by the dialog's "Save schedule".
    editor.locator("#id_sapo").fill(EDITED_SAPO)
    set_publishing_schedule(editor, shown)
    expect(editor.locator("[data-side-panel=status]")).to_contain_text(
        translated(admin_language, "Once scheduled:")
    )
    with form_submission(editor):
        press_footer_action(editor, "action-submit")
    expect(editor.locator(".messages .success")).to_contain_text(
        translated(
            admin_language,
            "Page '%(page_title)s' has been submitted for moderation.",
            page_title=TITLE,
        )
    )
    url = ArticlePage.objects.get(pk=article.pk).get_url()
    assert reader.goto(url).status == 404

    log_in(chief, "truongban")
    approve_from_the_dashboard(chief, article)
    article.refresh_from_db()
    assert (article.live, article.go_live_at) == (False, go_live)
    assert reader.goto(url).status == 404
    reader.goto(category.get_url())
    expect(reader.locator(f'.listing a[href="{url}"]')).to_have_count(0)

    let_scheduled_time_pass(article)
    call_command("publish_scheduled")

    assert reader.goto(url).status == 200
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator(".article__sapo")).to_have_text(EDITED_SAPO)
    expect(reader.locator(".article__hero img")).to_have_attribute("alt", ALT)
    expect(reader.locator(".article__meta time")).to_have_text(shown)
    reader.goto(category.get_url())
    card = reader.locator(".card", has=reader.locator(f'a[href="{url}"]'))
    expect(card.locator(".card__title")).to_have_text(TITLE)
    expect(card.locator("img")).to_have_count(1)
    expect(card.locator(".card__date")).to_have_text(shown)


def test_an_expiry_before_the_go_live_time_is_refused_with_a_message_and_nothing_is_saved(
    browser_page, article, admin_language
):
    page = browser_page
    staff_user("bientapvien", EDITOR, admin_language)
    log_in(page, "bientapvien")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    revisions = article.revisions.count()
    go_live = tomorrow_morning()

    set_publishing_schedule(
        page,
        go_live.strftime("%H:%M %d/%m/%Y"),
        expire=(go_live - timedelta(hours=1)).strftime("%H:%M %d/%m/%Y"),
    )

    expect(page.locator(".messages .error")).to_be_visible()
    expect(page.locator("[data-side-panel=status]")).to_contain_text(
        translated(admin_language, "Invalid schedule")
    )
    expect(page.locator("#schedule-publishing-dialog")).to_contain_text(
        translated(admin_language, "Go live date/time must be before expiry date/time")
    )
    article.refresh_from_db()
    assert article.revisions.count() == revisions
    assert article.get_latest_revision().content["go_live_at"] is None


def test_an_editor_can_submit_an_article_for_review_but_not_publish_it(
    browser_page, article, admin_language
):
    page = browser_page
    staff_user("bientapvien", EDITOR, admin_language)
    log_in(page, "bientapvien")
    page.goto(f"/admin/pages/{article.pk}/edit/")

    expect(page.locator("footer [name=action-submit]")).to_have_count(1)
    expect(page.locator("footer [name=action-publish]")).to_have_count(0)
    expect(page.locator("footer")).not_to_contain_text(translated(admin_language, "Publish"))
