"""Issue 9's contracts (parts 1, 7, 8 and 9), called as an outside program would call them: the
accounts and procedures `make demo` creates (setup_roles, load_sample_procedures,
ensure_demo_admin), bearer tokens from `manage.py create_api_token LOGIN`, plain HTTP and JSON."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from congso.dossiers.models import Dossier
from congso.dossiers.services import records
from congso.dossiers.status import FINISHED, Status
from congso.dossiers.tests.api_fixtures import API, ApiClient
from congso.dossiers.tests.factories import pdf_upload, vn

pytestmark = pytest.mark.django_db

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
def clock(monkeypatch):
    """The time every service reads (records.now), moved by set()."""

    class Clock:
        at = vn(2026, 5, 5, 9, 0)

        def set(self, moment):
            self.at = moment

    fake = Clock()
    monkeypatch.setattr(records, "now", lambda: fake.at)
    return fake


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
        # No action of issue 9 asks for fees yet: the fee step (status 6) is set as it would.
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
    "stop": {2, 4, 5},
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


# --- create_api_token and the demo logins ----------------------------------------------------


def test_ensure_demo_admin_prints_one_line_per_service_account_with_its_login(demo):
    lines = [line.strip() for line in demo.splitlines()]
    for label, login in LOGINS.items():
        assert any(line.startswith(f"{label}: {login} / ") for line in lines), label


@pytest.mark.parametrize("login", LOGINS.values())
def test_create_api_token_prints_the_token_as_json_on_its_last_line(demo, login):
    last = json.loads(token_output(login)[-1])
    assert list(last) == ["token"] and isinstance(last["token"], str) and last["token"]


@pytest.mark.parametrize("login", LOGINS.values())
def test_the_token_of_each_demo_login_authenticates_the_api(api, login):
    assert api(login).get(API).status_code == 200


def test_a_request_without_a_token_is_refused_in_vietnamese(client, demo):
    answer = client.post(API, "{}", content_type="application/json")
    assert answer.status_code == 401 and vietnamese(answer.json()["detail"])


# --- POST /api/v1/dossiers --------------------------------------------------------------------


def test_creating_with_exactly_the_issues_json_answers_201_with_id_and_components(api):
    answer = create(api)
    assert answer.status_code == 201
    body = answer.json()
    assert isinstance(body["id"], int)
    assert body["status"] == 0
    assert body["components"]
    for component in body["components"]:
        assert isinstance(component["id"], int)
        assert isinstance(component["name"], str) and component["name"]
        assert isinstance(component["required"], bool)


def test_the_agency_is_not_needed_when_the_procedure_has_one_implementing_agency(api):
    answer = create(api)
    assert answer.status_code == 201 and answer.json()["agency"] == AGENCY


def _two_agencies():
    from congso.organisation.models import Agency
    from congso.procedures.models import Procedure

    Procedure.objects.get(code=PROCEDURE).agencies.add(Agency.objects.get(identifier=COMMUNE))


def test_the_agency_is_required_when_the_procedure_has_several_implementing_agencies(api):
    _two_agencies()
    answer = create(api)
    assert answer.status_code == 400
    assert vietnamese(answer.json()["detail"]) and "agency" in answer.json()["errors"]


def test_the_agency_chosen_among_several_is_the_dossiers(api):
    _two_agencies()
    answer = create(api, agency=COMMUNE)
    assert answer.status_code == 201 and answer.json()["agency"] == COMMUNE


def test_an_agency_that_does_not_implement_the_procedure_is_refused(api):
    answer = create(api, agency="000.99.99.H99")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_an_unknown_procedure_code_is_a_400_with_a_message(api):
    answer = create(api, procedure="KHONG.CO")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("raw", ["", "[]", "{", '"x"', '{"procedure": 5}'])
def test_a_body_that_is_not_the_expected_json_is_a_400_with_a_message(api, raw):
    answer = api(CITIZEN).post(API, raw=raw)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


# --- files, submit, GET -----------------------------------------------------------------------


def test_a_file_is_attached_by_multipart_component_and_file(api):
    created = create(api).json()
    answer = api(CITIZEN).upload(created["id"], pdf_upload(), created["components"][0]["id"])
    assert answer.status_code == 201
    assert answer.json()["component"] == created["components"][0]["id"]


def test_submit_answers_200_with_national_status_1_and_the_tracking_secret(api):
    created = create(api).json()
    for component in created["components"]:
        if component["required"]:
            api(CITIZEN).upload(created["id"], pdf_upload(), component["id"])
    answer = api(CITIZEN).act(created["id"], "submit")
    assert answer.status_code == 200
    assert answer.json()["status"] == 1 and type(answer.json()["status"]) is int
    assert isinstance(answer.json()["secret"], str) and answer.json()["secret"]


def test_submitting_with_a_required_component_missing_is_a_400_naming_it(api):
    created = create(api).json()
    answer = api(CITIZEN).act(created["id"], "submit")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])
    assert answer.json()["errors"]["components"]


def test_the_owner_reads_the_dossier_with_its_event_list(api):
    dossier_id = filed(api)
    body = api(CITIZEN).get(f"{API}/{dossier_id}").json()
    assert body["id"] == dossier_id
    assert [event["action"] for event in body["events"]][-1] == "submit"


@pytest.mark.parametrize("login", ["motcua", "chuyenvien", "lanhdao"])
def test_the_agencys_staff_read_the_dossier_with_its_event_list(api, login):
    dossier_id = filed(api)
    answer = api(login).get(f"{API}/{dossier_id}")
    assert answer.status_code == 200 and answer.json()["events"]


def test_another_citizen_gets_a_404_for_a_dossier_not_theirs(api):
    dossier_id = filed(api)
    answer = api(OTHER_CITIZEN).get(f"{API}/{dossier_id}")
    assert answer.status_code == 404 and vietnamese(answer.json()["detail"])


def test_an_officer_cannot_see_a_citizens_unsubmitted_draft(api):
    dossier_id = create(api).json()["id"]
    assert api("motcua").get(f"{API}/{dossier_id}").status_code == 404


# --- every action through the API -------------------------------------------------------------


def assert_dossier_answer(body):
    assert type(body["id"]) is int
    assert type(body["status"]) is int and 0 <= body["status"] <= 10
    assert vietnamese(body["status_text"])
    for key in ("code", "received_at", "due_at", "documents"):
        assert key in body


def test_the_whole_round_trip_with_the_demo_accounts_answers_the_dossier_each_time(api, clock):
    dossier_id = filed(api)
    steps = [
        ("motcua", "receive", {}, 2),
        ("motcua", "assign", {"user": "chuyenvien"}, 2),
        ("chuyenvien", "request-supplement", {"reason": "Thiếu bản sao (mẫu)"}, 5),
        (CITIZEN, "supplement", {"note": "Đã bổ sung (mẫu)"}, 2),
        ("lanhdao", "apologize", BODIES["apologize"], 2),
        ("chuyenvien", "forward", {"user": "lanhdao"}, 4),
        ("lanhdao", "send-back", {"reason": "Cần xem lại (mẫu)"}, 4),
        ("chuyenvien", "forward", {}, 4),
        ("lanhdao", "approve", {}, 9),
        ("motcua", "return-result", BODIES["return-result"], 10),
        (CITIZEN, "rate", {"score": 4, "comment": "Tốt (mẫu)"}, 10),
    ]
    for login, action, body, status in steps:
        answer = api(login).act(dossier_id, action, body)
        assert answer.status_code == 200, (action, answer.json())
        assert_dossier_answer(answer.json())
        assert answer.json()["status"] == status, action
    final = api(CITIZEN).get(f"{API}/{dossier_id}").json()
    assert final["code"].startswith(f"{AGENCY}-260505-")
    assert final["due_at"] == "2026-05-20T16:00:00+07:00"
    assert final["result"]["number"] == "12/GP-STTTT (mẫu)"
    assert final["result"]["signer"] == "Nguyễn Văn B (mẫu)"
    assert final["rating"] == {"score": 4, "comment": "Tốt (mẫu)"}


def test_receive_answers_the_code_dates_and_the_url_of_form_01(api):
    dossier_id = filed(api)
    body = api("motcua").act(dossier_id, "receive").json()
    assert body["code"] == f"{AGENCY}-260505-0001"
    assert body["received_at"] == "2026-05-05T09:00:00+07:00"
    assert body["due_at"] == "2026-05-12T09:00:00+07:00"
    assert [d["form"] for d in body["documents"]] == ["01"]
    assert body["documents"][0]["url"].startswith("http")


@pytest.mark.parametrize(
    "action, slip",
    [("request-supplement", "02"), ("refuse", "03")],
)
def test_a_refusal_or_supplement_request_at_the_desk_answers_its_form(api, action, slip):
    dossier_id = filed(api)
    body = api("motcua").act(dossier_id, action, {"reason": "Thiếu giấy tờ (mẫu)"}).json()
    assert slip in [d["form"] for d in body["documents"]]


def test_an_apology_answers_form_04(api):
    dossier_id = at_status(api, Status.RECEIVED)
    body = api("lanhdao").act(dossier_id, "apologize", BODIES["apologize"]).json()
    assert "04" in [d["form"] for d in body["documents"]]


def test_a_returned_result_file_is_among_the_documents(api):
    dossier_id = at_status(api, Status.DONE)
    assert api("motcua").upload(dossier_id, pdf_upload("ket-qua.pdf")).status_code == 201
    body = api("motcua").act(dossier_id, "return-result", BODIES["return-result"]).json()
    assert "result" in [d["type"] for d in body["documents"]]


def test_assign_takes_a_demo_login_in_user(api):
    dossier_id = at_status(api, Status.RECEIVED)
    answer = api("motcua").act(dossier_id, "assign", {"user": "chuyenvien"})
    assert answer.status_code == 200 and answer.json()["assignee"] == "chuyenvien"


def test_forward_takes_a_demo_login_in_user(api):
    dossier_id = at_status(api, Status.RECEIVED)
    answer = api("chuyenvien").act(dossier_id, "forward", {"user": "lanhdao"})
    assert answer.status_code == 200 and answer.json()["assignee"] == "lanhdao"


def test_assign_to_a_login_outside_the_agency_is_a_400_with_a_message(api):
    dossier_id = at_status(api, Status.RECEIVED)
    answer = api("motcua").act(dossier_id, "assign", {"user": CITIZEN})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_citizen_pressing_an_officers_action_is_a_403_in_vietnamese(api):
    dossier_id = filed(api)
    answer = api(CITIZEN).act(dossier_id, "receive")
    assert answer.status_code == 403 and vietnamese(answer.json()["detail"])


def test_an_action_on_an_unknown_dossier_is_a_404_in_vietnamese(api):
    answer = api("motcua").act(999999, "receive")
    assert answer.status_code == 404 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("score", [0, 6, "5", 4.5, True])
def test_a_rating_outside_one_to_five_is_a_400(api, score):
    dossier_id = at_status(api, Status.RETURNED)
    answer = api(CITIZEN).act(dossier_id, "rate", {"score": score})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_bad_new_due_at_is_a_400_field_by_field(api):
    dossier_id = at_status(api, Status.RECEIVED)
    body = {"new_due_at": "ngày mai", "reason": "Cần thêm thời gian (mẫu)"}
    answer = api("lanhdao").act(dossier_id, "apologize", body)
    assert answer.status_code == 400 and "new_due_at" in answer.json()["errors"]


def test_a_second_apology_is_a_409_with_the_reason(api):
    dossier_id = at_status(api, Status.RECEIVED)
    api("lanhdao").act(dossier_id, "apologize", BODIES["apologize"])
    body = {"new_due_at": "2026-05-25T16:00:00+07:00", "reason": "Lần nữa (mẫu)"}
    answer = api("lanhdao").act(dossier_id, "apologize", body)
    assert answer.status_code == 409 and vietnamese(answer.json()["detail"])


def test_an_apology_on_the_due_day_is_a_409_with_the_reason(api, clock):
    dossier_id = at_status(api, Status.RECEIVED)
    clock.set(vn(2026, 5, 12, 8, 0))
    answer = api("lanhdao").act(dossier_id, "apologize", BODIES["apologize"])
    assert answer.status_code == 409 and vietnamese(answer.json()["detail"])


def test_a_second_rating_is_a_409_with_the_reason(api):
    dossier_id = at_status(api, Status.RETURNED)
    assert api(CITIZEN).act(dossier_id, "rate", {"score": 5}).status_code == 200
    answer = api(CITIZEN).act(dossier_id, "rate", {"score": 1})
    assert answer.status_code == 409 and vietnamese(answer.json()["detail"])


def test_a_supplement_with_files_sent_beforehand_and_no_note_is_accepted(api):
    dossier_id = at_status(api, Status.SUPPLEMENT)
    assert api(CITIZEN).upload(dossier_id, pdf_upload("bo-sung.pdf")).status_code == 201
    answer = api(CITIZEN).act(dossier_id, "supplement", {})
    assert answer.status_code == 200 and answer.json()["status"] == 2


def test_a_citizen_attaching_a_file_to_a_submitted_dossier_gets_a_409(api):
    dossier_id = filed(api)
    answer = api(CITIZEN).upload(dossier_id, pdf_upload())
    assert answer.status_code == 409 and vietnamese(answer.json()["detail"])


def test_another_agencys_officer_gets_a_404_for_the_dossier(api, client):
    from congso.dossiers.status import Role
    from congso.dossiers.tests.factories import make_staff
    from congso.organisation.models import Agency

    make_staff(Agency.objects.get(identifier=COMMUNE), Role.ONE_STOP, "motcua-xa")
    dossier_id = filed(api)
    assert api("motcua-xa").get(f"{API}/{dossier_id}").status_code == 404
    assert api("motcua-xa").act(dossier_id, "receive").status_code == 404


def test_an_unknown_action_is_a_404_in_vietnamese(api):
    dossier_id = filed(api)
    answer = api("motcua").act(dossier_id, "xoa")
    assert answer.status_code == 404 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("raw", ["{", "[1]", '"lý do"'])
def test_an_action_body_that_is_not_a_json_object_is_a_400(api, raw):
    dossier_id = filed(api)
    answer = api("motcua").post(f"{API}/{dossier_id}/actions/refuse", raw=raw)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("reason", [None, "", 5])
def test_a_refusal_without_a_text_reason_is_a_400_naming_the_field(api, reason):
    dossier_id = filed(api)
    answer = api("motcua").act(dossier_id, "refuse", {"reason": reason})
    assert answer.status_code == 400 and "reason" in answer.json()["errors"]


# --- part 9: every action in every status -----------------------------------------------------

STATUSES = [int(s) for s in Status]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", list(BODIES))
def test_every_action_in_every_status_is_done_or_a_409_with_the_reason(api, action, status):
    dossier_id = at_status(api, status)
    login, body = caller(dossier_id, action)
    answer = api(login).act(dossier_id, action, body)
    if status in ALLOWED[action]:
        assert answer.status_code == 200, answer.json()
        assert_dossier_answer(answer.json())
    else:
        assert answer.status_code == 409, answer.json()
        assert vietnamese(answer.json()["detail"])
        assert Dossier.objects.get(pk=dossier_id).status == status


def test_a_double_clicked_submission_creates_one_dossier(api):
    created = create(api).json()
    citizen = api(CITIZEN)
    for component in created["components"]:
        if component["required"]:
            citizen.upload(created["id"], pdf_upload(), component["id"])
    first = citizen.act(created["id"], "submit")
    second = citizen.act(created["id"], "submit")
    assert (first.status_code, second.status_code) == (200, 409)
    assert vietnamese(second.json()["detail"])
    assert Dossier.objects.filter(status=Status.SUBMITTED).count() == 1


def test_a_double_clicked_creation_with_one_idempotency_key_creates_one_dossier(api):
    citizen = api(CITIZEN)
    body = {"procedure": PROCEDURE, "applicant": APPLICANT, "summary": "", "form_data": {}}
    first = citizen.post(API, body, **{"Idempotency-Key": "nhan-doi-1"})
    second = citizen.post(API, body, **{"Idempotency-Key": "nhan-doi-1"})
    assert first.json()["id"] == second.json()["id"]
    assert Dossier.objects.count() == 1


def test_two_officers_receiving_one_after_the_other_one_wins_the_other_gets_409(api):
    dossier_id = filed(api)
    assert api("motcua").act(dossier_id, "receive").status_code == 200
    again = api("motcua").act(dossier_id, "receive")
    assert again.status_code == 409 and vietnamese(again.json()["detail"])


def test_the_second_officer_to_receive_is_told_the_dossier_was_received_and_its_code(api):
    dossier_id = filed(api)
    code = api("motcua").act(dossier_id, "receive").json()["code"]
    again = api("motcua").act(dossier_id, "receive")
    assert again.status_code == 409 and code in again.json()["detail"]


SETTLED = [
    (action, int(status))
    for action in ("receive", "approve", "forward", "return-result", "stop")
    for status in sorted(FINISHED)
    # Returning the result is what a processed dossier waits for.
    if (action, status) != ("return-result", Status.DONE)
]


@pytest.mark.parametrize("action, status", SETTLED)
def test_a_step_action_on_a_settled_dossier_names_its_status(api, action, status):
    dossier_id = at_status(api, status)
    login, body = caller(dossier_id, action)
    answer = api(login).act(dossier_id, action, body)
    assert answer.status_code == 409
    detail = answer.json()["detail"]
    assert str(Status(status).label) in detail or "đã được tiếp nhận" in detail


def test_a_file_that_claims_to_be_a_pdf_and_is_not_is_refused_with_a_message(api):
    created = create(api).json()
    fake = SimpleUploadedFile("don.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    answer = api(CITIZEN).upload(created["id"], fake, created["components"][0]["id"])
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_refused_upload_keeps_nothing(api):
    created = create(api).json()
    fake = SimpleUploadedFile("don.pdf", b"not a pdf", "application/pdf")
    api(CITIZEN).upload(created["id"], fake, created["components"][0]["id"])
    assert api(CITIZEN).get(f"{API}/{created['id']}").json()["files"] == []


def _eform_component(api) -> int:
    answer = api(CITIZEN).get(f"/api/v1/procedures/{WITH_EFORM}")
    (component,) = [c for c in answer.json()["components"] if c["form_schema"]]
    return component["id"]


def test_e_form_data_breaking_its_schema_is_refused_field_by_field(api):
    component = _eform_component(api)
    bad = {"ho_ten": "", "so_dinh_danh": "123", "ngay_ky": "hôm qua", "so_luong": 0}
    created = create(api, WITH_EFORM, form_data={str(component): bad}).json()
    for c in created["components"]:
        if c["required"] and c["id"] != component:
            api(CITIZEN).upload(created["id"], pdf_upload(), c["id"])
    answer = api(CITIZEN).act(created["id"], "submit")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])
    fields = answer.json()["errors"]["form_data"][str(component)]
    assert {"ho_ten", "so_dinh_danh", "ngay_ky", "so_luong"} <= set(fields)


def test_e_form_data_that_follows_its_schema_is_submitted(api):
    component = _eform_component(api)
    good = {"ho_ten": "Nguyễn Văn A (mẫu)", "so_dinh_danh": "001099000001", "ngay_ky": "2026-05-05"}
    created = create(api, WITH_EFORM, form_data={str(component): good}).json()
    for c in created["components"]:
        if c["required"] and c["id"] != component:
            api(CITIZEN).upload(created["id"], pdf_upload(), c["id"])
    assert api(CITIZEN).act(created["id"], "submit").status_code == 200


# --- part 7: tracking -------------------------------------------------------------------------


def tracking(client, code, **params):
    return client.get(f"{API}/{code}/tracking", params)


def test_tracking_by_code_answers_the_public_fields_and_no_history(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    body = tracking(client, code).json()
    assert {"code", "status", "status_text", "procedure", "received_at", "due_at"} <= set(body)
    assert body["code"] == code and body["status"] == 2 and body["procedure"] == PROCEDURE
    assert body["due_at"] == "2026-05-12T09:00:00+07:00"
    assert "history" not in body
    assert APPLICANT["name"] not in json.dumps(body, ensure_ascii=False)
    assert APPLICANT["id_number"] not in json.dumps(body)


def test_tracking_with_the_secret_adds_the_history(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    secret = api(CITIZEN).get(f"{API}/{dossier_id}").json()["secret"]
    body = tracking(client, code, secret=secret).json()
    assert [row["action"] for row in body["history"]][:2] == ["submit", "receive"]


def test_before_receipt_the_dossier_is_tracked_by_its_reference(api, client):
    dossier_id = filed(api)
    reference = api(CITIZEN).get(f"{API}/{dossier_id}").json()["reference"]
    body = tracking(client, reference).json()
    assert body["status"] == 1 and body["received_at"] is None


def test_a_wrong_secret_answers_exactly_what_the_code_alone_answers(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    assert tracking(client, code, secret="sai").json() == tracking(client, code).json()


def test_a_wrong_code_tells_nothing_but_a_vietnamese_not_found(api, client):
    at_status(api, Status.RECEIVED)
    answers = [tracking(client, code) for code in (f"{AGENCY}-260505-0002", "x", "1")]
    assert {a.status_code for a in answers} == {404}
    assert len({a.json()["detail"] for a in answers}) == 1
    assert vietnamese(answers[0].json()["detail"])


def test_tracking_too_often_is_a_429_with_a_vietnamese_message(api, client, settings):
    settings.DOSSIER_TRACKING_RATE_LIMIT = "3/60"
    for _ in range(3):
        tracking(client, "x")
    answer = tracking(client, "x")
    assert answer.status_code == 429 and vietnamese(answer.json()["detail"])


# --- part 1: agencies and the due-date calculator ---------------------------------------------


def test_the_agencies_list_has_the_list_shape_and_the_four_fields(client, demo):
    body = client.get("/api/v1/agencies").json()
    assert {"count", "page", "page_size", "results"} <= set(body)
    rows = {row["identifier"]: row for row in body["results"]}
    assert {"identifier", "name", "level", "parent"} <= set(rows[AGENCY])
    assert rows[COMMUNE]["parent"] == AGENCY and rows[AGENCY]["parent"] is None
    assert rows[AGENCY]["level"] == "province" and rows[COMMUNE]["level"] == "commune"


def due(client, received_at, amount, unit="working_day", agency=AGENCY):
    params = {"agency": agency, "received_at": received_at, "amount": amount, "unit": unit}
    return client.get("/api/v1/calendar/due-date", params)


@pytest.mark.parametrize(
    "received_at, amount, unit, expected",
    [
        ("2026-04-24T16:45:00+07:00", 3, "working_day", "2026-05-04T16:45:00+07:00"),
        ("2026-04-24T16:45:00+07:00", 2, "working_day", "2026-04-29T16:45:00+07:00"),
        ("2026-04-28T08:00:00+07:00", 3, "working_day", "2026-05-05T08:00:00+07:00"),
        ("2026-05-05T12:10:00+07:00", 4, "working_hour", "2026-05-05T17:00:00+07:00"),
        ("2026-05-05T09:00:00+07:00", 5, "working_day", "2026-05-12T09:00:00+07:00"),
    ],
)
def test_the_worked_examples_of_services_md_through_the_api(
    client, demo, received_at, amount, unit, expected
):
    answer = due(client, received_at, amount, unit)
    assert answer.status_code == 200 and answer.json() == {"due_at": expected}


def test_the_supplement_example_of_services_md_through_the_dossiers_api(api, clock):
    dossier_id = filed(api)
    clock.set(vn(2026, 5, 5, 9, 0))
    assert api("motcua").act(dossier_id, "receive").json()["due_at"] == "2026-05-12T09:00:00+07:00"
    clock.set(vn(2026, 5, 7, 10, 0))
    api("chuyenvien").act(dossier_id, "request-supplement", {"reason": "Thiếu (mẫu)"})
    clock.set(vn(2026, 5, 11, 14, 0))
    body = api(CITIZEN).act(dossier_id, "supplement", {"note": "Đã bổ sung (mẫu)"}).json()
    assert body["due_at"] == "2026-05-14T11:30:00+07:00"


def test_an_amount_of_a_thousand_is_answered(client, demo):
    assert due(client, "2026-05-05T09:00:00+07:00", 1000).status_code == 200


@pytest.mark.parametrize(
    "received_at, amount, unit, agency",
    [
        ("2026-05-05T09:00:00+07:00", 1001, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 0, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", -1, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", "2.5", "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", "", "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "week", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "", AGENCY),
        ("05/05/2026 09:00", 3, "working_day", AGENCY),
        ("", 3, "working_day", AGENCY),
        ("2026-05-05T09:00:00+07:00", 3, "working_day", "000.99.99.H99"),
        ("2026-05-05T09:00:00+07:00", 3, "working_day", ""),
    ],
)
def test_a_bad_due_date_parameter_is_a_400_with_a_message(
    client, demo, received_at, amount, unit, agency
):
    answer = due(client, received_at, amount, unit, agency)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_the_calculator_answers_130_requests_a_minute_from_one_address(client, demo):
    codes = {due(client, "2026-05-05T09:00:00+07:00", 3).status_code for _ in range(130)}
    assert codes == {200}


# --- NUL characters: PostgreSQL can neither store nor compare them ----------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"procedure": PROCEDURE, "applicant": {**APPLICANT, "name": "Nguyễn\x00Văn A"}},
        {"procedure": PROCEDURE + "\x00", "applicant": APPLICANT},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "summary": "x\x00"},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "agency": AGENCY + "\x00"},
        {"procedure": PROCEDURE, "applicant": APPLICANT, "form_data": {"1": {"a\x00": "b"}}},
    ],
)
def test_a_nul_character_in_a_new_dossier_is_a_400_with_a_message(api, body):
    answer = api(CITIZEN).post(API, body)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_an_actions_fields_is_a_400_with_a_message(api):
    dossier_id = filed(api)
    answer = api("motcua").act(dossier_id, "refuse", {"reason": "Sai\x00 (mẫu)"})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_a_tracking_code_is_a_404_like_any_wrong_code(client, demo):
    answer = client.get(f"{API}/{AGENCY}-260505-0001%00/tracking")
    assert answer.status_code == 404 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_the_tracking_secret_answers_as_a_wrong_secret(api, client):
    dossier_id = at_status(api, Status.RECEIVED)
    code = Dossier.objects.get(pk=dossier_id).code
    answer = tracking(client, code, secret="abc\x00")
    assert answer.status_code == 200 and "history" not in answer.json()


def test_a_nul_character_in_the_due_date_agency_is_a_400_with_a_message(client, demo):
    answer = due(client, "2026-05-05T09:00:00+07:00", 3, agency=AGENCY + "\x00")
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_nul_character_in_the_list_filter_is_a_400_with_a_message(api):
    answer = api("motcua").get(API, {"agency": AGENCY + "\x00"})
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


def test_a_malformed_multipart_body_is_a_400_in_json_with_a_message(api, client):
    dossier_id = create(api).json()["id"]
    answer = client.post(
        f"{API}/{dossier_id}/files",
        b"garbage",
        content_type="multipart/form-data",  # no boundary
        headers=api(CITIZEN).headers,
    )
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])


@pytest.mark.parametrize("depth", [100, 100_000])
def test_json_nested_too_deep_is_a_400_with_a_message(api, depth):
    form_data = "[" * depth + "]" * depth
    raw = f'{{"procedure": "{PROCEDURE}", "applicant": {{"name": "A"}}, "form_data": {form_data}}}'
    answer = api(CITIZEN).post(API, raw=raw)
    assert answer.status_code == 400 and vietnamese(answer.json()["detail"])
