"""Calendars stored in the database: the default calendar, agencies' overrides, the pre-fill."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from congso.dossiers import holidays
from congso.dossiers.calendar import due_at
from congso.dossiers.models import CalendarDay, WorkingSession
from congso.dossiers.querysets import calendar_for

from .factories import make_agency, vn

pytestmark = pytest.mark.django_db


def test_the_migrated_default_calendar_gives_the_worked_example_due_time():
    agency = make_agency()
    assert due_at(agency, vn(2026, 4, 24, 16, 45), 3, "working_day") == vn(2026, 5, 4, 16, 45)


def test_an_agency_without_sessions_of_its_own_works_the_default_sessions():
    cal = calendar_for(make_agency())
    assert cal.sessions[0] == ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13), dt.time(17)))
    assert 5 not in cal.sessions


def test_an_agency_with_its_own_sessions_works_only_those():
    agency = make_agency()
    WorkingSession.objects.create(agency=agency, weekday=5, start=dt.time(7), end=dt.time(11))
    assert calendar_for(agency).sessions == {5: ((dt.time(7), dt.time(11)),)}


def test_an_agency_day_replaces_the_default_day_of_the_same_date():
    agency = make_agency()
    CalendarDay.objects.create(agency=agency, date=dt.date(2026, 4, 30), kind="working")
    assert calendar_for(agency).is_working_day(dt.date(2026, 4, 30))
    assert not calendar_for(None).is_working_day(dt.date(2026, 4, 30))


def test_a_session_ending_before_it_starts_is_refused():
    session = WorkingSession(weekday=0, start=dt.time(17), end=dt.time(13))
    with pytest.raises(ValidationError):
        session.full_clean()


def test_overlapping_sessions_on_the_same_weekday_are_refused():
    session = WorkingSession(weekday=0, start=dt.time(11), end=dt.time(12))
    with pytest.raises(ValidationError):
        session.full_clean()


def test_the_default_calendar_has_the_2026_days_off_of_labour_code_article_112():
    off = set(
        CalendarDay.objects.filter(agency__isnull=True, kind="off", date__year=2026).values_list(
            "date", flat=True
        )
    )
    expected = {
        dt.date(2026, 1, 1),
        *(dt.date(2026, 2, d) for d in range(16, 21)),  # Tết Bính Ngọ
        dt.date(2026, 4, 27),  # Hùng Kings falls on Sunday 26/04: Monday off
        dt.date(2026, 4, 30),
        dt.date(2026, 5, 1),
        dt.date(2026, 9, 1),
        dt.date(2026, 9, 2),
    }
    assert expected <= off


def test_the_make_up_saturdays_are_working_days():
    working = CalendarDay.objects.filter(agency__isnull=True, kind="working")
    assert {dt.date(2024, 5, 4), dt.date(2025, 4, 26)} <= set(
        working.values_list("date", flat=True)
    )


def test_loading_the_holidays_twice_changes_nothing():
    before = CalendarDay.objects.count()
    assert holidays.load(CalendarDay, range(2024, 2029)) == (0, 0)
    assert CalendarDay.objects.count() == before


def test_loading_the_holidays_never_overwrites_an_administrators_edit():
    day = CalendarDay.objects.get(agency__isnull=True, date=dt.date(2026, 4, 30))
    day.kind, day.name, day.source = "working", "Cơ quan trực", CalendarDay.Source.ADMIN
    day.save()
    call_command("load_holidays", "--years", "2026", stdout=io.StringIO())
    day.refresh_from_db()
    assert (day.kind, day.name) == ("working", "Cơ quan trực")


def test_loading_the_holidays_restores_a_library_day_that_was_deleted():
    CalendarDay.objects.filter(agency__isnull=True, date=dt.date(2027, 2, 8)).delete()
    assert holidays.load(CalendarDay, [2027]) == (1, 0)


def test_load_holidays_refuses_a_bad_year_range():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("load_holidays", "--years", "2028-2024")
