"""A citizen writes to the agency from the contact page, on a desktop and on a 375 px phone."""

import pytest
from django.core import mail

from congso.contact.models import ContactMessage
from congso.contact.tests.factories import make_contact_page
from congso.organisation.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture
def contact_page(home):
    unit = Unit.objects.create(name="Phòng Công nghệ thông tin", email="cntt@example.gov.vn")
    return make_contact_page(
        home,
        topics=[("Góp ý chung", None, "chung@example.gov.vn"), ("Chuyển đổi số", unit, "")],
        spokesperson_position="Phó Giám đốc Sở",
    )


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_sends_a_message_to_the_unit_of_the_chosen_topic(
    browser_page, live_server, contact_page, size
):
    page = browser_page
    page.set_viewport_size(SIZES[size])
    page.goto(contact_page.url)
    assert page.get_by_role("heading", name="Người phát ngôn").is_visible()
    form = page.locator("form[data-contact-form]")
    form.get_by_label("Họ tên").fill("Lê Thị Mai")
    form.get_by_label("Thư điện tử").fill("mai@example.vn")
    form.get_by_label("Chủ đề").select_option(label="Chuyển đổi số")
    form.get_by_label("Tiêu đề").fill("Đề nghị hướng dẫn ký số")
    # Spaces only: the server refuses it with a Vietnamese message and keeps what was typed.
    form.get_by_label("Nội dung").fill("   ")
    form.get_by_role("button", name="Gửi thư").click()
    page.get_by_text("Vui lòng nhập nội dung thư.").wait_for()
    assert page.get_by_label("Tiêu đề").input_value() == "Đề nghị hướng dẫn ký số"
    assert not ContactMessage.objects.exists()

    page.get_by_label("Nội dung").fill("Xin hướng dẫn cách ký số hồ sơ trực tuyến.")
    page.get_by_role("button", name="Gửi thư").click()
    page.get_by_role("heading", name="Thư của bạn đã được gửi").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    message = ContactMessage.objects.get()
    assert (message.recipient, message.subject) == (
        "cntt@example.gov.vn",
        "Đề nghị hướng dẫn ký số",
    )
    assert [m.to for m in mail.outbox] == [["cntt@example.gov.vn"]]


def test_the_chief_editor_marks_a_message_handled_with_the_admin_form(chief, live_server, home):
    from congso.contact.tests.factories import make_message
    from congso.tests.admin_browser import form_submission

    message = make_message(make_contact_page(home), subject="Đề nghị cấp tài khoản")
    page = chief
    page.goto("/admin/snippets/contact/contactmessage/")
    page.get_by_role("link", name="Đề nghị cấp tài khoản").first.click()
    page.locator("input[name=status][value=handled]").check()
    page.locator("textarea[name=staff_note]").fill("Đã trả lời qua thư điện tử.")
    with form_submission(page):
        page.locator("footer button[type=submit]").first.click()
    message.refresh_from_db()
    assert (message.status, message.staff_note) == ("handled", "Đã trả lời qua thư điện tử.")
    assert message.handled_by.username == "truongban"
