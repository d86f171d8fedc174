"""A citizen votes in a poll (desktop and 375 px phone) and sees the results; the editor creates
a poll through the admin's own form and buttons, in both admin languages."""

import pytest

from congso.polls.models import Poll, Vote
from congso.polls.tests.factories import add_votes, make_poll, make_poll_index
from congso.tests.admin_browser import form_submission, type_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_votes_once_and_sees_the_results(browser_page, live_server, home, size):
    index = make_poll_index(home)
    poll = make_poll(
        index, question="Bạn đọc cổng trên thiết bị nào?", labels=("Điện thoại", "Máy tính")
    )
    add_votes(poll, 2, 1)
    page = browser_page
    page.set_viewport_size(SIZES[size])
    page.goto(index.url)
    page.get_by_role("link", name="Bạn đọc cổng trên thiết bị nào?").click()
    page.get_by_label("Điện thoại").check()
    page.get_by_role("button", name="Gửi bình chọn").click()
    page.get_by_text("Cảm ơn bạn đã bình chọn").wait_for()
    table = page.get_by_role("table")
    assert "Kết quả: 4 phiếu" in table.inner_text()
    assert table.get_by_role("row", name="Điện thoại 3 75,0%").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    # The form is gone for this visitor; coming back shows the results, not a second ballot.
    page.goto(index.poll_url(poll))
    assert page.get_by_role("button", name="Gửi bình chọn").count() == 0
    assert Vote.objects.filter(poll=poll).count() == 4


def test_the_editor_creates_a_poll_with_the_admins_buttons(chief, live_server, home):
    index = make_poll_index(home)
    page = chief
    page.goto("/admin/snippets/polls/poll/")
    page.locator("a[href$='/admin/snippets/polls/poll/add/']").first.click()
    page.wait_for_url("**/admin/snippets/polls/poll/add/")
    page.locator("select[name=index]").select_option(str(index.pk))
    page.locator("input[name=question]").fill("Bạn có hài lòng với cổng dịch vụ công?")
    type_date(page, "input[name=opens_at]", "08:00 01/01/2026")
    type_date(page, "input[name=closes_at]", "08:00 01/02/2026")
    labels = page.locator("input[name^=options-][name$=-label]")
    while labels.count() < 2:
        page.locator("#id_options-ADD").click()
    labels.nth(0).fill("Hài lòng")
    labels.nth(1).fill("Chưa hài lòng")
    with form_submission(page):
        page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/admin/snippets/polls/poll/")
    assert page.locator(".messages .success").count() == 1
    poll = Poll.objects.get()
    assert poll.index_id == index.pk
    assert list(poll.options.values_list("label", flat=True)) == ["Hài lòng", "Chưa hài lòng"]
    assert poll.closes_at > poll.opens_at


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_votes_from_the_home_page_block(browser_page, live_server, home, size):
    # The home page is cached and shared: the block's script fetches a token, then posts.
    index = make_poll_index(home)
    poll = make_poll(index, question="Bạn đọc tin bằng gì?", show_on_home=True)
    page = browser_page
    page.set_viewport_size(SIZES[size])
    page.goto("/")
    block = page.locator("section.poll-block")
    block.get_by_label("Máy tính").check()
    block.get_by_role("button", name="Bình chọn").click()
    page.get_by_text("Cảm ơn bạn đã bình chọn").wait_for()
    assert list(Vote.objects.filter(poll=poll).values_list("option__label", flat=True)) == [
        "Máy tính"
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
