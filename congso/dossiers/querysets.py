"""Reading calendars from the database."""

from collections import defaultdict

from congso.dossiers.calendar import DEFAULT_SESSIONS, WorkingCalendar
from congso.dossiers.models import CalendarDay, WorkingSession


def sessions_for(agency) -> dict[int, tuple]:
    """The agency's own sessions if it has any, else the default ones (agency left empty), else
    the standard Monday–Friday 07:30–11:30 and 13:00–17:00."""
    rows = WorkingSession.objects.none()
    if agency is not None:
        rows = WorkingSession.objects.filter(agency=agency)
    if not rows.exists():
        rows = WorkingSession.objects.filter(agency__isnull=True)
    by_weekday: dict[int, list] = defaultdict(list)
    for weekday, start, end in rows.order_by("weekday", "start").values_list(
        "weekday", "start", "end"
    ):
        by_weekday[weekday].append((start, end))
    if not by_weekday:
        return {weekday: DEFAULT_SESSIONS for weekday in range(5)}
    return {weekday: tuple(sessions) for weekday, sessions in by_weekday.items()}


def days_for(agency) -> dict:
    """Default calendar days, each replaced by the agency's own row for the same date."""
    days = dict(CalendarDay.objects.filter(agency__isnull=True).values_list("date", "kind"))
    if agency is not None:
        days.update(CalendarDay.objects.filter(agency=agency).values_list("date", "kind"))
    return days


def calendar_for(agency) -> WorkingCalendar:
    return WorkingCalendar(sessions_for(agency), days_for(agency))
