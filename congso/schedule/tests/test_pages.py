"""The schedule page: this week and next, chosen weeks, print view, head links, bad input."""

from datetime import date, time

import pytest
from wagtail.test.utils import WagtailPageTestCase

from congso.core.tests.factories import SuperuserFactory, make_home
from congso.home.models import HomePage
from congso.schedule import querysets
from congso.schedule.models import SchedulePage
from congso.schedule.tests.factories import EntryFactory, make_schedule_page

TODAY = date(2026, 12, 2)  # a Wednesday; this week is 2026-W49 (30/11–06/12)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def page(home):
    return make_schedule_page(home)


class SchedulePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.page = make_schedule_page(cls.home)
        cls.admin = SuperuserFactory()

    def test_page_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)
        self.assertPageIsEditable(self.page, user=self.admin)

    def test_page_renders_with_bad_query_strings(self):
        for query in ({"tuan": "x"}, {"tuan": "2026-W99"}, {"tuan": "<script>"}, {"page": "-1"}):
            self.assertPageIsRenderable(self.page, query_data=query)

    def test_page_lives_only_under_a_home_page_once(self):
        self.assertAllowedParentPageTypes(SchedulePage, {HomePage})
        self.assertAllowedSubpageTypes(SchedulePage, set())
        self.assertFalse(SchedulePage.can_create_at(self.home))


def test_page_shows_this_week_and_next_grouped_by_day(client, page, today):
    EntryFactory(page=page, day=date(2026, 12, 2), content="Họp chuyển đổi số")
    EntryFactory(page=page, day=date(2026, 12, 8), content="Tiếp công dân")
    EntryFactory(page=page, day=date(2026, 12, 14), content="Ngoài hai tuần")
    html = client.get(page.url).content.decode()
    assert "Tuần này" in html and "Tuần sau" in html
    assert "Thứ Tư, 02/12/2026" in html and "Thứ Ba, 08/12/2026" in html
    assert "Họp chuyển đổi số" in html and "Tiếp công dân" in html
    assert "Ngoài hai tuần" not in html
    assert "(hôm nay)" in html


def test_page_shows_a_chosen_earlier_week_only(client, page, today):
    EntryFactory(page=page, day=date(2026, 11, 3), content="Tuần 45")
    EntryFactory(page=page, day=date(2026, 12, 2), content="Tuần này")
    html = client.get(page.url, {"tuan": "2026-W45"}).content.decode()
    assert "Tuần 45" in html and "Tuần này</span>" not in html
    assert "Thứ Ba, 03/11/2026" in html
    assert 'href="?tuan=2026-W44"' in html and 'href="?tuan=2026-W46"' in html


def test_unreadable_week_says_so_and_shows_this_week(client, page, today):
    html = client.get(page.url, {"tuan": "2026-W60"}).content.decode()
    assert "Tuần đã chọn không hợp lệ" in html
    assert "Thứ Hai, 30/11/2026" in html


def test_changed_and_cancelled_entries_are_marked(client, page, today):
    from django.utils import timezone

    EntryFactory(page=page, day=TODAY, content="Đổi giờ", changed_at=timezone.now())
    EntryFactory(page=page, day=TODAY, content="Hoãn họp", cancelled=True)
    html = client.get(page.url).content.decode()
    assert "Điều chỉnh</strong>" in html and "điều chỉnh lúc" in html
    assert "Hoãn/hủy</strong>" in html


def test_entry_text_is_escaped(client, page, today):
    EntryFactory(page=page, day=TODAY, content="<script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_table_markup_has_caption_column_and_day_headers(client, page, today):
    EntryFactory(page=page, day=TODAY, start_time=time(8, 0), end_time=time(9, 30))
    html = client.get(page.url).content.decode()
    assert "<caption" in html and '<th scope="col"' in html and 'scope="rowgroup"' in html
    assert "08:00–09:30" in html


def test_head_links_the_calendar_feed_and_each_week(client, page, today):
    html = client.get(page.url).content.decode()
    assert (
        f'type="text/calendar" title="Lịch công tác (iCalendar, đăng ký theo dõi)" href="{page.url}ical/"'
        in html
    )
    assert f'href="{page.url}ical/2026-W49/"' in html and f'href="{page.url}ical/2026-W50/"' in html


def test_print_view_has_no_menus_and_the_print_stylesheet(client, page, today):
    EntryFactory(page=page, day=TODAY, content="Họp in ra giấy")
    response = client.get(page.url + "ban-in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Họp in ra giấy" in html
    assert "schedule-print.css" in html and "site-header" not in html and "main-menu" not in html
    assert "Từ ngày 30/11/2026 đến ngày 13/12/2026" in html


def test_print_view_of_a_chosen_week(client, page, today):
    html = client.get(page.url + "ban-in/", {"tuan": "2026-W53"}).content.decode()
    assert "Từ ngày 28/12/2026 đến ngày 03/01/2027" in html


def test_entries_of_an_unpublished_schedule_page_are_not_served(client, home, today):
    page = make_schedule_page(home, publish=False)
    EntryFactory(page=page, day=TODAY)
    assert client.get("/lich-cong-tac/").status_code == 404
    assert client.get("/lich-cong-tac/ical/").status_code == 404


def test_search_payload_carries_title_and_intro(page):
    payload = page.search_payload()
    assert payload["title"] == "Lịch công tác" and payload["body"] == "Lịch của lãnh đạo."
