"""GET /api/v1/documents and /api/v1/documents/{id}: published, public documents only.

Anything else does not exist for the API (404), whoever asks: the API is a public channel
(Circular 22/2023), editors work in the admin.
"""

from datetime import date, datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema

from congso.core.site_address import site_url
from congso.documents.models import LegalStatus
from congso.documents.querysets import SORTS, DocumentFilter, cached_count, published_documents

router = Router(tags=["Văn bản"])
MAX_PAGE_SIZE = 100


class SignatureOut(Schema):
    signer: str
    organization: str
    email: str
    signed_at: datetime | None = Field(None, description="Thời điểm ký (ISO 8601)")
    timestamp_at: datetime | None = Field(None, description="Thời điểm trong dấu thời gian, nếu có")
    intact: bool = Field(..., description="Nội dung không bị thay đổi kể từ khi ký")
    permitted_updates: bool = Field(..., description="Có cập nhật bổ sung được phép sau chữ ký")
    trusted: bool = Field(..., description="Chuỗi chứng thư dẫn tới chứng thư gốc tin cậy")
    status: str = Field(..., description="valid | untrusted | modified | invalid")
    issuer: str


class FileOut(Schema):
    id: int
    title: str
    url: str
    extension: str
    size: int | None
    page_count: int | None
    signature_status: str
    signatures: list[SignatureOut]


class DocumentSummary(Schema):
    id: int
    url: str
    title: str
    number: str
    type: str
    agency: str
    field: str
    signer: str
    issue_date: date | None
    effective_date: date | None
    legal_status: str
    legal_status_label: str
    signature_status: str


class DocumentDetail(DocumentSummary):
    summary: str
    recipients: str
    signer_position: str
    signer_name: str
    expiry_date: date | None
    files: list[FileOut]
    signatures: list[SignatureOut]


class DocumentPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DocumentSummary]


class Message(Schema):
    detail: str | list


class ListParams(Schema):
    type: str | None = Field(None, description="Mã (slug) loại văn bản, ví dụ bao-cao")
    agency: str | None = Field(None, description="Mã (slug) cơ quan ban hành")
    field: str | None = Field(None, description="Mã (slug) lĩnh vực")
    year: int | None = Field(None, ge=1900, le=2999, description="Năm ban hành")
    signer: str | None = Field(None, max_length=200, description="Tên người ký")
    status: LegalStatus | None = Field(None, description="Tình trạng hiệu lực")
    q: str | None = Field(
        None, max_length=200, description="Số/ký hiệu chính xác, ví dụ 273/BC-STTTT"
    )
    sort: str = Field("moi-nhat", pattern="^(" + "|".join(SORTS) + ")$")
    page: int = Field(1, ge=1, le=100000)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


def _summary(doc, request) -> dict:
    return {
        "id": doc.pk,
        "url": doc.get_full_url(request),
        "title": doc.title,
        "number": doc.number,
        "type": doc.doc_type.name if doc.doc_type_id else "",
        "agency": doc.agency.name if doc.agency_id else "",
        "field": doc.field.name if doc.field_id else "",
        "signer": doc.signer_display,
        "issue_date": doc.issue_date,
        "effective_date": doc.effective_date,
        "legal_status": doc.legal_status,
        "legal_status_label": doc.get_legal_status_display(),
        "signature_status": doc.signature_state,
    }


@router.get("", response={200: DocumentPage, 422: Message}, summary="Danh sách văn bản đã công bố")
def list_documents(request, params: Query[ListParams]):
    raw = {
        k: v for k, v in params.dict().items() if v is not None and k not in {"page", "page_size"}
    }
    doc_filter = DocumentFilter.from_params(raw, english=True)
    qs = doc_filter.apply(published_documents()).prefetch_related("attachments__file")
    start = (params.page - 1) * params.page_size
    documents = list(qs[start : start + params.page_size])
    return {
        "count": cached_count(qs, doc_filter, "api"),
        "page": params.page,
        "page_size": params.page_size,
        "results": [_summary(doc, request) for doc in documents],
    }


@router.get(
    "/{document_id}",
    response={200: DocumentDetail, 404: Message, 422: Message},
    summary="Chi tiết văn bản, tệp và chữ ký số",
)
def get_document(request, document_id: int):
    # Beyond the primary key range is simply "not found", not a database error.
    # Prefetched once: the loop below and doc.signature_state (in _summary) both read them.
    documents = published_documents().prefetch_related("attachments__file__signatures")
    doc = documents.filter(pk=document_id).first() if 0 < document_id < 2**63 else None
    if doc is None:
        raise Http404("Không tìm thấy văn bản.")
    files = []
    all_signatures = []
    for attachment in doc.attachments.all():
        file = attachment.file
        sigs = [
            {
                "signer": s.signer,
                "organization": s.organization,
                "email": s.email,
                "signed_at": s.signed_at,
                "timestamp_at": s.timestamp_at,
                "intact": s.intact,
                "permitted_updates": s.permitted_updates,
                "trusted": s.trusted,
                "status": s.status,
                "issuer": s.issuer,
            }
            for s in file.signatures.all()
        ]
        all_signatures.extend(sigs)
        files.append(
            {
                "id": file.pk,
                "title": attachment.display_name,
                "url": site_url(file.url, request),
                "extension": file.file_extension,
                "size": file.file_size,
                "page_count": file.page_count,
                "signature_status": file.signature_state,
                "signatures": sigs,
            }
        )
    return {
        **_summary(doc, request),
        "summary": doc.summary,
        "recipients": doc.recipients,
        "signer_position": doc.signer_position,
        "signer_name": doc.signer_name,
        "expiry_date": doc.expiry_date,
        "files": files,
        "signatures": all_signatures,
    }
