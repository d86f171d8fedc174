"""Purge the anonymous page cache whenever what readers see changes.

Purges run after the transaction commits: purging inside it would let a reader's request,
still seeing the old rows, cache the old page under the new generation.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from congso.core import pagecache

# Models shown on every page (header, footer, menus, photos) or deciding who may see a page,
# and snippets shown on pages without being part of their revisions (the organisation chart
# and contact directory): saving them publishes no page, so nothing else would purge.
# A new view restriction must purge at once, or the cached public copy stays readable.
SITE_WIDE_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "core.OrganisationSettings",
    "core.PortalLink",
    "core.CongsoImage",
    "news.Topic",
    "organisation.Unit",
    "organisation.Official",
)


def schedule_purge(**kwargs) -> None:
    transaction.on_commit(pagecache.purge_all)


def connect() -> None:
    page_published.connect(schedule_purge, dispatch_uid="congso-pagecache-published")
    page_unpublished.connect(schedule_purge, dispatch_uid="congso-pagecache-unpublished")
    post_page_move.connect(schedule_purge, dispatch_uid="congso-pagecache-moved")
    for label in SITE_WIDE_MODELS:
        model = apps.get_model(label)
        if label != "wagtailcore.Page":
            # Saving a page draft changes nothing readers see; publishing is signalled above.
            post_save.connect(
                schedule_purge, sender=model, dispatch_uid=f"congso-pagecache-save-{label}"
            )
        post_delete.connect(
            schedule_purge, sender=model, dispatch_uid=f"congso-pagecache-delete-{label}"
        )
