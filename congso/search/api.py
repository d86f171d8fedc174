"""GET /api/v1/search: the same search as the results page, as JSON."""

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from . import querysets
from .params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parse_params
from .views import site_tree_path

router = Router(tags=["Tìm kiếm"])


class SearchResult(Schema):
    title: str
    url: str = Field(description="Đường dẫn công khai của trang, ví dụ /tin-tuc/chuyen-doi-so/…")
    type: str = Field(
        description='"article" (tin bài), "page" (trang), "document" (văn bản) hoặc'
        ' "procedure" (thủ tục hành chính)'
    )
    snippet: str = Field(description="Đoạn trích HTML đã escape; các từ khớp nằm trong <mark>")
    date: dt.date | None


class SearchResponse(Schema):
    results: list[SearchResult]
    total: int
    page: int


class SearchError(Schema):
    detail: str


class SearchValidationError(Schema):
    """Parameters of the wrong type (e.g. page_size=abc): a Vietnamese sentence, and django-ninja's
    details per parameter (congso/api/api.py)."""

    detail: str
    errors: list[dict]


# A date, or empty for "no bound" (an HTML form sends from=&to= when its date inputs are left
# empty): the schema says so, so clients and schemathesis know the empty value is valid.
OPTIONAL_DATE = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]
}


class SearchQuery(Schema):
    q: str = Field("", description='Từ khóa, có dấu hoặc không dấu; "…" để tìm đúng cụm từ')
    type: str = Field(
        "",
        description="article | page | document | procedure",
        json_schema_extra={"enum": ["", "article", "page", "document", "procedure"]},
    )
    category: str = Field("", description="Đường dẫn (slug) chuyên mục")
    date_from: str = Field(
        "",
        alias="from",
        description=(
            "Từ ngày, YYYY-MM-DD (cũng nhận DD/MM/YYYY). Bỏ trống (from=) nghĩa là không giới"
            " hạn, như ô ngày để trống của trang kết quả. Từ ngày đứng sau đến ngày → 400."
        ),
        json_schema_extra=OPTIONAL_DATE,
    )
    date_to: str = Field(
        "",
        alias="to",
        description="Đến ngày, tính cả ngày đó; bỏ trống (to=) nghĩa là không giới hạn.",
        json_schema_extra=OPTIONAL_DATE,
    )
    page: int = Field(1, ge=1, le=100)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get(
    "",
    response={200: SearchResponse, 400: SearchError, 422: SearchValidationError},
    summary="Tìm kiếm tin bài, trang, văn bản và thủ tục hành chính",
    url_name="search",
)
def search(request: HttpRequest, filters: Query[SearchQuery]):
    params = parse_params(
        {
            "q": filters.q,
            "type": filters.type,
            "category": filters.category,
            "from": filters.date_from,
            "to": filters.date_to,
            "page": filters.page,
            "page_size": filters.page_size,
        }
    )
    blocking = [e for e in params.errors if not e.startswith("Từ khóa quá dài")]
    if blocking:
        return Status(400, {"detail": " ".join(blocking)})
    found = querysets.search(
        params.q, params.filters(site_tree_path(request)), params.page, params.page_size
    )
    return Status(
        200,
        {
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "type": hit.type,
                    "snippet": hit.snippet_html,
                    "date": timezone.localtime(hit.date).date() if hit.date else None,
                }
                for hit in found.hits
            ],
            "total": found.total,
            "page": found.page,
        },
    )
