"""GET /api/v1/agencies: the agencies that receive dossiers, in the API's list shape."""

from ninja import Field, Query, Router, Schema

from congso.core import api_params as p
from congso.core.api_params import BadParameter, Message
from congso.organisation.models import Agency

router = Router(tags=["Cơ quan"])


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


class AgencyParams(Schema):
    # Text, checked below: a bad value gets a 400 with a Vietnamese message, not ninja's 422.
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(
        str(p.DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE}"
    )


@router.get(
    "",
    response={200: AgencyPage, 400: Message},
    summary="Danh sách cơ quan giải quyết thủ tục hành chính",
    url_name="agencies",
)
def list_agencies(request, params: Query[AgencyParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    agencies = Agency.objects.select_related("parent").order_by("identifier")
    results = [
        {
            "identifier": agency.identifier,
            "name": agency.name,
            "level": agency.level,
            "parent": agency.parent.identifier if agency.parent_id else None,
        }
        for agency in p.page_slice(agencies, page, page_size)
    ]
    return {"count": agencies.count(), "page": page, "page_size": page_size, "results": results}
