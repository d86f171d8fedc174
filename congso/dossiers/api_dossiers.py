"""/api/v1/dossiers: online dossiers for the mobile apps and the agencies' document-management and
integration systems — the same services as the admin screens (services/filing.py,
services/processing.perform), translated into HTTP.

- Authentication: `Authorization: Bearer <token>` (congso/api/tokens.py); a logged-in browser
  session may read (GET). Tracking is public.
- Errors: `{"detail": "<Vietnamese>"}` with 400 (plus `errors` field by field), 401, 403, 404,
  409, 429. Someone else's dossier is a 404, never a 403: enumerating ids or codes tells
  nothing. Bodies and parameters are read as text and checked here, never ninja's 422.
"""

import functools
import json

from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Field, Query, Router, Schema, Status

from congso.api.tokens import BearerAuth
from congso.core import ratelimit
from congso.dossiers import tracking
from congso.dossiers.api_dossiers_schemas import (
    CREATE_BODY,
    FILE_BODY,
    DossierOut,
    DossierPage,
    FileOut,
    Message,
    Refusal,
    action_body,
    dossier_out,
    file_out,
    iso,
    summary_out,
)
from congso.dossiers.models import Dossier
from congso.dossiers.services import filing
from congso.dossiers.services.access import get_visible, visible_to
from congso.dossiers.services.errors import DossierError, Invalid, NotFound
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Status as DossierStatus
from congso.retention.access import log_staff_access

router = Router(tags=["Hồ sơ dịch vụ công"], auth=BearerAuth())
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100
ERRORS = {400: Refusal, 401: Message, 403: Message, 404: Message, 409: Message}

# Each action: its summary in OpenAPI and its JSON fields (name: (JSON type, required, meaning)).
_REASON = {"reason": ("string", True, "Lý do")}
_NOTE = {"note": ("string", False, "Ghi chú")}
ACTIONS = {
    "submit": ("Nộp hồ sơ (người nộp): trạng thái 1 và mã bí mật tra cứu", {}),
    "receive": ("Tiếp nhận hồ sơ (cán bộ một cửa): cấp mã hồ sơ, tính hạn, phiếu 01", _NOTE),
    "request-supplement": ("Yêu cầu bổ sung hồ sơ (phiếu 02)", _REASON),
    "supplement": ("Bổ sung hồ sơ (người nộp; tệp gửi trước qua /files)", _NOTE),
    "refuse": ("Từ chối tiếp nhận hồ sơ (phiếu 03)", _REASON),
    "assign": (
        "Phân công cán bộ xử lý bước hiện tại",
        {"user": ("string", True, "Tên đăng nhập của cán bộ")},
    ),
    "forward": (
        "Hoàn thành bước của mình, chuyển bước tiếp theo",
        {"user": ("string", False, "Tên đăng nhập cán bộ nhận (tùy chọn)"), **_NOTE},
    ),
    "send-back": ("Trả lại bước trước", _REASON),
    "approve": ("Phê duyệt kết quả (lãnh đạo)", _NOTE),
    "return-result": (
        "Trả kết quả cho người nộp (cán bộ một cửa; tệp kết quả gửi trước qua /files)",
        {
            "result_number": ("string", True, "Số, ký hiệu kết quả"),
            "result_date": ("string", False, "Ngày ban hành, YYYY-MM-DD"),
            "signer": ("string", False, "Người ký"),
            **_NOTE,
        },
    ),
    "apologize": (
        "Xin lỗi và hẹn lại ngày trả kết quả (phiếu 04; một lần)",
        {"new_due_at": ("string", True, "Ngày hẹn mới, ISO 8601"), **_REASON},
    ),
    "stop": ("Dừng xử lý hồ sơ", _REASON),
    "withdraw": ("Rút hồ sơ", {"reason": ("string", False, "Lý do")}),
    "rate": (
        "Đánh giá mức độ hài lòng (người nộp, sau khi nhận kết quả)",
        {"score": ("integer", True, "Điểm 1–5"), "comment": ("string", False, "Nhận xét")},
    ),
    "reopen": ("Mở lại hồ sơ đã kết thúc (lãnh đạo), có lý do", _REASON),
    # congso.payments: docs/payments.md
    "request-payment": (
        "Yêu cầu nộp phí, lệ phí (trạng thái 6): số tiền tính từ các khoản thu của thủ tục",
        {
            "quantity": ("integer", False, "Số lượng cho khoản thu theo số lượng (mặc định 1)"),
            **_NOTE,
        },
    ),
    "confirm-payment": (
        "Xác nhận đã thu phí, lệ phí trực tiếp tại cơ quan",
        {"receipt_number": ("string", False, "Số biên lai"), **_NOTE},
    ),
}
_PYTHON_TYPES = {"string": str, "integer": int}


def answers(view):
    """Turn the services' refusals into their HTTP answers."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DossierError as error:
            body = {"detail": error.detail}
            if error.status == 400:
                body["errors"] = error.fields
            return Status(error.status, body)

    return wrapper


MAX_JSON_DEPTH = 32  # an e-form's data is a few levels deep; thousands only exhaust the stack


def read_json(request) -> dict:
    if not request.body.strip():
        return {}
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise Invalid("Nội dung yêu cầu không phải JSON hợp lệ.")
    if not isinstance(data, dict):
        raise Invalid("Nội dung yêu cầu phải là một đối tượng JSON ({…}).")
    problem = _unstorable(data)
    if problem:
        raise Invalid(problem)
    return data


def _unstorable(data) -> str:
    """What PostgreSQL or the stack could not take (a 500 otherwise): a NUL character anywhere,
    which PostgreSQL can neither store nor compare, or nesting deeper than MAX_JSON_DEPTH.
    Walked with a list, not recursion, so that the check itself cannot exhaust the stack."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            return f"Nội dung yêu cầu lồng nhau quá {MAX_JSON_DEPTH} tầng."
        if isinstance(value, str):
            if "\x00" in value:
                return "Nội dung yêu cầu chứa ký tự NUL (\\u0000), không được chấp nhận."
        elif isinstance(value, dict):
            pending.extend((key, depth) for key in value)
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
    return ""


def check_types(data: dict, fields: dict) -> dict:
    """Only the action's own fields, each of its JSON type (null counts as absent)."""
    errors, kept = {}, {}
    for name, (kind, _, _) in fields.items():
        value = data.get(name)
        if value is None:
            continue
        python_type = _PYTHON_TYPES[kind]
        if isinstance(value, bool) or not isinstance(value, python_type):
            label = "chuỗi ký tự" if kind == "string" else "số nguyên"
            errors[name] = [f"Phải là {label}."]
        kept[name] = value
    if errors:
        raise Invalid("Dữ liệu gửi lên chưa hợp lệ.", fields=errors)
    return kept


def _reloaded(pk) -> Dossier:
    return Dossier.objects.select_related("procedure", "agency", "assignee").get(pk=pk)


class ListParams(Schema):
    status: str = Field("", description="Mã trạng thái quốc gia (0–10)")
    agency: str = Field("", description="Mã định danh cơ quan")
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(str(DEFAULT_PAGE_SIZE), description=f"1–{MAX_PAGE_SIZE}")


def _whole(text: str, low: int, high: int, name: str) -> int:
    text = (text or "").strip()
    if not text.isdecimal() or not low <= int(text) <= high:
        raise Invalid(
            f"Tham số {name} phải là số nguyên từ {low} đến {high}.",
            fields={name: [f"{low}–{high}"]},
        )
    return int(text)


@router.get(
    "",
    response={200: DossierPage, 400: Refusal, 401: Message},
    summary="Danh sách hồ sơ của người gọi (công dân: hồ sơ của mình; cán bộ: của cơ quan)",
    url_name="dossiers",
)
@answers
def list_dossiers(request, params: Query[ListParams]):
    user = request.user
    page = _whole(params.page, 1, 100_000, "page")
    page_size = _whole(params.page_size, 1, MAX_PAGE_SIZE, "page_size")
    dossiers = visible_to(user)
    # Officers never see a citizen's unsent draft; the owner sees their own.
    dossiers = dossiers.exclude(status=DossierStatus.DRAFT) | dossiers.filter(owner=user)
    if params.status.strip():
        dossiers = dossiers.filter(status=_whole(params.status, 0, 10, "status"))
    if params.agency.strip():
        if "\x00" in params.agency:  # PostgreSQL cannot compare it: a 400, not a 500
            raise Invalid("Tham số agency không hợp lệ.", fields={"agency": ["Ký tự NUL."]})
        dossiers = dossiers.filter(agency__identifier=params.agency.strip())
    dossiers = dossiers.select_related("procedure", "agency").order_by("-created_at", "-pk")
    start = (page - 1) * page_size
    results = [summary_out(d) for d in dossiers[start : start + page_size]]
    return {"count": dossiers.count(), "page": page, "page_size": page_size, "results": results}


@router.post(
    "",
    response={201: DossierOut, **ERRORS},
    summary="Tạo hồ sơ nháp (người nộp); Idempotency-Key: gửi lại không tạo hồ sơ thứ hai",
    url_name="dossier_create",
    exclude_unset=True,
    openapi_extra={
        "parameters": [
            {
                "in": "header",
                "name": "Idempotency-Key",
                "required": False,
                "schema": {"type": "string", "maxLength": 64},
                "description": "Khóa do ứng dụng tạo; gửi lại cùng khóa trả về hồ sơ đã tạo",
            }
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": CREATE_BODY}}},
    },
)
@answers
def create_dossier(request):
    from congso.procedures.models import Procedure

    data = read_json(request)
    errors = {}
    code = data.get("procedure")
    if not isinstance(code, str) or not code.strip():
        errors["procedure"] = ["Vui lòng ghi mã thủ tục."]
    for name, kind in (("agency", str), ("summary", str), ("applicant", dict), ("form_data", dict)):
        if data.get(name) is not None and not isinstance(data[name], kind):
            errors[name] = ["Phải là chuỗi ký tự." if kind is str else "Phải là một đối tượng."]
    if errors:
        raise Invalid("Dữ liệu gửi lên chưa hợp lệ.", fields=errors)
    procedure = Procedure.objects.published().filter(code=code.strip()[:64]).first()
    if procedure is None:
        raise Invalid("Không tìm thấy thủ tục có mã này.", fields={"procedure": ["Sai mã."]})
    dossier = filing.create_draft(
        request.user,
        procedure,
        agency_identifier=(data.get("agency") or "").strip() or None,
        applicant=data.get("applicant") or {},
        summary=data.get("summary") or "",
        form_data=data.get("form_data"),
        submission_key=request.headers.get("Idempotency-Key", "").strip(),
    )
    return Status(201, dossier_out(_reloaded(dossier.pk), request.user))


@router.get(
    "/{dossier_id}",
    response={200: DossierOut, 401: Message, 404: Message},
    summary="Chi tiết hồ sơ và nhật ký xử lý (người nộp hoặc cán bộ cơ quan giải quyết)",
    url_name="dossier",
    exclude_unset=True,
)
@answers
def get_dossier(request, dossier_id: str):
    dossier = get_visible(request.user, dossier_id)
    log_staff_access(request, dossier, "api")
    return dossier_out(_reloaded(dossier.pk), request.user, with_events=True)


@router.post(
    "/{dossier_id}/files",
    response={201: FileOut, **ERRORS},
    summary="Đính kèm tệp (thành phần hồ sơ, giấy tờ bổ sung hoặc tệp kết quả)",
    url_name="dossier_files",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": {"schema": FILE_BODY}},
        }
    },
)
@answers
def attach_file(request, dossier_id: str):
    dossier = get_visible(request.user, dossier_id)
    try:
        uploaded = request.FILES.get("file")
    except MultiPartParserError:
        # Django would answer its English HTML page; the API answers JSON in Vietnamese.
        raise Invalid(
            "Nội dung gửi lên không phải multipart/form-data hợp lệ.",
            fields={"file": ["Chưa có tệp."]},
        )
    if uploaded is None:
        raise Invalid(
            "Vui lòng chọn tệp (trường file, multipart/form-data).",
            fields={"file": ["Chưa có tệp."]},
        )
    component = None
    raw = (request.POST.get("component") or "").strip()
    if raw:
        if raw.isdecimal():
            component = dossier.procedure.components.filter(pk=int(raw)).first()
        if component is None:
            raise Invalid(
                "Thành phần hồ sơ không thuộc thủ tục này.",
                fields={"component": ["Không có thành phần này."]},
            )
    stored = filing.attach_file(dossier, request.user, uploaded, component=component)
    return Status(201, file_out(stored))


def _action_view(action: str, fields: dict):
    def run(request, dossier_id: str):
        data = check_types(read_json(request), fields)
        dossier = get_visible(request.user, dossier_id)
        dossier = perform(dossier.pk, request.user, action, data)
        return dossier_out(_reloaded(dossier.pk), request.user)

    run.__name__ = f"dossier_{action.replace('-', '_')}"
    return answers(run)


for _action, (_summary, _fields) in ACTIONS.items():
    _name = f"dossier_{_action.replace('-', '_')}"
    router.post(
        f"/{{dossier_id}}/actions/{_action}",
        response={200: DossierOut, **ERRORS},
        summary=_summary,
        operation_id=_name,
        url_name=_name,
        exclude_unset=True,
        openapi_extra={
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": action_body(_fields)}},
            }
        },
    )(_action_view(_action, _fields))


@router.post(
    "/{dossier_id}/actions/{action}",
    response={404: Message, 401: Message},
    include_in_schema=False,
)
@answers
def unknown_action(request, dossier_id: str, action: str):
    raise NotFound("Không có thao tác này.")


class TrackingEvent(Schema):
    at: str
    action: str
    action_text: str
    status: int | None
    status_text: str
    actor: str = Field(description="Cán bộ thực hiện; “Người nộp hồ sơ” với thao tác của họ")
    note: str


class TrackingOut(Schema):
    code: str = Field(description="Mã hồ sơ (trước khi tiếp nhận: số tham chiếu)")
    status: int = Field(description="Mã trạng thái quốc gia")
    status_text: str
    procedure: str = Field(description="Mã thủ tục")
    procedure_name: str
    agency: str
    agency_name: str
    submitted_at: str | None
    received_at: str | None
    due_at: str | None
    returned_at: str | None
    history: list[TrackingEvent] | None = Field(
        None,
        description="Quá trình xử lý người nộp được xem; chỉ có khi đúng mã bí mật (secret)",
    )


class TrackingParams(Schema):
    secret: str = Field("", description="Mã bí mật tra cứu in trên phiếu tiếp nhận")


@router.get(
    "/{code}/tracking",
    auth=None,
    response={200: TrackingOut, 404: Message, 429: Message},
    summary="Tra cứu tình trạng hồ sơ theo mã hồ sơ (công khai; thêm secret để xem quá trình)",
    url_name="dossier_tracking",
    exclude_unset=True,
)
def track(request, code: str, params: Query[TrackingParams], response: HttpResponse):
    response["Cache-Control"] = "private, no-store"
    try:
        tracking.check_rate(request)
    except ratelimit.RateLimited as limited:
        response["Retry-After"] = str(limited.retry_after)
        return Status(429, {"detail": tracking.RATE_LIMITED})
    dossier = tracking.find(code)
    if dossier is None:
        return Status(404, {"detail": tracking.NOT_FOUND})
    found = tracking.answer(dossier, params.secret)
    for name in ("submitted_at", "received_at", "due_at", "returned_at"):
        found[name] = iso(found[name])
    history = found.pop("history")
    if history is not None:  # only with the right secret; otherwise no `history` key at all
        found["history"] = [{**row, "at": iso(row["at"])} for row in history]
    return found
