"""Keep the index in step with what readers can see, inside the request that changed it."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, post_page_move

from . import services


def _published(sender, instance, **kwargs):
    # The page itself was indexed by the full save that publishing makes (see `_saved`).
    if not services.is_paused():
        services.rename_category(instance)


def _saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # A full save writes the whole page: programmatic creation, imports, and Wagtail's publish
    # and unpublish actions, which save the page before sending their own signals. Saving a
    # draft only touches revision fields (update_fields) and must not reach the public index.
    if raw or services.is_paused() or not isinstance(instance, Page) or update_fields is not None:
        return
    services.reindex_page(instance)


def _deleted(sender, instance, **kwargs):
    if not services.is_paused():
        services.remove_page(instance.pk)


def _moved(sender, instance, **kwargs):
    if not services.is_paused():
        services.reindex_subtree(instance)


def _restriction_changed(sender, instance, **kwargs):
    if services.is_paused():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.reindex_subtree(page)


def connect():
    page_published.connect(_published, dispatch_uid="congso-search-published")
    post_page_move.connect(_moved, dispatch_uid="congso-search-moved")
    post_save.connect(_saved, dispatch_uid="congso-search-saved")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="congso-search-deleted")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="congso-search-restricted"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="congso-search-unrestricted"
    )
