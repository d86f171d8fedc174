"""GET /api/v1/organisation: the agency's units with their public contacts and the contact
officials of each (Decree 42/2022 art. 4.1(e)), as the organisation page shows them.

Only what that page already shows readers: a unit's name, functions and contacts; an
official's name, position, work phone and e-mail; a leader's photo and assigned duties (the
page shows those for leaders only). Units are one list for the whole installation (the model
has no site), so there is no `site` filter; addresses (photos, links in the functions) are on
the default Site's address (docs/decisions/0020-content-api.md).
"""

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from congso.core import api_params as p
from congso.core.api_params import BadParameter, InvalidParameters, Message
from congso.core.models import CongsoImage
from congso.organisation.models import Official, Unit

router = Router(tags=["Tổ chức bộ máy"])
# The rendition the organisation page shows for a leader's photo.
PHOTO_SPEC = "fill-160x200"


class PhotoOut(Schema):
    url: str
    width: int
    height: int


class OfficialOut(Schema):
    id: int
    name: str
    position: str
    position_en: str
    phone: str
    email: str = Field(description="Thư điện tử công vụ")
    is_leader: bool = Field(description="Lãnh đạo cơ quan")
    duties: str = Field(description="Nhiệm vụ được phân công (chỉ với lãnh đạo, như trang)")
    photo: PhotoOut | None = Field(description="Ảnh (chỉ với lãnh đạo, như trang)")


class UnitOut(Schema):
    id: int
    name: str
    name_en: str
    kind: str = Field(description="leadership | division | attached")
    kind_label: str
    parent: int | None = Field(description="Mã đơn vị cấp trên; null với đơn vị cấp cao nhất")
    functions: str = Field(description="Chức năng, nhiệm vụ (HTML, liên kết tuyệt đối)")
    functions_en: str
    address: str
    phone: str
    email: str
    officials: list[OfficialOut] = Field(description="Cán bộ đầu mối của đơn vị")


class UnitPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[UnitOut]


class OrganisationParams(Schema):
    page: str = Field("", description="Trang, từ 1 (mặc định 1)")
    page_size: str = Field(
        "", description=f"Số đơn vị mỗi trang, 1–{p.MAX_PAGE_SIZE} (mặc định 20)"
    )


def _tree_order(units: list[Unit]) -> list[Unit]:
    """Each unit followed by its sub-units, siblings in the editors' order: the page's chart
    order. Units are a few dozen rows, read once; a unit whose parent chain loops (the admin
    does not forbid it) is still listed, after the others."""
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered, seen = [], set()

    def walk(parent_id):
        for unit in children.get(parent_id, []):
            if unit.pk not in seen:
                seen.add(unit.pk)
                ordered.append(unit)
                walk(unit.pk)

    walk(None)
    ordered.extend(unit for unit in units if unit.pk not in seen)
    return ordered


def _photo(official: Official, base: str) -> dict | None:
    if not official.is_leader or official.photo is None:
        return None
    try:
        rendition = official.photo.get_rendition(PHOTO_SPEC)
    except SourceImageIOError:
        return None
    return {
        "url": p.absolute(base, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def _official(official: Official, base: str) -> dict:
    return {
        "id": official.pk,
        "name": official.name,
        "position": official.position,
        "position_en": official.position_en,
        "phone": official.phone,
        "email": official.email,
        "is_leader": official.is_leader,
        "duties": official.duties if official.is_leader else "",
        "photo": _photo(official, base),
    }


@router.get(
    "",
    response={200: UnitPage, 400: Message, 422: InvalidParameters},
    summary="Cơ cấu tổ chức: đơn vị, liên hệ và cán bộ đầu mối",
    url_name="organisation",
)
def list_units(request, params: Query[OrganisationParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    # Parents only: the page of units is cut from the tree order, then its officials are read.
    ordered = _tree_order(list(Unit.objects.only("pk", "parent_id").order_by("sort_order", "name")))
    start = (page - 1) * page_size
    page_ids = [unit.pk for unit in ordered[start : start + page_size]]
    officials = Official.objects.order_by("sort_order", "name").prefetch_related(
        Prefetch("photo", queryset=CongsoImage.objects.prefetch_renditions(PHOTO_SPEC))
    )
    units = {
        unit.pk: unit
        for unit in Unit.objects.filter(pk__in=page_ids).prefetch_related(
            Prefetch("officials", queryset=officials)
        )
    }
    base = p.default_base()
    results = []
    for unit_id in page_ids:
        unit = units[unit_id]
        results.append(
            {
                "id": unit.pk,
                "name": unit.name,
                "name_en": unit.name_en,
                "kind": unit.kind,
                "kind_label": str(unit.get_kind_display()),
                "parent": unit.parent_id,
                "functions": p.absolute_html(base, expand_db_html(unit.functions)),
                "functions_en": p.absolute_html(base, expand_db_html(unit.functions_en)),
                "address": unit.address,
                "phone": unit.phone,
                "email": unit.email,
                "officials": [_official(o, base) for o in unit.officials.all()],
            }
        )
    return {"count": len(ordered), "page": page, "page_size": page_size, "results": results}
