"""GET /api/v1/drafts and /api/v1/drafts/{id}: drafts open (or once open) for public comment.

Live, public drafts only; comment counts are of approved comments; no e-mail address, no
pending comment text, ever. Addresses are absolute on the draft's own Site record.
"""

from datetime import datetime

from django.db.models import Count, Q
from ninja import Field, Query, Router, Schema
from wagtail.rich_text import expand_db_html

from congso.core import api_params as p
from congso.core.api_params import BadParameter, InvalidParameters, Message
from congso.drafts import querysets as q
from congso.drafts.models import DraftComment, DraftPage

router = Router(tags=["Dự thảo lấy ý kiến"])
STATUSES = ("open", "closed", "all")


class SectionOut(Schema):
    id: int
    title: str
    text: str
    comment_count: int = Field(description="Số góp ý đã duyệt cho phần này")


class FileOut(Schema):
    title: str
    url: str = Field(description="Địa chỉ tải tệp, tuyệt đối")
    extension: str
    signature_state: str


class DraftOut(Schema):
    id: int
    title: str
    url: str = Field(description="Địa chỉ tuyệt đối của dự thảo, trên tên miền của trang")
    summary: str
    drafting_body: str
    opens_at: datetime
    closes_at: datetime
    status: str = Field(description="upcoming | open | closed")
    comment_count: int = Field(description="Số góp ý đã duyệt")
    report_published: bool = Field(description="Đã công bố bản tổng hợp, tiếp thu, giải trình")


class DraftDetailOut(DraftOut):
    how_to_comment: str = Field(description="Cách thức góp ý (HTML)")
    sections: list[SectionOut]
    files: list[FileOut]
    general_comment_count: int = Field(description="Số góp ý đã duyệt cho toàn bộ dự thảo")


class DraftListOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[DraftOut]


class DraftParams(Schema):
    # Text, checked below: a bad value gets a 400 with a Vietnamese message.
    site: str = Field(
        "",
        description="Tên miền của trang (ví dụ hatinh.gov.vn), tên miền:cổng hoặc mã số trang; "
        "bỏ trống: mọi trang",
    )
    status: str = Field("all", description="open (đang lấy ý kiến) | closed (đã hết hạn) | all")
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(
        str(p.DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE}"
    )


def _draft(page: DraftPage, count: int) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url() or "",
        "summary": page.summary,
        "drafting_body": page.drafting_body_name,
        "opens_at": page.opens_at,
        "closes_at": page.closes_at,
        "status": page.window_state(),
        "comment_count": count,
        "report_published": page.shows_report,
    }


def _live():
    return q.published_drafts().filter(p.not_expired())


@router.get(
    "",
    response={200: DraftListOut, 400: Message},
    summary="Danh sách dự thảo lấy ý kiến",
    url_name="drafts",
)
def list_drafts(request, params: Query[DraftParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
        status = p.text(params.status).lower() or "all"
        if status not in STATUSES:
            raise BadParameter("Tham số status chỉ nhận open, closed hoặc all.")
        sites = p.sites_for(params.site)
    except BadParameter as error:
        return p.refuse(error)
    drafts = q.with_counts(q.ordered(q.with_status(_live().filter(p.under_sites(sites)), status)))
    drafts = drafts.select_related("drafting_unit")
    results = [
        _draft(draft, draft.comment_count) for draft in p.page_slice(drafts, page, page_size)
    ]
    return {"count": drafts.count(), "page": page, "page_size": page_size, "results": results}


@router.get(
    "/{draft_id}",
    response={200: DraftDetailOut, 404: Message, 422: InvalidParameters},
    summary="Một dự thảo lấy ý kiến, với các phần và số góp ý",
    url_name="draft",
)
def get_draft(request, draft_id: int):
    draft = p.by_id(_live().select_related("drafting_unit"), draft_id)
    if draft is None:
        return p.not_found("Không tìm thấy dự thảo lấy ý kiến này.")
    counts = q.section_counts(draft)
    sections = list(draft.sections.all())
    known = {s.pk for s in sections}
    general = sum(n for key, n in counts.items() if key not in known)
    site = draft.get_site()
    base = site.root_url if site else ""
    files = [
        {
            "title": item.display_name,
            "url": p.absolute(base, item.file.url),
            "extension": item.file.file_extension.lower(),
            "signature_state": item.file.signature_state,
        }
        for item in draft.files.select_related("file")
    ]
    approved = Count("pk", filter=Q(status=DraftComment.Status.APPROVED))
    total = DraftComment.objects.filter(page=draft).aggregate(n=approved)["n"]
    return {
        **_draft(draft, total),
        "how_to_comment": p.absolute_html(base, expand_db_html(draft.how_to_comment)),
        "sections": [
            {"id": s.pk, "title": s.title, "text": s.text, "comment_count": counts.get(s.pk, 0)}
            for s in sections
        ],
        "files": files,
        "general_comment_count": general,
    }
