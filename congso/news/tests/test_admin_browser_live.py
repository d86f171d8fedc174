"""A live article edited in the admin: readers keep the live version until the
editor-in-chief approves the new one (both languages of the admin)."""

import pytest
from playwright.sync_api import expect

from congso.tests.admin_browser import (
    approve_from_the_dashboard,
    form_submission,
    log_in,
    new_page,
    press_footer_action,
    staff_user,
    translated,
)
from congso.users.roles import CHIEF_EDITOR, EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLD_SAPO = "Sở TT&TT tổ chức hội nghị."  # the `article` fixture's
NEW_SAPO = "Sở TT&TT công bố kết quả hội nghị và kế hoạch chuyển đổi số năm 2027."


def test_readers_keep_the_live_article_until_the_chief_approves_the_editors_changes(
    browser_page, browser, live_server, article, admin_language
):
    staff_user("bientapvien", EDITOR, admin_language)
    staff_user("truongban", CHIEF_EDITOR, admin_language)
    editor = browser_page
    chief, reader = new_page(browser, live_server.url), new_page(browser, live_server.url)
    url = article.get_url()
    reader.goto(url)
    expect(reader.locator(".article__sapo")).to_have_text(OLD_SAPO)

    log_in(editor, "bientapvien")
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    editor.locator("#id_sapo").fill(NEW_SAPO)
    with form_submission(editor):
        editor.locator("footer button.action-save").click()
    expect(editor.locator(".messages .success")).to_contain_text(
        translated(
            admin_language, "Page '%(page_title)s' has been updated.", page_title=article.title
        )
    )
    reader.goto(url)
    expect(reader.locator(".article__sapo")).to_have_text(OLD_SAPO)

    with form_submission(editor):
        press_footer_action(editor, "action-submit")
    reader.goto(url)
    expect(reader.locator(".article__sapo")).to_have_text(OLD_SAPO)

    log_in(chief, "truongban")
    approve_from_the_dashboard(chief, article)
    reader.goto(url)
    expect(reader.locator(".article__sapo")).to_have_text(NEW_SAPO)
    expect(reader.locator("h1")).to_have_text(article.title)
