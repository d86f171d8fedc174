"""Editors and the editor-in-chief work on articles through the admin's real forms, in both
languages of the admin; each test ends on what the reader then sees."""

import pytest

from congso.tests.admin_browser import log_in, staff_user
from congso.users.roles import EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_saves_an_unchanged_article_as_a_draft_without_a_date_error(
    browser_page, article, admin_language
):
    page = browser_page
    staff_user("bientapvien", EDITOR, admin_language)
    log_in(page, "bientapvien")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    with page.expect_navigation():
        page.locator("footer button.action-save").click()
    assert page.locator(".error-message").all_inner_texts() == []
    assert page.locator(".messages .success").count() == 1
    article.refresh_from_db()
    assert article.get_latest_revision().user.username == "bientapvien"
