from django import template

from congso.core.text import format_datetime, format_number
from congso.polls.querysets import home_poll

register = template.Library()


@register.inclusion_tag("polls/home_poll.html", takes_context=True)
def current_poll(context):
    """The site's open poll marked for the home page, as a vote form.

    The home page is cached whole and shared, so the block carries no CSRF token and no
    results: polls.js fetches a token before posting, and without script the form opens the
    poll's own (uncached) page with the choice made."""
    request = context.get("request")
    if request is None:
        return {"poll": None}
    index, poll = home_poll(request)
    if poll is None:
        return {"poll": None}
    return {
        "poll": poll,
        "poll_url": index.poll_url(poll, request),
        "index_url": index.get_url(request),
    }


@register.filter
def vi_percent(value) -> str:
    """33.333 -> '33,3%'."""
    return f"{format_number(value, 1)}%"


@register.filter
def vi_number(value) -> str:
    return format_number(value)


@register.filter
def vi_datetime(value) -> str:
    return format_datetime(value)
