"""/media/original_images/… and /media/images/…: the one route for image files.

A published file is handed out as a plain static file, before anything touches the session or
the database. In production nginx serves those itself and sends here only the URLs it has no
file for: unpublished images (served to people who may use the admin, for previews and
choosers, and to readers a restricted page admits) and guesses (404). congso.core.images explains the storage.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.http import HttpResponseNotFound
from django.views.static import serve

from congso.core import images

_FOLDERS = (images.ORIGINALS, images.RENDITIONS)


def serve_image_file(request, path: str):
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(_FOLDERS):  # ../private/… and other escapes
        return _not_found()
    root = Path(settings.MEDIA_ROOT)
    if (root / path).is_file():
        return serve(request, path, document_root=root)
    private = images.private_name(path)
    if not (root / private).is_file():
        return _not_found()
    if _editor(request):
        return _privately(serve(request, private, document_root=root))
    image = images.image_for_private_file(private)
    if image is None:
        return _not_found()
    if not images.is_private_name(image.file.name):
        # A rendition made by a render that raced the image's publication: it follows its
        # image now.
        images.sync_image_visibility()
        return serve(request, path, document_root=root)
    if images.shown_to(request, image):
        return _privately(serve(request, private, document_root=root))
    return _not_found()


def _privately(response):
    # The browser may keep it; no shared cache may.
    response["Cache-Control"] = "private, no-cache"
    return response


def _not_found():
    """A bare 404: an image URL needs no page, and a guesser should cost no template."""
    return HttpResponseNotFound(b"", content_type="text/plain")


def _editor(request) -> bool:
    user = request.user
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
