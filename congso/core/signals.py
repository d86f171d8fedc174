"""Purge the anonymous page cache whenever what readers see changes.

Purges run after the transaction commits: purging inside it would let a reader's request,
still seeing the old rows, cache the old page under the new generation.

The same events move image files between private and public storage (connect_images), also
after the commit.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from congso.core import images, pagecache

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
    connect_images()
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


def _image_users_changed(sender, instance=None, raw=False, **kwargs) -> None:
    """What readers see may now use other images: move files between private and public."""
    if raw:
        return
    images.schedule_sync([instance] if instance is not None else [])


def _image_users_removed(sender, **kwargs) -> None:
    images.schedule_sync()


def connect_images() -> None:
    """Images are public only while readers are shown them (congso.core.images)."""
    from wagtail.models import Page, PageViewRestriction, ReferenceIndex

    page_published.connect(_image_users_changed, dispatch_uid="congso-images-published")
    page_unpublished.connect(_image_users_removed, dispatch_uid="congso-images-unpublished")
    post_page_move.connect(_image_users_removed, dispatch_uid="congso-images-moved")
    post_delete.connect(
        _image_users_removed, sender=Page, dispatch_uid="congso-images-page-deleted"
    )
    # A restricted page's images are not public; lifting the restriction makes them so.
    post_save.connect(
        _image_users_removed, sender=PageViewRestriction, dispatch_uid="congso-images-vr-save"
    )
    post_delete.connect(
        _image_users_removed, sender=PageViewRestriction, dispatch_uid="congso-images-vr-del"
    )
    for label in images.PUBLIC_SOURCES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        # Wagtail indexes pages and snippets by itself, not settings (the agency's logo).
        ReferenceIndex.register_model(model)
        post_save.connect(_image_users_changed, sender=model, dispatch_uid=f"congso-images-{label}")
        post_delete.connect(
            _image_users_removed, sender=model, dispatch_uid=f"congso-images-del-{label}"
        )
