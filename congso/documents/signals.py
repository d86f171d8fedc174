"""Keep derived state right: file visibility, background processing, re-verification."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from congso.documents.models import FileDocument, OfficialDocumentPage, TrustAnchor


def _sync_visibility_later(**kwargs):
    from congso.documents.services import sync_file_visibility

    transaction.on_commit(sync_file_visibility)


@receiver(post_save, sender=FileDocument)
def file_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # Files stored by services.add_document are processed there; uploads through Wagtail's own
    # document screens (choosers, the Documents menu) are processed here, in the background.
    skip = getattr(instance, "_processed_by_service", False)
    if not skip and instance.file_hash and instance.file_hash != instance.processed_hash:
        from congso.documents.tasks import enqueue_processing

        enqueue_processing(instance)
    _sync_visibility_later()


@receiver(page_published, sender=OfficialDocumentPage)
@receiver(page_unpublished, sender=OfficialDocumentPage)
def document_publication_changed(sender, instance, **kwargs):
    _sync_visibility_later()


@receiver(post_delete, sender=OfficialDocumentPage)
def document_deleted(sender, instance, **kwargs):
    _sync_visibility_later()


@receiver(post_save, sender=TrustAnchor)
@receiver(post_delete, sender=TrustAnchor)
def trust_anchors_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from congso.documents.tasks import enqueue_verify_all

    enqueue_verify_all()
