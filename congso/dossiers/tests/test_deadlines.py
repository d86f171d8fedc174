"""SERVICES.md "Deadlines": the worked examples and one test per rule, on a calendar in memory
(standard sessions; days off 27/04, 30/04 and 01/05/2026)."""

import datetime as dt

import pytest

from congso.dossiers.calendar import (
    CalendarError,
    Timeliness,
    WorkingCalendar,
    compute_due,
    resume,
    timeliness,
    working_time_between,
)

from .factories import standard_calendar, vn

CAL = standard_calendar()


# Worked examples
def test_three_working_days_from_friday_afternoon_skip_the_weekend_and_three_holidays():
    assert compute_due(CAL, vn(2026, 4, 24, 16, 45), 3, "working_day") == vn(2026, 5, 4, 16, 45)


def test_two_working_days_from_friday_afternoon_end_on_wednesday_at_the_same_clock_time():
    assert compute_due(CAL, vn(2026, 4, 24, 16, 45), 2, "working_day") == vn(2026, 4, 29, 16, 45)


def test_the_clock_starts_at_reception_not_at_online_submission():
    # Submitted online on Saturday 25/04, received on Tuesday 28/04 at 08:00.
    assert compute_due(CAL, vn(2026, 4, 28, 8), 3, "working_day") == vn(2026, 5, 5, 8)


def test_four_working_hours_received_in_the_lunch_break_end_at_closing_time():
    assert compute_due(CAL, vn(2026, 5, 5, 12, 10), 4, "working_hour") == vn(2026, 5, 5, 17)


def test_five_working_days_from_tuesday_morning_end_the_next_tuesday_at_the_same_time():
    assert compute_due(CAL, vn(2026, 5, 5, 9), 5, "working_day") == vn(2026, 5, 12, 9)


def test_a_supplement_request_moves_the_due_time_by_the_paused_working_time():
    due = compute_due(CAL, vn(2026, 5, 5, 9), 5, "working_day")
    assert resume(CAL, due, vn(2026, 5, 7, 10), vn(2026, 5, 11, 14)) == vn(2026, 5, 14, 11, 30)


# Rule 3: when counting starts
def test_received_before_opening_counts_from_opening():
    assert compute_due(CAL, vn(2026, 5, 5, 6, 0), 1, "working_hour") == vn(2026, 5, 5, 8, 30)


def test_received_after_closing_counts_from_the_next_morning():
    assert compute_due(CAL, vn(2026, 5, 5, 18, 0), 1, "working_hour") == vn(2026, 5, 6, 8, 30)


def test_received_on_a_weekend_counts_from_monday_morning():
    assert compute_due(CAL, vn(2026, 5, 9, 10, 0), 1, "working_hour") == vn(2026, 5, 11, 8, 30)


def test_received_on_a_holiday_counts_from_the_next_working_session():
    assert compute_due(CAL, vn(2026, 4, 30, 9, 0), 1, "working_hour") == vn(2026, 5, 4, 8, 30)


def test_working_hours_continue_after_the_lunch_break():
    assert compute_due(CAL, vn(2026, 5, 5, 11, 0), 1, "working_hour") == vn(2026, 5, 5, 13, 30)


# Rule 4: make-up working days
def test_a_make_up_saturday_counts_as_a_working_day_with_the_weekday_sessions():
    cal = WorkingCalendar.standard({dt.date(2026, 8, 22): "working"})
    assert compute_due(cal, vn(2026, 8, 21, 16, 0), 2, "working_hour") == vn(2026, 8, 22, 8, 30)


# Rule 5: calendar days
def test_calendar_days_count_weekends_and_holidays():
    assert compute_due(CAL, vn(2026, 5, 5, 9), 7, "day") == vn(2026, 5, 12, 9)


def test_a_calendar_day_limit_ending_on_a_holiday_moves_to_the_next_working_day():
    # 2 days from Tuesday 28/04 is Thursday 30/04 (off), then 01/05 (off) and the weekend.
    assert compute_due(CAL, vn(2026, 4, 28, 10), 2, "day") == vn(2026, 5, 4, 10)


def test_a_calendar_day_limit_ending_on_a_sunday_moves_to_monday():
    assert compute_due(CAL, vn(2026, 5, 8, 14), 2, "day") == vn(2026, 5, 11, 14)


# Rule 6: pauses
def test_working_time_between_counts_only_sessions():
    # Thursday 10:00 to Monday 14:00: 5h30 on Thursday, 8h on Friday, 5h on Monday.
    got = working_time_between(CAL, vn(2026, 5, 7, 10), vn(2026, 5, 11, 14))
    assert got == dt.timedelta(hours=18, minutes=30)


def test_a_pause_outside_working_hours_does_not_move_the_due_time():
    due = vn(2026, 5, 12, 9)
    assert resume(CAL, due, vn(2026, 5, 8, 17, 30), vn(2026, 5, 11, 7, 0)) == due


# Rule 8 and the session boundary
def test_a_due_time_at_closing_stays_at_closing_on_that_day():
    assert compute_due(CAL, vn(2026, 5, 5, 7, 30), 1, "working_day") == vn(2026, 5, 5, 17)


def test_a_due_time_at_the_end_of_the_morning_stays_at_half_past_eleven():
    assert compute_due(CAL, vn(2026, 5, 5, 7, 30), 4, "working_hour") == vn(2026, 5, 5, 11, 30)


def test_finishing_on_an_earlier_day_is_early():
    assert timeliness(CAL, vn(2026, 5, 4, 16), vn(2026, 5, 5, 17)) == Timeliness.EARLY


def test_finishing_on_the_due_day_before_the_due_time_is_on_time():
    assert timeliness(CAL, vn(2026, 5, 5, 16, 50), vn(2026, 5, 5, 17)) == Timeliness.ON_TIME


def test_finishing_exactly_at_the_due_time_is_on_time():
    assert timeliness(CAL, vn(2026, 5, 5, 17), vn(2026, 5, 5, 17)) == Timeliness.ON_TIME


def test_finishing_one_second_after_the_due_time_is_late():
    assert timeliness(CAL, vn(2026, 5, 5, 17, 0, 1), vn(2026, 5, 5, 17)) == Timeliness.LATE


# Time zones
def test_an_instant_given_in_utc_is_read_in_vietnam_time():
    received = dt.datetime(2026, 4, 24, 9, 45, tzinfo=dt.UTC)  # 16:45 in Hà Nội
    assert compute_due(CAL, received, 3, "working_day") == vn(2026, 5, 4, 16, 45)


def test_a_naive_instant_is_vietnam_time():
    received = dt.datetime(2026, 4, 24, 16, 45)
    assert compute_due(CAL, received, 3, "working_day").isoformat() == "2026-05-04T16:45:00+07:00"


def test_a_calendar_without_any_session_is_an_error_not_an_endless_search():
    with pytest.raises(CalendarError):
        compute_due(WorkingCalendar({}), vn(2026, 5, 5, 9), 1, "working_day")
