"""What each page type contributes to search, as a `search_payload` dict.

The payload contract (shared with other apps, which may define `search_payload(self)` on their
own page class instead of registering here):
    {"title", "code" (number/symbol or ""), "body" (plain text), "date" (datetime or None),
     "type" ("article" | "page" | "document" | "procedure"), "type_label" (Vietnamese), "category"}

Content that is not a Wagtail page (procedures of congso.procedures) is indexed by its own app
through `services.store_entries` and `services.register_source`; its type is listed here too.

Adapters live here rather than on the models so that the news and home apps stay unaware of
search; a model's own `search_payload` is used when no adapter is registered for it.
"""

from collections.abc import Callable

from wagtail.models import Page

PayloadBuilder = Callable[[Page], dict]
_ADAPTERS: dict[str, PayloadBuilder] = {}

TYPE_LABELS = {
    "article": "Tin bài",
    "page": "Trang",
    "document": "Văn bản",
    "procedure": "Thủ tục hành chính",
}


def register(model_label: str):
    """Register a payload builder for "app_label.ModelName" (and its subclasses)."""

    def decorator(func: PayloadBuilder) -> PayloadBuilder:
        _ADAPTERS[model_label.lower()] = func
        return func

    return decorator


def stream_text(value) -> str:
    """Plain text of a StreamField, as Wagtail's own search indexing extracts it."""
    if not value:
        return ""
    pieces = value.stream_block.get_searchable_content(value)
    # Wagtail already returns plain, unescaped text; stripping "tags" again would eat text
    # such as a literal "<script>" that an article quotes.
    return "\n".join(str(p) for p in pieces if p)


def payload_for(page: Page) -> dict | None:
    specific = page.specific
    for cls in type(specific).__mro__:
        meta = getattr(cls, "_meta", None)
        if meta is not None and meta.label_lower in _ADAPTERS:
            return _ADAPTERS[meta.label_lower](specific)
    own = getattr(specific, "search_payload", None)
    return own() if callable(own) else None


@register("news.ArticlePage")
def article_payload(page) -> dict:
    # A bulk rebuild hands the parent in, saving one query per article.
    parent = getattr(page, "search_parent", None) or page.get_parent()
    return {
        "title": page.title,
        "code": "",
        "body": "\n".join(filter(None, [page.sapo, stream_text(page.body), page.hero_caption])),
        "date": page.stated_date,
        "type": "article",
        "type_label": TYPE_LABELS["article"],
        "category": parent.title if parent else "",
        "category_page_id": parent.pk if parent else None,
    }


@register("home.StandardPage")
def standard_page_payload(page) -> dict:
    return {
        "title": page.title,
        "code": "",
        "body": "\n".join(filter(None, [page.intro, stream_text(page.body)])),
        "date": page.last_published_at or page.first_published_at,
        "type": "page",
        "type_label": TYPE_LABELS["page"],
        "category": "",
    }
