from django.dispatch import receiver
from wagtail.signals import page_published

from congso.drafts.models import DraftPage


@receiver(page_published, sender=DraftPage)
def draft_published(sender, instance, **kwargs):
    from congso.drafts.services import publish_draft_files

    publish_draft_files(instance)
