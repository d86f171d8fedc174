"""Bring every image under the embargo rules (docs/decisions/0004-image-embargo.md).

    manage.py protect_images              # after an upgrade, after `import_seeds`, any time

1. Originals uploaded before the rules keep their guessable names ('Anh-1.jpg'): they get a
   name with a random part, and their renditions (named after them) are deleted, to be made
   again under the new name.
2. What live public pages and public snippets use is indexed again (pages written in bulk,
   e.g. by generate_articles, never passed through the signals that do this).
3. Files move between MEDIA_ROOT and MEDIA_ROOT/private/ as publicity says.

Idempotent: a second run renames and moves nothing.
"""

import os
import re

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from congso.core import images

RANDOM_NAME = re.compile(r"^[0-9a-f]{20}(-|\.|$)")


class Command(BaseCommand):
    help = "Rename guessable image files and make only what readers see public."

    def handle(self, *args, **options):
        renamed = sum(rename_guessable(image) for image in get_image_model().objects.all())
        refresh = list(Page.objects.live().specific().iterator())
        for model in images._models(images.PUBLIC_SOURCES):
            refresh.extend(model._default_manager.all())
        images.refresh_references(refresh)
        moved = images.sync_image_visibility()
        self.stdout.write(f"Ảnh: đổi tên {renamed} tệp gốc, chuyển {moved} ảnh công khai/riêng.")


def rename_guessable(image) -> bool:
    name = image.file.name
    if RANDOM_NAME.match(os.path.basename(name)):
        return False
    storage = image.file.storage
    folder = images.PRIVATE_PREFIX if images.is_private_name(name) else ""
    new = folder + images.ORIGINALS + images.upload_name(os.path.basename(name))
    with transaction.atomic():
        # The row first: a failed move rolls it back.
        type(image).objects.filter(pk=image.pk).update(file=new)
        for rendition in image.renditions.all():
            rendition.purge_from_cache()
            rendition.delete()
        if storage.exists(name):
            os.makedirs(os.path.dirname(storage.path(new)), exist_ok=True)
            os.replace(storage.path(name), storage.path(new))
    image.file.name = new
    return True
