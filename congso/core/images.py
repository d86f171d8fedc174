"""Images before publication: unreachable by URL until readers are shown them.

An image is public once something readers see uses it: a live page outside every view
restriction (articles, standard pages, document pages …), or one of the snippets and settings
named in PUBLIC_SOURCES (an official's photo, the agency logo). Wagtail's reference index says
what uses an image; for a live page it indexes the page row, which holds the published content
(drafts live in revisions), so a photo added only to a draft stays private.

A private image's original and renditions are stored under MEDIA_ROOT/private/, which no web
server serves, and keep the URL they will have once public (/media/images/…): nginx serves the
public file as a plain file, and only when it has no such file does the request reach
`congso.core.image_views`, which serves the private one to people who may use the admin.
Publishing moves the files (a rename on the same disk) and the URL in pages never changes.
Upload names carry a random part, so even a public file's URL cannot be guessed from the
photo's name before it is published.

docs/decisions/0004-image-embargo.md records why.
"""

from __future__ import annotations

import logging
import os
import re
import secrets

from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.deconstruct import deconstructible

from congso.core.text import slugify_vi

logger = logging.getLogger(__name__)

PRIVATE_PREFIX = "private/"
ORIGINALS = "original_images/"
RENDITIONS = "images/"

# Non-page models whose references to an image put it in front of readers. Pages count when
# live and public. A model that references images and is in neither tuple fails a test.
PUBLIC_SOURCES = ("core.OrganisationSettings", "organisation.Official")
# Models that reference images without showing them to readers.
PRIVATE_SOURCES: tuple[str, ...] = ()

_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}")


def is_private_name(name: str) -> bool:
    return name.startswith(PRIVATE_PREFIX)


def public_name(name: str) -> str:
    return name.removeprefix(PRIVATE_PREFIX)


def private_name(name: str) -> str:
    return name if is_private_name(name) else PRIVATE_PREFIX + name


@deconstructible
class ImageStorage(FileSystemStorage):
    """MEDIA_ROOT, where a private file answers to the URL it will have once public."""

    def url(self, name):
        return super().url(public_name(name) if name else name)


image_storage = ImageStorage()


def get_image_storage() -> ImageStorage:
    return image_storage


def upload_name(filename: str) -> str:
    """'Lễ ký kết.JPG' -> 'c0ffee…(20 hex)-le-ky-ket.jpg': 80 random bits first, so that
    Wagtail's truncation of long rendition names cuts the hint, never the secret."""
    stem, extension = os.path.splitext(os.path.basename(filename))
    extension = extension.lower() if _EXTENSION.fullmatch(extension.lower()) else ""
    hint = slugify_vi(stem, max_length=24)
    return secrets.token_hex(10) + (f"-{hint}" if hint else "") + extension


def original_upload_to(image, filename: str) -> str:
    """New images start private; a replaced file of a public image stays public."""
    name = ORIGINALS + upload_name(filename)
    if (
        image.pk
        and type(image)
        .objects.filter(pk=image.pk)
        .exclude(file__startswith=PRIVATE_PREFIX)
        .exists()
    ):
        return name
    return PRIVATE_PREFIX + name


def rendition_upload_to(rendition, filename: str) -> str:
    """A rendition lives where its image lives."""
    name = RENDITIONS + rendition.file.field.storage.get_valid_name(filename)
    return private_name(name) if is_private_name(rendition.image.file.name) else name


# --- What readers see ----------------------------------------------------------------------


def public_references():
    """Reference-index rows whose source readers see: live public pages, public snippets."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast
    from wagtail.images import get_image_model
    from wagtail.models import Page, ReferenceIndex

    page_ids = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    sources = ContentType.objects.get_for_models(*_models(PUBLIC_SOURCES)).values()
    return ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(get_image_model())
    ).filter(
        Q(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
        | Q(content_type__in=list(sources))
    )


def public_image_ids():
    """A subquery of the ids of every image readers are shown."""
    from django.db.models import BigIntegerField
    from django.db.models.functions import Cast

    return (
        public_references()
        .annotate(image_id=Cast("to_object_id", BigIntegerField()))
        .values("image_id")
    )


def _models(labels):
    from django.apps import apps

    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


# --- Moving files ---------------------------------------------------------------------------


def _move_file(storage, name: str, public: bool) -> str:
    """Move one stored file to the public or private location; returns its new name.

    Idempotent: a file already moved by an interrupted run is left where it is."""
    new = public_name(name) if public else private_name(name)
    if new == name:
        return name
    if storage.exists(name):
        if isinstance(storage, FileSystemStorage):
            os.makedirs(os.path.dirname(storage.path(new)), exist_ok=True)
            try:
                os.replace(storage.path(name), storage.path(new))
            except FileNotFoundError:
                # Another worker's sync, after the same commit, moved it first.
                if not storage.exists(new):
                    raise
        else:  # pragma: no cover - congso stores media on the local disk
            with storage.open(name) as source:
                new = storage.save(new, source)
            storage.delete(name)
    elif not storage.exists(new):
        logger.warning("image file %s is missing", name)
    return new


def move_rendition(rendition, public: bool) -> None:
    name = rendition.file.name
    new = _move_file(rendition.file.storage, name, public)
    if new != name:
        type(rendition).objects.filter(pk=rendition.pk).update(file=new)
        rendition.file.name = new
        rendition.purge_from_cache()


def set_image_public(image, public: bool) -> None:
    """Move an image's original and renditions; rows are updated file by file, right after
    each move, so an interruption leaves at most one row to correct on the next run."""
    name = image.file.name
    new = _move_file(image.file.storage, name, public)
    if new != name:
        type(image).objects.filter(pk=image.pk).update(file=new)
        image.file.name = new
    for rendition in image.renditions.all():
        rendition.image = image
        move_rendition(rendition, public)


def refresh_references(objects) -> None:
    """Index what the given objects use now, instead of waiting for Wagtail's background
    task: publication must not depend on the worker being quick."""
    from wagtail.models import ReferenceIndex

    for obj in objects:
        model = type(obj)
        if not ReferenceIndex.is_indexed(model):
            continue
        try:
            current = model._default_manager.get(pk=obj.pk)
        except model.DoesNotExist:
            continue
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(current)


def sync_image_visibility(changed=()) -> int:
    """Put every image's files where its publicity says. Idempotent; returns files moved.

    Costs a few queries when nothing changed, so it runs after every publication."""
    from django.db.models import Q
    from wagtail.images import get_image_model

    refresh_references(changed)
    image_model = get_image_model()
    wanted = public_image_ids()
    moved = 0
    to_publish = image_model.objects.filter(pk__in=wanted, file__startswith=PRIVATE_PREFIX)
    for image in to_publish:
        set_image_public(image, True)
        moved += 1
    to_hide = image_model.objects.exclude(pk__in=wanted).exclude(file__startswith=PRIVATE_PREFIX)
    for image in to_hide:
        set_image_public(image, False)
        moved += 1
    # Renditions made while their image was being moved (a reader or editor rendering at that
    # moment) follow their image.
    image_private = Q(image__file__startswith=PRIVATE_PREFIX)
    file_private = Q(file__startswith=PRIVATE_PREFIX)
    strays = (
        image_model.get_rendition_model()
        .objects.select_related("image")
        .filter((image_private & ~file_private) | (~image_private & file_private))
    )
    for rendition in strays:
        move_rendition(rendition, not is_private_name(rendition.image.file.name))
        moved += 1
    if moved:
        logger.info("moved %d images between public and private storage", moved)
    return moved


def schedule_sync(changed=()) -> None:
    """After the commit: files must not move for a publication that is rolled back."""
    changed = list(changed)
    # robust: the publication is committed whatever happens here; a failure is logged and put
    # right by the next run (any publication, or `manage.py protect_images`).
    transaction.on_commit(lambda: sync_image_visibility(changed), robust=True)


# --- Reading a private file -----------------------------------------------------------------


def rendition_for_private_file(name: str):
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.select_related("image")
    return renditions.filter(file=name).first()


def image_for_private_file(name: str):
    """The image a stored private file (original or rendition) belongs to, or None."""
    from wagtail.images import get_image_model

    if name.startswith(PRIVATE_PREFIX + ORIGINALS):
        return get_image_model().objects.filter(file=name).first()
    rendition = rendition_for_private_file(name)
    return rendition.image if rendition else None


def shown_to(request, image) -> bool:
    """Whether a live page using the image admits this request through its view restrictions
    (a password given, a login, a group): such pages keep their images private, and their
    readers must still see them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(type(image)),
        to_object_id=str(image.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    for page in Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids])[:20]:
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False
