"""Reading calendars from the database."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

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


# A calendar kept in the cache, for pages that read it on every request (the queue page's
# "Sắp đến hạn" limit). Every saved or deleted session or day changes the generation, at once
# and again when its transaction commits, so an admin's edit is seen by the next request; the
# services that set due dates read calendar_for itself.

CALENDAR_CACHE_SECONDS = 600
GENERATION_KEY = "dossiers:calendar-generation"


def calendar_cache_enabled() -> bool:
    """Only in a cache every process shares (Redis): in the local-memory cache of one worker an
    edit made through another worker would go unseen. settings.DOSSIER_CALENDAR_CACHE forces it
    on or off."""
    from congso.core.ratelimit import cache_is_shared

    forced = getattr(settings, "DOSSIER_CALENDAR_CACHE", None)
    return cache_is_shared() if forced is None else bool(forced)


def new_calendar_generation(**_signal) -> None:
    """Forget every cached calendar (a receiver of the calendar models' save and delete)."""

    def bump():
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)

    bump()
    transaction.on_commit(bump)  # a request between the save and the commit cached the old rows


def cached_calendar_for(agency) -> WorkingCalendar:
    """calendar_for(agency) from the cache when it is still the current generation: one cache
    round trip instead of three or four queries."""
    if not calendar_cache_enabled():
        return calendar_for(agency)
    key = f"dossiers:calendar:{agency.pk if agency is not None else 'default'}"
    found = cache.get_many([GENERATION_KEY, key])
    generation, stored = found.get(GENERATION_KEY), found.get(key)
    if generation is not None and stored is not None and stored[0] == generation:
        return stored[1]
    if generation is None:  # never set, or evicted
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    calendar = calendar_for(agency)
    cache.set(key, (generation, calendar), timeout=CALENDAR_CACHE_SECONDS)
    return calendar
