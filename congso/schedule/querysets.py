"""Reading the schedule: weeks (ISO 8601, Monday first, as Vietnamese offices plan them) and
the entries readers may see (those of live, public schedule pages)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from congso.core.text import fold
from congso.schedule.models import ScheduleEntry, SchedulePage

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
# Weeks outside these years are refused: nobody plans a schedule for year 1 or 9999, and the
# range keeps ?tuan= from producing dates that overflow.
MIN_YEAR, MAX_YEAR = 2000, 2100


def today() -> date:
    """Today in the portal's time zone (Asia/Ho_Chi_Minh), not the server's."""
    return timezone.localdate()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_code(monday: date) -> str:
    """2026-W49: the ISO week, which is what ?tuan= and the .ics addresses carry."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str | None) -> date | None:
    """The Monday of an ISO week written 2026-W49, or None when it is not one (2026-W54,
    2021-W53: 2021 had 52 weeks, garbage)."""
    text = (text or "").strip()
    if len(text) != 8 or text[4:6].upper() != "-W":
        return None
    year, week = text[:4], text[6:]
    if not (year.isascii() and year.isdigit() and week.isascii() and week.isdigit()):
        return None
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        return None
    try:
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def live_entries():
    """Entries of schedule pages that are published and not behind a view restriction."""
    pages = SchedulePage.objects.live().public().values("pk")
    return ScheduleEntry.objects.filter(page__in=pages).select_related("official", "page")


def entries_between(page: SchedulePage, first: date, last: date):
    return page.entries.filter(day__range=(first, last)).select_related("official")


def entries_for_site(root_page, queryset=None):
    """Entries whose schedule page sits under a site's root page."""
    queryset = live_entries() if queryset is None else queryset
    return queryset.filter(page__path__startswith=root_page.path)


def matches_leader(entry: ScheduleEntry, query: str) -> bool:
    """Accent- and case-insensitive match on the leader's title or the linked official's name:
    SQLite's LIKE folds ASCII only, so "giam doc" must find "Giám đốc" here."""
    wanted = fold(query).casefold()
    haystack = entry.leader + (" " + entry.official.name if entry.official_id else "")
    return wanted in fold(haystack).casefold()


@dataclass
class Day:
    date: date
    entries: list = field(default_factory=list)

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.date.weekday()]

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5


@dataclass
class Week:
    monday: date
    days: list[Day]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def code(self) -> str:
        return week_code(self.monday)

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def count(self) -> int:
        return sum(len(day.entries) for day in self.days)

    @property
    def previous_code(self) -> str:
        return week_code(self.monday - timedelta(days=7))

    @property
    def next_code(self) -> str:
        return week_code(self.monday + timedelta(days=7))

    def visible_days(self) -> list[Day]:
        """Monday to Friday always (an empty working day says so); Saturday and Sunday only
        when something is planned."""
        return [day for day in self.days if day.entries or not day.is_weekend]


def week(page: SchedulePage, monday: date) -> Week:
    sunday = monday + timedelta(days=6)
    days = [Day(monday + timedelta(days=n)) for n in range(7)]
    for entry in entries_between(page, monday, sunday):
        days[(entry.day - monday).days].entries.append(entry)
    return Week(monday, days)
