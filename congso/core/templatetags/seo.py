"""Open Graph and schema.org JSON-LD, built in Python so every value is escaped once, correctly."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _image_url(request, image, spec="fill-1200x630"):
    if image is None:
        return ""
    try:
        rendition = image.get_rendition(spec)
    except Exception:  # noqa: BLE001 - a missing source file must not break the page head
        return ""
    return request.build_absolute_uri(rendition.url)


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    request = context["request"]
    specific = page.specific
    image = specific.get_meta_image() if hasattr(specific, "get_meta_image") else None
    description = (
        specific.get_meta_description() if hasattr(specific, "get_meta_description") else ""
    )
    og_type = "article" if specific.__class__.__name__ == "ArticlePage" else "website"
    tags = [
        ("og:type", og_type),
        ("og:title", page.seo_title or page.title),
        ("og:url", page.get_full_url(request)),
        ("og:locale", "en_US" if getattr(specific, "language", "vi") == "en" else "vi_VN"),
    ]
    if description:
        tags.append(("og:description", description))
    image_url = _image_url(request, image)
    if image_url:
        tags.append(("og:image", image_url))
    if og_type == "article":
        tags.append(("article:published_time", timezone.localtime(specific.date).isoformat()))
    html = [format_html('<meta property="{}" content="{}">', key, value) for key, value in tags]
    if description:
        html.insert(0, format_html('<meta name="description" content="{}">', description))
    html.append(format_html('<link rel="canonical" href="{}">', page.get_full_url(request)))
    html.append(
        format_html(
            '<meta name="twitter:card" content="{}">',
            "summary_large_image" if image_url else "summary",
        )
    )
    return mark_safe("\n  ".join(html))  # noqa: S308 - every part built with format_html


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, page, organisation):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.sapo,
        "datePublished": timezone.localtime(page.date).isoformat(),
        "dateModified": timezone.localtime(page.last_published_at or page.date).isoformat(),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": "vi",
        "publisher": {"@type": "GovernmentOrganization", "name": organisation.name},
    }
    if page.author:
        data["author"] = {
            "@type": "Person",
            "name": page.author,
            "jobTitle": page.author_position or None,
        }
    image_url = _image_url(request, page.get_meta_image())
    if image_url:
        data["image"] = [image_url]
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
