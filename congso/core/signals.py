"""Purge the anonymous page cache whenever what readers see changes."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from congso.core.pagecache import purge_all


def _purge(**kwargs):
    purge_all()


def connect():
    page_published.connect(_purge, dispatch_uid="congso-pagecache-published")
    page_unpublished.connect(_purge, dispatch_uid="congso-pagecache-unpublished")
    post_page_move.connect(_purge, dispatch_uid="congso-pagecache-moved")
    from wagtail.models import Page

    post_delete.connect(_purge, sender=Page, dispatch_uid="congso-pagecache-deleted")
