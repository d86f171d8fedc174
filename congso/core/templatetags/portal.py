"""Site-wide template tags: identity, menu, ticker, breadcrumb, links block."""

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from congso.core.models import OrganisationSettings, PortalLink
from congso.core.pagecache import remember

register = template.Library()

# Header and footer reads are the same for every reader of a site and change only on
# publish, so they are kept until the next purge (pagecache.remember) instead of being
# queried on every page the full-page cache does not hold.


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def site_identity(context):
    request = context.get("request")
    if request is None:
        return OrganisationSettings()
    return OrganisationSettings.for_request(request)


@register.simple_tag
def now_local():
    return timezone.localtime()


@register.simple_tag(takes_context=True)
def site_root_url(context):
    """The site's home URL; HomePage routes (su-kien/, the/, rss/) hang off it.

    A page of a host with no matching site (e.g. a 404) has no relative URL for its root."""
    root = _site_root(context)
    # Relative on the site that serves the request; another site's root gets its Site address.
    return (root.get_url(context.get("request")) if root else None) or "/"


@register.simple_tag(takes_context=True)
def site_rss_url(context):
    return site_root_url(context) + "rss/"


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    items = (
        remember(f"menu:{root.pk}", lambda: list(root.get_children().live().public().in_menu()))
        if root
        else Page.objects.none()
    )
    current = context.get("page")
    # The section the current page is in: its path starts with the section's path.
    current_path = getattr(current, "path", "") or ""
    active = next((item.pk for item in items if current_path.startswith(item.path)), None)
    return {
        "root": root,
        "items": items,
        "current": current,
        "active": active,
        "request": context.get("request"),
    }


@register.inclusion_tag("navigation/ticker.html", takes_context=True)
def headline_ticker(context):
    from congso.news.querysets import ticker

    root = _site_root(context)
    if root is None:
        return {"items": []}
    items = remember(f"ticker:{root.pk}", lambda: _ticker_items(root, ticker))
    return {"items": items, "request": context.get("request")}


def _ticker_items(root, ticker):
    limit = getattr(root.specific, "ticker_count", 6)
    return list(ticker(root, limit))


@register.inclusion_tag("navigation/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    request = context.get("request")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page, "request": request}


@register.inclusion_tag("navigation/portal_links.html")
def portal_links():
    return {"links": remember("portal-links", lambda: list(PortalLink.objects.all()))}


@register.inclusion_tag("navigation/english_link.html", takes_context=True)
def english_section_link(context):
    from congso.home.models import EnglishHomePage

    root = _site_root(context)
    english = (
        remember(
            f"english:{root.pk}", lambda: EnglishHomePage.objects.live().child_of(root).first()
        )
        if root
        else None
    )
    page = context.get("page")
    specific = getattr(page, "specific", None)
    is_english = (
        isinstance(specific, EnglishHomePage) or getattr(specific, "language", "vi") == "en"
    )
    return {
        "english": english,
        "root": root,
        "is_english": is_english,
        "request": context.get("request"),
    }
