"""The editor-in-chief moderates draft comments in the admin by pressing the listing's real
buttons, in both admin languages; a logged-out reader then sees the approved comment under its
section of the (cached) draft page."""

import pytest

from congso.drafts.models import DraftComment
from congso.drafts.tests.factories import make_comment
from congso.tests.admin_browser import cached_reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LISTING = "/admin/snippets/drafts/draftcomment/"


@pytest.fixture
def pending(draft):
    section = draft.sections.last()
    return [
        make_comment(draft, section, name="Nguyễn Văn An", text="Cần làm rõ đối tượng."),
        make_comment(draft, name="Phạm Quảng Cáo", text="Mua hàng giá rẻ tại đây."),
    ]


def press_bulk_action(page, action_type: str) -> None:
    with page.expect_navigation():
        page.locator(f"[data-bulk-action-button][href*='/{action_type}/']").click()
    page.wait_for_url(f"**/admin/bulk/drafts/draftcomment/{action_type}/**")


def moderate(page, name: str, action_type: str) -> None:
    page.goto(f"{LISTING}?status=pending")
    row = page.locator("table.listing tbody tr", has_text=name)
    row.locator("input[type=checkbox][data-bulk-action-checkbox]").check()
    press_bulk_action(page, action_type)
    assert name in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{LISTING}**")


def test_the_chief_approves_a_comment_and_readers_see_it_under_its_section(
    chief, pending, draft, browser, live_server
):
    reader = cached_reader(browser, live_server, draft.url)
    moderate(chief, "Nguyễn Văn An", "approve")
    assert chief.locator(".messages .success").count() == 1
    assert DraftComment.objects.get(name="Nguyễn Văn An").status == "approved"
    assert DraftComment.objects.get(name="Phạm Quảng Cáo").status == "pending"
    reader.goto(draft.url, wait_until="networkidle")
    section = reader.locator(f"#muc-{draft.sections.last().pk}")
    assert "Cần làm rõ đối tượng." in section.inner_text()
    assert "Mua hàng giá rẻ" not in reader.content()
    reader.context.close()


def test_the_chief_rejects_spam_and_it_never_appears(chief, pending, draft):
    moderate(chief, "Phạm Quảng Cáo", "reject")
    assert DraftComment.objects.get(name="Phạm Quảng Cáo").status == "rejected"
    chief.goto(draft.url)
    assert "Mua hàng giá rẻ" not in chief.content()


def test_the_chief_records_how_a_comment_was_answered(chief, closed_draft, admin_language):
    comment = make_comment(closed_draft, status="approved", name="Lê Thị Bình")
    chief.goto(f"{LISTING}edit/{comment.pk}/")
    chief.locator("select[name=response_kind]").select_option("accepted")
    chief.locator("textarea[name=response]").fill("Tiếp thu, đã bổ sung Điều 3.")
    with chief.expect_navigation():
        chief.locator("footer button[type=submit]").first.click()
    comment.refresh_from_db()
    assert (comment.response_kind, comment.response) == ("accepted", "Tiếp thu, đã bổ sung Điều 3.")
