"""A reader's comment, from the home page to approval by the editor-in-chief, in real Chromium."""

import re

import pytest
from django.contrib.auth.models import Group

from congso.core.tests.factories import UserFactory, make_article
from congso.users.roles import CHIEF_EDITOR, setup_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "matkhau-thu-nghiem-123"


def test_reader_comment_is_shown_after_the_chief_editor_approves_it(browser_page, home, category):
    make_article(category, "Tin cũ hơn về chính quyền số")
    article = make_article(
        category, "Hà Tĩnh đẩy mạnh chuyển đổi số", sapo="Sở TT&TT tổ chức hội nghị triển khai."
    )
    setup_roles()
    chief = UserFactory(username="truongban", is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    page = browser_page

    # The reader opens the home page and follows the ticker headline.
    page.goto("/")
    page.locator(".ticker").get_by_role("link", name=article.title).click()
    page.wait_for_url(re.compile(re.escape(article.url) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == article.title

    # ... and leaves a comment.
    form = page.locator("form.comment-form")
    form.get_by_label("Họ tên").fill("Nguyễn Văn An")
    form.get_by_label("Email").fill("an@example.vn")
    form.get_by_label("Nội dung").fill("Mong Sở sớm mở thêm dịch vụ công trực tuyến toàn trình.")
    form.get_by_role("button", name="Gửi bình luận").click()
    page.get_by_text("Bình luận của bạn đã được gửi thành công").wait_for()

    # Not shown before moderation.
    page.goto(article.url)
    assert page.locator(".comment__text").count() == 0

    # The editor-in-chief logs in and approves it.
    page.goto("/admin/login/")
    page.fill("input[name=username]", "truongban")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto("/admin/snippets/comments/comment/?status=pending")
    row = page.locator("tr", has_text="Nguyễn Văn An")
    row.locator("input[type=checkbox]").check()
    page.get_by_role("link", name=re.compile("Duyệt")).first.click()
    page.get_by_role("button", name=re.compile("Duyệt|Có")).first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/comments/comment/"))

    # The reader (a fresh anonymous context) now sees it under the article.
    reader = page.context.browser.new_context(base_url=page.url.split("/admin", 1)[0])
    reader_page = reader.new_page()
    reader_page.goto(article.url)
    comment = reader_page.locator(".comment")
    assert "Nguyễn Văn An" in comment.inner_text()
    assert "dịch vụ công trực tuyến toàn trình" in comment.inner_text()
    reader.close()
