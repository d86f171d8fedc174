"""The schedule page's routes: parse the week asked for, read it, render (HTML, print, .ics)."""

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Site

from congso.schedule import ical, querysets

# The subscribable feed: what a calendar client keeps in sync. Four weeks back is enough to
# look up a recent meeting; the office rarely plans more than eight weeks ahead.
FEED_WEEKS_BACK, FEED_WEEKS_AHEAD = 4, 8
FEED_REFRESH_HOURS = 1


def _weeks_asked(request):
    """(weeks to show, whether ?tuan= was asked for, whether it was unreadable)."""
    asked = request.GET.get("tuan")
    monday = querysets.parse_week(asked) if asked else None
    if monday is not None:
        return [monday], True, False
    this_monday = querysets.monday_of(querysets.today())
    return [this_monday, this_monday + timedelta(days=7)], False, bool(asked)


def _context(request, page, print_view=False):
    mondays, chosen, invalid = _weeks_asked(request)
    weeks = [querysets.week(page, monday) for monday in mondays]
    this_monday = querysets.monday_of(querysets.today())
    for week in weeks:
        offset = (week.monday - this_monday).days // 7
        week.label = {0: "Tuần này", 1: "Tuần sau", -1: "Tuần trước"}.get(
            offset, f"Tuần {week.number}"
        )
    context = page.get_context(request)
    context.update(
        {
            "weeks": weeks,
            "week_chosen": chosen,
            "week_invalid": invalid,
            "today": querysets.today(),
            "this_week_code": querysets.week_code(this_monday),
            "print_view": print_view,
        }
    )
    return context


def schedule_page(request, page):
    return TemplateResponse(request, "schedule/schedule_page.html", _context(request, page))


def schedule_print(request, page):
    return TemplateResponse(
        request, "schedule/schedule_print.html", _context(request, page, print_view=True)
    )


def _hostname(page, request) -> str:
    site = page.get_site() or Site.find_for_request(request)
    return site.hostname if site is not None else "localhost"


def _ics_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def ical_week(request, page, week):
    monday = querysets.parse_week(week)
    if monday is None:
        raise Http404("Tuần không hợp lệ.")
    entries = querysets.entries_between(page, monday, monday + timedelta(days=6))
    body = ical.calendar(
        entries,
        name=f"{page.title} – tuần {querysets.week_code(monday)}",
        hostname=_hostname(page, request),
        url=page.get_full_url(request),
    )
    return _ics_response(body, f"lich-cong-tac-{querysets.week_code(monday)}.ics")


def ical_feed(request, page):
    this_monday = querysets.monday_of(querysets.today())
    first = this_monday - timedelta(weeks=FEED_WEEKS_BACK)
    last = this_monday + timedelta(weeks=FEED_WEEKS_AHEAD, days=6)
    body = ical.calendar(
        querysets.entries_between(page, first, last),
        name=page.title,
        hostname=_hostname(page, request),
        url=page.get_full_url(request),
        refresh_hours=FEED_REFRESH_HOURS,
    )
    return _ics_response(body, "lich-cong-tac.ics")
