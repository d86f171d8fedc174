"""Deadlines (SERVICES.md "Deadlines"): one function for the due time, helpers for pauses and
for classifying a finished dossier.

Everything runs on Vietnam wall-clock time (UTC+07:00 all year, no daylight saving); aware
inputs are converted, naive inputs are taken as Vietnam time, results carry +07:00.

Session boundaries: a session is the closed interval [start, end]. Work consumed up to the last
minute of a session ends *at* the session's end, so a due time can be 11:30 or 17:00 of that
day, never "07:30 of the next working day" (rule 8: finishing at 16:50 on that day is on time,
not early). Counting from an instant outside every session starts at the next session's start
(rule 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

VN = dt.timezone(dt.timedelta(hours=7), "ICT")
HOURS_PER_WORKING_DAY = 8
DEFAULT_SESSIONS = ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13, 0), dt.time(17, 0)))
# A calendar that never works would make every search endless; give up after this many days.
SEARCH_LIMIT_DAYS = 3660


class Unit(StrEnum):
    WORKING_DAY = "working_day"
    WORKING_HOUR = "working_hour"
    DAY = "day"


class Timeliness(StrEnum):
    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # trễ hạn


class CalendarError(ValueError):
    """The calendar has no working time in reach (e.g. every session deleted)."""


@dataclass(frozen=True)
class WorkingCalendar:
    """Sessions per weekday (0 = Monday) and the calendar days that override the weekday rule:
    `days[date]` is "off" or "working". A working day that has no sessions of its own weekday
    (a make-up Saturday) works the sessions of the first weekday that has some."""

    sessions: dict[int, tuple[tuple[dt.time, dt.time], ...]]
    days: dict[dt.date, str] = field(default_factory=dict)

    @classmethod
    def standard(cls, days: dict[dt.date, str] | None = None) -> WorkingCalendar:
        return cls({wd: DEFAULT_SESSIONS for wd in range(5)}, dict(days or {}))

    def sessions_on(self, day: dt.date) -> tuple[tuple[dt.time, dt.time], ...]:
        kind = self.days.get(day)
        if kind == "off":
            return ()
        own = self.sessions.get(day.weekday(), ())
        if kind == "working" and not own:
            for weekday in range(7):
                if self.sessions.get(weekday):
                    return self.sessions[weekday]
        return own

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self.sessions_on(day))

    def intervals(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        return [
            (dt.datetime.combine(day, s), dt.datetime.combine(day, e))
            for s, e in self.sessions_on(day)
        ]

    def is_working_instant(self, moment: dt.datetime) -> bool:
        local = to_local(moment)
        return any(s <= local <= e for s, e in self.intervals(local.date()))


def to_local(moment: dt.datetime) -> dt.datetime:
    """Naive Vietnam wall-clock time for an aware instant; a naive one is Vietnam time already."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _aware(local: dt.datetime) -> dt.datetime:
    return local.replace(tzinfo=VN)


def _days_from(day: dt.date):
    for offset in range(SEARCH_LIMIT_DAYS):
        yield day + dt.timedelta(days=offset)
    raise CalendarError("Lịch làm việc không có phiên làm việc nào trong 10 năm tới.")


def _next_working_instant(cal: WorkingCalendar, local: dt.datetime) -> dt.datetime:
    """`local` itself when inside a session (its end included), else the next session's start."""
    for day in _days_from(local.date()):
        for start, end in cal.intervals(day):
            if local <= end:
                return max(local, start)
    raise AssertionError("unreachable")


def add_working_time(cal: WorkingCalendar, start: dt.datetime, amount: dt.timedelta) -> dt.datetime:
    """The instant at which `amount` of working time counted from `start` is used up."""
    local, remaining = to_local(start), amount
    if remaining <= dt.timedelta(0):
        return _aware(_next_working_instant(cal, local))
    for day in _days_from(local.date()):
        for s, e in cal.intervals(day):
            if e <= local:
                continue
            begin = max(s, local)
            if remaining <= e - begin:
                return _aware(begin + remaining)
            remaining -= e - begin
    raise AssertionError("unreachable")


def working_time_between(
    cal: WorkingCalendar, start: dt.datetime, end: dt.datetime
) -> dt.timedelta:
    """Working time inside [start, end]; zero when end is not after start."""
    a, b = to_local(start), to_local(end)
    total = dt.timedelta(0)
    if b <= a:
        return total
    day = a.date()
    while day <= b.date():
        for s, e in cal.intervals(day):
            lo, hi = max(s, a), min(e, b)
            if hi > lo:
                total += hi - lo
        day += dt.timedelta(days=1)
    return total


def _add_calendar_days(cal: WorkingCalendar, start: dt.datetime, days: int) -> dt.datetime:
    """Rule 5: count every day; a due date on a non-working day moves to the next working day,
    keeping the clock time (moved on to the next session if that day's sessions differ)."""
    due = start + dt.timedelta(days=days)
    for day in _days_from(due.date()):
        if cal.is_working_day(day):
            return _next_working_instant(cal, dt.datetime.combine(day, due.time()))
    raise AssertionError("unreachable")


def compute_due(
    cal: WorkingCalendar, received_at: dt.datetime, amount: int, unit: Unit | str
) -> dt.datetime:
    """Rules 1–5 on a calendar already loaded: the clock starts at the first working instant at
    or after `received_at` (rule 3); working days are 8 working hours each (rule 2)."""
    unit = Unit(unit)
    if amount < 0:
        raise ValueError("amount must not be negative")
    start = _next_working_instant(cal, to_local(received_at))
    if unit is Unit.DAY:
        return _aware(_add_calendar_days(cal, start, amount))
    hours = amount * HOURS_PER_WORKING_DAY if unit is Unit.WORKING_DAY else amount
    return add_working_time(cal, start, dt.timedelta(hours=hours))


def due_at(agency, received_at: dt.datetime, amount: int, unit: Unit | str) -> dt.datetime:
    """THE deadline function: due time, +07:00, for a dossier `agency` received at `received_at`
    with a time limit of `amount` `unit`s (working_day, working_hour or day). `agency` may be
    None for the installation-wide default calendar."""
    from congso.dossiers.querysets import calendar_for

    return compute_due(calendar_for(agency), received_at, amount, unit)


def resume(
    cal: WorkingCalendar, due: dt.datetime, paused_at: dt.datetime, resumed_at: dt.datetime
) -> dt.datetime:
    """Rule 6: the new due time after a pause (supplement request): the working time the clock
    stood still is added to the due time."""
    return add_working_time(cal, due, working_time_between(cal, paused_at, resumed_at))


def timeliness(cal: WorkingCalendar, finished_at: dt.datetime, due: dt.datetime) -> Timeliness:
    """Rule 8: early before the due date's working day, on time up to the due time (included),
    late after it."""
    finished, deadline = to_local(finished_at), to_local(due)
    if finished > deadline:
        return Timeliness.LATE
    if finished.date() < deadline.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME
