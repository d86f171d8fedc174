"""Pages with searchable text, built on the shared page factories."""

import datetime

from django.utils import timezone

from congso.core.tests.factories import make_article, make_category, make_home, make_standard_page  # noqa: F401


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def article(category, title: str, text: str = "", **kwargs):
    """An article whose body is one paragraph of `text`."""
    body = [("paragraph", f"<p>{text}</p>")] if text else []
    return make_article(category, title, body=body, **kwargs)


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]
