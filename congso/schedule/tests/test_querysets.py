"""Weeks (ISO 8601, Monday first) and which entries readers may see."""

from datetime import date

import pytest

from congso.schedule import querysets
from congso.schedule.tests.factories import EntryFactory, make_schedule_page


def test_monday_of_a_sunday_is_the_monday_six_days_before():
    assert querysets.monday_of(date(2026, 12, 6)) == date(2026, 11, 30)


def test_monday_of_a_monday_is_itself():
    assert querysets.monday_of(date(2026, 11, 30)) == date(2026, 11, 30)


def test_week_code_of_the_first_days_of_january_belongs_to_the_previous_year():
    # 1 January 2027 is a Friday: ISO week 53 of 2026.
    monday = querysets.monday_of(date(2027, 1, 1))
    assert monday == date(2026, 12, 28)
    assert querysets.week_code(monday) == "2026-W53"


def test_parse_week_reads_week_53_of_a_long_year():
    assert querysets.parse_week("2026-W53") == date(2026, 12, 28)


def test_parse_week_refuses_week_53_of_a_52_week_year():
    assert querysets.parse_week("2025-W53") is None


@pytest.mark.parametrize(
    "text", ["", "2026-W54", "2026-W00", "2026W49", "abcd-Wef", "1999-W10", "２０２６-W49", None]
)
def test_parse_week_refuses_what_is_not_a_week(text):
    assert querysets.parse_week(text) is None


def test_parse_week_accepts_lower_case_w():
    assert querysets.parse_week("2026-w49") == date(2026, 11, 30)


@pytest.mark.django_db
def test_week_groups_entries_by_day_from_monday_to_sunday(home):
    page = make_schedule_page(home)
    EntryFactory(page=page, day=date(2026, 11, 30), content="Thứ hai")
    EntryFactory(page=page, day=date(2026, 12, 6), content="Chủ nhật")
    EntryFactory(page=page, day=date(2026, 12, 7), content="Tuần sau")
    week = querysets.week(page, date(2026, 11, 30))
    assert [e.content for e in week.days[0].entries] == ["Thứ hai"]
    assert [e.content for e in week.days[6].entries] == ["Chủ nhật"]
    assert week.count == 2
    assert week.days[6].weekday == "Chủ Nhật"


@pytest.mark.django_db
def test_week_shows_an_empty_saturday_only_when_something_is_planned(home):
    page = make_schedule_page(home)
    EntryFactory(page=page, day=date(2026, 12, 6))
    week = querysets.week(page, date(2026, 11, 30))
    shown = [day.weekday for day in week.visible_days()]
    assert shown == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Chủ Nhật"]


@pytest.mark.django_db
def test_week_across_the_new_year_holds_both_years_days(home):
    page = make_schedule_page(home)
    EntryFactory(page=page, day=date(2026, 12, 31), content="Tổng kết năm")
    EntryFactory(page=page, day=date(2027, 1, 3), content="Đầu năm")
    week = querysets.week(page, querysets.parse_week("2026-W53"))
    assert week.count == 2
    assert week.sunday == date(2027, 1, 3)


@pytest.mark.django_db
def test_entries_of_an_unpublished_page_are_not_live(home):
    page = make_schedule_page(home, publish=False)
    EntryFactory(page=page, day=date(2026, 12, 1))
    assert not querysets.live_entries().exists()


@pytest.mark.django_db
def test_leader_match_ignores_accents_and_case(home):
    page = make_schedule_page(home)
    entry = EntryFactory(page=page, day=date(2026, 12, 1), leader="Phó Giám đốc Sở")
    assert querysets.matches_leader(entry, "giam doc")
    assert not querysets.matches_leader(entry, "Chủ tịch")
