"""The editor-in-chief moderates readers' comments through the admin's listing and its bulk
actions, in both languages of the admin; each test ends on the article as a logged-out reader
then sees it. Editors (Biên tập viên) do not moderate."""

import pytest

from congso.tests.admin_browser import cached_reader, log_in, staff_user
from congso.users.roles import EDITOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTING = "/admin/snippets/comments/comment/"
APPROVED = {"vi": "Đã duyệt 2 bình luận.", "en": "2 comments approved."}
REJECTED = {"vi": "Đã từ chối 1 bình luận.", "en": "1 comment rejected."}
APPROVE = {"vi": "Duyệt", "en": "Approve"}


@pytest.fixture
def pending(article):
    from congso.comments.tests.factories import CommentFactory

    return [
        CommentFactory(page=article, name="Nguyễn Văn An", text="Cần thêm hướng dẫn nộp hồ sơ."),
        CommentFactory(page=article, name="Lê Thị Bình", text="Dịch vụ công chạy nhanh hơn."),
        CommentFactory(page=article, name="Phạm Quảng Cáo", text="Mua hàng giá rẻ tại đây."),
    ]


@pytest.fixture
def reader(browser, live_server, article):
    """A logged-out reader who has already seen (and so cached) the page."""
    page = cached_reader(browser, live_server, article.url)
    yield page
    page.context.close()


def shown_comments(reader, article) -> list[str]:
    reader.goto(article.url, wait_until="networkidle")
    return reader.locator(".comments__list .comment__name").all_inner_texts()


def select_rows(page, names: list[str]) -> None:
    """Tick the listing's checkbox on the row of each commenter in `names`."""
    for name in names:
        row = page.locator("table.listing tbody tr", has_text=name)
        row.locator("input[type=checkbox][data-bulk-action-checkbox]").check()


def press_bulk_action(page, action_type: str) -> None:
    """Press the bulk action bar's button, which opens the confirmation screen."""
    with page.expect_navigation():
        page.locator(f"[data-bulk-action-button][href*='/{action_type}/']").click()
    page.wait_for_url(f"**/admin/bulk/comments/comment/{action_type}/**")


def test_comments_approved_together_appear_under_the_article(
    chief, admin_language, pending, reader, article
):
    from congso.comments.models import Comment

    page = chief
    page.goto(f"{LISTING}?status=pending")
    select_rows(page, ["Nguyễn Văn An", "Lê Thị Bình"])
    button = page.locator("[data-bulk-action-button][href*='/approve/']")
    assert button.inner_text().strip() == APPROVE[admin_language]
    press_bulk_action(page, "approve")
    submit = page.locator("main form button[type=submit]")
    assert submit.inner_text().strip() == APPROVE[admin_language]
    confirm = page.locator("main").inner_text()
    assert "Nguyễn Văn An" in confirm and "Lê Thị Bình" in confirm
    assert "Phạm Quảng Cáo" not in confirm
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{LISTING}**")
    assert page.locator(".messages .success").inner_text().strip() == APPROVED[admin_language]
    assert Comment.objects.filter(status=Comment.Status.APPROVED).count() == 2
    assert Comment.objects.get(name="Phạm Quảng Cáo").status == Comment.Status.PENDING

    assert sorted(shown_comments(reader, article)) == ["Lê Thị Bình", "Nguyễn Văn An"]
    assert "Mua hàng giá rẻ" not in reader.content()


def test_a_rejected_comment_never_appears_under_the_article(
    chief, admin_language, pending, reader, article
):
    from congso.comments.models import Comment

    page = chief
    page.goto(f"{LISTING}?status=pending")
    select_rows(page, ["Phạm Quảng Cáo"])
    press_bulk_action(page, "reject")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{LISTING}**")
    assert page.locator(".messages .success").inner_text().strip() == REJECTED[admin_language]
    assert Comment.objects.get(name="Phạm Quảng Cáo").status == Comment.Status.REJECTED
    assert shown_comments(reader, article) == []
    assert "Mua hàng giá rẻ" not in reader.content()


def test_going_back_from_the_confirmation_approves_nothing(chief, pending, reader, article):
    from congso.comments.models import Comment

    page = chief
    page.goto(f"{LISTING}?status=pending")
    select_rows(page, ["Phạm Quảng Cáo"])
    press_bulk_action(page, "approve")
    with page.expect_navigation():
        page.locator("main form a.button, main form .button-secondary").first.click()
    page.wait_for_url(f"**{LISTING}**")
    assert not Comment.objects.filter(status=Comment.Status.APPROVED).exists()
    assert shown_comments(reader, article) == []


@pytest.fixture
def editor(browser_page, admin_language):
    staff_user("bientapvien", EDITOR, admin_language)
    log_in(browser_page, "bientapvien")
    return browser_page


def test_an_editor_can_neither_open_the_comments_nor_approve_one(editor, pending, reader, article):
    from congso.comments.models import Comment

    page = editor
    assert page.locator(f"nav a[href='{LISTING}']").count() == 0
    page.goto(LISTING)
    page.wait_for_url("**/admin/")
    assert page.locator(".messages .error").count() == 1
    # Even with the confirmation screen's address, nothing can be approved.
    page.goto(f"/admin/bulk/comments/comment/approve/?next={LISTING}&id={pending[0].pk}")
    assert page.locator("main form button[type=submit]").count() == 0
    assert not Comment.objects.filter(status=Comment.Status.APPROVED).exists()
    assert shown_comments(reader, article) == []
