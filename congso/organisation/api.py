"""GET /api/v1/agencies: the agencies that receive dossiers, in the API's list shape."""

from ninja import Field, Query, Router, Schema, Status

from congso.organisation.models import Agency

router = Router(tags=["Cơ quan"])
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


class AgencyOut(Schema):
    identifier: str = Field(description="Mã định danh điện tử, ví dụ 000.00.12.H56")
    name: str
    level: str = Field(description="province | commune (district: dữ liệu trước 2025)")
    parent: str | None = Field(description="Mã định danh của cơ quan cấp trên")


class AgencyPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[AgencyOut]


class Message(Schema):
    detail: str


class AgencyParams(Schema):
    # Text, checked below: a bad value gets a 400 with a Vietnamese message, not ninja's 422.
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(
        str(DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{MAX_PAGE_SIZE}"
    )


def _positive(text: str, upper: int) -> int | None:
    text = text.strip()
    # isdigit() accepts "²", which int() refuses: only ASCII digits are a number here.
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= upper:
        return None
    return int(text)


def _refuse(detail: str) -> Status:
    return Status(400, {"detail": detail})


@router.get(
    "",
    response={200: AgencyPage, 400: Message},
    summary="Danh sách cơ quan giải quyết thủ tục hành chính",
    url_name="agencies",
)
def list_agencies(request, params: Query[AgencyParams]):
    page = _positive(params.page, 100_000)
    if page is None:
        return _refuse("Tham số page phải là số nguyên dương.")
    page_size = _positive(params.page_size, MAX_PAGE_SIZE)
    if page_size is None:
        return _refuse(f"Tham số page_size phải là số nguyên từ 1 đến {MAX_PAGE_SIZE}.")
    agencies = Agency.objects.select_related("parent").order_by("identifier")
    start = (page - 1) * page_size
    results = [
        {
            "identifier": agency.identifier,
            "name": agency.name,
            "level": agency.level,
            "parent": agency.parent.identifier if agency.parent_id else None,
        }
        for agency in agencies[start : start + page_size]
    ]
    return {"count": agencies.count(), "page": page, "page_size": page_size, "results": results}
