"""Everything that changes documents: storing files, extraction, verification, publication.

The admin upload view, `manage.py add_document` and the demo all call `add_document`, so a file
is checked, stored and processed the same way whichever door it came through.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection

from congso.core.text import excerpt, fold, slugify_vi
from congso.documents import extraction, signatures
from congso.documents.extraction import FileRejected
from congso.documents.models import (
    DocumentAttachment,
    DocumentIndexPage,
    DocumentType,
    FileDocument,
    IssuingAgency,
    OfficialDocumentPage,
    SignatureRecord,
    TrustAnchor,
)
from congso.documents.models.files import FileState
from congso.documents.querysets import combined_state, public_file_ids

logger = logging.getLogger(__name__)

__all__ = ["FileRejected", "add_document", "add_trust_anchor", "process_file", "verify_file"]


def store_file(name: str, data: bytes, *, title: str = "", user=None) -> FileDocument:
    """Check the bytes, then save them as a FileDocument (not yet processed)."""
    extraction.check_file(name, data)
    document = FileDocument(
        title=(title or PurePath(name).stem)[:255],
        uploaded_by_user=user,
        collection=Collection.get_first_root_node(),
    )
    document.file.save(PurePath(name).name, ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    document._processed_by_service = True
    document.save()
    return document


def _read(file: FileDocument) -> bytes:
    with file.open_file() as handle:
        return handle.read()


def process_file(file: FileDocument, *, verify: bool = True) -> FileDocument:
    """Extract text and metadata suggestions, then verify signatures; results are stored."""
    data = _read(file)
    updates = {"processed_hash": file.file_hash, "processing_error": ""}
    try:
        result = extraction.extract(file.filename, data)
    except Exception as error:  # noqa: BLE001 - a file that slipped through the checks
        logger.warning("text extraction failed for file %s: %s", file.pk, error)
        updates.update(extracted_text="", page_count=None, suggestions={})
        updates["processing_error"] = f"Không trích xuất được nội dung: {error}"
    else:
        from congso.documents.suggestions import suggest

        updates.update(
            extracted_text=result.text,
            page_count=result.page_count,
            suggestions=suggest(result.text),
        )
    FileDocument.objects.filter(pk=file.pk).update(**updates)
    for key, value in updates.items():
        setattr(file, key, value)
    if verify:
        verify_file(file, data=data)
    _reindex_pages_of(file)
    return file


def active_anchor_ders() -> list[bytes]:
    ders = []
    for anchor in TrustAnchor.objects.filter(is_active=True):
        try:
            ders.append(signatures.parse_certificate(anchor.certificate_pem).der)
        except signatures.CertificateError:
            logger.warning("trust anchor %s is unreadable and was skipped", anchor.pk)
    return ders


def verify_file(file: FileDocument, *, data: bytes | None = None, anchors=None) -> str:
    """Verify every signature and replace the stored results in one transaction."""
    now = timezone.now()
    if not file.is_pdf:
        FileDocument.objects.filter(pk=file.pk).update(
            signature_state=FileState.NOT_APPLICABLE, verified_at=now
        )
        file.signature_state = FileState.NOT_APPLICABLE
        return file.signature_state
    data = _read(file) if data is None else data
    anchors = active_anchor_ders() if anchors is None else anchors
    error = ""
    try:
        results = signatures.verify_pdf(data, anchors)
    except signatures.PdfUnreadable as exc:
        results, error = [], str(exc)
    if error:
        state = FileState.ERROR
    elif not results:
        state = FileState.UNSIGNED
    else:
        state = combined_state(r.status for r in results)
    with transaction.atomic():
        SignatureRecord.objects.filter(file=file).delete()
        SignatureRecord.objects.bulk_create(
            SignatureRecord(file=file, position=i, **r.as_dict()) for i, r in enumerate(results)
        )
        FileDocument.objects.filter(pk=file.pk).update(
            signature_state=state, verified_at=now, processing_error=error
        )
    file.signature_state, file.verified_at = state, now
    _purge_pages()
    return state


def verify_all(stdout=None) -> dict:
    anchors = active_anchor_ders()
    counts: dict[str, int] = {}
    for file in FileDocument.objects.filter(file__iendswith=".pdf").iterator(chunk_size=200):
        try:
            state = verify_file(file, anchors=anchors)
        except OSError as error:
            state = FileState.ERROR
            logger.warning("file %s could not be read: %s", file.pk, error)
        counts[state] = counts.get(state, 0) + 1
    return counts


@dataclass
class AddedDocument:
    page: OfficialDocumentPage
    file: FileDocument


def default_index() -> DocumentIndexPage:
    index = DocumentIndexPage.objects.order_by("path").first()
    if index is None:
        raise FileRejected("Chưa có trang “Văn bản” (thư viện văn bản) để thêm văn bản vào.")
    return index


def add_document(
    name: str,
    data: bytes,
    *,
    title: str = "",
    publish: bool = False,
    parent: DocumentIndexPage | None = None,
    user=None,
    verify_now: bool = True,
) -> AddedDocument:
    """Store a file as a new official document (a draft unless `publish`).

    Anything wrong with the file raises FileRejected before anything is written; a failure
    after the file is saved removes it again, so nothing is half-stored.
    """
    parent = parent or default_index()
    file = None
    try:
        with transaction.atomic():
            # store_file checks the bytes (FileRejected) before it writes anything.
            file = store_file(name, data, title=title, user=user)
            process_file(file, verify=verify_now)
            # Wagtail pages default to live=True: a new document must start as a draft.
            page = OfficialDocumentPage(owner=user, live=False, **_page_fields(file, title))
            page.slug = _free_slug(parent, page.title)
            parent.add_child(instance=page)
            DocumentAttachment.objects.create(page=page, file=file, sort_order=0)
            revision = page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
                page.refresh_from_db()
    except BaseException:
        if file is not None and file.file:
            file.file.storage.delete(file.file.name)
        raise
    if not verify_now:
        from congso.documents.tasks import enqueue_verification

        enqueue_verification(file)
    sync_file_visibility()
    return AddedDocument(page=page, file=file)


def _page_fields(file: FileDocument, title: str) -> dict:
    hints = file.suggestions or {}
    text_title = _title_from_text(file.extracted_text)
    fields = {
        "title": (title or text_title or file.title)[:255],
        "number": hints.get("number", "")[:100],
        "signer_position": hints.get("signer_position", "")[:255],
        "signer_name": hints.get("signer_name", "")[:255],
        "summary": title or text_title or file.title,
        "doc_type": match_vocabulary(DocumentType, hints.get("type", ""))
        or DocumentType.objects.filter(slug="cong-van").first()
        or DocumentType.objects.first(),
        "agency": match_vocabulary(IssuingAgency, hints.get("agency", "")),
        "issue_date": _parse_date(hints.get("issue_date")) or timezone.localdate(),
    }
    return fields


def _free_slug(parent, title: str) -> str:
    base = slugify_vi(title, max_length=200) or "van-ban"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _title_from_text(text: str) -> str:
    """The trích yếu usually follows the type line ('BÁO CÁO' then 'Tình hình …')."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
    for i, line in enumerate(lines[:40]):
        if (
            line.upper() == line
            and fold(line).upper().strip() in _TYPE_HEADINGS
            and i + 1 < len(lines)
        ):
            following = []
            for nxt in lines[i + 1 : i + 5]:
                if len(" ".join(following + [nxt])) > 300 or _BODY_STARTS.match(nxt):
                    break
                following.append(nxt)
                if nxt.endswith((".", ":")):
                    break
            rest = " ".join(following)
            if rest[1:2].islower():  # "Kết quả …" -> "kết quả …", but keep "UBND", "KTXH"
                rest = rest[:1].lower() + rest[1:]
            return excerpt(f"{line.capitalize()} {rest}", 250)
    return excerpt(lines[0], 250) if lines else ""


# Where the body begins under a trích yếu that has no closing period: the usual openers, a
# separator line, a numbered or Roman-numbered section heading.
_BODY_STARTS = re.compile(
    r"(?:Căn cứ|Kính gửi|Thực hiện|Theo đề nghị|Xét đề nghị)\b"
    r"|[-_–—*=.\s]{3,}$"
    r"|(?:[IVXLC]+|\d{1,2})[.)]\s"
)

_TYPE_HEADINGS = {
    fold(name).upper()
    for name in (
        "Báo cáo",
        "Quyết định",
        "Kế hoạch",
        "Thông báo",
        "Tờ trình",
        "Nghị quyết",
        "Chỉ thị",
        "Chương trình",
        "Hướng dẫn",
        "Thông tư",
        "Nghị định",
        "Công điện",
    )
}


def match_vocabulary(model, text: str):
    """Match a suggested name to an existing entry, ignoring case and diacritics."""
    if not text:
        return None
    wanted = fold(text).lower().strip()
    for item in model.objects.all():
        if fold(item.name).lower() == wanted:
            return item
    return None


def sync_file_visibility() -> None:
    """Keep FileDocument.is_public equal to 'a reader may download it' after any change."""
    public = FileDocument.objects.filter(id__in=public_file_ids()) | FileDocument.objects.filter(
        marked_public=True
    )
    FileDocument.objects.filter(is_public=True).exclude(id__in=public.values("id")).update(
        is_public=False
    )
    public.filter(is_public=False).update(is_public=True)


def add_trust_anchor(data: str | bytes, *, name: str = "", user=None) -> tuple[TrustAnchor, bool]:
    """Idempotent: the same certificate twice gives the existing anchor (created=False)."""
    info = signatures.parse_certificate(data)
    existing = TrustAnchor.objects.filter(fingerprint_sha256=info.fingerprint).first()
    if existing:
        return existing, False
    from asn1crypto import pem

    pem_text = pem.armor("CERTIFICATE", info.der).decode()
    anchor = TrustAnchor.objects.create(
        name=(name or info.subject)[:255],
        certificate_pem=pem_text,
        subject=info.subject[:500],
        fingerprint_sha256=info.fingerprint,
        valid_from=info.valid_from,
        valid_until=info.valid_until,
        created_by=user,
    )
    return anchor, True


def _purge_pages() -> None:
    from congso.core.pagecache import purge_all

    # After commit, as congso.core.signals does: a purge inside add_document's transaction
    # would let a reader's request cache the old page under the new generation.
    transaction.on_commit(purge_all)


def _reindex_pages_of(file: FileDocument) -> None:
    """Search indexes the files' text through search_payload; tell it the text is ready."""
    try:
        from congso.search.services import reindex_page
    except ImportError:
        return
    for page in OfficialDocumentPage.objects.filter(attachments__file=file).live():
        try:
            reindex_page(page)
        except Exception:  # noqa: BLE001 - search being down must not lose the extraction
            logger.exception("reindexing page %s failed", page.pk)
