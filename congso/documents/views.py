"""Public views that are not pages: file downloads, PDF page previews (rendered once, cached)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from wagtail.documents.views.serve import serve as wagtail_serve

from congso.documents.querysets import user_can_download

# Content-Encoding values that say "not encoded". Wagtail's sendfile writes the header
# unconditionally, as str(None) = "None" for every file whose name has no compression suffix:
# an invalid value that some clients and proxies act on.
NOT_ENCODED = frozenset({"", "none", "identity"})


def serve_document(request, document_id, document_filename):
    """/documents/<id>/<filename>: Wagtail's serve view (permission hook, ETag, sendfile), minus
    a Content-Encoding header that claims an encoding the body does not have."""
    response = wagtail_serve(request, document_id, document_filename)
    encoding = response.headers.get("Content-Encoding")
    if encoding is not None and encoding.strip().lower() in NOT_ENCODED:
        del response["Content-Encoding"]
    return response


PREVIEW_WIDTH = 900
MAX_PREVIEW_PAGES = 30


def preview_dir() -> Path:
    # Outside MEDIA_ROOT on purpose: the web server never serves these without this view.
    path = Path(
        getattr(settings, "DOCUMENT_PREVIEW_DIR", None) or Path(settings.VAR_DIR) / "previews"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def render_preview(file, number: int) -> Path:
    target = preview_dir() / f"{file.pk}-{file.file_hash}-{number}-{PREVIEW_WIDTH}.png"
    if target.exists():
        return target
    import pypdfium2 as pdfium

    with file.open_file() as handle:
        pdf = pdfium.PdfDocument(handle.read())
    try:
        page = pdf[number - 1]
        scale = PREVIEW_WIDTH / page.get_width()
        image = page.render(scale=scale).to_pil()
        tmp = target.with_suffix(".tmp")
        image.save(tmp, format="PNG", optimize=True)
        tmp.replace(target)
        page.close()
    finally:
        pdf.close()
    return target


def page_preview(request, document_page, file_id: int, number: int):
    attachment = document_page.attachments.filter(file_id=file_id).select_related("file").first()
    if attachment is None:
        raise Http404
    file = attachment.file
    if not file.is_pdf or not user_can_download(request.user, file):
        raise Http404
    if number < 1 or number > min(file.page_count or 0, MAX_PREVIEW_PAGES):
        raise Http404
    response = FileResponse(render_preview(file, number).open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400" if file.is_public else "private, no-store"
    return response
