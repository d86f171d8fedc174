"""The shapes of /api/v1/dossiers: what a dossier looks like to the mobile apps and the agencies'
integration systems, and the request bodies as OpenAPI documents them.

Bodies are read by hand (api_dossiers.read_json), not by ninja's schema binding, so that a bad
value is a 400 with a Vietnamese message field by field, never ninja's 422 (the API's contract);
the JSON Schemas below only document them.

`status` is always the national status code (integer); `status_text` is the citizen's words for
it. Times are ISO 8601 in Vietnam time (+07:00).
"""

import datetime as dt
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from congso.dossiers.calendar import VN
from congso.dossiers.models import DossierFile
from congso.dossiers.services import records
from congso.dossiers.services.access import roles_in
from congso.dossiers.slips import FORM_TITLES
from congso.dossiers.status import Action, Status, citizen_text
from congso.dossiers.views.files import can_read_file, can_read_slip

APPLICANT_ROLE = "applicant"


class Message(Schema):
    detail: str = Field(description="Lời nhắn bằng tiếng Việt")


class Refusal(Schema):
    """A 400: the message, and what is wrong field by field (empty when no field is to blame)."""

    detail: str = Field(description="Lời nhắn bằng tiếng Việt")
    errors: dict[str, Any] = Field(description="Lỗi theo từng trường: tên trường → lời nhắn")


class ComponentOut(Schema):
    id: int
    name: str
    required: bool
    copies: str
    form_schema: dict | None = Field(description="Biểu mẫu điện tử (JSON Schema), nếu có")


class FileOut(Schema):
    id: int
    name: str
    kind: str = Field(description="component | supplement | result")
    component: int | None
    content_type: str
    size: int
    sha256: str
    uploaded_at: str
    url: str = Field(description="Địa chỉ tải tệp (cần đăng nhập hoặc mã truy cập)")


class DocumentOut(Schema):
    type: str = Field(description="slip (phiếu 01–05) | result (tệp kết quả)")
    form: str | None = Field(description="Số mẫu phiếu (01–05), với type = slip")
    name: str
    created_at: str
    url: str


class EventOut(Schema):
    at: str
    action: str
    action_text: str
    from_status: int | None
    to_status: int | None
    status_text: str
    actor: str
    role: str
    note: str
    public: bool = Field(description="Người nộp hồ sơ có thấy dòng này không")


class ResultOut(Schema):
    number: str
    date: str | None
    signer: str
    note: str


class DossierOut(Schema):
    id: int
    code: str | None = Field(description="Mã hồ sơ, có sau khi tiếp nhận")
    reference: str = Field(description="Số tham chiếu (UUID) dùng trước khi có mã hồ sơ")
    status: int = Field(description="Mã trạng thái quốc gia: 0 nháp, 1 mới đăng ký … 10")
    status_text: str
    procedure: str = Field(description="Mã thủ tục")
    procedure_name: str
    agency: str = Field(description="Mã định danh điện tử của cơ quan giải quyết")
    agency_name: str
    channel: int = Field(description="1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích")
    summary: str
    applicant: dict[str, str]
    form_data: dict
    created_at: str | None
    submitted_at: str | None
    received_at: str | None
    due_at: str | None
    legal_due_at: str | None
    finished_at: str | None
    returned_at: str | None
    current_step: str
    assignee: str | None = Field(description="Tên đăng nhập của cán bộ được giao (cán bộ xem)")
    components: list[ComponentOut]
    files: list[FileOut]
    documents: list[DocumentOut]
    result: ResultOut | None
    supplement_reason: str | None = Field(description="Nội dung đang yêu cầu bổ sung")
    rating: dict | None
    secret: str | None = Field(description="Mã bí mật tra cứu (chỉ người nộp, sau khi nộp)")
    tracking_url: str | None
    events: list[EventOut] | None = Field(
        None, description="Nhật ký xử lý: chỉ có ở GET /api/v1/dossiers/{id}"
    )


class DossierSummary(Schema):
    id: int
    code: str | None
    reference: str
    status: int
    status_text: str
    procedure: str
    procedure_name: str
    agency: str
    applicant_name: str
    submitted_at: str | None
    received_at: str | None
    due_at: str | None


class DossierPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DossierSummary]


def iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(VN).replace(microsecond=0).isoformat()
    return value.isoformat()


def absolute(path: str) -> str:
    from congso.core.site_address import site_url

    return site_url(path)


def file_out(stored) -> dict:
    return {
        "id": stored.pk,
        "name": stored.name,
        "kind": stored.kind,
        "component": stored.component_id,
        "content_type": stored.content_type,
        "size": stored.size,
        "sha256": stored.sha256,
        "uploaded_at": iso(stored.uploaded_at),
        "url": absolute(reverse("dossiers:file", args=[stored.pk])),
    }


def _documents(dossier, user) -> list[dict]:
    """The slips and result files `user` may download, with absolute addresses."""
    documents = [
        {
            "type": "slip",
            "form": slip.form,
            "name": FORM_TITLES.get(slip.form, slip.form),
            "created_at": iso(slip.created_at),
            "url": absolute(reverse("dossiers:slip", args=[slip.pk])),
        }
        for slip in dossier.slips.all()
        if can_read_slip(user, slip)
    ]
    for stored in dossier.files.filter(kind=DossierFile.Kind.RESULT, superseded=False):
        if can_read_file(user, stored):
            documents.append(
                {
                    "type": "result",
                    "form": None,
                    "name": stored.name,
                    "created_at": iso(stored.uploaded_at),
                    "url": absolute(reverse("dossiers:file", args=[stored.pk])),
                }
            )
    return documents


def event_out(event) -> dict:
    return {
        "at": iso(event.at),
        "action": event.action,
        "action_text": str(Action(event.action).label) if event.action in Action else "",
        "from_status": event.from_status,
        "to_status": event.to_status,
        "status_text": citizen_text(event.to_status) if event.to_status is not None else "",
        "actor": event.actor_name,
        "role": event.role,
        "note": event.note,
        "public": event.public,
    }


def dossier_out(dossier, user, *, with_events: bool = False) -> dict:
    """The dossier as its owner or its agency's staff see it (the caller checked visibility)."""
    staff = bool(roles_in(user, dossier.agency))
    owner = user.is_authenticated and dossier.owner_id == user.pk
    files = [
        stored
        for stored in dossier.files.filter(superseded=False).exclude(kind=DossierFile.Kind.RESULT)
        if staff or can_read_file(user, stored)
    ]
    result = None
    if dossier.result_number:
        result = {
            "number": dossier.result_number,
            "date": iso(dossier.result_date),
            "signer": dossier.result_signer,
            "note": dossier.result_note,
        }
    open_request = None
    if dossier.status == Status.SUPPLEMENT:
        open_request = dossier.supplements.filter(completed_at__isnull=True).last()
    rating = getattr(dossier, "rating", None) if dossier.status == Status.RETURNED else None
    submitted = dossier.status != Status.DRAFT
    out = {
        "id": dossier.pk,
        "code": dossier.code,
        "reference": str(dossier.reference),
        "status": int(dossier.status),
        "status_text": dossier.status_text,
        "procedure": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "agency": dossier.agency.identifier,
        "agency_name": dossier.agency.name,
        "channel": dossier.channel,
        "summary": dossier.summary,
        "applicant": {
            "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        },
        "form_data": dossier.form_data or {},
        "created_at": iso(dossier.created_at),
        "submitted_at": iso(dossier.submitted_at),
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "legal_due_at": iso(dossier.legal_due_at),
        "finished_at": iso(dossier.finished_at),
        "returned_at": iso(dossier.returned_at),
        "current_step": dossier.current_step,
        "assignee": dossier.assignee.get_username() if staff and dossier.assignee_id else None,
        "components": [
            {
                "id": component.pk,
                "name": component.name,
                "required": component.required,
                "copies": component.copies,
                "form_schema": component.form_schema or None,
            }
            for component in dossier.procedure.components.all()
        ],
        "files": [file_out(stored) for stored in files],
        "documents": _documents(dossier, user),
        "result": result,
        "supplement_reason": open_request.reason if open_request else None,
        "rating": {"score": rating.score, "comment": rating.comment} if rating else None,
        "secret": records.tracking_secret(dossier) if owner and submitted else None,
        "tracking_url": records.tracking_url(dossier) if submitted else None,
    }
    if with_events:
        events = dossier.events.all()
        if not staff:
            events = events.filter(public=True)
        out["events"] = [event_out(event) for event in events]
    return out


def summary_out(dossier) -> dict:
    return {
        "id": dossier.pk,
        "code": dossier.code,
        "reference": str(dossier.reference),
        "status": int(dossier.status),
        "status_text": dossier.status_text,
        "procedure": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "agency": dossier.agency.identifier,
        "applicant_name": dossier.applicant_name,
        "submitted_at": iso(dossier.submitted_at),
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
    }


# Request bodies, for the OpenAPI document only (see the module's docstring).
_TEXT = {"type": "string"}
CREATE_BODY = {
    "type": "object",
    "required": ["procedure", "applicant"],
    "properties": {
        "procedure": {"type": "string", "description": "Mã thủ tục"},
        "agency": {
            "type": "string",
            "description": "Mã định danh cơ quan; bắt buộc khi thủ tục có nhiều cơ quan thực hiện",
        },
        "applicant": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": _TEXT,
                "id_number": {"type": "string", "description": "12 chữ số (CMND: 9)"},
                "phone": _TEXT,
                "email": _TEXT,
                "address": _TEXT,
            },
        },
        "summary": _TEXT,
        "form_data": {
            "type": "object",
            "description": "Dữ liệu tờ khai điện tử, theo mã (id) thành phần hồ sơ",
        },
    },
}
FILE_BODY = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "component": {
            "type": "integer",
            "description": "Mã (id) thành phần hồ sơ; bỏ trống với tệp bổ sung hoặc tệp kết quả",
        },
        "file": {"type": "string", "format": "binary", "description": "PDF, JPG, PNG, DOCX, XLSX"},
    },
}


def action_body(fields: dict) -> dict:
    required = [name for name, (_, needed, _) in fields.items() if needed]
    schema = {
        "type": "object",
        "properties": {
            name: {"type": kind, "description": text} for name, (kind, _, text) in fields.items()
        },
    }
    if required:
        schema["required"] = required
    return schema
