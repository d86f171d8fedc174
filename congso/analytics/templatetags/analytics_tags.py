from django import template
from django.utils.html import format_html
from wagtail.models import Site

from congso.analytics.beacon import make_token
from congso.analytics.querysets import article_views as pending_article_views
from congso.analytics.querysets import site_figures

register = template.Library()


def _article_id(page) -> int | None:
    from congso.news.models import ArticlePage

    return page.pk if isinstance(page, ArticlePage) and page.pk else None


@register.inclusion_tag("analytics/stats_block.html", takes_context=True)
def visitor_stats(context):
    """The "Thống kê" block. Its figures are refreshed by the beacon in stats.js, because the
    page around it may come from the page cache or nginx."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"figures": None}
    page = context.get("page")
    article_id = _article_id(page)
    # Previews and drafts must not count as reads.
    counting = not getattr(request, "is_preview", False) and (
        page is None or getattr(page, "live", True)
    )
    return {
        "figures": site_figures(site.pk),
        "token": make_token(site.pk, article_id) if counting else "",
        "page_id": article_id or "",
    }


@register.simple_tag
def article_views(page):
    """`{% article_views page %}`: views stored plus views not yet flushed, kept fresh by stats.js."""
    if page is None or not page.pk:
        return ""
    from congso.core.text import format_number

    return format_html(
        '<span data-article-views="{}">{}</span>',
        page.pk,
        format_number(pending_article_views(page)),
    )
