"""Reading polls and their results."""

from django.db.models import Count
from django.utils import timezone
from wagtail.models import Site

from congso.polls.models import Poll, PollIndexPage, Vote


def published_polls(index):
    return Poll.objects.filter(index=index, is_published=True).prefetch_related("options")


def polls_by_state(index) -> dict:
    """Open polls first (closing soonest first), then upcoming, then closed (latest first)."""
    now = timezone.now()
    polls = list(published_polls(index))
    current = sorted((p for p in polls if p.is_open(now)), key=lambda p: p.closes_at)
    upcoming = sorted((p for p in polls if p.state(now) == "upcoming"), key=lambda p: p.opens_at)
    closed = sorted(
        (p for p in polls if p.state(now) == "closed"), key=lambda p: p.closes_at, reverse=True
    )
    return {"current_polls": current, "upcoming_polls": upcoming, "closed_polls": closed}


def index_for_site(site):
    if site is None:
        return None
    return (
        PollIndexPage.objects.live().public().descendant_of(site.root_page).order_by("path").first()
    )


def home_poll(request):
    """The poll the home page shows: open, published, marked for the home page, latest first."""
    index = index_for_site(Site.find_for_request(request))
    if index is None:
        return None, None
    now = timezone.now()
    poll = (
        published_polls(index)
        .filter(show_on_home=True, opens_at__lte=now, closes_at__gt=now)
        .order_by("-opens_at", "-pk")
        .first()
    )
    return index, poll


def has_voted(poll, voter: str | None) -> bool:
    return bool(voter) and Vote.objects.filter(poll=poll, voter=voter).exists()


def results(poll) -> dict:
    """Votes per option in the options' order, with percentages of the total."""
    counts = dict(
        Vote.objects.filter(poll=poll)
        .values("option")
        .annotate(n=Count("pk"))
        .values_list("option", "n")
    )
    total = sum(counts.values())
    rows = []
    for option in poll.options.all():
        count = counts.get(option.pk, 0)
        rows.append(
            {
                "option": option,
                "count": count,
                "percent": (100 * count / total) if total else 0,
            }
        )
    return {"total": total, "rows": rows}
