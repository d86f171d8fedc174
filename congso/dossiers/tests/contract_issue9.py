"""Helpers for the issue 9 contract tests (test_contract_issue9*.py): the accounts and
procedures `make demo` creates (setup_roles, load_sample_procedures, ensure_demo_admin), bearer
tokens from `manage.py create_api_token LOGIN`, and dossiers brought to each status through the
API as an outside program would."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from congso.dossiers.models import Dossier
from congso.dossiers.status import Status
from congso.dossiers.tests.api_fixtures import API, ApiClient
from congso.dossiers.tests.factories import pdf_upload, vn

AGENCY = "000.00.12.H56"  # the demo's sample department (congso/dossiers/demo.py)
COMMUNE = "000.23.12.H56"
PROCEDURE = "MAU.000004.000.00.00.H56"  # fully online, 5 working days, one agency
WITH_EFORM = "MAU.000001.000.00.00.H56"  # has a required e-form component
LOGINS = {
    "Cán bộ một cửa": "motcua",
    "Chuyên viên": "chuyenvien",
    "Lãnh đạo": "lanhdao",
    "Công dân 1": "congdan1@demo.congso.invalid",
    "Công dân 2": "congdan2@demo.congso.invalid",
}
CITIZEN, OTHER_CITIZEN = LOGINS["Công dân 1"], LOGINS["Công dân 2"]
BY_ROLE = {"one_stop": "motcua", "specialist": "chuyenvien", "leader": "lanhdao"}
APPLICANT = {
    "name": "Nguyễn Văn A (mẫu)",
    "id_number": "001099000001",
    "phone": "0912345678",
    "email": "a@example.invalid",
    "address": "Số 1, đường Mẫu (dữ liệu mẫu)",
}


def vietnamese(text) -> bool:
    return isinstance(text, str) and bool(text.strip()) and any(ord(c) > 127 for c in text)


@pytest.fixture
def demo(db, clock, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("setup_roles", stdout=StringIO())
    call_command("load_sample_procedures", stdout=StringIO())
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    clock.set(vn(2026, 5, 5, 9, 0))
    return out.getvalue()


def token_output(login: str) -> list[str]:
    out = StringIO()
    call_command("create_api_token", login, stdout=out, stderr=StringIO())
    return out.getvalue().strip().splitlines()


@pytest.fixture
def api(client, demo):
    tokens = {}

    def for_login(login):
        if login not in tokens:
            tokens[login] = json.loads(token_output(login)[-1])["token"]
        return ApiClient(client, tokens[login])

    return for_login


def create(api, procedure=PROCEDURE, **extra):
    body = {
        "procedure": procedure,
        "applicant": APPLICANT,
        "summary": "Đề nghị (dữ liệu mẫu)",
        "form_data": {},
        **extra,
    }
    return api(CITIZEN).post(API, body)


def filed(api, procedure=PROCEDURE, *, submit=True) -> int:
    """A dossier with every required component attached, submitted unless told otherwise."""
    created = create(api, procedure).json()
    citizen = api(CITIZEN)
    for component in created["components"]:
        if component["required"]:
            assert citizen.upload(created["id"], pdf_upload(), component["id"]).status_code == 201
    if submit:
        assert citizen.act(created["id"], "submit").status_code == 200
    return created["id"]


def at_status(api, status: int) -> int:
    """A dossier of the demo procedure brought to `status` through the API."""
    if status == Status.DRAFT:
        return filed(api, submit=False)
    dossier_id = filed(api)
    steps = {
        Status.SUBMITTED: [],
        Status.REFUSED: [("motcua", "refuse", {"reason": "Sai thủ tục (mẫu)"})],
        Status.WITHDRAWN: [(CITIZEN, "withdraw", {"reason": "Không cần nữa (mẫu)"})],
        Status.RECEIVED: [("motcua", "receive", {})],
        Status.SUPPLEMENT: [
            ("motcua", "receive", {}),
            ("chuyenvien", "request-supplement", {"reason": "Thiếu bản sao (mẫu)"}),
        ],
        Status.PAYMENT: [("motcua", "receive", {})],
        Status.STOPPED: [
            ("motcua", "receive", {}),
            ("chuyenvien", "stop", {"reason": "Dừng (mẫu)"}),
        ],
        Status.PROCESSING: [("motcua", "receive", {}), ("chuyenvien", "forward", {})],
        Status.DONE: [
            ("motcua", "receive", {}),
            ("chuyenvien", "forward", {}),
            ("lanhdao", "approve", {}),
        ],
    }
    steps[Status.RETURNED] = steps[Status.DONE] + [
        ("motcua", "return-result", {"result_number": "12/GP-STTTT (mẫu)"})
    ]
    for login, action, body in steps[Status(status)]:
        answer = api(login).act(dossier_id, action, body)
        assert answer.status_code == 200, answer.json()
    if status == Status.PAYMENT:
        # The demo procedure has no fee items, so request-payment (issue 10) cannot be pressed on
        # it; the fee step (status 6) is set as that action would.
        Dossier.objects.filter(pk=dossier_id).update(status=Status.PAYMENT)
    assert Dossier.objects.get(pk=dossier_id).status == status
    return dossier_id


# Each action's body with exactly the fields issue 9 lists.
BODIES = {
    "submit": {},
    "receive": {},
    "request-supplement": {"reason": "Thiếu bản sao (mẫu)"},
    "supplement": {"note": "Đã bổ sung (mẫu)"},
    "refuse": {"reason": "Sai thủ tục (mẫu)"},
    "assign": {"user": None},  # the login of the current step's role, filled in by `caller`
    "forward": {},
    "send-back": {"reason": "Cần xem lại (mẫu)"},
    "approve": {},
    "return-result": {
        "result_number": "12/GP-STTTT (mẫu)",
        "result_date": "2026-05-07",
        "signer": "Nguyễn Văn B (mẫu)",
        "note": "Trả qua bưu chính (mẫu)",
    },
    "apologize": {"new_due_at": "2026-05-20T16:00:00+07:00", "reason": "Cần thêm thời gian (mẫu)"},
    "stop": {"reason": "Dừng (mẫu)"},
    "withdraw": {"reason": "Không cần nữa (mẫu)"},
    "rate": {"score": 5, "comment": "Nhanh (mẫu)"},
}
CITIZEN_ACTIONS = {"submit", "supplement", "withdraw", "rate"}
# The (action, status) pairs the default workflow allows, each by the person whose turn it is.
ALLOWED = {
    "submit": {0},
    "receive": {1},
    "request-supplement": {1, 2},
    "supplement": {5},
    "refuse": {1},
    "assign": {1, 2, 4, 5, 6},
    "forward": {2},
    "send-back": {4},
    "approve": {4},
    "return-result": {9},
    "apologize": {2, 4, 5},
    # Issue 10 lets an officer stop a dossier whose fees were never paid (status 6).
    "stop": {2, 4, 5, 6},
    "withdraw": {1, 2, 4, 5, 6},
    "rate": {10},
}


def caller(dossier_id: int, action: str) -> tuple[str, dict]:
    """Who would press `action` on this dossier, and the body they send."""
    dossier = Dossier.objects.select_related("workflow").get(pk=dossier_id)
    body = dict(BODIES[action])
    step = dossier.workflow.step(dossier.current_step) if dossier.current_step else None
    if action == "assign":
        body["user"] = BY_ROLE.get(step.role if step else "", "chuyenvien")
    if dossier.status == Status.DRAFT or action in CITIZEN_ACTIONS:
        return CITIZEN, body  # a draft is its owner's alone
    if action in ("assign",):
        return "motcua", body
    if action == "apologize":
        return "lanhdao", body
    row = dossier.workflow.transitions.filter(action=action, from_step=dossier.current_step).first()
    return BY_ROLE.get(row.role if row else "", "motcua"), body


def assert_dossier_answer(body):
    assert type(body["id"]) is int
    assert type(body["status"]) is int and 0 <= body["status"] <= 10
    assert vietnamese(body["status_text"])
    for key in ("code", "received_at", "due_at", "documents"):
        assert key in body


def tracking(client, code, **params):
    return client.get(f"{API}/{code}/tracking", params)


def due(client, received_at, amount, unit="working_day", agency=AGENCY):
    params = {"agency": agency, "received_at": received_at, "amount": amount, "unit": unit}
    return client.get("/api/v1/calendar/due-date", params)
