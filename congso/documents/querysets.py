"""Reading documents: what readers may see, the list filters, and who may download a file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property

from congso.core.pagecache import remember
from congso.documents.models import (
    DocumentAttachment,
    DocumentField,
    DocumentRelation,
    DocumentType,
    FileDocument,
    IssuingAgency,
    LegalStatus,
    OfficialDocumentPage,
    Visibility,
)
from congso.documents.models.files import FileState

SORTS = {
    "moi-nhat": ("-issue_date", "-pk"),
    "cu-nhat": ("issue_date", "pk"),
    "ten": ("title", "pk"),
}
SORT_LABELS = {"moi-nhat": "Mới nhất", "cu-nhat": "Cũ nhất", "ten": "Tên (A–Z)"}
# The worst state wins: one modified signature marks the whole document as modified.
STATE_ORDER = [
    FileState.INVALID,
    FileState.MODIFIED,
    FileState.UNTRUSTED,
    FileState.ERROR,
    FileState.PENDING,
    FileState.VALID,
    FileState.UNSIGNED,
    FileState.NOT_APPLICABLE,
]


def published_documents(index=None) -> QuerySet[OfficialDocumentPage]:
    """Documents any reader may see: live, public and not behind a Wagtail view restriction."""
    qs = OfficialDocumentPage.objects.live().public().filter(visibility=Visibility.PUBLIC)
    if index is not None:
        qs = qs.child_of(index)
    return qs.select_related("doc_type", "agency", "field")


def visible_documents_for(user) -> QuerySet[OfficialDocumentPage]:
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return OfficialDocumentPage.objects.all().select_related("doc_type", "agency", "field")
    return published_documents()


@dataclass
class DocumentFilter:
    """The filters of the list page and the API; bad values are dropped, never an error page."""

    type: str = ""
    agency: str = ""
    field: str = ""
    year: int | None = None
    signer: str = ""
    status: str = ""
    q: str = ""
    sort: str = "moi-nhat"

    # Vietnamese parameter names on the public list page; the API uses the English ones.
    PARAM_NAMES = {
        "type": "loai",
        "agency": "co-quan",
        "field": "linh-vuc",
        "year": "nam",
        "signer": "nguoi-ky",
        "status": "tinh-trang",
        "q": "q",
        "sort": "sap-xep",
    }

    @classmethod
    def from_params(cls, params: Mapping, english: bool = False) -> DocumentFilter:
        values = {}
        for f in fields(cls):
            key = f.name if english else cls.PARAM_NAMES[f.name]
            raw = params.get(key)
            if raw is None:
                continue
            # Control characters (NUL above all) cannot be stored or compared by PostgreSQL.
            text = "".join(ch for ch in str(raw) if ch.isprintable())
            values[f.name] = text.strip()[:200]
        year = values.pop("year", "")
        result = cls(**values)
        if year.isdigit() and 1900 <= int(year) <= 2999:
            result.year = int(year)
        if result.status not in LegalStatus.values:
            result.status = ""
        if result.sort not in SORTS:
            result.sort = "moi-nhat"
        return result

    @property
    def is_active(self) -> bool:
        return any(
            [self.type, self.agency, self.field, self.year, self.signer, self.status, self.q]
        )

    def apply(self, qs: QuerySet) -> QuerySet:
        # Slugs are resolved to ids first, so the filter hits the (fk, issue_date) index
        # instead of joining the vocabulary table and scanning.
        for slug, model, column in (
            (self.type, DocumentType, "doc_type_id"),
            (self.agency, IssuingAgency, "agency_id"),
            (self.field, DocumentField, "field_id"),
        ):
            if slug:
                pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
                if pk is None:
                    return qs.none()
                qs = qs.filter(**{column: pk})
        if self.year:
            # A date range, not __year, so the composite (…, issue_date) indexes are used.
            qs = qs.filter(
                issue_date__gte=date(self.year, 1, 1), issue_date__lte=date(self.year, 12, 31)
            )
        if self.signer:
            qs = qs.filter(signer_name=self.signer)
        if self.status:
            qs = qs.filter(legal_status=self.status)
        if self.q:
            # The number/symbol exactly as written or in capitals: equality on the indexed column.
            # Searching titles and text is the search page's job (an unindexed LIKE '%…%' over
            # 50,000 rows took ~0.9 s).
            number = " ".join(self.q.split())
            qs = qs.filter(Q(number=number) | Q(number=number.upper()))
        return qs.order_by(*SORTS[self.sort])

    def querystring(self, **overrides) -> str:
        data = {}
        for f in fields(self):
            value = overrides.get(f.name, getattr(self, f.name))
            if value and not (f.name == "sort" and value == "moi-nhat"):
                data[self.PARAM_NAMES[f.name]] = value
        return urlencode(data)


def cached_count(qs: QuerySet, doc_filter: DocumentFilter, scope: str = "") -> int:
    """Counting 50,000 joined rows on every list view is the slowest part of the page; counts
    only change on publish, which bumps the page-cache generation, so they are cached per
    generation and filter."""
    digest = hashlib.sha256(doc_filter.querystring(sort="moi-nhat").encode()).hexdigest()[:32]
    return remember(f"documents:count:{scope}:{digest}", qs.count, 3600)


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def paginate_documents(request, qs: QuerySet, doc_filter: DocumentFilter, per_page: int, scope=""):
    paginator = CountedPaginator(qs, per_page, count=cached_count(qs, doc_filter, str(scope)))
    return paginator.get_page(request.GET.get("page"))


def filter_choices() -> dict:
    """Options for the filter form. Years and signers come from published documents, so they are
    cached per page-cache generation (bumped on every publish) instead of scanned per request."""

    def published_years_and_signers() -> dict:
        published = published_documents().order_by()
        years = sorted(
            {d.year for d in published.exclude(issue_date=None).dates("issue_date", "year")},
            reverse=True,
        )
        signers = list(
            published.exclude(signer_name="")
            .values_list("signer_name", flat=True)
            .distinct()
            .order_by("signer_name")[:200]
        )
        return {"years": years, "signers": signers}

    cached = remember("documents:filter-choices", published_years_and_signers, 3600)
    return {
        "types": DocumentType.objects.all(),
        "agencies": IssuingAgency.objects.all(),
        "fields": DocumentField.objects.all(),
        "statuses": LegalStatus.choices,
        "sorts": SORT_LABELS.items(),
        **cached,
    }


def combined_state(states: Iterable[str]) -> str:
    states = set(states)
    for state in STATE_ORDER:
        if state in states:
            return state
    return FileState.NOT_APPLICABLE


def related_documents(page: OfficialDocumentPage, user) -> list[tuple[str, OfficialDocumentPage]]:
    """Both directions: 'Thay thế: X' from this page and 'Bị thay thế bởi: Y' from others."""
    visible = visible_documents_for(user)
    result = []
    for rel in DocumentRelation.objects.filter(page=page, target__in=visible).select_related(
        "target"
    ):
        result.append((rel.get_kind_display(), rel.target))
    incoming = DocumentRelation.objects.filter(target=page, page__in=visible).select_related("page")
    for rel in incoming:
        result.append((rel.reverse_label, rel.page))
    return result


def file_used_by_public_document(file: FileDocument) -> bool:
    documents = published_documents().filter(attachments__file=file)
    return documents.exists()


def file_is_public(file: FileDocument) -> bool:
    return file.marked_public or file_used_by_public_document(file)


def user_can_manage_file(user, file: FileDocument) -> bool:
    """Editors with document permissions, or who may edit a page the file is attached to."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(FileDocument)
    if policy.user_has_any_permission_for_instance(user, ["change", "choose"], file):
        return True
    pages = OfficialDocumentPage.objects.filter(attachments__file=file)
    return any(page.permissions_for_user(user).can_edit() for page in pages)


def user_can_download(user, file: FileDocument) -> bool:
    return file_is_public(file) or user_can_manage_file(user, file)


def public_file_ids() -> QuerySet:
    return DocumentAttachment.objects.filter(page__in=published_documents().order_by()).values(
        "file_id"
    )
