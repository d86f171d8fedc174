"""Issue 9's contracts, part 8: /api/v1/dossiers called as an outside program would call it,
with the demo's accounts, tokens and sample procedures (helpers in contract_issue9.py)."""

import json

import pytest

from congso.dossiers.status import Status
from congso.dossiers.tests import contract_issue9 as contract
from congso.dossiers.tests.contract_issue9 import (
    AGENCY,
    API,
    BODIES,
    CITIZEN,
    COMMUNE,
    LOGINS,
    OTHER_CITIZEN,
    PROCEDURE,
    assert_dossier_answer,
    at_status,
    create,
    filed,
    token_output,
    vietnamese,
)
from congso.dossiers.tests.factories import pdf_upload, vn

pytestmark = pytest.mark.django_db
api, demo = contract.api, contract.demo


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
