"""GET /api/v1/drafts and /api/v1/drafts/{id}: drafts open (or once open) for public comment.

Live, public drafts only; comment counts are of approved comments; no e-mail address, no
pending comment text, ever. Addresses are absolute on the draft's own Site record.
"""

import re
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from congso.core.api_params import InvalidParameters
from congso.drafts import querysets as q
from congso.drafts.models import DraftComment, DraftPage

router = Router(tags=["Dự thảo lấy ý kiến"])
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE = 20, 100, 100_000
MAX_ID = 2**63 - 1
STATUSES = ("open", "closed", "all")
_ABSOLUTE_LINK = re.compile(r"""\b(href|src)=(["'])(/(?!/)[^"']*)\2""")
_HOST_PORT = re.compile(r"^(?P<host>[^:\s]+):(?P<port>\d{1,5})$")


class Message(Schema):
    detail: str


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
        str(DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{MAX_PAGE_SIZE}"
    )


class BadParameter(Exception):
    pass


def _clean(value: str) -> str:
    return "".join(ch for ch in (value or "") if ch.isprintable()).strip()[:200]


def _positive(value: str, upper: int, name: str, default: int) -> int:
    value = _clean(value)
    if not value:
        return default
    # isdigit() accepts "²", which int() refuses: only ASCII digits are a number here.
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= upper:
        raise BadParameter(f"Tham số {name} phải là số nguyên từ 1 đến {upper}.")
    return int(value)


def _sites(value: str) -> list[Site]:
    value = _clean(value).lower()
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "pk")
    if not value:
        return list(sites)
    match = _HOST_PORT.match(value)
    if value.isascii() and value.isdigit() and len(value) < 18:
        found = list(sites.filter(pk=int(value)))
    elif match:
        found = list(sites.filter(hostname=match["host"], port=int(match["port"])))
    else:
        found = list(sites.filter(hostname=value))
    if not found:
        raise BadParameter(
            f"Không có trang thông tin nào là “{value}”; tham số site nhận tên miền, "
            "tên miền:cổng hoặc mã số trang."
        )
    return found


def _under(sites: list[Site]) -> Q:
    condition = Q(pk__in=[])
    for site in sites:
        condition |= Q(path__startswith=site.root_page.path)
    return condition


def _absolute(base: str, url: str) -> str:
    return base.rstrip("/") + url if url.startswith("/") and not url.startswith("//") else url


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
    return q.published_drafts().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))


@router.get(
    "",
    response={200: DraftListOut, 400: Message},
    summary="Danh sách dự thảo lấy ý kiến",
    url_name="drafts",
)
def list_drafts(request, params: Query[DraftParams]):
    try:
        page = _positive(params.page, MAX_PAGE, "page", 1)
        page_size = _positive(params.page_size, MAX_PAGE_SIZE, "page_size", DEFAULT_PAGE_SIZE)
        status = _clean(params.status).lower() or "all"
        if status not in STATUSES:
            raise BadParameter("Tham số status chỉ nhận open, closed hoặc all.")
        sites = _sites(params.site)
    except BadParameter as error:
        return Status(400, {"detail": str(error)})
    drafts = q.with_counts(q.ordered(q.with_status(_live().filter(_under(sites)), status)))
    drafts = drafts.select_related("drafting_unit")
    start = (page - 1) * page_size
    results = [_draft(draft, draft.comment_count) for draft in drafts[start : start + page_size]]
    return {"count": drafts.count(), "page": page, "page_size": page_size, "results": results}


@router.get(
    "/{draft_id}",
    response={200: DraftDetailOut, 404: Message, 422: InvalidParameters},
    summary="Một dự thảo lấy ý kiến, với các phần và số góp ý",
    url_name="draft",
)
def get_draft(request, draft_id: int):
    if not 0 < draft_id < MAX_ID:
        return Status(404, {"detail": "Không tìm thấy dự thảo lấy ý kiến này."})
    draft = _live().filter(pk=draft_id).select_related("drafting_unit").first()
    if draft is None:
        return Status(404, {"detail": "Không tìm thấy dự thảo lấy ý kiến này."})
    counts = q.section_counts(draft)
    sections = list(draft.sections.all())
    known = {s.pk for s in sections}
    general = sum(n for key, n in counts.items() if key not in known)
    site = draft.get_site()
    base = site.root_url if site else ""
    files = [
        {
            "title": item.display_name,
            "url": _absolute(base, item.file.url),
            "extension": item.file.file_extension.lower(),
            "signature_state": item.file.signature_state,
        }
        for item in draft.files.select_related("file")
    ]
    approved = Count("pk", filter=Q(status=DraftComment.Status.APPROVED))
    total = DraftComment.objects.filter(page=draft).aggregate(n=approved)["n"]
    return {
        **_draft(draft, total),
        "how_to_comment": _ABSOLUTE_LINK.sub(
            lambda m: f"{m[1]}={m[2]}{base.rstrip('/')}{m[3]}{m[2]}",
            expand_db_html(draft.how_to_comment),
        ),
        "sections": [
            {"id": s.pk, "title": s.title, "text": s.text, "comment_count": counts.get(s.pk, 0)}
            for s in sections
        ],
        "files": files,
        "general_comment_count": general,
    }
