"""Reading questions: the public list of a Q&A page, its search, and the figures per unit."""

from dataclasses import dataclass, field
from datetime import timedelta

from congso.dossiers.calendar import HOURS_PER_WORKING_DAY, working_time_between
from congso.questions.models import Question, Status

WORKING_DAY = timedelta(hours=HOURS_PER_WORKING_DAY)


def published_in(page, topic=None):
    rows = Question.objects.filter(page=page, status=Status.PUBLISHED).select_related(
        "topic", "unit"
    )
    if topic is not None:
        rows = rows.filter(topic=topic)
    return rows.order_by("-published_at", "-pk")


def search_in(page, q: str, number: int, per_page: int):
    """The site search engine (Vietnamese folding, ranking) limited to this page's questions."""
    from congso.questions.search import TYPE
    from congso.search.backends.base import Filters
    from congso.search.querysets import search

    return search(q, Filters(type=TYPE, tree_path=page.path), number, per_page)


def calendar_for_page(page):
    """The working calendar of the agency whose portal holds the page, else the default one."""
    from congso.dossiers.querysets import calendar_for
    from congso.organisation.models import Agency

    site = page.get_site()
    agency = Agency.objects.filter(site=site).order_by("pk").first() if site else None
    return calendar_for(agency)


@dataclass
class UnitFigures:
    unit: object
    received: int = 0
    answered: int = 0
    on_time: int = 0
    durations: list = field(default_factory=list)

    @property
    def average_days(self) -> float | None:
        if not self.durations:
            return None
        return sum(self.durations, timedelta(0)) / len(self.durations) / WORKING_DAY

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.answered if self.answered else None


def figures(pages, limit_days: int | None = None) -> list[UnitFigures]:
    """Per unit, over the questions of `pages` assigned to it: how many it received, how many
    were answered (published), how many within the page's limit in working days counted on
    the site's calendar from the moment the citizen sent it, and the average working days."""
    by_unit: dict[int, UnitFigures] = {}
    calendars = {}
    rows = (
        Question.objects.filter(page__in=pages, unit__isnull=False)
        .exclude(status=Status.REJECTED)
        .select_related("unit", "page")
        .order_by("unit__sort_order", "unit__name")
    )
    for question in rows:
        entry = by_unit.setdefault(question.unit_id, UnitFigures(unit=question.unit))
        entry.received += 1
        if question.status != Status.PUBLISHED or question.published_at is None:
            continue
        page = question.page
        if page.pk not in calendars:
            calendars[page.pk] = calendar_for_page(page)
        spent = working_time_between(
            calendars[page.pk], question.received_at, question.published_at
        )
        days = limit_days or page.answer_within_days
        entry.answered += 1
        entry.durations.append(spent)
        if spent <= days * WORKING_DAY:
            entry.on_time += 1
    return list(by_unit.values())
