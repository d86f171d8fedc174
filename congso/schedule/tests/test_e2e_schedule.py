"""Browser tests: a reader reads this week and next (desktop and 375 px); the office adds an
entry and reschedules it through the admin's own buttons, and the reader sees both."""

from datetime import time, timedelta

import pytest

from congso.schedule import querysets
from congso.tests.admin_browser import form_submission, log_in, staff_user, type_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def schedule(home):
    from congso.schedule.tests.factories import EntryFactory, make_schedule_page

    page = make_schedule_page(home)
    monday = querysets.monday_of(querysets.today())
    EntryFactory(page=page, day=monday + timedelta(days=1), content="Hội nghị chuyển đổi số")
    EntryFactory(
        page=page,
        day=monday + timedelta(days=9),
        start_time=time(14, 0),
        end_time=None,
        content="Tiếp công dân định kỳ",
        leader="Phó Giám đốc Sở",
    )
    return page


@pytest.mark.parametrize("width", [1280, 375])
def test_reader_reads_this_week_and_next(browser_page, schedule, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(schedule.url)
    this_week = page.get_by_role("region", name="Tuần này")
    next_week = page.get_by_role("region", name="Tuần sau")
    assert this_week.get_by_text("Hội nghị chuyển đổi số").is_visible()
    assert next_week.get_by_text("Tiếp công dân định kỳ").is_visible()
    assert next_week.get_by_text("Phó Giám đốc Sở").is_visible()
    # Nothing wider than the screen: at 375 px the rows become cards.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Tuần tiếp theo →").click()
    page.wait_for_url("**?tuan=*")
    assert page.get_by_text("Không có lịch công tác.").first.is_visible()
    page.goto(schedule.url)
    page.get_by_role("link", name="Bản in").click()
    page.wait_for_url("**/ban-in/")
    assert page.get_by_text("Hội nghị chuyển đổi số").is_visible()
    assert page.locator("nav").count() == 0


def test_office_adds_and_reschedules_an_entry_seen_by_readers(
    browser, browser_page, live_server, schedule, admin_language
):
    from congso.schedule import services
    from congso.schedule.models import ScheduleEntry
    from congso.tests.admin_browser import new_page

    staff_user("vanphong", "Văn phòng", admin_language)
    services.grant_office(schedule)
    page = browser_page
    log_in(page, "vanphong")
    page.goto("/admin/schedule_entries/")
    with page.expect_navigation():
        page.locator("a[href='/admin/schedule_entries/new/']").first.click()
    day = querysets.monday_of(querysets.today()) + timedelta(days=3)
    type_date(page, "#id_day", day.strftime("%d/%m/%Y"))
    type_date(page, "#id_start_time", "08:30")
    type_date(page, "#id_end_time", "10:00")
    page.locator("#id_content").fill("Làm việc với đoàn kiểm tra cải cách hành chính")
    page.locator("#id_leader").fill("Giám đốc Sở")
    page.locator("#id_place").fill("Phòng họp số 2")
    page.locator("#id_participants").fill("Văn phòng, Thanh tra")
    with form_submission(page):
        page.locator("footer button.action-save, footer button[type=submit]").first.click()
    entry = ScheduleEntry.objects.get(content__startswith="Làm việc với đoàn")
    assert entry.start_time == time(8, 30) and entry.changed_at is None

    reader = new_page(browser, live_server.url)
    reader.goto(schedule.url)
    row = reader.locator("tr", has_text="Làm việc với đoàn kiểm tra")
    assert row.get_by_text("08:30–10:00").is_visible()

    page.goto(f"/admin/schedule_entries/edit/{entry.pk}/")
    type_date(page, "#id_start_time", "14:00")
    type_date(page, "#id_end_time", "16:00")
    page.locator("#id_place").fill("Hội trường tầng 3")
    with form_submission(page):
        page.locator("footer button.action-save, footer button[type=submit]").first.click()
    entry.refresh_from_db()
    assert entry.start_time == time(14, 0) and entry.changed_at is not None

    reader.goto(schedule.url)
    row = reader.locator("tr", has_text="Làm việc với đoàn kiểm tra")
    assert row.get_by_text("14:00–16:00").is_visible()
    assert row.get_by_text("Hội trường tầng 3").is_visible()
    assert row.get_by_text("Điều chỉnh", exact=True).is_visible()
