"""The three properties of the issue, on calendars with random days off and make-up days."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from congso.dossiers.calendar import (
    WorkingCalendar,
    add_working_time,
    compute_due,
    resume,
    working_time_between,
)

from .factories import vn

START, END = dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31, 23, 59)
instants = st.datetimes(min_value=START, max_value=END).map(
    lambda d: d.replace(second=0, microsecond=0)
)
units = st.sampled_from(["working_day", "working_hour", "day"])
amounts = st.integers(min_value=1, max_value=60)
calendar_days = st.dictionaries(
    st.dates(min_value=START.date(), max_value=END.date() + dt.timedelta(days=120)),
    st.sampled_from(["off", "working"]),
    max_size=40,
)
session_sets = st.sampled_from(
    [
        {wd: ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13), dt.time(17))) for wd in range(5)},
        {wd: ((dt.time(8), dt.time(12)), (dt.time(13, 30), dt.time(17, 30))) for wd in range(6)},
        {0: ((dt.time(7), dt.time(11)),), 3: ((dt.time(14), dt.time(16, 45)),)},
    ]
)
calendars = st.builds(WorkingCalendar, session_sets, calendar_days)
SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(calendars, instants, amounts, units)
def test_the_due_time_is_never_on_a_non_working_instant(cal, received, amount, unit):
    assert cal.is_working_instant(compute_due(cal, received, amount, unit))


@SETTINGS
@given(calendars, instants, amounts, st.integers(min_value=1, max_value=30), units)
def test_adding_more_time_never_gives_an_earlier_due_time(cal, received, amount, more, unit):
    assert compute_due(cal, received, amount + more, unit) >= compute_due(
        cal, received, amount, unit
    )


@SETTINGS
@given(calendars, instants, amounts, st.floats(0, 1), st.integers(0, 30 * 24 * 60))
def test_pausing_and_resuming_never_loses_or_gains_working_time(cal, received, amount, at, pause):
    received = received.replace(tzinfo=vn(2026, 1, 1).tzinfo)
    due = compute_due(cal, received, amount, "working_hour")
    total = working_time_between(cal, received, due)
    paused = received + (due - received) * at
    paused = paused.replace(second=0, microsecond=0)
    resumed = paused + dt.timedelta(minutes=pause)
    new_due = resume(cal, due, paused, resumed)
    used = working_time_between(cal, received, paused) + working_time_between(cal, resumed, new_due)
    assert used == total == dt.timedelta(hours=amount)


@SETTINGS
@given(calendars, instants, st.integers(0, 200 * 60))
def test_working_time_added_is_the_working_time_between(cal, start, minutes):
    end = add_working_time(cal, start, dt.timedelta(minutes=minutes))
    assert working_time_between(cal, start, end) == dt.timedelta(minutes=minutes)
