"""A citizen reads a draft and comments on one of its sections, on a desktop screen and on a
375 px phone; a closed draft offers no form."""

import pytest

from congso.drafts.models import DraftComment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_comments_on_a_section_of_the_draft(browser_page, draft, size):
    page = browser_page
    page.set_viewport_size(SIZES[size])
    section = draft.sections.last()
    page.goto(draft.url)
    assert _fits(page)
    page.get_by_role("link", name=f"Góp ý cho {section.title}").click()
    page.get_by_role("heading", name="Gửi góp ý dự thảo").wait_for()
    assert page.get_by_label("Góp ý cho").input_value() == str(section.pk)
    page.get_by_label("Họ tên").fill("Phạm Thu Hà")
    page.get_by_label("Cơ quan, tổ chức (nếu có)").fill("Hội Nông dân xã")
    page.get_by_label("Email").fill("ha@example.vn")
    page.get_by_label("Nội dung góp ý").fill("Đề nghị nêu rõ đối tượng áp dụng.\nXin cảm ơn.")
    assert _fits(page)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.get_by_role("heading", name="Góp ý của bạn đã được gửi thành công").wait_for()
    comment = DraftComment.objects.get()
    assert (comment.section_id, comment.status, comment.name) == (
        section.pk,
        "pending",
        "Phạm Thu Hà",
    )
    assert comment.text == "Đề nghị nêu rõ đối tượng áp dụng.\nXin cảm ơn."


def test_a_comment_refused_for_a_missing_name_keeps_the_text(browser_page, draft):
    page = browser_page
    page.set_viewport_size(SIZES["phone"])
    page.goto(f"{draft.url}gop-y/")
    page.get_by_label("Email").fill("ha@example.vn")
    page.get_by_label("Nội dung góp ý").fill("Nội dung tôi không muốn gõ lại.")
    page.get_by_role("button", name="Gửi góp ý").click()
    page.get_by_text("Vui lòng nhập họ tên.").wait_for()
    assert page.get_by_label("Nội dung góp ý").input_value() == "Nội dung tôi không muốn gõ lại."
    assert not DraftComment.objects.exists()


def test_a_closed_draft_shows_no_way_to_comment(browser_page, closed_draft):
    page = browser_page
    page.set_viewport_size(SIZES["phone"])
    page.goto(closed_draft.url)
    assert page.get_by_text("Đã hết thời hạn lấy ý kiến dự thảo này").is_visible()
    assert page.get_by_role("link", name="Góp ý", exact=False).count() == 0
