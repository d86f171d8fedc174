"""The editor-in-chief posts a recruitment notice through the admin's real buttons; a reader
sees it, with its deadline and "Còn hạn", on a desktop and on a 375 px phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from congso.publications.models import RecruitmentPage
from congso.publications.structure import ensure_portal_sections
from congso.tests.admin_browser import form_submission, new_page, press_footer_action, type_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Thông báo tuyển dụng viên chức công nghệ thông tin"


@pytest.fixture
def recruitment(home):
    return ensure_portal_sections(home)["tuyen-dung"]


def deadline():
    """17:00 in ten days, in the portal's time zone."""
    return (timezone.localtime() + timedelta(days=10)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )


def add_notice(page, index, shown_deadline: str) -> None:
    page.goto(f"/admin/pages/{index.pk}/")
    page.locator(f'a[href="/admin/pages/{index.pk}/add_subpage/"]').first.click()
    page.wait_for_url("**/add/publications/recruitmentpage/**")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Xét tuyển 2 viên chức làm việc tại Trung tâm.")
    page.locator("#id_recruiting_unit").fill("Trung tâm Công nghệ thông tin")
    page.locator("#id_method").select_option("selection")
    type_date(page, "#id_apply_deadline", shown_deadline)
    page.locator("#id_how_to_apply").fill("Nộp trực tiếp tại Văn phòng trong giờ hành chính.")
    page.locator("#id_positions-0-title").fill("Kỹ sư an toàn thông tin")
    page.locator("#id_positions-0-number").fill("2")
    with form_submission(page):
        press_footer_action(page, "action-publish")


def test_the_chief_posts_a_notice_and_readers_see_its_deadline(
    chief, browser, live_server, recruitment
):
    when = deadline()
    shown = when.strftime("%H:%M %d/%m/%Y")
    add_notice(chief, recruitment, shown)
    notice = RecruitmentPage.objects.get(title=TITLE)
    assert notice.live
    assert notice.apply_deadline == when
    assert [(p.title, p.number) for p in notice.positions.all()] == [("Kỹ sư an toàn thông tin", 2)]

    for width in (1280, 375):
        reader = new_page(browser, live_server.url)
        reader.set_viewport_size({"width": width, "height": 800})
        reader.goto(recruitment.url)
        item = reader.locator(".pub-item", has_text=TITLE)
        expect(item.locator(".pub-status")).to_have_text("Còn hạn")
        expect(item.locator(".pub-facts")).to_contain_text(shown)
        item.get_by_role("link", name=TITLE).click()
        reader.wait_for_url(f"**{notice.url}")
        expect(reader.locator(".pub-deadline")).to_contain_text(f"Hạn nộp hồ sơ: {shown}")
        expect(reader.locator(".pub-positions")).to_contain_text("Kỹ sư an toàn thông tin")
        # Nothing sticks out of a phone's screen.
        overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow}px wider than {width}px"


def test_a_deadline_in_the_past_is_refused_on_the_form_and_nothing_is_published(
    chief, recruitment, admin_language
):
    past = (timezone.localtime() - timedelta(days=1)).strftime("%H:%M %d/%m/%Y")
    add_notice(chief, recruitment, past)
    error = chief.locator("[data-field-wrapper]", has=chief.locator("#id_apply_deadline"))
    expect(error.locator(".error-message")).to_be_visible()
    if admin_language == "vi":  # the English wording comes with the lead's catalogue
        expect(error.locator(".error-message")).to_contain_text("Hạn nộp hồ sơ đã qua")
    assert not RecruitmentPage.objects.exists()
