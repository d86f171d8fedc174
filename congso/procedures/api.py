"""GET /api/v1/procedures (filters, the API's list shape) and GET /api/v1/procedures/{code}."""

import datetime as dt

from ninja import Field, Query, Router, Schema

from congso.core import api_params as p
from congso.core.api_params import BadParameter, Message

from .models import Procedure
from .querysets import CatalogueFilter, catalogue

router = Router(tags=["Thủ tục hành chính"])


class FieldOut(Schema):
    code: str
    name: str


class ProcedureSummary(Schema):
    code: str = Field(description="Mã thủ tục, ví dụ 1.004494.000.00.00.H56")
    name: str
    field: FieldOut
    agencies: list[str] = Field(description="Mã định danh các cơ quan thực hiện")
    online_level: str = Field(description="full (toàn trình) | partial (một phần) | none")
    time_limit: int
    time_unit: str = Field(description="working_day | working_hour | day")
    is_sample: bool = Field(description="Dữ liệu mẫu")
    url: str = Field(description="Trang thủ tục trên cổng")


class ComponentOut(Schema):
    id: int
    name: str
    required: bool
    copies: str
    has_form: bool = Field(description="Có biểu mẫu điện tử (JSON Schema)")
    form_schema: dict | None
    template_url: str = Field(description="Tải mẫu đơn; rỗng nếu không có")


class FeeOut(Schema):
    description: str
    amount: int = Field(description="Số tiền, đồng")
    note: str


class LegalBasisOut(Schema):
    number: str
    title: str
    issued_on: dt.date | None
    url: str = Field(description="Trang văn bản trên cổng, nếu có")


class ProcedureDetail(ProcedureSummary):
    channels: list[str] = Field(description="in_person | online | postal")
    steps: str
    conditions: str
    applicants: str
    result: str
    components: list[ComponentOut]
    fees: list[FeeOut]
    legal_basis: list[LegalBasisOut]
    published_at: dt.datetime | None
    effective_from: dt.date | None
    submit_url: str = Field(description="Nộp hồ sơ trực tuyến; rỗng nếu không trực tuyến")


class ProcedurePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ProcedureSummary]


class ProcedureParams(Schema):
    # Text, checked below: a bad value gets a 400 with a Vietnamese message, not ninja's 422.
    field: str = Field("", description="Mã lĩnh vực")
    agency: str = Field("", description="Mã định danh cơ quan thực hiện")
    online_level: str = Field("", description="full | partial | none")
    q: str = Field("", description="Tên hoặc mã, có dấu hoặc không dấu")
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(str(p.DEFAULT_PAGE_SIZE), description=f"1–{p.MAX_PAGE_SIZE}")


def summary(procedure) -> dict:
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": {"code": procedure.field.code, "name": procedure.field.name},
        "agencies": [a.identifier for a in procedure.agencies.all()],
        "online_level": procedure.online_level,
        "time_limit": procedure.time_limit,
        "time_unit": procedure.time_unit,
        "is_sample": procedure.is_sample,
        "url": procedure.get_absolute_url(),
    }


def detail(procedure) -> dict:
    return summary(procedure) | {
        "channels": procedure.channels,
        "steps": procedure.steps,
        "conditions": procedure.conditions,
        "applicants": procedure.applicants,
        "result": procedure.result,
        "components": [
            {
                "id": c.pk,
                "name": c.name,
                "required": c.required,
                "copies": c.copies,
                "has_form": c.has_form,
                "form_schema": c.form_schema or None,
                "template_url": c.template_url,
            }
            for c in procedure.components.all()
        ],
        "fees": [
            {"description": f.description, "amount": f.amount, "note": f.note}
            for f in procedure.fees.all()
        ],
        "legal_basis": [
            {
                "number": ref.number,
                "title": ref.title,
                "issued_on": ref.issued_on,
                "url": ref.document.url if ref.document and ref.document.live else "",
            }
            for ref in procedure.legal_basis.all()
        ],
        "published_at": procedure.published_at,
        "effective_from": procedure.effective_from,
        "submit_url": procedure.submit_url if procedure.is_online else "",
    }


@router.get(
    "",
    response={200: ProcedurePage, 400: Message},
    summary="Danh sách thủ tục hành chính",
    url_name="procedures",
)
def list_procedures(request, params: Query[ProcedureParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    level = params.online_level.strip()
    if level and level not in {"full", "partial", "none"}:
        return p.refuse("Tham số online_level phải là full, partial hoặc none.")
    filters = CatalogueFilter.from_data(
        {"field": params.field, "agency": params.agency, "online_level": level, "q": params.q}
    )
    procedures = catalogue(filters)
    results = [summary(row) for row in p.page_slice(procedures, page, page_size)]
    return {"count": procedures.count(), "page": page, "page_size": page_size, "results": results}


@router.get(
    "/{code}",
    response={200: ProcedureDetail, 404: Message},
    summary="Chi tiết thủ tục hành chính",
    url_name="procedure",
)
def get_procedure(request, code: str):
    procedure = (
        Procedure.objects.published().for_detail().filter(code=code[:64]).first()
        if code.isprintable()  # a NUL would be a 500 on PostgreSQL; no code has one
        else None
    )
    if procedure is None:
        return p.not_found("Không tìm thấy thủ tục hành chính có mã này.")
    return detail(procedure)
