"""A citizen asks on a phone and on a desktop; the editor assigns, the unit's officer drafts and
submits, the chief editor publishes through the admin's own buttons; the answer is public."""

import re

import pytest

from congso.questions.models import Question, Status
from congso.questions.tests.factories import make_page, make_unit
from congso.tests.admin_browser import log_in, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ask(page, index, title):
    page.goto(index.url)
    page.locator("#ask-link").click()
    form = page.locator("form.question-form")
    form.get_by_label("Họ tên").fill("Lê Văn C")
    form.get_by_label("Thư điện tử").fill("c@example.vn")
    form.get_by_label("Chủ đề").select_option(label="Bưu chính, viễn thông")
    form.get_by_label("Tiêu đề câu hỏi").fill(title)
    form.get_by_label("Nội dung câu hỏi").fill("Xin hỏi thời hạn cấp giấy phép bưu chính?")
    form.get_by_role("button", name="Gửi câu hỏi").click()
    page.get_by_text("Mã tra cứu").first.wait_for()
    return page.locator("#question-code").inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citizen_asks_a_question_and_gets_a_tracking_code(browser_page, home, width):
    index = make_page(home)
    browser_page.set_viewport_size({"width": width, "height": 800})
    code = _ask(browser_page, index, "Hỏi về giấy phép bưu chính")
    assert Question.objects.get(code=code).status == Status.RECEIVED
    # Nothing runs off a phone's screen.
    overflow = browser_page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    browser_page.goto(index.url + f"tra-cuu/?ma={code}")
    assert browser_page.locator("#track-status").inner_text() == "Mới tiếp nhận"


def _act(page, question, action, **fields):
    page.goto(f"/admin/hoi-dap/{question.pk}/")
    box = page.locator(f"details[data-action={action}]")
    box.locator("summary").click()
    for name, value in fields.items():
        field = box.locator(f"[name={name}]")
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    box.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_editor_assigns_officer_answers_chief_publishes_and_the_answer_is_public(
    browser_page, home, admin_language
):
    index = make_page(home)
    unit = make_unit("Phòng Bưu chính, Viễn thông")
    page = browser_page
    code = _ask(page, index, "Thời hạn cấp giấy phép bưu chính")
    question = Question.objects.get(code=code)
    page.context.clear_cookies()

    from congso.questions.apps import OFFICER_GROUP
    from congso.questions.models import Officer
    from congso.users.roles import CHIEF_EDITOR, EDITOR

    staff_user("bientap", EDITOR, admin_language)
    officer = staff_user("canbo", OFFICER_GROUP, admin_language)
    Officer.objects.create(user=officer, unit=unit)
    staff_user("truongban", CHIEF_EDITOR, admin_language)

    log_in(page, "bientap")
    page.goto("/admin/hoi-dap/")
    page.get_by_role("link", name=code).click()
    _act(page, question, "assign", unit="Phòng Bưu chính, Viễn thông")
    assert page.locator("#question-status").get_attribute("data-status") == "assigned"
    page.context.clear_cookies()

    log_in(page, "canbo")
    _act(page, question, "submit", answer="Thời hạn là 15 ngày làm việc kể từ khi nhận đủ hồ sơ.")
    assert page.locator("#question-status").get_attribute("data-status") == "submitted"
    page.context.clear_cookies()

    log_in(page, "truongban")
    _act(page, question, "publish", title="Thời hạn cấp giấy phép bưu chính nội tỉnh")
    assert page.locator("#question-status").get_attribute("data-status") == "published"
    page.context.clear_cookies()

    page.goto(index.url)
    page.get_by_role("link", name="Thời hạn cấp giấy phép bưu chính nội tỉnh").click()
    page.wait_for_url(re.compile(rf"/cau-hoi/{question.pk}/$"))
    assert "15 ngày làm việc" in page.locator(".question-detail__answer").inner_text()
    assert "c@example.vn" not in page.content()


def test_an_officer_of_another_unit_gets_a_404_in_the_admin(browser_page, home):
    from congso.questions.apps import OFFICER_GROUP
    from congso.questions.models import Officer
    from congso.questions.tests.factories import make_question, walk

    index = make_page(home)
    question = walk(make_question(index), make_unit(), "assign")
    officer = staff_user("canbokhac", OFFICER_GROUP)
    Officer.objects.create(user=officer, unit=make_unit("Văn phòng"))
    log_in(browser_page, "canbokhac")
    response = browser_page.goto(f"/admin/hoi-dap/{question.pk}/")
    assert response.status == 404
