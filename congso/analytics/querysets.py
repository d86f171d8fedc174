"""The figures readers see: what the database holds plus what is still pending in the cache."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from congso.analytics.counters import get_store
from congso.analytics.models import DailyStat
from congso.analytics.services import DB_FIGURES_GENERATION
from congso.core.text import format_number

DB_FIGURES_TTL = 600


@dataclass(frozen=True)
class Figures:
    visits_today: int
    reads_today: int
    visits_total: int
    article_views: int | None = None

    def as_json(self) -> dict:
        data = {
            "visits_today": self.visits_today,
            "reads_today": self.reads_today,
            "visits_total": self.visits_total,
            "visits_today_text": format_number(self.visits_today),
            "reads_today_text": format_number(self.reads_today),
            "visits_total_text": format_number(self.visits_total),
        }
        if self.article_views is not None:
            data["article_views"] = self.article_views
            data["article_views_text"] = format_number(self.article_views)
        return data


def _db_figures(site_id: int, day: str, article_id: int | None) -> tuple[int, int, int, int]:
    """Today's visits and reads, all-time visits of a site and an article's views, as stored.

    Summing every day of a decade on each page view would cost a query per reader; the
    database part only changes at a flush, which starts a new generation. One cache read
    for the generation and one for the figures, whatever is asked for.
    """
    from congso.news.models import ArticlePage

    generation = cache.get(DB_FIGURES_GENERATION, 0)
    site_key = f"analytics:db:{generation}:{site_id}:{day}"
    article_key = f"analytics:db:{generation}:article:{article_id}"
    cached = cache.get_many([site_key, article_key] if article_id else [site_key])
    figures = cached.get(site_key)
    if figures is None:
        today = (
            DailyStat.objects.filter(site_id=site_id, date=day)
            .values("visits", "article_views")
            .first()
        )
        total = (
            DailyStat.objects.filter(site_id=site_id).aggregate(total=Sum("visits"))["total"] or 0
        )
        figures = (today["visits"] if today else 0, today["article_views"] if today else 0, total)
        cache.set(site_key, figures, timeout=DB_FIGURES_TTL)
    views = cached.get(article_key, 0)
    if article_id and article_key not in cached:
        views = (
            ArticlePage.objects.filter(pk=article_id).values_list("view_count", flat=True).first()
            or 0
        )
        cache.set(article_key, views, timeout=DB_FIGURES_TTL)
    return (*figures, views)


def site_figures(site_id: int, article_id: int | None = None) -> Figures:
    """Today's visits and reads and the all-time visits of a site (and an article's views).

    Only today's and yesterday's counts can still be pending: the flush runs every minute.
    """
    today = timezone.localdate()
    day, yesterday = today.isoformat(), (today - timedelta(days=1)).isoformat()
    fields = [f"v:{site_id}:{day}", f"v:{site_id}:{yesterday}", f"a:{site_id}:{day}"]
    if article_id:
        fields.append(f"p:{article_id}")
    pending = get_store().pending(fields)
    visits_today, reads_today, total, views = _db_figures(site_id, day, article_id)
    return Figures(
        visits_today=visits_today + pending.get(fields[0], 0),
        reads_today=reads_today + pending.get(fields[2], 0),
        visits_total=total + pending.get(fields[0], 0) + pending.get(fields[1], 0),
        article_views=(views + pending.get(f"p:{article_id}", 0)) if article_id else None,
    )


def article_views(page) -> int:
    """The stored view count of an article plus reads not yet flushed."""
    pending = get_store().pending([f"p:{page.pk}"])
    return (getattr(page, "view_count", 0) or 0) + pending.get(f"p:{page.pk}", 0)
